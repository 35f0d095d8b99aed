import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where the profiles file came from, for messages. */
export type ProfilesSource = 'flag' | 'env' | 'default';

/**
 * The profiles file path: `--profiles FILE`, else `$CCENV_PROFILES`, else
 * `${XDG_CONFIG_HOME:-~/.config}/ccenv/profiles.yaml`. Returns an absolute path.
 */
export function profilesPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): {
  path: string;
  source: ProfilesSource;
} {
  if (flag) return { path: resolve(flag), source: 'flag' };
  if (env.CCENV_PROFILES) return { path: resolve(env.CCENV_PROFILES), source: 'env' };
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return { path: join(base, 'ccenv', 'profiles.yaml'), source: 'default' };
}

