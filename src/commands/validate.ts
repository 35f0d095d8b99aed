import type { Io } from '../cli.js';
import { profilesPath } from '../profiles/load.js';
import { formatValidation, validateFiles } from '../validate/index.js';

/**
 * `ccenv validate [FILES…] [--json]`: profiles files and LiteLLM configs, detected by content. With no files,
 * the configured profiles file. Prints `file:line:col: code: message` per problem; exit 1 on problems.
 * JSON: `{ schemaVersion: 1, ok, problems: [{file, line, col, code, message}] }`.
 */
export function validateCommand(a: { files?: string[]; profiles?: string; litellmConfig?: string | string[]; json?: boolean }, io: Io): number {
  const files = a.files && a.files.length > 0 ? a.files : [profilesPath(a.profiles, io.env).path];
  const configured = a.profiles ?? io.env.CCENV_PROFILES;
  const problems = validateFiles(files, { profiles: configured, litellmConfigs: [a.litellmConfig ?? []].flat(), env: io.env });
  if (a.json) io.out(`${JSON.stringify({ schemaVersion: 1, ok: problems.length === 0, problems }, null, 2)}\n`);
  else for (const p of problems) io.out(`${formatValidation(p)}\n`);
  return problems.length === 0 ? 0 : 1;
}
