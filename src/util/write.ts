import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from './errors.js';

/**
 * Write `text` to `path` atomically: a temporary file in the same folder, then rename, so readers never see a
 * half-written file. Refuses to replace an existing file unless `force`.
 * @throws UserError (exit 2) when the file exists and `force` is false, or the folder cannot be written.
 */
export function writeFileAtomic(path: string, text: string, { force = false, mode }: { force?: boolean; mode?: number } = {}): void {
  if (!force && existsSync(path)) throw new UserError(`${path}: already exists; pass --force to replace it`);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, { mode });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UserError(`${path}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}
