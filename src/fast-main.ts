import { shellFastPath } from './commands/shell.js';
import { guarded, processIo, type Io } from './util/io.js';

/** A command's fast path: its exit code, or undefined when the arguments need the full CLI (yargs). */
export type FastCommand = (args: string[], io: Io) => Promise<number | undefined> | number | undefined;

/** The start-up-critical commands: `ccenv shell` runs in every new terminal, `ccenv validate` on every commit. */
export const FAST_COMMANDS: Readonly<Record<string, FastCommand>> = {
  shell: (args, io) => shellFastPath(args, io),
  validate: async (args, io) => (await import('./commands/validate.js')).validateFastPath(args, io),
};

/**
 * The one dispatcher's first half: run `argv` by a fast path from `table` when it has one for the command and
 * the arguments are in the simple forms it parses; undefined otherwise (help included), and then the yargs CLI
 * decides (cli.ts `main`). test/unit/dispatch.test.ts holds that both accept and reject the same argv.
 */
export function runFastWith(table: Readonly<Record<string, FastCommand>>, argv: string[], io: Io): Promise<number | undefined> {
  const [command, ...args] = argv;
  const fast = command === undefined ? undefined : table[command];
  if (!fast || args.some((a) => a === '--help' || a === '-h')) return Promise.resolve(undefined);
  return guarded(io, async () => fast(args, io));
}

/**
 * Entry of the CommonJS bundle dist/fast.cjs that bin/ccenv.cjs loads for `ccenv shell` and `ccenv validate`: no
 * ESM loader, no yargs. Returns the exit code, or undefined when the arguments need the full CLI.
 */
export function runFast(argv: string[], io: Io = processIo): Promise<number | undefined> {
  return runFastWith(FAST_COMMANDS, argv, io);
}
