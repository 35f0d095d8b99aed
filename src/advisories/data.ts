import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CURATED, type Advisory } from '../knowledge/advisories.js';
import { cacheDir } from '../util/cache.js';
import { readResource } from '../util/resource.js';
import { affects, fixedFor, groupVulnerabilities, isMalware, recordUrl, severityOf, withinSpan, type OsvRecord, type Severity } from './osv.js';

/** Where a set of OSV records came from, and when. */
export interface DataSource {
  kind: 'snapshot' | 'cache';
  /** ISO date (snapshot: when it was built; cache: when `ccenv advisories --update` fetched it). */
  date: string;
  where: string;
  records: number;
}

/** The advisory data doctor and `ccenv advisories` use: OSV records (cache ∪ shipped snapshot) and the curated entries. */
export interface AdvisoryData {
  records: OsvRecord[];
  sources: DataSource[];
  curated: readonly Advisory[];
}

/** The file `ccenv advisories --update` writes: `${XDG_CACHE_HOME:-~/.cache}/ccenv/advisories.json`. */
export const advisoriesCacheFile = (env: NodeJS.ProcessEnv) => join(cacheDir(env), 'advisories.json');

/** A file of OSV records (`{generated|fetched, records: [...]}`), or undefined when absent or not that shape. */
function readRecords(text: string | undefined): { date: string; where?: string; records: OsvRecord[] } | undefined {
  if (text === undefined) return undefined;
  try {
    const v = JSON.parse(text) as { generated?: unknown; fetched?: unknown; from?: unknown; source?: unknown; records?: unknown };
    const date = typeof v.fetched === 'string' ? v.fetched : typeof v.generated === 'string' ? v.generated : undefined;
    if (!date || !Array.isArray(v.records)) return undefined;
    const records = v.records.filter((r): r is OsvRecord => !!r && typeof r === 'object' && typeof (r as OsvRecord).id === 'string');
    return { date, where: typeof v.source === 'string' ? v.source : typeof v.from === 'string' ? v.from : undefined, records };
  } catch {
    return undefined;
  }
}

const readOr = (read: () => string) => {
  try {
    return read();
  } catch {
    return undefined;
  }
};

/**
 * Load the advisory data: the cache from `ccenv advisories --update` (when present and readable) over the snapshot
 * shipped in the package (data/osv-snapshot.json), a record in both taken from the one modified last, plus the
 * curated entries (knowledge/advisories.ts) for what OSV cannot say.
 */
export function loadAdvisoryData(env: NodeJS.ProcessEnv): AdvisoryData {
  const sources: DataSource[] = [];
  const byId = new Map<string, OsvRecord>();
  const add = (kind: DataSource['kind'], got: ReturnType<typeof readRecords>, fallbackWhere: string) => {
    if (!got) return;
    sources.push({ kind, date: got.date, where: got.where ?? fallbackWhere, records: got.records.length });
    for (const r of got.records) {
      const had = byId.get(r.id);
      if (!had || (r.modified ?? '') >= (had.modified ?? '')) byId.set(r.id, r);
    }
  };
  add('snapshot', readRecords(readOr(() => readResource('data/osv-snapshot.json'))), 'data/osv-snapshot.json');
  add('cache', readRecords(readOr(() => readFileSync(advisoriesCacheFile(env), 'utf8'))), advisoriesCacheFile(env));
  return { records: [...byId.values()], sources, curated: CURATED };
}

/** How old the newest data is, in days, at `now` (ms since the epoch). */
export function dataAgeDays(data: AdvisoryData, now: number): number {
  const newest = Math.max(...data.sources.map((s) => Date.parse(s.date)).filter((t) => !Number.isNaN(t)));
  return Number.isFinite(newest) ? Math.floor((now - newest) / 86_400_000) : Infinity;
}

/** Data older than this (days) is a warning, with the fix `ccenv advisories --update`. */
export const STALE_AFTER_DAYS = 90;

/** One finding for a package version: a vulnerability (its records grouped by alias) or a curated entry. */
export interface AdvisoryHit {
  id: string;
  aliases: string[];
  kind: 'compromised' | 'suspect' | 'vulnerability';
  severity: Severity;
  summary: string;
  fixed?: string;
  fix: string;
  source: string;
}

/** Everything in the data that applies to `pkg` at `version`: each vulnerability once, and the curated entries. */
export function advisoriesFor(data: AdvisoryData, pkg: 'litellm' | 'openai', version: string): AdvisoryHit[] {
  const hits: AdvisoryHit[] = [];
  const curatedIds = new Set(data.curated.flatMap((c) => [c.id, ...(c.aliases ?? [])]));
  for (const c of data.curated) {
    if (c.package === pkg && withinSpan(version, c.affected)) {
      hits.push({ id: c.id, aliases: [...(c.aliases ?? [])], kind: c.kind, severity: c.severity, summary: c.summary, fixed: c.fixed, fix: c.fix, source: c.source });
    }
  }
  for (const v of groupVulnerabilities(data.records)) {
    if ([v.id, ...v.aliases].some((id) => curatedIds.has(id))) continue; // the curated entry says more (files, window)
    const matching = v.records.filter((r) => affects(r, pkg, version));
    if (matching.length === 0) continue;
    const severities = matching.map(severityOf).filter((s): s is Severity => !!s);
    const order: Severity[] = ['critical', 'high', 'medium', 'low'];
    const severity = order.find((s) => severities.includes(s)) ?? (matching.some(isMalware) ? 'critical' : 'medium');
    const fixed = matching.map((r) => fixedFor(r, pkg, version)).filter((f): f is string => !!f).sort()[0];
    const summary = matching.map((r) => r.summary).find((s) => !!s) ?? matching.map((r) => r.details?.split('\n')[0]).find((s) => !!s) ?? 'see the advisory';
    hits.push({
      id: v.id,
      aliases: v.aliases,
      kind: matching.some(isMalware) ? 'compromised' : 'vulnerability',
      severity,
      summary,
      fixed,
      fix: fixed ? `upgrade ${pkg} to ≥ ${fixed} (ccenv gen requirements pins a release outside every known advisory)` : `move to a release outside the advisory (ccenv gen requirements)`,
      source: matching.map(recordUrl).join('; '),
    });
  }
  return hits;
}
