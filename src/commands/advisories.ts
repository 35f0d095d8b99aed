import { advisoriesCacheFile, dataAgeDays, loadAdvisoryData, STALE_AFTER_DAYS } from '../advisories/data.js';
import { groupVulnerabilities, severityOf, type OsvRecord } from '../advisories/osv.js';
import { BAD_PAIRS } from '../knowledge/advisories.js';
import { UserError } from '../util/errors.js';
import type { Io } from '../util/io.js';
import { printable } from '../util/text.js';
import { writeFileAtomic } from '../util/write.js';

/** The packages whose OSV records ccenv keeps. */
export const OSV_PACKAGES = ['litellm', 'openai'] as const;
/** OSV's API, unless CCENV_OSV_URL names another (tests run a fake one on 127.0.0.1). */
export const OSV_DEFAULT_URL = 'https://api.osv.dev';
/** Pages followed per package at most (OSV pages by next_page_token). */
const MAX_PAGES = 50;

/** Arguments of `ccenv advisories`. */
export interface AdvisoriesArgs {
  json?: boolean;
  update?: boolean;
  /** Seconds the whole update may take. */
  timeout?: number;
}

/**
 * Every OSV record for PyPI `litellm` and `openai`: `POST <base>/v1/query` with `{"package": {"name", "ecosystem":
 * "PyPI"}}`, following `next_page_token`, all within `timeoutMs` (https://google.github.io/osv.dev/post-v1-query/).
 * @throws Error naming what failed (unreachable, HTTP status, not OSV's shape, too slow)
 */
export async function fetchOsv(base: string, timeoutMs: number): Promise<OsvRecord[]> {
  const deadline = AbortSignal.timeout(timeoutMs);
  const records: OsvRecord[] = [];
  for (const name of OSV_PACKAGES) {
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      let res: Response;
      try {
        res = await fetch(`${base.replace(/\/+$/, '')}/v1/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ package: { name, ecosystem: 'PyPI' }, ...(token ? { page_token: token } : {}) }), signal: deadline });
      } catch (e) {
        const cause = (e as { cause?: { code?: string; errors?: Array<{ code?: string }> } }).cause;
        throw new Error(deadline.aborted ? `no answer within ${Math.round(timeoutMs / 1000)} s` : `cannot reach it (${cause?.code ?? cause?.errors?.find((x) => x.code)?.code ?? (cause as { message?: string } | undefined)?.message ?? (e as Error).message})`);
      }
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      let body: unknown;
      try {
        body = JSON.parse((await res.text()).slice(0, 64 << 20));
      } catch {
        throw new Error(deadline.aborted ? `no complete answer within ${Math.round(timeoutMs / 1000)} s` : 'the answer is not JSON');
      }
      const b = body as { vulns?: unknown; next_page_token?: unknown };
      if (!b || typeof b !== 'object' || (b.vulns !== undefined && !Array.isArray(b.vulns))) throw new Error("the answer is not OSV's shape ({vulns: [...]})");
      for (const v of (b.vulns as unknown[] | undefined) ?? []) if (v && typeof v === 'object' && typeof (v as OsvRecord).id === 'string') records.push(v as OsvRecord);
      token = typeof b.next_page_token === 'string' && b.next_page_token ? b.next_page_token : undefined;
      if (!token) break;
    }
  }
  return records;
}

/**
 * `ccenv advisories [--update] [--json]`: the advisory data doctor checks against — OSV records (the cache that
 * `--update` writes, over the shipped snapshot) and the curated entries — with where it came from and how old it
 * is. `--update` fetches the current records (base from CCENV_OSV_URL, default https://api.osv.dev) into
 * `${XDG_CACHE_HOME:-~/.cache}/ccenv/advisories.json`; if that fails (no network, a hang, a 500, bad JSON) the
 * previous data stays, one line says why, and the exit code is 1.
 */
export async function advisoriesCommand(a: AdvisoriesArgs, io: Io): Promise<number> {
  if (a.update) {
    const timeout = a.timeout ?? 30;
    if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0 || timeout > 3600) throw new UserError('--timeout takes a number of seconds from 0.1 to 3600');
    const base = io.env.CCENV_OSV_URL || OSV_DEFAULT_URL;
    let records: OsvRecord[];
    try {
      records = await fetchOsv(base, Math.round(timeout * 1000));
    } catch (e) {
      io.err(`ccenv: advisories not updated from ${printable(base)}: ${printable((e as Error).message, 200)}; the previous data stays in use\n`);
      return 1;
    }
    const file = advisoriesCacheFile(io.env);
    writeFileAtomic(file, `${JSON.stringify({ schemaVersion: 1, fetched: new Date().toISOString(), source: `${base}/v1/query`, records })}\n`, { force: true });
    io.err(`ccenv: wrote ${file}: ${records.length} OSV records for ${OSV_PACKAGES.join(', ')}\n`);
  }
  const data = loadAdvisoryData(io.env);
  const now = io.env.CCENV_NOW && !Number.isNaN(Date.parse(io.env.CCENV_NOW)) ? Date.parse(io.env.CCENV_NOW) : Date.now();
  const vulns = groupVulnerabilities(data.records).map((v) => ({
    id: v.id,
    aliases: v.aliases,
    severity: v.records.map(severityOf).find(Boolean) ?? null,
    summary: v.records.map((r) => r.summary).find(Boolean) ?? null,
    packages: [...new Set(v.records.flatMap((r) => (r.affected ?? []).map((x) => x.package?.name ?? '')))].filter(Boolean),
    sources: v.records.map((r) => `https://osv.dev/vulnerability/${r.id}`),
  }));
  const age = dataAgeDays(data, now);
  if (a.json) {
    io.out(`${JSON.stringify({ schemaVersion: 1, sources: data.sources, ageDays: age, vulnerabilities: vulns, curated: data.curated, badPairs: BAD_PAIRS }, null, 2)}\n`);
    return 0;
  }
  io.out(`Data: ${data.sources.map((s) => `${s.kind === 'cache' ? 'OSV fetch' : 'shipped OSV snapshot'} of ${s.date.slice(0, 10)} (${s.records} records, ${s.where})`).join('; ')}; ${age} days old${age > STALE_AFTER_DAYS ? ' — run ccenv advisories --update' : ''}\n\n`);
  for (const c of data.curated) io.out(`${c.id}  ${c.package} ${c.affected.versions?.join(', ') ?? `${c.affected.from ?? ''}…${c.affected.before ?? ''}`}  ${c.severity} (${c.kind})\n    ${c.summary}\n    Fix: ${c.fix}\n    Source: ${c.source}\n`);
  for (const v of vulns) io.out(`${v.id}${v.aliases.length ? ` (${v.aliases.join(', ')})` : ''}  ${v.packages.join(', ')}  ${v.severity ?? 'unrated'}\n    ${printable(v.summary ?? '', 200)}\n    Source: ${v.sources.join('; ')}\n`);
  for (const p of BAD_PAIRS) io.out(`${p.id}  litellm ${p.litellm.before ? `< ${p.litellm.before}` : ''} + openai ${p.openai.from ?? ''}…${p.openai.before ?? ''}\n    ${p.summary}\n    Fix: ${p.fix}\n    Source: ${p.source}\n`);
  return 0;
}
