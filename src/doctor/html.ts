import type { Status } from './check.js';
import { chainLines, type Hop } from './hops.js';
import type { Finding } from './report.js';
import { printable } from '../util/text.js';

/**
 * `ccenv doctor --html FILE`: one self-contained page — inline CSS and SVG, no script, no reference to any other
 * resource — with the path drawn as a diagram (one row per chain, doctor/hops.ts), the checks beneath, the fix of
 * each failure, and the versions and time of the run. The caller redacts every string before it gets here.
 */

const COLOUR: Record<Status, string> = { ok: '#1a7f37', warn: '#9a6700', fail: '#cf222e', skip: '#6e7781' };
const WORD: Record<Status, string> = { ok: 'ok', warn: 'warning', fail: 'failed', skip: 'skipped' };

/** HTML text escaping (also safe inside attribute values and SVG text), control characters made visible. */
function esc(s: string): string {
  return printable(s, 4_000).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const BOX_W = 150;
const BOX_H = 54;
const GAP = 26;

/** One chain as an SVG row of boxes joined by arrows; the last cell stacks the hops of a collapsed line. */
function svgChain(line: ReturnType<typeof chainLines>[number]): string {
  const cells = [...line.hops.map((h) => [h]), line.last];
  const height = Math.max(...cells.map((c) => c.length)) * (BOX_H + 8);
  const width = cells.length * (BOX_W + GAP);
  const parts: string[] = [];
  cells.forEach((alts, i) => {
    const x = i * (BOX_W + GAP);
    alts.forEach((h, j) => {
      const y = j * (BOX_H + 8);
      const label = h.label.length > 20 ? `${h.label.slice(0, 19)}…` : h.label;
      parts.push(
        `<g class="hop ${h.status}" data-hop="${esc(h.id)}" data-status="${h.status}"><title>${esc(`${h.kind} ${h.label}: ${WORD[h.status]}${h.diagnosis ? ` (${h.diagnosis})` : ''}`)}</title>` +
          `<rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="6" fill="#fff" stroke="${COLOUR[h.status]}" stroke-width="${h.status === 'fail' ? 4 : 2}"/>` +
          `<text x="${x + 8}" y="${y + 18}" font-size="11" fill="#57606a">${esc(h.kind)}</text>` +
          `<text x="${x + 8}" y="${y + 34}" font-size="13" fill="#1f2328">${esc(label)}</text>` +
          `<text x="${x + 8}" y="${y + 48}" font-size="11" fill="${COLOUR[h.status]}">${WORD[h.status]}${h.latencyMs !== null ? ` · ${h.latencyMs} ms` : ''}</text></g>`,
      );
    });
    if (i < cells.length - 1) parts.push(`<path d="M${x + BOX_W + 3} ${BOX_H / 2} h${GAP - 8} m-6 -5 l6 5 l-6 5" stroke="#57606a" fill="none" stroke-width="1.5"/>`);
  });
  return `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(`path for ${line.profiles.join(', ')}`)}">${parts.join('')}</svg>`;
}

/**
 * The page. `meta`: ccenv's, Claude Code's and LiteLLM's versions (as found; "unknown" when not) and the time
 * of the run (ISO 8601). Pure: the same input gives the same page.
 */
export function renderHtml(hops: readonly Hop[], findings: readonly Finding[], meta: { ccenv: string; claude?: string; litellm?: string; time: string }): string {
  const lines = chainLines(hops);
  const failing = findings.filter((f) => f.status === 'fail' || f.status === 'warn');
  const rows = findings
    .map((f) => `<tr class="${f.status}" data-check="${esc(f.code)}"><td class="st">${WORD[f.status]}</td><td>${esc(f.title)}${f.profile ? ` <small>(${esc(f.profile)})</small>` : ''}</td><td>${esc(f.message)}${f.diagnosis && f.status !== 'ok' ? ` <code>${esc(f.diagnosis)}</code>` : ''}${(f.details ?? []).map((d) => `<br><small>${esc(d)}</small>`).join('')}</td></tr>`)
    .join('\n');
  const fixes = failing.filter((f) => f.fix).map((f) => `<li><b>${esc(f.title)}</b>${f.profile ? ` (${esc(f.profile)})` : ''}: ${esc(f.message)}<pre>${esc(f.fix!)}</pre></li>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ccenv doctor</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.45 system-ui,sans-serif;color:#1f2328;margin:24px;max-width:1200px}
h1{font-size:20px}h2{font-size:16px;margin-top:28px}
.chain{margin:10px 0 18px}.chain h3{font-size:13px;margin:0 0 6px;color:#57606a}
table{border-collapse:collapse;width:100%}td{border-top:1px solid #d0d7de;padding:4px 8px;vertical-align:top}
td.st{font-weight:600;white-space:nowrap}tr.ok td.st{color:${COLOUR.ok}}tr.warn td.st{color:${COLOUR.warn}}tr.fail td.st{color:${COLOUR.fail}}tr.skip td.st{color:${COLOUR.skip}}
pre{background:#f6f8fa;padding:6px 8px;white-space:pre-wrap}code{background:#f6f8fa;padding:0 3px}
.meta{color:#57606a}
</style></head>
<body>
<h1>ccenv doctor</h1>
<p class="meta">ccenv ${esc(meta.ccenv)} · Claude Code ${esc(meta.claude ?? 'unknown')} · LiteLLM ${esc(meta.litellm ?? 'unknown')} · ${esc(meta.time)}</p>
<h2>The path</h2>
${lines.map((l) => `<div class="chain"><h3>${esc(l.profiles.join(', '))}</h3>${svgChain(l)}</div>`).join('\n') || '<p>No profiles to draw.</p>'}
<h2>To fix</h2>
${fixes ? `<ol>${fixes}</ol>` : '<p>Nothing failed.</p>'}
<h2>Checks</h2>
<table>
${rows}
</table>
</body></html>
`;
}
