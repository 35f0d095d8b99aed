import { guarded, processIo, type Io } from './util/io.js';

export type { Io } from './util/io.js';

/**
 * Run ccenv with `argv` (without node and the script). Returns the exit code: 0 ok, 1 a check failed,
 * 2 bad input or usage. Never throws (see util/io.ts `guarded`).
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  return guarded(io, async () => {
    // `ccenv shell` runs in every new terminal: its path avoids yargs and everything else.
    if (argv[0] === 'shell' && !argv.some((a) => a === '--help' || a === '-h')) {
      const { shellFastPath } = await import('./commands/shell.js');
      const handled = await shellFastPath(argv.slice(1), io);
      if (handled !== undefined) return handled;
    }
    const { runYargs } = await import('./commands/index.js');
    return runYargs(argv, io);
  });
}
