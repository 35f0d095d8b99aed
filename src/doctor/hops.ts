import type { Status } from './check.js';
import { valueOf } from './fact.js';
import type { Facts } from './facts.js';
import { FANCY, type Finding } from './report.js';
import { sentIds } from '../profiles/derive.js';
import { headerLine, plan, type CallPlan } from '../shell/render.js';
import { printable } from '../util/text.js';

/**
 * The path a `claude-<profile>` call takes, hop by hop — the shell function, its environment, Claude Code, the
 * LiteLLM proxy, the model group, the upstream (and, with `--e2e`, the real client's run over all of them) — each
 * with the status of the findings that belong to it. Which fault marks which hop is {@link FAULT_HOP}; findings
 * whose diagnosis it does not name go by their check ({@link CHECK_HOP}).
 */

/** The kinds of hop, in the order a call passes them. */
export const HOP_KINDS = ['shell', 'env', 'client', 'proxy', 'model-group', 'upstream', 'e2e'] as const;
export type HopKind = (typeof HOP_KINDS)[number];

/** One hop of the picture (`doctor --json` `hops`). */
export interface Hop {
  /** Stable id: the kind, and for per-profile hops `:<profile>` (e.g. `upstream:kimi`). */
  id: string;
  kind: HopKind;
  label: string;
  status: Status;
  /** The hop's own probe time (ms), when one was measured: readiness for the proxy, the non-streaming call for the upstream. */
  latencyMs: number | null;
  /** The diagnosis of its first failure or warning. */
  diagnosis: string | null;
  details: string[];
  profile: string | null;
}

/**
 * Where each known fault sits: diagnosis code (checks and knowledge/signatures.ts) → the hop it marks. A fault
 * the upstream causes marks the upstream even when LiteLLM relays it; one LiteLLM's routing or key causes marks
 * the proxy; an id the proxy does not serve marks the model group.
 */
export const FAULT_HOP: Readonly<Record<string, HopKind>> = {
  'shell-not-loaded': 'shell',
  'token-missing': 'env',
  'base-url-suffix': 'env',
  'context-window-unset': 'env',
  'context-window-ignored': 'env',
  'anthropic-direct': 'env',
  'output-cap-reached': 'env',
  'auth-conflict': 'client',
  'auth-conflict-env': 'client',
  'auth-conflict-login': 'client',
  'settings-invalid': 'client',
  'settings-override': 'client',
  'settings-model-override': 'client',
  'settings-api-key-helper': 'client',
  'settings-force-login': 'client',
  'deprecated-var': 'client',
  'claude-missing': 'client',
  'claude-broken': 'client',
  'http-proxy': 'client',
  'http-proxy-no-bypass': 'client',
  'tls-error': 'client',
  'not-logged-in': 'client',
  unreachable: 'proxy',
  'proxy-unreachable': 'proxy',
  'host-not-found': 'proxy',
  'connection-reset': 'proxy',
  'not-litellm': 'proxy',
  'proxy-error': 'proxy',
  'wrong-key': 'proxy',
  'auth-rejected': 'proxy',
  'budget-exceeded': 'proxy',
  'budget-low': 'proxy',
  'key-expired': 'proxy',
  'key-expiring': 'proxy',
  'responses-routing': 'proxy',
  'routing-flag-unset': 'proxy',
  'openai-import-error': 'proxy',
  'litellm-compromised': 'proxy',
  'litellm-too-old': 'proxy',
  'python-unsupported': 'proxy',
  'proxy-config-drift': 'proxy',
  'proxy-stopped': 'proxy',
  'proxy-port-mismatch': 'proxy',
  'unknown-model': 'model-group',
  'model-404': 'model-group',
  'key-model-denied': 'model-group',
  'no-deployments': 'model-group',
  'context-window-mismatch': 'model-group',
  'picker-missing': 'model-group',
  'upstream-credentials': 'upstream',
  'upstream-error': 'upstream',
  'max-tokens-rejected': 'upstream',
  'thinking-rejected': 'upstream',
  'param-rejected': 'upstream',
  'content-filtered': 'upstream',
  'invalid-beta': 'upstream',
  'context-too-long': 'upstream',
  'tool-input-invalid': 'upstream',
  'tool-input-empty': 'upstream',
  'usage-missing': 'upstream',
  'usage-zero': 'upstream',
  'stream-order': 'upstream',
  'empty-content': 'upstream',
  timeout: 'upstream',
  overloaded: 'upstream',
  'rate-limit': 'upstream',
};

