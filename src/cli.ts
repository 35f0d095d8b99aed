import { guarded, processIo, type Io } from './util/io.js';

export type { Io } from './util/io.js';

/**
 * Run ccenv with `argv` (without node and the script) through the full CLI (yargs). Returns the exit code: 0 ok,
 * 1 a check failed, 2 bad input or usage. Never throws (util/io.ts `guarded`). The bin tries the fast path
 * (fast-main.ts) for `ccenv shell` and `ccenv validate` first, and comes here for everything else.
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  return guarded(io, async () => (await import('./commands/index.js')).runYargs(argv, io));
}
