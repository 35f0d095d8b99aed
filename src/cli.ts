import { DOCTOR_OPTIONS, EXPLAIN_OPTIONS, GLOBAL_OPTIONS, parseSimple } from './commands/options.js';
import { FAST_COMMANDS, runFastWith, type FastCommand } from './fast-main.js';
import { guarded, processIo, type Io } from './util/io.js';

export type { Io } from './util/io.js';

/**
 * The fast paths of the full CLI bundle: those of dist/fast.cjs, `ccenv doctor` and `ccenv explain` (their options
 * parsed from the same tables yargs uses, so yargs' ~40 ms load is skipped on the commonest runs, `doctor
 * --offline` and `explain < litellm.log` among them).
 */
export const CLI_FAST_COMMANDS: Readonly<Record<string, FastCommand>> = {
  ...FAST_COMMANDS,
  doctor: async (args, io) => {
    const parsed = parseSimple(args, DOCTOR_OPTIONS, GLOBAL_OPTIONS);
    if (!parsed) return undefined;
    return (await import('./commands/doctor.js')).doctorCommand({ ...parsed.options, codes: parsed.positionals }, io);
  },
  explain: async (args, io) => {
    const parsed = parseSimple(args, EXPLAIN_OPTIONS, GLOBAL_OPTIONS);
    if (!parsed || parsed.positionals.length > 1) return undefined;
    return (await import('./commands/explain.js')).explainCommand({ ...parsed.options, text: parsed.positionals[0] }, io);
  },
};

/**
 * Run ccenv with `argv` (without node and the script): the fast path when the command has one, else the yargs
 * CLI — one dispatcher. Returns the exit code: 0 ok, 1 a check failed, 2 bad input or usage. Never throws
 * (util/io.ts `guarded`).
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const fast = await runFastWith(CLI_FAST_COMMANDS, argv, io);
  if (fast !== undefined) return fast;
  return guarded(io, async () => (await import('./commands/index.js')).runYargs(argv, io));
}
