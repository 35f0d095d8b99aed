import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, writeCacheFile } from '../util/cache.js';
import { BUILD_ID, VERSION } from '../version.js';
import type { ProfilesConfig } from './types.js';

/** FNV-1a 32-bit hash, hex: a short stable file name for a profiles path (no crypto load on the hot path). */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** What makes a parsed copy valid: ccenv's version and build, and the profiles file's identity and timestamps. */
function fingerprint(path: string): string | undefined {
  try {
    const st = statSync(path, { bigint: true });
    return `${VERSION}|${BUILD_ID}|${path}|${st.ino}|${st.size}|${st.mtimeNs}|${st.ctimeNs}`;
  } catch {
    return undefined;
  }
}

const parsedFile = (env: NodeJS.ProcessEnv, path: string) => join(cacheDir(env), `profiles-${fnv1a(path)}.json`);

const isStr = (v: unknown): v is string => typeof v === 'string';

/**
 * A shape guard for a cached ProfilesConfig: an entry written by another build (or damaged) is a miss, never a
 * crash. Checks what the renderers and checks read without further guards.
 */
function looksLikeConfig(v: unknown): v is ProfilesConfig {
  const c = v as ProfilesConfig;
  return (
    !!c && typeof c === 'object' && isStr(c.file) && isStr(c.defaultProfile) && !!c.proxy && isStr(c.proxy.baseUrl) && isStr(c.proxy.authTokenEnv) &&
    Array.isArray(c.profiles) && c.profiles.length > 0 &&
    c.profiles.every((p) => !!p && isStr(p.name) && isStr(p.command) && isStr(p.model) && isStr(p.smallModel) && isStr(p.subagentModel) && isStr(p.opusModel) && isStr(p.sonnetModel) &&
      Array.isArray(p.env) && Array.isArray(p.declared) && p.env.every((e) => Array.isArray(e) && e.length === 2 && isStr(e[0]) && isStr(e[1])) && !!p.rules && typeof p.rules === 'object')
  );
}

/**
 * The loaded profiles from the parse cache, when it matches the file as it is now and has the expected shape;
 * undefined otherwise. Only valid (loaded without problems) profiles are ever cached.
 */
export function cachedProfiles(path: string, env: NodeJS.ProcessEnv): ProfilesConfig | undefined {
  const key = fingerprint(path);
  if (!key) return undefined;
  try {
    const entry = JSON.parse(readFileSync(parsedFile(env, path), 'utf8')) as { key?: unknown; config?: unknown };
    return entry && entry.key === key && looksLikeConfig(entry.config) ? entry.config : undefined;
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
