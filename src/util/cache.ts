import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** `${XDG_CACHE_HOME:-~/.cache}/ccenv`: where ccenv keeps generated shell code, parsed profiles and fetched data. */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'ccenv');
}

/** Write a file in the cache folder atomically (temp + rename); false when it cannot be written (best effort). */
export function writeCacheFile(file: string, text: string): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    return true;
  } catch {
    return false;
  }
}
