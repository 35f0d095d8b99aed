import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkProfiles } from '../profiles/load.js';
import { cachedProfiles, storeProfiles } from '../profiles/cache.js';
import { printable } from '../util/text.js';
import { parseLocated, type LocatedYaml, type Pos } from '../util/yaml.js';
import { isDeployment, RULES, type ConfigInput, type ProfilesInput, type Rule, type ValidationProblem } from './rules.js';

export { credentialKind, servedModels, RULES, LOADER_CODES, type ValidationProblem } from './rules.js';

/** `file:line:col: code: message`. */
export function formatValidation(p: ValidationProblem): string {
  return printable(`${p.file}:${p.line}:${p.col}: ${p.code}: ${p.message}`);
}

type Kind = 'profiles' | 'litellm-config' | 'deployment' | 'unknown';
const LITELLM_KEYS = ['model_list', 'litellm_settings', 'general_settings', 'router_settings'];

/** Which kind of file a parsed document is: a ccenv profiles file (`profiles:`) or a LiteLLM config. */
export function detectKind(data: unknown): Kind {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return 'unknown';
  if ('profiles' in data) return 'profiles';
  if (LITELLM_KEYS.some((k) => k in data)) return 'litellm-config';
  return isDeployment(data as Record<string, unknown>) ? 'deployment' : 'unknown';
}

/** Largest file validate reads (bytes); larger ones are one `too-large` problem. */
export const MAX_VALIDATE_BYTES = 1 << 20;


/** Run one rule on one input, collecting its problems (positions from `located`). */
function runRule(rule: Rule, out: ValidationProblem[], o: { env: NodeJS.ProcessEnv; file: string; located: () => LocatedYaml; profiles?: ProfilesInput; config?: ConfigInput; all?: { profiles: ProfilesInput[]; configs: ConfigInput[] } }): void {
  const reportIn = (file: string, at: Pos, code: string, message: string) => out.push({ file, line: at.line, col: at.col, code, message });
  rule.run({
    env: o.env,
    profiles: o.profiles,
    config: o.config,
    all: o.all,
    report: (path, code, message, onKey = false) => reportIn(o.file, o.located().at(path, onKey), code, message),
    reportIn,
  });
}

const PROFILE_RULES = RULES.filter((r) => r.kind === 'profiles' || r.code === 'literal-secret');
const CONFIG_RULES = RULES.filter((r) => r.kind === 'litellm' || r.code === 'literal-secret');
const CROSS_RULES = RULES.filter((r) => r.kind === 'both' && r.code !== 'literal-secret');
const DEPLOYMENT_RULES = RULES.filter((r) => r.kind === 'deployment' || r.code === 'literal-secret' || r.code === 'misplaced-key');

/**
 * Validate profiles files and LiteLLM configs (detected by content), as pre-commit passes them: the profiles
 * loader's own problems, then each rule of the table (rules.ts) for its kind of file, then the cross-file rules
 * over profiles files and configs among them — or configured (`profiles`, `litellmConfigs`: cross-checked, not
 * reported on). Files over 1 MB are one problem, not parsed.
 * @returns problems in file order; empty when all is well
 */
