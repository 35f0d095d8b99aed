import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CHAT_COMPLETIONS_ROUTING, OS_ENVIRON_PREFIX } from '../knowledge/litellm.js';
import { checkProfiles } from '../profiles/load.js';
import { cachedProfiles, storeProfiles } from '../profiles/cache.js';
import { sentIds } from '../profiles/derive.js';
import type { ProfilesConfig } from '../profiles/types.js';
import validateConfig from '../generated/litellm-config-validator.js';
import { parseLocated, walkStrings, type LocatedYaml, type Pos } from '../util/yaml.js';

/** One validation problem: `file:line:col: code: message`. Never contains a secret's value. */
export interface ValidationProblem extends Pos {
  file: string;
  code: string;
  message: string;
}

/** `file:line:col: code: message`. */
export function formatValidation(p: ValidationProblem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.code}: ${p.message}`;
}

type Kind = 'profiles' | 'litellm-config' | 'unknown';
const LITELLM_KEYS = ['model_list', 'litellm_settings', 'general_settings', 'router_settings'];

/** Which kind of file a parsed document is: a ccenv profiles file (`profiles:`) or a LiteLLM config. */
export function detectKind(data: unknown): Kind {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return 'unknown';
  if ('profiles' in data) return 'profiles';
  return LITELLM_KEYS.some((k) => k in data) ? 'litellm-config' : 'unknown';
}

/** Values that are placeholders rather than credentials (local servers accept any key). */
const PLACEHOLDER = /^(none|null|dummy|empty|no-?key|not-needed|sk-no-key-required|lm-studio|ollama|test|fake|x+|changeme|your[-_].*|.*<[^>]*>.*|\$\{[^}]+\}|sk-(1234|your-.*|xxx+|\.\.\.))$/i;

/** Shannon entropy in bits per character. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

/**
 * What kind of literal credential `value` looks like, or undefined. `key` is the YAML key holding it: secret-ish
 * keys (api_key, *token, *secret, password, master_key) also flag high-entropy strings.
 */
export function credentialKind(key: string, value: string): string | undefined {
  const v = value.trim();
  if (!v || v.startsWith(OS_ENVIRON_PREFIX)) return undefined;
  if (/^sk-ant-[A-Za-z0-9_-]{8,}/.test(v)) return 'an Anthropic API key (sk-ant-…)';
  if (/\bAKIA[0-9A-Z]{16}\b/.test(v)) return 'an AWS access key id (AKIA…)';
  if (/^bearer\s+\S{8,}/i.test(v)) return 'a bearer token';
  if (/^master_key$/i.test(key)) return 'a literal master key';
  if (PLACEHOLDER.test(v)) return undefined;
  if (/password|passwd|secret/i.test(key) && v.length >= 6) return 'a password or secret';
  if (/^sk-[A-Za-z0-9_-]{2,}/.test(v)) return 'a key (sk-…)';
  const secretKey = /(^|_)(api_?key|key|token|access_key)$/i.test(key) || /token/i.test(key);
  if (secretKey && v.length >= 16 && !/\s/.test(v) && entropy(v) >= 3.5) return 'a high-entropy secret';
  return undefined;
}

interface Ctx {
  file: string;
  located: LocatedYaml;
  out: ValidationProblem[];
}
const report = (c: Ctx, path: readonly (string | number)[], code: string, message: string, onKey = false) =>
  c.out.push({ file: c.file, ...c.located.at(path, onKey), code, message });

/** Literal credentials anywhere in a document: one problem each, naming the key, never the value. */
function scanSecrets(c: Ctx, data: unknown): void {
  walkStrings(data, (path, value) => {
    const key = String([...path].reverse().find((p) => typeof p === 'string') ?? '');
    const kind = credentialKind(key, value);
    if (kind) report(c, path, 'literal-secret', `${path.join('.')} holds ${kind} in clear text; reference an environment variable instead (os.environ/NAME in LiteLLM configs)`);
  });
}

/** Schema problems of a LiteLLM config, by the validator precompiled from schema/litellm-config.schema.json. */
function schemaProblems(data: unknown): Array<{ path: string[]; message: string }> {
  if (validateConfig(data)) return [];
  return (validateConfig.errors ?? []).map((e) => ({ path: e.instancePath.split('/').slice(1), message: e.keyword === 'required' ? `missing required key '${String(e.params.missingProperty)}'` : `${e.message}` }));
}

interface Deployment {
  model_name?: unknown;
  litellm_params?: { model?: unknown; api_base?: unknown };
}

/** Model group names a LiteLLM config serves: model_list names (glob patterns kept) and router aliases. */
export function servedModels(data: Record<string, unknown>): { names: Set<string>; patterns: RegExp[] } {
  const names = new Set<string>();
  const patterns: RegExp[] = [];
  for (const d of (Array.isArray(data.model_list) ? data.model_list : []) as Deployment[]) {
    const name = String(d?.model_name ?? '');
    if (name.includes('*')) patterns.push(new RegExp(`^${name.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`));
    else names.add(name);
  }
  const alias = (data.router_settings as { model_group_alias?: Record<string, unknown> } | undefined)?.model_group_alias;
  for (const k of Object.keys(alias ?? {})) names.add(k);
  return { names, patterns };
}

/** Checks of one LiteLLM config beyond its schema. */
function checkConfig(c: Ctx, data: Record<string, unknown>): void {
  for (const e of schemaProblems(data)) report(c, e.path, 'schema', `${e.path.join('.') || '(top level)'}: ${e.message}`);
  if (c.out.some((p) => p.code === 'schema' && p.file === c.file)) return;
  const settings = (data.litellm_settings ?? {}) as Record<string, unknown>;
  const general = (data.general_settings ?? {}) as Record<string, unknown>;
  const envVars = (data.environment_variables ?? {}) as Record<string, unknown>;
  const list = (Array.isArray(data.model_list) ? data.model_list : []) as Deployment[];
  list.forEach((d, i) => {
    const name = String(d.model_name ?? '');
    if (/\[1m\]/i.test(name)) report(c, ['model_list', i, 'model_name'], 'model-name-1m', `model_name '${name}' contains [1m]: Claude Code strips the [1m] suffix before sending, so this name never matches; drop it`);
    const model = String(d.litellm_params?.model ?? '');
    const base = typeof d.litellm_params?.api_base === 'string' ? d.litellm_params.api_base : '';
    if (model.startsWith('anthropic/') && /\/v1\/?$/.test(base)) report(c, ['model_list', i, 'litellm_params', 'api_base'], 'api-base-suffix', `api_base ends in /v1 for an anthropic/ model: LiteLLM appends /v1/messages, so requests go to …/v1/v1/messages`);
  });
  const routed = list.findIndex((d) => String(d.litellm_params?.model ?? '').startsWith('openai/') && typeof d.litellm_params?.api_base === 'string' && !/api\.openai\.com/.test(String(d.litellm_params.api_base)));
  if (routed >= 0 && settings[CHAT_COMPLETIONS_ROUTING.settingsKey] !== true && !envVars[CHAT_COMPLETIONS_ROUTING.envVar]) {
    report(c, ['model_list', routed, 'litellm_params', 'model'], 'routing-flag', `an openai/ model with a custom api_base, and no litellm_settings.${CHAT_COMPLETIONS_ROUTING.settingsKey}: true — LiteLLM ≥ 1.82.0 sends its /v1/messages to the upstream's /v1/responses (404 or a hang). Add the setting, or start the proxy with ${CHAT_COMPLETIONS_ROUTING.envVar}=1`);
  }
  if (list.length > 0 && settings.drop_params !== true) {
    report(c, 'drop_params' in settings ? ['litellm_settings', 'drop_params'] : ['litellm_settings'], 'drop-params', 'litellm_settings.drop_params is not true: Claude Code sends parameters most non-Anthropic backends reject');
  }
  if ('drop_params' in general) report(c, ['general_settings', 'drop_params'], 'misplaced-key', 'drop_params under general_settings has no effect; it belongs in litellm_settings', true);
  if ('master_key' in settings) report(c, ['litellm_settings', 'master_key'], 'misplaced-key', 'master_key under litellm_settings does not protect the proxy; it belongs in general_settings', true);
  const mk = general.master_key;
  if (typeof mk === 'string' && !mk.startsWith(OS_ENVIRON_PREFIX) && !mk.startsWith('sk-')) report(c, ['general_settings', 'master_key'], 'master-key-format', "master_key must start with 'sk-' (LiteLLM rejects other keys)");
  const modules = [settings.callbacks, settings.success_callback, settings.failure_callback].flatMap((v) => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v])).map(String);
  const handlers = (Array.isArray(settings.custom_provider_map) ? settings.custom_provider_map : []).map((m: { custom_handler?: unknown }) => String(m?.custom_handler ?? ''));
  for (const ref of [...modules, ...handlers]) {
    if (!ref.includes('.') || /^(s3|gcs):\/\//.test(ref)) continue; // built-in integrations ("langfuse") and remote modules
    const parts = ref.split('.');
    const file = join(dirname(resolve(c.file)), ...parts.slice(0, -1)) + '.py';
    if (!existsSync(file)) {
      const where = modules.includes(ref) ? ['litellm_settings', 'callbacks'] : ['litellm_settings', 'custom_provider_map'];
      report(c, where, 'callback-missing', `${ref}: LiteLLM loads ${parts.slice(0, -1).join('/')}.py from the config's folder and it is not there (${file})`);
    }
  }
}

