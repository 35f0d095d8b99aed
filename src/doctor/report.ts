import type { Check, CheckResult, Status } from './check.js';
import type { Facts } from './facts.js';
import type { Hop } from './hops.js';
import { printable } from '../util/text.js';

/** JSON output schema version of `ccenv doctor --json`; bump on incompatible changes (2: the `hops` array). */
export const DOCTOR_SCHEMA_VERSION = 2;

/** One printed finding: a check's result with the check's code and title and how long it took (ms). */
export interface Finding extends CheckResult {
  code: string;
  title: string;
  durationMs: number;
}

/**
 * Run the checks against the facts, concurrently, each within `timeoutMs`. A check that throws or times out
 * becomes a `fail` finding ("check crashed"); nothing here throws. Findings keep the checks' order.
 *
 * `selected` (check codes; default all) also runs what they need (`Check.needs`). A check whose prerequisite
 * failed is not run: it is one `skip` naming the prerequisite, and the prerequisite's failure is reported once,
 * as the cause, even when it was not selected — so `ccenv doctor messages` with the proxy down fails (exit 1)
 * rather than skipping quietly.
 */
export async function runChecks(checks: readonly Check[], facts: Facts, timeoutMs: number, selected?: readonly string[]): Promise<Finding[]> {
  const byCode = new Map(checks.map((c) => [c.code, c]));
  const wanted = new Set(selected && selected.length > 0 ? selected : checks.map((c) => c.code));
  const closure = new Set<string>();
  const add = (code: string) => {
    if (closure.has(code) || !byCode.has(code)) return;
    closure.add(code);
    for (const n of byCode.get(code)!.needs ?? []) add(n);
  };
  for (const code of wanted) add(code);
  const one = async (c: Check): Promise<Finding[]> => {
    const start = performance.now();
    let results: CheckResult[];
    if (c.network && facts.offline) results = [{ status: 'skip', message: 'skipped (--offline)' }];
    else {
      try {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`did not finish within ${timeoutMs} ms`)), timeoutMs)));
        const r = await Promise.race([Promise.resolve().then(() => c.run(facts)), timeout]).finally(() => clearTimeout(timer));
        results = Array.isArray(r) ? r : [r];
      } catch (e) {
        results = [{ status: 'fail', diagnosis: 'check-crashed', message: `check crashed: ${e instanceof Error ? e.message : String(e)}` }];
      }
    }
    const durationMs = Math.round(performance.now() - start);
    return results.map((r) => ({ code: c.code, title: c.title, durationMs, ...r }));
  };
  const inClosure = checks.filter((c) => closure.has(c.code));
  const ran = new Map((await Promise.all(inClosure.map(async (c) => [c.code, await one(c)] as const))));
  /** The title of the failed check that stops `c` (transitively), if any. */
  const blocked = new Map<string, string | undefined>();
  for (const c of inClosure) {
    let cause: string | undefined;
    for (const n of c.needs ?? []) {
      cause ??= blocked.get(n) ?? (ran.get(n)?.some((f) => f.status === 'fail') ? byCode.get(n)!.title : undefined);
    }
    blocked.set(c.code, cause);
  }
  const out: Finding[] = [];
  for (const c of inClosure) {
    const cause = blocked.get(c.code);
    const own = ran.get(c.code)!;
    if (cause !== undefined) {
      if (wanted.has(c.code)) out.push({ code: c.code, title: c.title, durationMs: 0, status: 'skip', diagnosis: 'prerequisite-failed', message: `not run: ${cause} failed (above)` });
    } else if (wanted.has(c.code) || own.some((f) => f.status === 'fail')) out.push(...own);
  }
  return out;
}

/** Counts per status. */
export function summarise(findings: readonly Finding[]): Record<Status, number> {
  const s: Record<Status, number> = { ok: 0, warn: 0, fail: 0, skip: 0 };
  for (const f of findings) s[f.status]++;
  return s;
}

/** Exit code: 1 when anything failed (or warned, with strict), else 0. */
export function exitCode(findings: readonly Finding[], strict: boolean): number {
  const s = summarise(findings);
  return s.fail > 0 || (strict && s.warn > 0) ? 1 : 0;
}

/** A status as a terminal symbol (fancy output: a TTY without NO_COLOR); the report and the drawn path share it. */
export const FANCY: Record<Status, string> = { ok: '✔', warn: '!', fail: '✖', skip: '-' };
const PLAIN: Record<Status, string> = { ok: 'OK  ', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };

/**
 * The text report: `✔ / ! / ✖  title — message`, indented details and `Fix:` lines, then a summary line.
 * `fancy` (a TTY without NO_COLOR) uses symbols and colour; otherwise plain ASCII.
 */
export function renderText(findings: readonly Finding[], fancy: boolean, colour: (s: Status, t: string) => string = (_, t) => t): string {
  const lines: string[] = [];
  for (const f of findings) {
    const mark = fancy ? colour(f.status, FANCY[f.status]) : PLAIN[f.status];
    // Text from outside (profile values, proxy answers) never reaches the terminal with control characters.
    lines.push(`${mark} ${f.title} ${fancy ? '—' : '-'} ${printable(f.message)}${f.diagnosis && f.status !== 'ok' ? ` [${printable(f.diagnosis)}]` : ''}`);
    for (const d of f.details ?? []) lines.push(`    ${printable(d)}`);
    if (f.fix && (f.status === 'fail' || f.status === 'warn')) lines.push(`    Fix: ${printable(f.fix)}`);
  }
  const s = summarise(findings);
  lines.push('', `${findings.length} checks: ${s.ok} ok, ${s.warn} warnings, ${s.fail} failed, ${s.skip} skipped`);
  return `${lines.join('\n')}\n`;
}

/** The `--json` document: the summary, the `hops` of the path (doctor/hops.ts) and every finding. */
export function renderJson(findings: readonly Finding[], version: string, strict: boolean, hops: readonly Hop[] = []): string {
  const s = summarise(findings);
  return `${JSON.stringify(
    {
      schemaVersion: DOCTOR_SCHEMA_VERSION,
      ccenv: version,
      ok: exitCode(findings, strict) === 0,
      summary: s,
      hops,
      checks: findings.map((f) => ({
        code: f.code,
        title: f.title,
        status: f.status,
        diagnosis: f.diagnosis ?? null,
        profile: f.profile ?? null,
        message: f.message,
        details: f.details ?? [],
        fix: f.fix ?? null,
        durationMs: f.durationMs,
        latencyMs: f.latencyMs ?? null,
      })),
    },
    null,
    2,
  )}\n`;
}
