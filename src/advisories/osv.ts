import * as pep440 from '@renovatebot/pep440';
import { fromVector } from 'ae-cvss-calculator';

/**
 * OSV records (https://ossf.github.io/osv-schema/) for PyPI packages, and how ccenv reads them: whether a record
 * affects a version (its `affected[].ranges` events for ECOSYSTEM ranges, in PEP 440 order, and its
 * `affected[].versions`), its severity (`database_specific.severity`, else the CVSS vector in `severity[]`,
 * scored by ae-cvss-calculator), and the fixed version that applies.
 */

/** The part of an OSV record ccenv reads. Other fields are kept as they are. */
export interface OsvRecord {
  id: string;
  modified?: string;
  published?: string;
  withdrawn?: string;
  aliases?: string[];
  summary?: string;
  details?: string;
  severity?: Array<{ type: string; score: string }>;
  affected?: Array<{
    package?: { ecosystem?: string; name?: string };
    ranges?: Array<{ type?: string; events?: Array<{ introduced?: string; fixed?: string; last_affected?: string; limit?: string }> }>;
    versions?: string[];
    database_specific?: Record<string, unknown>;
  }>;
  database_specific?: { severity?: string } & Record<string, unknown>;
  references?: Array<{ type?: string; url?: string }>;
}

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** PEP 503 name normalisation: `LiteLLM`, `lite_llm` and `lite.llm` are one project. */
export const normaliseName = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

/** a < b (-1), a = b (0), a > b (1) in PEP 440 order; "0" (OSV's "from the first release") is below all. Unparseable versions compare as strings. */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '0') return -1;
  if (b === '0') return 1;
  if (pep440.valid(a) && pep440.valid(b)) return Math.sign(pep440.compare(a, b));
  return a < b ? -1 : 1;
}

/** A record's entries for a package in an ecosystem (PyPI by default). */
function entriesFor(r: OsvRecord, pkg: string, ecosystem = 'PyPI') {
  return (r.affected ?? []).filter((a) => a.package?.ecosystem === ecosystem && normaliseName(a.package?.name ?? '') === normaliseName(pkg));
}

/**
 * Whether an ECOSYSTEM range's events put `version` inside it: events in version order, `introduced` opens,
 * `fixed` closes at that version, `last_affected` closes after it (OSV schema, "Evaluation").
 */
function inRange(events: NonNullable<NonNullable<NonNullable<OsvRecord['affected']>[number]['ranges']>[number]['events']>, version: string): boolean {
  type Point = { v: string; kind: 'introduced' | 'fixed' | 'last' };
  const points = events
    .flatMap((e): Point[] => (e.introduced !== undefined ? [{ v: e.introduced, kind: 'introduced' }] : e.fixed !== undefined ? [{ v: e.fixed, kind: 'fixed' }] : e.last_affected !== undefined ? [{ v: e.last_affected, kind: 'last' }] : []))
    .sort((x, y) => compareVersions(x.v, y.v));
  let affected = false;
  for (const p of points) {
    const c = compareVersions(version, p.v);
    if (p.kind === 'introduced' && c >= 0) affected = true;
    else if (p.kind === 'fixed' && c >= 0) affected = false;
    else if (p.kind === 'last' && c > 0) affected = false;
  }
  return affected;
}

/** Whether the record (not withdrawn) affects `pkg` at `version`, by its ranges or its explicit versions. */
export function affects(r: OsvRecord, pkg: string, version: string): boolean {
  if (r.withdrawn) return false;
  return entriesFor(r, pkg).some((a) => (a.versions ?? []).includes(version) || (a.ranges ?? []).some((g) => g.type === 'ECOSYSTEM' && inRange(g.events ?? [], version)));
}