/** Check code → hop, for findings {@link FAULT_HOP} does not place (OK ones among them). Checks not named here are not drawn. */
export const CHECK_HOP: Readonly<Record<string, HopKind>> = {
  shell: 'shell',
  profiles: 'env',
  'base-url': 'env',
  claude: 'client',
  settings: 'client',
  'auth-conflict': 'client',
  'http-proxy': 'client',
  proxy: 'proxy',
  key: 'proxy',
  'key-preflight': 'proxy',
  'proxy-process': 'proxy',
  'proxy-started': 'proxy',
  'litellm-compromised': 'proxy',
  'litellm-advisories': 'proxy',
  'openai-pair': 'proxy',
  'litellm-version': 'proxy',
  models: 'model-group',
  'context-window': 'model-group',
  messages: 'upstream',
  stream: 'upstream',
  e2e: 'e2e',
};

/** The hop a finding marks. */
export function hopOf(f: Pick<Finding, 'code' | 'diagnosis' | 'status'>): HopKind | undefined {
  return (f.status === 'fail' || f.status === 'warn') && f.diagnosis && FAULT_HOP[f.diagnosis] ? FAULT_HOP[f.diagnosis] : CHECK_HOP[f.code];
}

const RANK: Record<Status, number> = { skip: 0, ok: 1, warn: 2, fail: 3 };

/** The worst status of the findings (skip when there are none, or all were skipped). */
function worst(fs: readonly Finding[]): Status {
  return fs.reduce<Status>((w, f) => (RANK[f.status] > RANK[w] ? f.status : w), 'skip');
}

/** What a profile's function gives claude, from its call plan (shell/render.ts), values of secrets as the variable's name. */
function planSummary(c: CallPlan): string[] {
  const auth = c.auth.mode === 'token' ? [`ANTHROPIC_AUTH_TOKEN=$${c.auth.tokenEnv}`] : c.auth.mode === 'header' ? [`ANTHROPIC_CUSTOM_HEADERS+=${headerLine(c.auth.header, `$${c.auth.tokenEnv}`)}`] : [`apiKeyHelper (--settings): ${c.auth.command}`];
  return [`ANTHROPIC_BASE_URL=${c.baseUrl.env ? `$${c.baseUrl.env}, else ` : ''}${c.baseUrl.fallback}`, ...auth, ...c.vars.map(([k, v]) => `${k}=${v}`), `unset: ${c.unset.join(' ')}`];
}

/** The host (and port) of a URL, or the text itself when it is not one. */
function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

const PER_PROFILE: readonly HopKind[] = ['env', 'model-group', 'upstream', 'e2e'];

/**
 * The hops of this run: the shared ones (shell, client, proxy) once, and env, model group and upstream (and e2e,
 * when it ran) for each selected profile, from the facts gathered and the findings. Pure.
 */
