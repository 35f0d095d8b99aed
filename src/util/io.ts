import { writeSync } from 'node:fs';
import { UserError } from './errors.js';
import { printable } from './text.js';

/** Output sinks, injectable for tests. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

/**
 * Write all of `s` to a file descriptor synchronously. Cheaper than process.stdout (which loads the stream and
 * tty machinery — measurable on `ccenv shell`, which runs in every new terminal); a closed pipe
 * (`ccenv … | head`) ends the process quietly.
 */
function writeFd(fd: number, s: string): void {
  const buf = Buffer.from(s, 'utf8');
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    }
  }
}

/** The process's stdout and stderr, and its environment. */
export const processIo: Io = {
  out: (s) => writeFd(1, s),
  err: (s) => writeFd(2, s),
  env: process.env,
};

/**
 * Run a command body, turning failures into exit codes: a UserError becomes its lines on stderr (exit as it
 * says, usually 2), each with control characters escaped (one problem stays one line; no input can forge a line); anything else one `ccenv: internal error: …` line and exit 2 (the stack only with
 * CCENV_DEBUG). Never throws.
 */
export async function guarded<T extends number | undefined>(io: Io, body: () => Promise<T>): Promise<T | number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UserError) {
      for (const line of e.lines) io.err(`ccenv: ${printable(line)}\n`);
      return e.exitCode;
    }
    io.err(`ccenv: internal error: ${printable(e instanceof Error ? e.message : String(e), 500)}\n`);
    if (io.env.CCENV_DEBUG && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    return 2;
  }
}
