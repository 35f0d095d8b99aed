import { basename, join } from 'node:path';
import type { Io } from '../util/io.js';
import { profilesPath } from '../profiles/load-path.js';
import type { ProfilesConfig } from '../profiles/types.js';
import { cachedProfiles, storeProfiles } from '../profiles/cache.js';
import { refreshSchemaCopy } from '../profiles/schema-copy.js';
import { renderShell, renderStub, renderWarning, SHELLS, type Shell } from '../shell/render.js';
import { cacheDir, writeCacheFile } from '../util/cache.js';
import { UserError } from '../util/errors.js';
import { packageRoot } from '../util/resource.js';
import { printable } from '../util/text.js';

/**
 * The shell to emit code for: the argument, else the basename of `$SHELL`.
 * @throws UserError (exit 2) naming the supported shells when neither gives bash, zsh or fish.
 */
export function pickShell(arg: string | undefined, env: NodeJS.ProcessEnv): Shell {
  const name = arg ?? (env.SHELL ? basename(env.SHELL).replace(/^-/, '') : undefined);
  if (name === undefined) throw new UserError(`no shell given and $SHELL is unset; use: ccenv shell ${SHELLS.join('|')}`);
  if (!(SHELLS as readonly string[]).includes(name)) {
    throw new UserError(`unsupported shell '${name}'${arg ? '' : ' (from $SHELL)'}; ccenv shell supports ${SHELLS.join(', ')}`);
  }
  return name as Shell;
}

/**
 * The shell code for the profiles at `path`: from the parse cache when the file is unchanged (no YAML parsing,
 * no validator), else loaded (lazily imported) and cached. A bad or missing file gives code that prints one
 * warning line.
 */
async function shellCode(shell: Shell, path: string, env: NodeJS.ProcessEnv): Promise<string> {
  let cfg: ProfilesConfig | undefined = cachedProfiles(path, env);
  if (!cfg) {
    const { loadProfiles } = await import('../profiles/load.js');
    try {
      cfg = loadProfiles(path);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      const more = e.lines.length > 1 ? ` (+${e.lines.length - 1} more problems; run \`ccenv validate\` to see them all)` : '';
      return renderWarning(shell, `${printable(e.lines[0]!)}${more}; no claude-* functions defined`);
    }
    storeProfiles(path, cfg, env);
    refreshSchemaCopy(env); // a miss follows every upgrade (the key holds ccenv's version): keep the editor schema current
  }
  return renderShell(shell, cfg);
}

/** Where `--cache` keeps the generated code for a shell, and beside it the key the rc stub compares. */
export function cacheFile(shell: Shell, env: NodeJS.ProcessEnv): string {
  return join(cacheDir(env), `init.${shell}`);
}

/** Options of `ccenv shell`. */
export interface ShellArgs {
  shell?: string;
  profiles?: string;
  /** Print the rc-file stub of the cached mode (and write the cache now). */
  cache?: boolean;
  /** Regenerate the cached code, print nothing. */
  writeCache?: boolean;
}

/**
 * `ccenv shell [SHELL] [--profiles FILE] [--cache | --write-cache]`: print the shell functions, or the cached
 * mode's stub, or refresh the cache. Never breaks a shell's startup: a bad or missing profiles file yields code
 * that prints one warning line, and exit code 0.
 * @returns the exit code (0, or 2 for an unsupported shell)
 */
export async function shellCommand(a: ShellArgs, io: Io): Promise<number> {
  const shell = pickShell(a.shell, io.env);
  const path = profilesPath(a.profiles, io.env).path;
  if (a.cache || a.writeCache) {
    const file = cacheFile(shell, io.env);
    // The key the stub compares: the profiles path as the stub names it, and where this ccenv lives.
    const key = `${a.profiles !== undefined && !a.cache ? a.profiles : path}\n${packageRoot()}\n`;
    if (!writeCacheFile(file, await shellCode(shell, path, io.env)) || !writeCacheFile(`${file}.key`, key)) io.err(`ccenv: cannot write ${printable(file)}\n`);
    if (a.cache) io.out(renderStub(shell, a.profiles !== undefined ? path : undefined));
    return 0;
  }
  io.out(await shellCode(shell, path, io.env));
  return 0;
}

/**
 * Parse the few arguments `ccenv shell` takes without loading yargs (start-up matters here).
 * Returns undefined when the arguments need the full parser (it then reports usage errors).
 */
export async function shellFastPath(args: string[], io: Io): Promise<number | undefined> {
  const a: ShellArgs = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--profiles' && i + 1 < args.length) a.profiles = args[++i];
    else if (arg.startsWith('--profiles=')) a.profiles = arg.slice('--profiles='.length);
    else if (arg === '--cache') a.cache = true;
    else if (arg === '--write-cache') a.writeCache = true;
    else if (arg === '--quiet' || arg === '-q') continue;
    else if (!arg.startsWith('-') && a.shell === undefined) a.shell = arg;
    else return undefined;
  }
  return shellCommand(a, io);
}
