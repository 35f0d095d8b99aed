import type { Io } from '../util/io.js';
import { profilesPath } from '../profiles/load.js';
import { refreshSchemaCopy } from '../profiles/schema-copy.js';
import { readResource } from '../util/resource.js';
import { printable } from '../util/text.js';
import { writeFileAtomic } from '../util/write.js';
import { pickShell } from './shell.js';
import { LOAD_LINE } from '../shell/render.js';

/**
 * `ccenv init [--force]`: write templates/profiles.yaml (commented, with a yaml-language-server schema modeline
 * pointing at the schema copy ccenv keeps current, profiles/schema-copy.ts) to the profiles path. Never replaces
 * an existing file without --force.
 * @throws UserError (exit 2) when the file exists or cannot be written.
 */
export function initCommand(a: { profiles?: string; force?: boolean; quiet?: boolean }, io: Io): number {
  const { path } = profilesPath(a.profiles, io.env);
  const schema = refreshSchemaCopy(io.env, true);
  const template = readResource('templates/profiles.yaml');
  writeFileAtomic(path, template.replace('{{SCHEMA}}', schema), { force: a.force });
  if (!a.quiet) {
    let load = 'eval "$(ccenv shell zsh)" in ~/.zshrc, eval "$(ccenv shell bash)" in ~/.bashrc, or ccenv shell fish | source in config.fish';
    try {
      const shell = pickShell(undefined, io.env);
      load = `${LOAD_LINE[shell]}${shell === 'fish' ? ' (in ~/.config/fish/config.fish)' : ` (in ~/.${shell}rc)`}`;
    } catch {
      /* $SHELL unset or unsupported: name all three */
    }
    io.err(`ccenv: wrote ${printable(path)}; edit it, then add to your shell's rc file: ${load}\n`);
  }
  return 0;
}