/** The first version that fixes what affects `version` (the `fixed` event closing its range), if the record names one. */
export function fixedFor(r: OsvRecord, pkg: string, version: string): string | undefined {
  const fixes = entriesFor(r, pkg).flatMap((a) => (a.ranges ?? []).filter((g) => g.type === 'ECOSYSTEM' && inRange(g.events ?? [], version)).flatMap((g) => (g.events ?? []).flatMap((e) => (e.fixed !== undefined && compareVersions(e.fixed, version) > 0 ? [e.fixed] : []))));
  return fixes.sort(compareVersions)[0];
}

/** CVSS base score → qualitative severity (CVSS v3.1 and v4.0 share the bands). */
function band(score: number): Severity {
  return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
}

/**
 * A record's severity: its `database_specific.severity` (GitHub's CRITICAL / HIGH / MODERATE / LOW), else the
 * highest CVSS score in `severity[]`, else undefined (malware records and others carry none).
 */
export function severityOf(r: OsvRecord): Severity | undefined {
  const named = String(r.database_specific?.severity ?? '').toLowerCase();
  if (named === 'critical' || named === 'high' || named === 'low') return named;
  if (named === 'moderate' || named === 'medium') return 'medium';
  let best: number | undefined;
  for (const s of r.severity ?? []) {
    if (!/^CVSS_V[234]$/.test(s.type) || typeof s.score !== 'string') continue;
    try {
      const score = fromVector(s.score)?.calculateScores().base;
      if (typeof score === 'number' && (best === undefined || score > best)) best = score;
    } catch {
      /* an unreadable vector: no score from it */
    }
  }
  return best === undefined ? undefined : band(best);
}

/** Whether a record reports malicious code (the OSSF malicious-packages feed, MAL-…). */
export const isMalware = (r: OsvRecord) => r.id.startsWith('MAL-') || (r.aliases ?? []).some((a) => a.startsWith('MAL-'));

/** The public page of a record. */
export const recordUrl = (r: OsvRecord) => `https://osv.dev/vulnerability/${r.id}`;

/** A vulnerability: the records that name each other (CVE ↔ GHSA ↔ PYSEC ↔ MAL), shown once. */
export interface Vulnerability {
  /** The id to show: the CVE when there is one, else GHSA, else the first. */
  id: string;
  /** Every other id it is known by. */
  aliases: string[];
  records: OsvRecord[];
}

const rank = (id: string) => (id.startsWith('CVE-') ? 0 : id.startsWith('GHSA-') ? 1 : id.startsWith('PYSEC-') ? 2 : 3);

/** Group records that share an id or alias into one vulnerability each (withdrawn records left out). */
export function groupVulnerabilities(records: readonly OsvRecord[]): Vulnerability[] {
  const live = records.filter((r) => !r.withdrawn);
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    while (parent.get(x) !== x) {
      parent.set(x, parent.get(parent.get(x)!)!);
      x = parent.get(x)!;
    }
    return x;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  for (const r of live) for (const id of [r.id, ...(r.aliases ?? [])]) if (!parent.has(id)) parent.set(id, id);
  for (const r of live) for (const a of r.aliases ?? []) union(r.id, a);
  const groups = new Map<string, OsvRecord[]>();
  for (const r of live) groups.set(find(r.id), [...(groups.get(find(r.id)) ?? []), r]);
  return [...groups.values()].map((rs) => {
    const ids = [...new Set(rs.flatMap((r) => [r.id, ...(r.aliases ?? [])]))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    return { id: ids[0]!, aliases: ids.slice(1), records: rs };
  });
}

/** Whether `version` lies in a curated span: one of its exact `versions`, or `from` ≤ version < `before`. */
export function withinSpan(version: string, span: { versions?: readonly string[]; from?: string; before?: string }): boolean {
  if (span.versions) return span.versions.includes(version);
  if (span.from === undefined && span.before === undefined) return false;
  return (span.from === undefined || compareVersions(version, span.from) >= 0) && (span.before === undefined || compareVersions(version, span.before) < 0);
}