export function buildHops(facts: Facts, findings: readonly Finding[]): Hop[] {
  // A finding marks the hop its fault sits on; an e2e finding also marks the e2e hop (the real client's run).
  const placed = findings.flatMap((f) => [{ f, kind: hopOf(f) }, ...(f.code === 'e2e' && hopOf(f) !== 'e2e' ? [{ f, kind: 'e2e' as HopKind }] : [])]).filter((x) => x.kind !== undefined);
  const of = (kind: HopKind, profile?: string) => placed.filter((x) => x.kind === kind && (profile === undefined || !x.f.profile || x.f.profile === profile)).map((x) => x.f);
  const hop = (kind: HopKind, label: string, profile: string | undefined, latencyMs: number | null, details: string[]): Hop => {
    const fs = of(kind, profile);
    const bad = fs.find((f) => f.status === 'fail') ?? fs.find((f) => f.status === 'warn');
    return { id: profile ? `${kind}:${profile}` : kind, kind, label: printable(label, 60), status: worst(fs), latencyMs, diagnosis: bad?.diagnosis ?? null, details, profile: profile ?? null };
  };
  const cfg = valueOf(facts.profiles);
  const claude = valueOf(facts.claude);
  const layers = valueOf(facts.settings) ?? [];
  const said = (code: string) => findings.filter((f) => f.code === code).map((f) => `${f.title}: ${f.message}`);
  const health = valueOf(facts.health);
  const live = valueOf(facts.live) ?? [];
  const shell = facts.env.CCENV_SHELL;
  const out: Hop[] = [
    hop('shell', shell ? printable(shell, 20) : 'shell', undefined, null, []),
    hop('client', claude ? `claude ${claude.version}` : 'claude', undefined, null, [...(claude ? [`${claude.path} (${claude.version})`] : []), ...layers.map((l) => `settings layer ${l.layer}: ${l.path}`)]),
    hop('proxy', health?.version ? `litellm ${health.version}` : facts.proxyUrl ? host(facts.proxyUrl) : 'proxy', undefined, health?.readiness.status !== undefined ? health.readiness.ms : null, [...(facts.proxyUrl ? [facts.proxyUrl] : []), ...said('key'), ...said('proxy-process')]),
  ];
  for (const p of facts.selected) {
    const l = live.find((x) => x.profile.name === p.name);
    const timing = (r: NonNullable<typeof l>['json'], what: string) => {
      if (r.status === undefined) return [];
      // LiteLLM's timing headers (ms; litellm/proxy/common_request_processing.py in litellm 1.108.7).
      const msOf = (v: unknown) => (Number.isFinite(Number(v)) && String(v).trim() !== '' ? String(Math.round(Number(v))) : '?');
      const up = r.headers['x-litellm-response-duration-ms'];
      const over = r.headers['x-litellm-overhead-duration-ms'];
      const split = up || over ? ` (LiteLLM's headers: model call ${msOf(up)} ms, LiteLLM overhead ${msOf(over)} ms)` : '';
      return [`${what}: HTTP ${r.status} in ${r.ms} ms${split}`];
    };
    out.push(
      hop('env', p.command, p.name, null, cfg ? planSummary(plan(cfg, p)) : []),
      hop('model-group', p.model, p.name, null, [...new Set(sentIds(p).map((s) => s.id))].map((id) => `model group ${id}`)),
      hop('upstream', p.upstream?.apiBase ? host(p.upstream.apiBase) : p.upstream ? p.upstream.model.split('/')[0]! : 'upstream', p.name, l && l.json.status !== undefined ? l.json.ms : null, l ? [...timing(l.json, 'non-streaming'), ...timing(l.stream, 'streaming')] : []),
    );
    if (facts.e2e?.state === 'ok') out.push(hop('e2e', `${p.command} -p`, p.name, findings.find((f) => f.code === 'e2e' && f.profile === p.name)?.latencyMs ?? null, []));
  }
  return out;
}

/** One drawn line: the profiles it stands for and its hops (the last may differ between them). */
interface Line {
  profiles: string[];
  hops: Hop[];
  last: Hop[];
}

/**
 * Lines of the picture, one per profile; profiles that share every hop but the last (their functions' own
 * environment hop compared by status only) collapse into one line whose last hop lists each of theirs.
 */
export function chainLines(hops: readonly Hop[]): Line[] {
  const shared = hops.filter((h) => !PER_PROFILE.includes(h.kind));
  const profiles = [...new Set(hops.flatMap((h) => (h.profile ? [h.profile] : [])))];
  const lines: Array<Line & { key: string }> = [];
  for (const p of profiles) {
    const own = hops.filter((h) => h.profile === p);
    const chain = [shared.find((h) => h.kind === 'shell'), own.find((h) => h.kind === 'env'), ...shared.filter((h) => h.kind !== 'shell'), ...own.filter((h) => h.kind !== 'env')].filter((h): h is Hop => !!h);
    const head = chain.slice(0, -1);
    const key = head.map((h) => (h.kind === 'env' ? `env:${h.status}` : `${h.kind}:${h.label}:${h.status}`)).join('|');
    const same = lines.find((l) => l.key === key);
    if (same) {
      same.profiles.push(p);
      same.last.push(chain.at(-1)!);
      same.hops = same.hops.map((h) => (h.kind === 'env' ? { ...h, label: `${h.label}, ${own.find((x) => x.kind === 'env')?.label ?? p}` } : h));
    } else lines.push({ key, profiles: [p], hops: head, last: [chain.at(-1)!] });
  }
  return lines.map(({ profiles: ps, hops: hs, last }) => ({ profiles: ps, hops: hs, last }));
}

const PLAIN_MARK: Record<Status, string> = { ok: '+', warn: '!', fail: 'X', skip: '-' };

