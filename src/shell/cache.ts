import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ProfilesConfig } from '../profiles/types.js';
import { VERSION } from '../version.js';

/** `${XDG_CACHE_HOME:-~/.cache}/ccenv`: where ccenv keeps generated shell code and parsed profiles. */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'ccenv');
}

/** FNV-1a 32-bit hash, hex: a short stable file name for a profiles path (no crypto load on the hot path). */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** What makes a parsed copy valid: ccenv's version and the profiles file's identity and timestamps. */
function fingerprint(path: string): string | undefined {
  try {
    const st = statSync(path, { bigint: true });
    return `${VERSION}|${path}|${st.ino}|${st.size}|${st.mtimeNs}|${st.ctimeNs}`;
  } catch {
    return undefined;
  }
}

const parsedFile = (env: NodeJS.ProcessEnv, path: string) => join(cacheDir(env), `profiles-${fnv1a(path)}.json`);

/**
 * The loaded profiles from the parse cache, when it matches the file as it is now; undefined otherwise.
 * Only valid (loaded without problems) profiles are ever cached.
 */
export function cachedProfiles(path: string, env: NodeJS.ProcessEnv): ProfilesConfig | undefined {
  const key = fingerprint(path);
  if (!key) return undefined;
  try {
    const entry = JSON.parse(readFileSync(parsedFile(env, path), 'utf8')) as { key: string; config: ProfilesConfig };
    return entry.key === key ? entry.config : undefined;
  } catch {
    return undefined;
  }
}

/** Remember loaded profiles for the next `ccenv shell`. Best effort: a read-only cache folder is not an error. */
export function storeProfiles(path: string, config: ProfilesConfig, env: NodeJS.ProcessEnv): void {
  const key = fingerprint(path);
  if (!key) return;
  writeCacheFile(parsedFile(env, path), JSON.stringify({ key, config }));
}

/** Write a file in the cache folder atomically (temp + rename); false when it cannot be written. */
export function writeCacheFile(file: string, text: string): boolean {
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    return true;
  } catch {
    return false;
  }
}
