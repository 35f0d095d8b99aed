import { UserError } from './util/errors.js';

/** Output sinks, injectable for tests. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
};

/**
 * Run ccenv with `argv` (without node and the script). Returns the exit code: 0 ok, 1 a check failed,
 * 2 bad input or usage. Never throws: a UserError becomes its lines on stderr; anything else becomes one
 * `ccenv: internal error: …` line (no stack trace unless CCENV_DEBUG is set).
 */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    // `ccenv shell` runs in every new terminal: its path avoids yargs and everything else.
    if (argv[0] === 'shell' && !argv.some((a) => a === '--help' || a === '-h')) {
      const { shellFastPath } = await import('./commands/shell.js');
      const handled = shellFastPath(argv.slice(1), io);
      if (handled !== undefined) return handled;
    }
    const { runYargs } = await import('./commands/index.js');
    return await runYargs(argv, io);
  } catch (e) {
    if (e instanceof UserError) {
      for (const line of e.lines) io.err(`ccenv: ${line}\n`);
      return e.exitCode;
    }
    io.err(`ccenv: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (io.env.CCENV_DEBUG && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    return 2;
  }
}
