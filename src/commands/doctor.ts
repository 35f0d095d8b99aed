import chalk from 'chalk';
import type { Io } from '../util/io.js';
import { CHECKS } from '../doctor/checks.js';
import { gatherFacts, type Progress } from '../doctor/facts.js';
import { exitCode, renderJson, renderText, runChecks, type Finding } from '../doctor/report.js';
import { buildHops, renderChain } from '../doctor/hops.js';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { writeFileAtomic } from '../util/write.js';
import { redact, redactDeep } from '../util/redact.js';
import { secretEnvNames } from '../profiles/derive.js';
import { valueOf } from '../doctor/fact.js';
import { SIGNATURES } from '../knowledge/signatures.js';
import { suggestion, UserError } from '../util/errors.js';
import { printable } from '../util/text.js';
import { VERSION } from '../version.js';

/** The longest --timeout doctor accepts (seconds): Node's timers hold at most 2^31 − 1 ms. */
export const MAX_TIMEOUT_S = 3600;

/** Arguments of `ccenv doctor`. */
export interface DoctorArgs {
  codes?: string[];
  profiles?: string;
  profile?: string;
  json?: boolean;
  strict?: boolean;
  offline?: boolean;
  /** Seconds per probe. */
  timeout?: number;
  list?: boolean;
  explain?: string;
  deep?: boolean;
  /** Run the real claude once per selected profile (doctor/facts.ts e2e). */
  e2e?: boolean;
  /** Where --e2e runs claude (and the settings layers are read from). */
  cwd?: string;
  /** Also write the report as one self-contained HTML page here. */
  html?: string;
}

/** Whether to draw symbols, colour and live progress: a TTY, and NO_COLOR unset. */
function fancy(io: Io, stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}

/** Live progress on stderr: one line per probe, rewritten in place as each settles. */
function liveProgress(): { progress: Progress; clear: () => void } {
  const labels: string[] = [];
  const states = new Map<string, string>();
  let drawn = 0;
  const draw = () => {
    let out = drawn > 0 ? `\x1b[${drawn}A` : '';
    for (const l of labels) out += `\x1b[2K${states.get(l)}\n`;
    drawn = labels.length;
    process.stderr.write(out);
  };
  return {
    progress: (label, state, ms) => {
      if (!states.has(label)) labels.push(label);
      states.set(label, state === 'start' ? chalk.dim(`… ${label}`) : `${chalk.green('✔')} ${label} ${chalk.dim(`${ms} ms`)}`);
      draw();
    },
    clear: () => {
      if (drawn > 0) process.stderr.write(`\x1b[${drawn}A\x1b[0J`);
    },
  };
}

/**
 * `ccenv doctor`: gather facts once (environment, profiles, Claude Code, the proxy and live Claude Code–shaped
 * probes), run the checks, print findings in a stable order. Exit 0 when nothing failed, 1 on a failure (or a
 * warning with --strict), 2 on usage errors. Secrets are redacted in both outputs.
 */
export async function doctorCommand(a: DoctorArgs, io: Io): Promise<number> {
  if (a.list) {
    const width = Math.max(...CHECKS.map((c) => c.code.length)) + 2;
    for (const c of CHECKS) io.out(`${c.code.padEnd(width)}${c.title}${c.network ? ' (network)' : ''}${c.needs?.length ? ` — needs ${c.needs.join(', ')}` : ''}\n`);
    io.out(`\nDiagnoses (ccenv explain): ${[...new Set(SIGNATURES.map((s) => s.code))].join(', ')}\n`);
    return 0;
  }
  if (a.explain !== undefined) return (await import('./explain.js')).explainCommand({ text: a.explain, json: a.json }, io);
  const known = CHECKS.map((c) => c.code);
  for (const code of a.codes ?? []) {
    if (!known.includes(code)) throw new UserError(`unknown check '${code}'${suggestion(code, known)}; see ccenv doctor --list`);
  }
  const timeout = a.timeout ?? 10;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0 || timeout > MAX_TIMEOUT_S) throw new UserError(`--timeout takes a number of seconds from 0.1 to ${MAX_TIMEOUT_S} (got ${printable(String(a.timeout), 40)})`);
  const timeoutMs = Math.max(100, Math.round(timeout * 1000));
  const selected = a.codes && a.codes.length > 0 ? a.codes : undefined;
  const needed = new Set<string>(selected ?? CHECKS.map((c) => c.code));
  for (const c of CHECKS) if (needed.has(c.code)) for (const n of c.needs ?? []) needed.add(n);
  const offline = Boolean(a.offline) || !CHECKS.some((c) => c.network && needed.has(c.code));
  const live = !a.json && fancy(io, process.stderr) ? liveProgress() : undefined;
  if (a.html === '') throw new UserError('--html needs a file name');
  // Before any probe runs: the page's folder must exist and the path must not be a folder.
  if (a.html !== undefined) {
    const parent = dirname(resolve(a.html));
    if (!existsSync(parent) || !statSync(parent).isDirectory()) throw new UserError(`--html ${printable(a.html)}: no such folder ${printable(parent)}`);
    if (existsSync(a.html) && statSync(a.html).isDirectory()) throw new UserError(`--html ${printable(a.html)}: is a folder; name a file`);
  }
  if (a.cwd !== undefined && !existsSync(a.cwd)) throw new UserError(`--cwd ${printable(a.cwd)}: no such folder`);
  const facts = await gatherFacts({ profiles: a.profiles, profile: a.profile, offline, timeoutMs, env: io.env, deep: a.deep, e2e: a.e2e, cwd: a.cwd }, live?.progress).finally(() => live?.clear());
  const findings: Finding[] = await runChecks(CHECKS, facts, timeoutMs, selected);
  const hops = buildHops(facts, findings);
  const cfg = valueOf(facts.profiles);
  const secrets = [facts.token, ...(cfg ? secretEnvNames(cfg).map((k) => io.env[k]) : [])].filter((s): s is string => !!s);
  const colour = (s: string, t: string, strong?: boolean) => {
    const c = s === 'ok' ? chalk.green(t) : s === 'warn' ? chalk.yellow(t) : s === 'fail' ? chalk.red(t) : chalk.dim(t);
    return strong ? chalk.inverse(c) : c;
  };
  // Redacted value by value before rendering, so JSON or HTML escaping cannot hide a secret; the text once more after.
  const shown = redactDeep(findings, secrets);
  const shownHops = redactDeep(hops, secrets);
  const tty = fancy(io, process.stdout);
  const text = a.json ? renderJson(shown, VERSION, Boolean(a.strict), shownHops) : renderChain(shownHops, shown, tty, colour) + renderText(shown, tty, colour);
  if (a.html !== undefined) {
    const { renderHtml } = await import('../doctor/html.js');
    const meta = redactDeep({ ccenv: VERSION, claude: valueOf(facts.claude)?.version, litellm: valueOf(facts.health)?.version, time: new Date().toISOString() }, secrets);
    writeFileAtomic(a.html, redact(renderHtml(shownHops, shown, meta), secrets), { force: true });
  }
  io.out(redact(text, secrets));
  if (a.html !== undefined) io.err(`ccenv: wrote ${printable(a.html)}\n`);
  return exitCode(findings, Boolean(a.strict));
}