/** Fit `text` into `width` columns, words wrapped, continuation lines indented by `indent`. */
function wrap(text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  const lead = /^\s*/.exec(text)![0];
  let line = lead;
  for (const word of text.slice(lead.length).split(/\s+/)) {
    if (line.trim() && line.length + 1 + word.length > width) {
      out.push(line);
      line = indent + word;
    } else line = line.trim() ? `${line} ${word}` : `${line}${word}`;
  }
  if (line) out.push(line);
  return out.flatMap((l) => (l.length > width ? [...l.match(new RegExp(`.{1,${width}}`, 'g'))!] : [l]));
}

/**
 * The picture in the terminal: one line per chain (chainLines), each hop as mark, label and latency, left to
 * right; under it, for each failing or warning hop, its cause and fix. `fancy` (a TTY without NO_COLOR) uses
 * symbols and colour and highlights a failing hop; otherwise plain ASCII (a failing hop in `[brackets]`). Every
 * line fits `width` columns (default 80): a wider chain continues on the next line after a separator.
 */
export function renderChain(hops: readonly Hop[], findings: readonly Finding[], fancy: boolean, colour: (s: Status, t: string, strong?: boolean) => string = (_, t) => t, width = 80): string {
  const lines = chainLines(hops);
  if (lines.length === 0) return '';
  const sep = fancy ? ' → ' : ' > ';
  const ell = fancy ? '…' : '~';
  const out: string[] = [fancy ? 'Path:' : 'Path:'];
  for (const l of lines) {
    const cells = [...l.hops.map((h) => [h]), l.last];
    // Each cell as [plain, painted]; a label longer than fits on a line is cut with an ellipsis.
    const cell = (alts: Hop[]) => {
      const one = (h: Hop, paint: boolean) => {
        const label = h.label.length > width - 20 ? `${h.label.slice(0, width - 21)}${ell}` : h.label;
        const plain = `${fancy ? FANCY[h.status] : PLAIN_MARK[h.status]} ${label}${h.latencyMs !== null ? ` ${h.latencyMs}ms` : ''}`;
        const marked = !fancy && h.status === 'fail' ? `[${plain}]` : plain;
        return paint && fancy ? colour(h.status, marked, h.status === 'fail') : marked;
      };
      return [alts.map((h) => one(h, false)).join(' | '), alts.map((h) => one(h, true)).join(' | ')] as const;
    };
    const parts = cells.map(cell);
    // Left to right; a chain wider than the terminal continues on the next line after a separator.
    let plainLine = ' ';
    let painted = ' ';
    parts.forEach(([plain, paint], i) => {
      const add = `${i === 0 ? ' ' : sep}${plain}`;
      if (i > 0 && [...plainLine].length + [...add].length > width - sep.trimEnd().length) {
        out.push(`${painted}${sep.trimEnd()}`);
        plainLine = `    ${plain}`;
        painted = `    ${paint}`;
      } else {
        plainLine += add;
        painted += `${i === 0 ? ' ' : sep}${paint}`;
      }
    });
    out.push(painted);
    for (const h of [...l.hops, ...l.last].filter((x) => x.status === 'fail' || x.status === 'warn')) {
      const f = findings.find((x) => hopOf(x) === h.kind && (x.status === h.status) && (!h.profile || !x.profile || x.profile === h.profile));
      if (!f) continue;
      out.push(...wrap(`    ${fancy ? FANCY[h.status] : PLAIN_MARK[h.status]} ${h.label}: ${printable(f.message)}`, width, '      '));
      if (f.fix) out.push(...wrap(`      Fix: ${printable(f.fix)}`, width, '        '));
    }
  }
  const text = `${out.join('\n')}\n\n`;
  return fancy ? text : ascii(text);
}

const ASCII: Readonly<Record<string, string>> = { '→': '->', '←': '<-', '…': '...', '—': '-', '–': '-', '≥': '>=', '≤': '<=', '×': 'x', '‘': "'", '’': "'", '“': '"', '”': '"', '·': '-', '✔': '+', '✖': 'X' };

/** Plain ASCII: the usual typographic characters spelled out, accents dropped, anything else `?`. */
function ascii(text: string): string {
  return text.replace(/[^\x00-\x7f]/gu, (c) => ASCII[c] ?? (c.normalize('NFKD').replace(/[^\x00-\x7f]/g, '') || '?'));
}