/** Extra checks of a profiles file that need the machine: commands shadowing executables on PATH. */
function checkProfilesMore(c: Ctx, cfg: ProfilesConfig, env: NodeJS.ProcessEnv): void {
  for (const p of cfg.profiles) {
    const hit = (env.PATH ?? '').split(':').filter(Boolean).map((d) => join(d, p.command)).find((f) => {
      try {
        return statSync(f).isFile();
      } catch {
        return false;
      }
    });
    const implicit = p.command === `claude-${p.name}`;
    if (hit) report(c, implicit ? ['profiles', p.name] : ['profiles', p.name, 'command'], 'command-shadows', `command '${p.command}' shadows ${hit}`, implicit);
  }
}

/**
 * Validate profiles files and LiteLLM configs (detected by content), as pre-commit passes them. Profiles files
 * and configs among them — or configured (`profiles`, `litellmConfigs`: cross-checked, not reported on) — are
 * checked against each other: each config must serve every model id the profiles use.
 * @returns problems in file order; empty when all is well
 */
export function validateFiles(files: readonly string[], o: { profiles?: string; litellmConfigs?: readonly string[]; env: NodeJS.ProcessEnv }): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  const profiles: Array<{ file: string; cfg: ProfilesConfig; located: () => LocatedYaml }> = [];
  const configs: Array<{ file: string; data: Record<string, unknown> }> = [];
  const configured = [o.profiles, ...(o.litellmConfigs ?? [])].filter((f): f is string => !!f && !files.includes(f));
  const inputs = [...files, ...configured];
  for (const file of inputs) {
    const extraOnly = !files.includes(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      out.push({ file, line: 1, col: 1, code: 'unreadable', message: `cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
      continue;
    }
    const asProfiles = () => {
      // Unchanged since it last loaded cleanly (the parse cache `ccenv shell` keeps): schema and cross-checks
      // held then and depend on nothing else; re-run only what depends on more than the file (PATH, secrets),
      // and parse again only when one of those finds something, for exact positions.
      const cached = cachedProfiles(resolve(file), o.env);
      if (cached) {
        const quick: ValidationProblem[] = [];
        const lazy: LocatedYaml = { data: cached, errors: [], at: () => ({ line: 1, col: 1 }) };
        if (!extraOnly) {
          checkProfilesMore({ file, located: lazy, out: quick }, cached, o.env);
          scanSecrets({ file, located: lazy, out: quick }, { ...cached, profiles: cached.profiles.map((p) => ({ ...p, env: Object.fromEntries(p.env) })) });
        }
        if (quick.length === 0) {
          let located: LocatedYaml | undefined;
          profiles.push({ file, cfg: cached, located: () => (located ??= checkProfiles(text, file).located) });
          return;
        }
      }
      const checked = checkProfiles(text, file);
      const c: Ctx = { file, located: checked.located, out };
      if (!extraOnly) for (const p of checked.problems) out.push({ file, line: p.line, col: p.col, code: p.code, message: p.key ? `${p.key}: ${p.message}` : p.message });
      if (checked.config) {
        storeProfiles(resolve(file), checked.config, o.env);
        profiles.push({ file, cfg: checked.config, located: () => checked.located });
        if (!extraOnly) checkProfilesMore(c, checked.config, o.env);
      }
      if (!extraOnly && checked.located.data !== undefined) scanSecrets(c, checked.located.data);
    };
    // A top-level `profiles:` key marks a profiles file: then its loader parses it, once.
    if (/^profiles[ \t]*:/m.test(text)) {
      asProfiles();
      continue;
    }
    const located = parseLocated(text, { version: '1.1', uniqueKeys: false });
    const c: Ctx = { file, located, out };
    if (located.errors.length > 0 || located.data === undefined) {
      for (const e of located.errors) out.push({ file, line: e.line, col: e.col, code: 'yaml', message: e.message });
      continue;
    }
    const kind = detectKind(located.data);
    if (kind === 'profiles') {
      asProfiles();
    } else if (kind === 'litellm-config') {
      const strict = parseLocated(text, { version: '1.1', uniqueKeys: true });
      if (!extraOnly) for (const e of strict.errors.filter((x) => x.code === 'DUPLICATE_KEY')) out.push({ file, line: e.line, col: e.col, code: 'duplicate-key', message: `${e.message}; LiteLLM (PyYAML) silently keeps the last one` });
      if (!extraOnly) {
        checkConfig(c, located.data as Record<string, unknown>);
        scanSecrets(c, located.data);
      }
      configs.push({ file, data: located.data as Record<string, unknown> });
    } else if (!extraOnly) {
      out.push({ file, line: 1, col: 1, code: 'unknown-file', message: 'neither a ccenv profiles file (no profiles:) nor a LiteLLM config (no model_list / litellm_settings / general_settings / router_settings)' });
    }
  }
  for (const { file: cfgFile, data } of configs) {
    if (data.model_list === undefined || data.model_list === null) continue; // models live in the database
    const { names, patterns } = servedModels(data);
    const served = (id: string) => names.has(id) || patterns.some((r) => r.test(id));
    for (const { file, cfg, located } of profiles) {
      for (const p of cfg.profiles) {
        for (const { id, setBy: slot } of sentIds(p).filter((x) => !served(x.id))) {
          out.push({ file, ...located().at(['profiles', p.name, slot]), code: 'model-missing', message: `profiles.${p.name}.${slot} '${id}' is not a model_name in ${cfgFile} (LiteLLM: "Invalid model name passed in model=${id}")` });
        }
      }
    }
  }
  return out.sort((a, b) => (a.file === b.file ? a.line - b.line || a.col - b.col : 0));
}
