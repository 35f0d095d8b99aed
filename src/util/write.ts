import { lstatSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from './errors.js';
import { printable } from './text.js';

/** One file to write: its path, its full text, and optionally its mode (e.g. 0o600). */
export interface FileToWrite {
  path: string;
  text: string;
  mode?: number;
}

const why = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);

/**
 * Write a set of files all or nothing: first check every target (a target that exists without `force`, or that
 * is a folder, refuses the whole set), create missing parent folders, write each text to a temporary file beside
 * its target, and only when all are written rename them into place. On any failure ccenv can detect (a refused
 * target, a parent that is a file, a read-only folder, a full disk) the temporary files are removed and no target
 * changed. (A crash between two renames is out of scope.)
 * @throws UserError (exit 2) naming the first target that cannot be written, and why.
 */
export function writeFilesAtomic(files: readonly FileToWrite[], { force = false }: { force?: boolean } = {}): void {
  if (files.some((f) => f.path === '')) throw new UserError('an output path is empty');
  for (const f of files) {
    let st;
    try {
      st = lstatSync(f.path);
    } catch {
      continue; // absent: fine
    }
    if (st.isDirectory()) throw new UserError(`${printable(f.path)}: is a folder; name a file to write`);
    if (!force) throw new UserError(`${printable(f.path)}: already exists; pass --force to replace it`);
  }
  const temps: string[] = [];
  const current = { path: '' };
  try {
    for (const f of files) {
      current.path = f.path;
      const dir = dirname(f.path);
      try {
        if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        mkdirSync(dir, { recursive: true });
      }
      const tmp = join(dir, `.${basename(f.path)}.${process.pid}.tmp`);
      temps.push(tmp);
      writeFileSync(tmp, f.text, { mode: f.mode });
    }
    files.forEach((f, i) => {
      current.path = f.path;
      renameSync(temps[i]!, f.path);
    });
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    throw new UserError(`${printable(current.path)}: cannot write (${why(e)})`);
  }
}

/**
 * Write `text` to `path` atomically (a temporary file in the same folder, then rename), creating missing parent
 * folders. Refuses to replace an existing file unless `force`.
 * @throws UserError (exit 2) when the file exists and `force` is false, or it cannot be written.
 */
export function writeFileAtomic(path: string, text: string, o: { force?: boolean; mode?: number } = {}): void {
  writeFilesAtomic([{ path, text, mode: o.mode }], o);
}
