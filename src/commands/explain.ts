import { readFileSync } from 'node:fs';
import { explainText, type Diagnosis } from '../explain.js';
import { UserError } from '../util/errors.js';
import type { Io } from '../util/io.js';
import { redact } from '../util/redact.js';

/** JSON output schema version of `ccenv explain --json`. */
export const EXPLAIN_SCHEMA_VERSION = 1;

/** Most of standard input explain reads (bytes); explainText looks at its first and last 2 MB. */
const STDIN_MAX = 64 << 20;

/** What to do when nothing in the text is known: the next step, not a pointer to a log that may not exist. */
export const NOTHING_KNOWN = [
  'No known diagnosis in that text.',
  'Next: run `ccenv doctor` — it probes each hop (your shell, Claude Code, the proxy, the upstream) and names the one that fails.',
  "The proxy's own log has the upstream's words: the terminal (or service: journalctl --user -u litellm, the launchd log) running litellm --config …; start it with --detailed_debug for more.",
  'Paste the whole error block, from the first line Claude Code or LiteLLM printed, to `ccenv explain` (pbpaste | ccenv explain, ccenv explain < litellm.log).',
].join('\n');

/** Read all of standard input (a pipe or a file), at most 64 MB. */
function readStdin(): string {
  try {
    return readFileSync(0).subarray(0, STDIN_MAX).toString('utf8');
  } catch (e) {
    throw new UserError(`cannot read standard input (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/**
 * The text to explain: the argument, or standard input for `-` or no argument when input is piped.
 * @throws UserError (exit 2) with no argument on a terminal.
 */
export function explainInput(text: string | undefined, stdinIsTTY: boolean): string {
  if (text !== undefined && text !== '-') return text;
  if (text === undefined && stdinIsTTY) throw new UserError('explain what? pass the error text, or pipe it in: pbpaste | ccenv explain, ccenv explain < litellm.log (ccenv explain - reads a paste until Ctrl-D)');
  return readStdin();
}

/** The diagnoses as text: code and cause, the evidence line, the fix and the source, a blank line between. */
export function renderDiagnoses(ds: readonly Diagnosis[]): string {
  return ds.map((d) => `${d.code}: ${d.cause}\n    evidence (line ${d.line}): ${d.evidence}\n    Fix: ${d.fix}\n    Source: ${d.source}\n`).join('\n');
}

/**
 * `ccenv explain [TEXT] [--json]` (and `ccenv doctor --explain TEXT`): every known cause in a pasted text, by the
 * error signatures doctor uses (knowledge/signatures.ts). Exit 0 when something was diagnosed, 1 when nothing was,
 * 2 for usage errors. JSON: `{schemaVersion: 1, diagnoses: [{code, cause, fix, evidence, line, source}]}`.
 */
export function explainCommand(a: { text?: string; json?: boolean }, io: Io, stdinIsTTY = Boolean(process.stdin.isTTY)): number {
  const diagnoses = explainText(explainInput(a.text, stdinIsTTY));
  if (a.json) io.out(`${JSON.stringify({ schemaVersion: EXPLAIN_SCHEMA_VERSION, diagnoses: diagnoses.map(({ code, cause, fix, evidence, line, source }) => ({ code, cause, fix, evidence, line, source })) }, null, 2)}\n`);
  else io.out(redact(diagnoses.length > 0 ? renderDiagnoses(diagnoses) : `${NOTHING_KNOWN}\n`, []));
  return diagnoses.length > 0 ? 0 : 1;
}