export function validateFiles(files: readonly string[], o: { profiles?: string; litellmConfigs?: readonly string[]; env: NodeJS.ProcessEnv }): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  const profiles: ProfilesInput[] = [];
  const configs: ConfigInput[] = [];
  const configured = [o.profiles, ...(o.litellmConfigs ?? [])].filter((f): f is string => !!f && !files.includes(f));
  for (const file of [...files, ...configured]) {
    const extraOnly = !files.includes(file);
    const sink: ValidationProblem[] = extraOnly ? [] : out;
    let text: string;
    try {
      if (statSync(file).size > MAX_VALIDATE_BYTES) {
        sink.push({ file, line: 1, col: 1, code: 'too-large', message: `larger than ${MAX_VALIDATE_BYTES} bytes; not a profiles file or LiteLLM config ccenv reads` });
        continue;
      }
      text = readFileSync(file, 'utf8');
    } catch (e) {
      sink.push({ file, line: 1, col: 1, code: 'unreadable', message: `cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
      continue;
    }
    const asProfiles = () => {
      // Unchanged since it last loaded cleanly (the parse cache `ccenv shell` keeps): schema and loader checks
      // held then and depend on nothing else; re-run only the rules, which may depend on more than the file
      // (PATH), and parse again only when one finds something, for exact positions.
      const cached = cachedProfiles(resolve(file), o.env);
      if (cached) {
        const quick: ValidationProblem[] = [];
        const input: ProfilesInput = { file, cfg: cached, located: () => ({ data: cached, errors: [], at: () => ({ line: 1, col: 1 }) }), data: { ...cached, profiles: cached.profiles.map((p) => ({ ...p, env: Object.fromEntries(p.env) })) } };
        if (!extraOnly) for (const r of PROFILE_RULES) runRule(r, quick, { env: o.env, file, located: input.located, profiles: input });
        if (quick.length === 0) {
          let located: LocatedYaml | undefined;
          profiles.push({ ...input, located: () => (located ??= checkProfiles(text, file).located) });
          return;
        }
      }
      const checked = checkProfiles(text, file);
      for (const p of checked.problems) sink.push({ file, line: p.line, col: p.col, code: p.code, message: p.key ? `${printable(p.key, 200)}: ${p.message}` : p.message });
      if (checked.config) {
        storeProfiles(resolve(file), checked.config, o.env);
        const input: ProfilesInput = { file, cfg: checked.config, located: () => checked.located, data: checked.located.data };
        profiles.push(input);
        if (!extraOnly) for (const r of PROFILE_RULES) runRule(r, out, { env: o.env, file, located: input.located, profiles: input });
      } else if (!extraOnly && checked.located.data !== undefined) {
        const secrets = RULES.find((r) => r.code === 'literal-secret')!;
        runRule(secrets, out, { env: o.env, file, located: () => checked.located, profiles: { file, cfg: undefined as never, located: () => checked.located, data: checked.located.data } });
      }
    };
    // A top-level `profiles:` key marks a profiles file: then its loader parses it, once.
    if (/^profiles[ \t]*:/m.test(text)) {
      asProfiles();
      continue;
    }
    const located = parseLocated(text, { version: '1.1', uniqueKeys: false });
    if (located.errors.length > 0 || located.data === undefined) {
      for (const e of located.errors) sink.push({ file, line: e.line, col: e.col, code: 'yaml', message: printable(e.message, 300) });
      continue;
    }
    const kind = detectKind(located.data);
    if (kind === 'profiles') asProfiles();
    else if (kind === 'litellm-config') {
      const input: ConfigInput = { file, data: located.data as Record<string, unknown>, located, strictErrors: parseLocated(text, { version: '1.1', uniqueKeys: true }).errors };
      configs.push(input);
      if (!extraOnly) {
        for (const r of CONFIG_RULES) {
          const before = out.length;
          runRule(r, out, { env: o.env, file, located: () => located, config: input });
          // The schema gates the rules after it: they read the sections it types.
          if (r.code === 'schema' && out.length > before) {
            runRule(RULES.find((x) => x.code === 'literal-secret')!, out, { env: o.env, file, located: () => located, config: input });
            break;
          }
        }
      }
    } else if (kind === 'deployment') {
      if (!extraOnly) for (const r of DEPLOYMENT_RULES) runRule(r, out, { env: o.env, file, located: () => located, config: { file, data: located.data as Record<string, unknown>, located, strictErrors: [] } });
    } else if (!extraOnly) {
      out.push({ file, line: 1, col: 1, code: 'unknown-file', message: 'neither a ccenv profiles file (no profiles:), a LiteLLM config (no model_list / litellm_settings / general_settings / router_settings) nor a LiteLLM deployment (compose services with a litellm image, or Helm values with proxy_config)' });
    }
  }
  for (const r of CROSS_RULES) runRule(r, out, { env: o.env, file: '', located: () => ({ data: undefined, errors: [], at: () => ({ line: 1, col: 1 }) }), all: { profiles, configs } });
  return out.sort((a, b) => (a.file === b.file ? a.line - b.line || a.col - b.col : 0));
}
