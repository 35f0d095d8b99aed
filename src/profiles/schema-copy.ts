import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { readResource } from '../util/resource.js';
import { writeFileAtomic } from '../util/write.js';

/**
 * Where ccenv keeps a copy of its profiles JSON Schema for editors: `${XDG_DATA_HOME:-~/.local/share}/ccenv/
 * profiles.schema.json`. `ccenv init` points the profiles file's `yaml-language-server` modeline here rather than
 * into the package, so the modeline survives moving the clone, reinstalling and upgrading ccenv.
 */
export function schemaCopyPath(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share'), 'ccenv', 'profiles.schema.json');
}

/**
 * Make the schema copy current: rewrite it when it differs from the shipped schema (after an upgrade). Cheap
 * (two small reads); callers on the hot path run it only when their own cache missed, which an upgrade causes.
 * @returns the copy's path
 * @throws UserError only with `strict` (init); otherwise a failure to write is ignored (the copy is a convenience).
 */
export function refreshSchemaCopy(env: NodeJS.ProcessEnv, strict = false): string {
  const path = schemaCopyPath(env);
  const shipped = readResource('schema/profiles.schema.json');
  let current: string | undefined;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== shipped) {
    try {
      writeFileAtomic(path, shipped, { force: true });
    } catch (e) {
      if (strict) throw e;
    }
  }
  return path;
}
