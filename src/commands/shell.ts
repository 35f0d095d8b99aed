import { basename } from 'node:path';
import type { Io } from '../cli.js';
import { loadProfiles, profilesPath } from '../profiles/load.js';
import { renderShell, renderWarning, SHELLS, type Shell } from '../shell/render.js';
import { UserError } from '../util/errors.js';

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
 * `ccenv shell [SHELL] [--profiles FILE]`: print the shell functions. A bad or missing profiles file never
 * breaks the shell: the output is then valid code that prints one warning line on stderr, and the exit code is 0.
 * @returns the exit code (0, or 2 for an unsupported shell)
 */
export function shellCommand(shellArg: string | undefined, profilesFlag: string | undefined, io: Io): number {
  const shell = pickShell(shellArg, io.env);
  let code: string;
  try {
    code = renderShell(shell, loadProfiles(profilesPath(profilesFlag, io.env).path));
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    const more = e.lines.length > 1 ? ` (+${e.lines.length - 1} more problems; run \`ccenv list\` to see them all)` : '';
    code = renderWarning(shell, `${e.lines[0]}${more}; no claude-* functions defined`);
  }
  io.out(code);
  return 0;
}

/**
 * Parse the few arguments `ccenv shell` takes without loading yargs (start-up matters here).
 * Returns undefined when the arguments need the full parser (it then reports usage errors).
 */
export function shellFastPath(args: string[], io: Io): number | undefined {
  let shell: string | undefined;
  let profiles: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--profiles' && i + 1 < args.length) profiles = args[++i];
    else if (a.startsWith('--profiles=')) profiles = a.slice('--profiles='.length);
    else if (!a.startsWith('-') && shell === undefined) shell = a;
    else return undefined;
  }
  return shellCommand(shell, profiles, io);
}
