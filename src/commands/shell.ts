import { basename, join } from 'node:path';
import type { Io } from '../cli.js';
import { profilesPath } from '../profiles/load-path.js';
import type { ProfilesConfig } from '../profiles/types.js';
import { cachedProfiles, cacheDir, storeProfiles, writeCacheFile } from '../shell/cache.js';
import { quoteFish, quotePosix, renderShell, renderWarning, SHELLS, type Shell } from '../shell/render.js';
import { UserError } from '../util/errors.js';
import { resource } from '../util/resource.js';

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
      return renderWarning(shell, `${e.lines[0]}${more}; no claude-* functions defined`);
    }
    storeProfiles(path, cfg, env);
  }
  return renderShell(shell, cfg);
}

/** Where `--cache` keeps the generated code for a shell. */
export function cacheFile(shell: Shell, env: NodeJS.ProcessEnv): string {
  return join(cacheDir(env), `init.${shell}`);
}

/**
 * The few lines to put in the rc file for the cached mode: they source the cached code when it is newer than
 * the profiles file and than ccenv's package.json (which changes when ccenv is upgraded), and otherwise run
 * `ccenv shell SHELL --write-cache` to regenerate it first. The common case starts no Node process.
 */
export function renderStub(shell: Shell, profiles: string): string {
  const pkg = resource('package.json');
  const shown = profiles.replace(/[\n\r]/g, '?'); // comments end at a newline
  if (shell === 'fish') {
    return `# ccenv (cached): the claude-* functions, regenerated when ${shown} or ccenv changes
set -l __ccenv_cache (set -q XDG_CACHE_HOME; and echo $XDG_CACHE_HOME; or echo $HOME/.cache)/ccenv/init.fish
if not test -s $__ccenv_cache; or not test $__ccenv_cache -nt ${quoteFish(profiles)}; or not test -e ${quoteFish(pkg)}; or not test $__ccenv_cache -nt ${quoteFish(pkg)}
    command -q ccenv; and ccenv shell fish --write-cache --profiles ${quoteFish(profiles)}
end
test -s $__ccenv_cache; and source $__ccenv_cache
`;
  }
  return `# ccenv (cached): the claude-* functions, regenerated when ${shown} or ccenv changes
__ccenv_cache="\${XDG_CACHE_HOME:-$HOME/.cache}/ccenv/init.${shell}"
if [ ! -s "$__ccenv_cache" ] || [ ! "$__ccenv_cache" -nt ${quotePosix(profiles)} ] || [ ! -e ${quotePosix(pkg)} ] || [ ! "$__ccenv_cache" -nt ${quotePosix(pkg)} ]; then
  command -v ccenv >/dev/null 2>&1 && ccenv shell ${shell} --write-cache --profiles ${quotePosix(profiles)}
fi
[ -s "$__ccenv_cache" ] && . "$__ccenv_cache"
unset __ccenv_cache
`;
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
    if (!writeCacheFile(file, await shellCode(shell, path, io.env))) io.err(`ccenv: cannot write ${file}\n`);
    if (a.cache) io.out(renderStub(shell, path));
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
    else if (!arg.startsWith('-') && a.shell === undefined) a.shell = arg;
    else return undefined;
  }
  return shellCommand(a, io);
}
