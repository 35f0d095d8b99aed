import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Io } from '../cli.js';
import { profilesPath } from '../profiles/load.js';
import { readResource, resource } from '../util/resource.js';
import { writeFileAtomic } from '../util/write.js';

/** Absolute path of the shipped JSON Schema, for the editor modeline. */
export const SCHEMA_PATH = resource('schema/profiles.schema.json');

/**
 * `ccenv init [--force]`: write templates/profiles.yaml (commented, with a yaml-language-server schema modeline)
 * to the profiles path. Never replaces an existing file without --force.
 * @throws UserError (exit 2) when the file exists or cannot be written.
 */
export function initCommand(a: { profiles?: string; force?: boolean }, io: Io): number {
  const { path } = profilesPath(a.profiles, io.env);
  const template = readResource('templates/profiles.yaml');
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, template.replace('{{SCHEMA}}', SCHEMA_PATH), { force: a.force });
  io.err(`ccenv: wrote ${path}; edit it, then add to your shell rc: eval "$(ccenv shell)"\n`);
  return 0;
}
