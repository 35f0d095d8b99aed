import type { Io } from '../util/io.js';
import { profilesPath } from '../profiles/load.js';
import { formatValidation, LOADER_CODES, RULES, validateFiles } from '../validate/index.js';

/**
 * `ccenv validate [FILES…] [--json]`: profiles files and LiteLLM configs, detected by content. With no files,
 * the configured profiles file. Prints `file:line:col: code: message` per problem; exit 1 on problems.
 * JSON: `{ schemaVersion: 1, ok, problems: [{file, line, col, code, message}] }`.
 */
export function validateCommand(a: { files?: string[]; profiles?: string; litellmConfig?: string | string[]; json?: boolean; quiet?: boolean; list?: boolean }, io: Io): number {
  if (a.list) return listRules(Boolean(a.json), io);
  const files = a.files && a.files.length > 0 ? a.files : [profilesPath(a.profiles, io.env).path];
  const configured = a.profiles ?? io.env.CCENV_PROFILES;
  const problems = validateFiles(files, { profiles: configured, litellmConfigs: [a.litellmConfig ?? []].flat(), env: io.env });
  if (a.json) io.out(`${JSON.stringify({ schemaVersion: 1, ok: problems.length === 0, problems }, null, 2)}\n`);
  else for (const p of problems) io.out(`${formatValidation(p)}\n`);
  if (problems.length === 0 && !a.json && !a.quiet) io.err(`ccenv: ${files.length} file(s) checked: no problems\n`);
  return problems.length === 0 ? 0 : 1;
}

/**
 * `ccenv validate` without yargs (it runs on every commit): files, --json, --quiet, --profiles FILE, --litellm-config FILE.
 * Returns undefined for anything else, so the full parser can report it.
 */
export function validateFastPath(args: string[], io: Io): number | undefined {
  const a: { files: string[]; profiles?: string; litellmConfig: string[]; json?: boolean; quiet?: boolean } = { files: [], litellmConfig: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') a.json = true;
    else if (arg === '--quiet' || arg === '-q') a.quiet = true;
    else if (arg === '--list') return listRules(args.includes('--json'), io);
    else if (arg === '--profiles' && i + 1 < args.length) a.profiles = args[++i];
    else if (arg === '--litellm-config' && i + 1 < args.length) a.litellmConfig.push(args[++i]!);
    else if (arg === '--') a.files.push(...args.slice(i + 1)), (i = args.length);
    else if (!arg.startsWith('-')) a.files.push(arg);
    else return undefined;
  }
  return validateCommand(a, io);
}

/** `ccenv validate --list`: the rules, by code, with the files they read and their source. */
function listRules(json: boolean, io: Io): number {
  const rows = [
    ...LOADER_CODES.map(([code, describe]) => ({ code, kind: 'profiles', describe, source: 'schema/profiles.schema.json and the profiles loader' })),
    ...RULES.map((r) => ({ code: r.code, kind: r.kind === 'both' ? 'profiles+litellm' : r.kind, describe: r.describe, source: r.source })),
  ];
  if (json) {
    io.out(`${JSON.stringify({ schemaVersion: 1, rules: rows }, null, 2)}\n`);
    return 0;
  }
  const w = Math.max(...rows.map((r) => r.code.length)) + 2;
  const k = Math.max(...rows.map((r) => r.kind.length)) + 2;
  for (const r of rows) io.out(`${r.code.padEnd(w)}${r.kind.padEnd(k)}${r.describe}\n`);
  return 0;
}
