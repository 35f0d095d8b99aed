import { shellFastPath } from './commands/shell.js';
import { guarded, processIo, type Io } from './util/io.js';

/**
 * Entry of the CommonJS bundle dist/fast.cjs that bin/ccenv.cjs loads for the start-up-critical commands
 * (`ccenv shell …` runs in every new terminal, `ccenv validate …` on every commit): no ESM loader, no yargs.
 * Returns the exit code, or undefined when the arguments need the full CLI (help, anything it does not parse),
 * which then decides — one dispatcher: this fast path, else yargs (test/unit/dispatch.test.ts holds that both
 * accept and reject the same argv).
 */
export function runFast(argv: string[], io: Io = processIo): Promise<number | undefined> {
  const [command, ...args] = argv;
  if (args.some((a) => a === '--help' || a === '-h')) return Promise.resolve(undefined);
  if (command === 'shell') return guarded(io, () => shellFastPath(args, io));
  if (command === 'validate') return guarded(io, async () => (await import('./commands/validate.js')).validateFastPath(args, io));
  return Promise.resolve(undefined);
}
