import { shellFastPath } from './commands/shell.js';
import { guarded, processIo } from './util/io.js';

/**
 * Entry of the CommonJS bundle dist/fast.cjs that bin/ccenv.cjs loads for the start-up-critical commands
 * (`ccenv shell …` runs in every new terminal, `ccenv validate …` on every commit): no ESM loader, no yargs.
 * Returns the exit code, or undefined when the arguments need the full CLI (help, usage errors).
 */
export function runFast(argv: string[]): Promise<number | undefined> {
  const [command, ...args] = argv;
  if (args.some((a) => a === '--help' || a === '-h')) return Promise.resolve(undefined);
  if (command === 'shell') return guarded(processIo, () => shellFastPath(args, processIo));
  if (command === 'validate') return guarded(processIo, async () => (await import('./commands/validate.js')).validateFastPath(args, processIo));
  return Promise.resolve(undefined);
}
