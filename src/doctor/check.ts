import type { Facts } from './facts.js';

/**
 * Outcome of a check. `ok`: it looked and found nothing wrong; `warn`: something to fix, or it could not look
 * (then it says so); `fail`: a known failure; `skip`: there was nothing to look at, or it was not asked to look
 * (`--offline`), or a prerequisite failed (named). Only `ok` says all is well. `warn` fails the run only with --strict.
 */
export type Status = 'ok' | 'warn' | 'fail' | 'skip';

/** One finding: what was seen, why, and the fix ccenv can give. */
export interface CheckResult {
  status: Status;
  message: string;
  details?: string[];
  fix?: string;
  /** Stable diagnosis code for a known failure (knowledge/signatures.ts, or the check's own). */
  diagnosis?: string;
  profile?: string;
  /** The time the thing checked took (ms), when it is a measured call (the e2e run). */
  latencyMs?: number;
}

/** A doctor check: a pure function of the gathered facts. */
export interface Check {
  /** Stable code (doctor --list, doctor CODE…, --json). */
  code: string;
  title: string;
  /** Needs the network (skipped with --offline). */
  network: boolean;
  /** Checks that must not fail for this one to run (their failure is reported once, as the cause). */
  needs?: readonly string[];
  run: (f: Facts) => CheckResult | CheckResult[];
}

export const ok = (message: string, extra: Partial<CheckResult> = {}): CheckResult => ({ status: 'ok', message, ...extra });
export const skip = (message: string, extra: Partial<CheckResult> = {}): CheckResult => ({ status: 'skip', message, ...extra });
/** A check that could not look: a warning that says so, never OK. */
export const couldNotLook = (what: string, error: string, extra: Partial<CheckResult> = {}): CheckResult => ({ status: 'warn', diagnosis: 'could-not-look', message: `could not look at ${what}: ${error}`, ...extra });
