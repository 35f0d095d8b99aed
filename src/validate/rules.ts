import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CHAT_COMPLETIONS_ROUTING, OS_ENVIRON_PREFIX, SHARED_DEPLOYMENT } from '../knowledge/litellm.js';
import { CONTEXT_FACTS } from '../knowledge/claude-code.js';
import { contextWindowIgnored, sentIds } from '../profiles/derive.js';
import type { ProfilesConfig } from '../profiles/types.js';
import validateConfig from '../generated/litellm-config-validator.js';
import { matchGlob } from '../util/glob.js';
import { printable } from '../util/text.js';
import { walkStrings, type LocatedYaml, type Pos } from '../util/yaml.js';
import { parse as parseYaml } from 'yaml';

/** One validation problem: `file:line:col: code: message`. Never contains a secret's value. */
export interface ValidationProblem extends Pos {
  file: string;
  code: string;
  message: string;
}

/** Report a problem at a YAML path of the file being checked (its key when `onKey`). */
export type Report = (path: readonly (string | number)[], code: string, message: string, onKey?: boolean) => void;

/** A parsed profiles file, for the rules. */
export interface ProfilesInput {
  file: string;
  cfg: ProfilesConfig;
  /** Positions; parsed lazily (an unchanged file comes from the parse cache). */
  located: () => LocatedYaml;
  /** Its parsed document (for the secret scan). */
  data: unknown;
}

/** A parsed LiteLLM config, for the rules. */
export interface ConfigInput {
  file: string;
  data: Record<string, unknown>;
  located: LocatedYaml;
  /** The same text parsed with unique keys (duplicate keys are errors there). */
  strictErrors: LocatedYaml['errors'];
}

/** What a rule is given: the one file it checks (profiles or litellm rules), or all of them (cross-file rules). */
export interface RuleContext {
  env: NodeJS.ProcessEnv;
  profiles?: ProfilesInput;
  config?: ConfigInput;
  all?: { profiles: ProfilesInput[]; configs: ConfigInput[] };
  report: Report;
  /** For cross-file rules: report at a path of a given file. */
  reportIn: (file: string, at: Pos, code: string, message: string) => void;
}

/** A validate rule: its code, which files it reads, its source, and the check. */
export interface Rule {
  code: string;
  kind: 'profiles' | 'litellm' | 'both' | 'deployment';
  describe: string;
  source: string;
  run: (c: RuleContext) => void;
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
  if (value.length > 4096) return undefined; // no key is this long; bounds the patterns below
  const v = value.trim();
  if (!v || v.startsWith(OS_ENVIRON_PREFIX)) return undefined;
  // The name of a Kubernetes Secret, or of a key in it (Helm values: masterkeySecretName, environmentSecrets), is not one.
  if (/secret_?(name|key)s?$|^environmentSecrets$|^existingSecret$/i.test(key)) return undefined;
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

/** Literal credentials anywhere in a document: one problem each, naming the key, never the value. */
function scanSecrets(data: unknown, report: Report): void {
  walkStrings(data, (path, value) => {
    const key = String([...path].reverse().find((p) => typeof p === 'string') ?? '');
    const kind = credentialKind(key, value);
    if (kind) report(path, 'literal-secret', `${printable(path.join('.'), 200)} holds ${kind} in clear text; reference an environment variable instead (os.environ/NAME in LiteLLM configs)`);
  });
}

interface Deployment {
  model_name?: unknown;
  litellm_params?: { model?: unknown; api_base?: unknown };
}

const deployments = (data: Record<string, unknown>) => (Array.isArray(data.model_list) ? data.model_list : []).filter((d): d is Deployment => !!d && typeof d === 'object');
/** A value as a YAML map ({} when it is not one). */
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const section = (data: Record<string, unknown>, key: string) => obj(data[key]);

/**
 * Model group names a LiteLLM config serves: model_list names and router aliases (`names`), and `*` glob
 * model_names (`globs`, matched without regular expressions: util/glob.ts).
 */
export function servedModels(data: Record<string, unknown>): { names: Set<string>; globs: string[]; serves: (id: string) => boolean } {
  const names = new Set<string>();
  const globs: string[] = [];
  for (const d of deployments(data)) {
    const name = String(d.model_name ?? '');
    if (name.includes('*')) globs.push(name);
    else names.add(name);
  }
  for (const k of Object.keys(section(section(data, 'router_settings'), 'model_group_alias'))) names.add(k);
  return { names, globs, serves: (id) => names.has(id) || globs.some((g) => matchGlob(g, id)) };
}

const DOCS_CONFIG = 'https://docs.litellm.ai/docs/proxy/configs';

/** The LiteLLM services of a compose file (an image naming litellm), by name. */
const litellmServices = (data: Record<string, unknown>) => Object.entries(obj(data.services)).filter(([, svc]) => /litellm/i.test(String(obj(svc).image ?? '')));

/** A LiteLLM deployment file: a compose file with a LiteLLM service, or values for LiteLLM's Helm chart (proxy_config). */
export function isDeployment(data: Record<string, unknown>): boolean {
  return litellmServices(data).length > 0 || ('proxy_config' in data && ('replicaCount' in data || 'masterkeySecretName' in data));
}

/** A compose service's environment as a map (it may be written as a map or as `NAME=value` lines). */
function composeEnv(svc: Record<string, unknown>): { env: Record<string, string>; list: boolean } {
  const e = svc.environment;
  if (Array.isArray(e)) return { env: Object.fromEntries(e.map((l) => String(l)).map((l) => [l.split('=')[0]!, l.includes('=') ? l.slice(l.indexOf('=') + 1) : ''])), list: true };
  return { env: Object.fromEntries(Object.entries(obj(e)).map(([k, v]) => [k, String(v ?? '')])), list: false };
}

type Inline = { config: Record<string, unknown>; at: (string | number)[]; inline: boolean };
const inlineSeen = new WeakMap<Record<string, unknown>, Inline>();

/**
 * The LiteLLM config a deployment carries inline (compose `configs.<name>.content`, Helm `proxy_config`), parsed,
 * with the YAML path to report at; {} when none (or its text does not parse). Parsed once per document, however
 * many rules ask.
 */
function inlineConfig(data: Record<string, unknown>): Inline {
  let got = inlineSeen.get(data);
  if (!got) inlineSeen.set(data, (got = readInline(data)));
  return got;
}

function readInline(data: Record<string, unknown>): Inline {
  if ('proxy_config' in data) return { config: obj(data.proxy_config), at: ['proxy_config'], inline: false };
  for (const [name, c] of Object.entries(obj(data.configs))) {
    const text = obj(c).content;
    if (typeof text !== 'string' || !/model_list\s*:/.test(text)) continue;
    try {
      return { config: obj(parseYaml(text.replace(/\$\$/g, '$'))), at: ['configs', name, 'content'], inline: true };
    } catch {
      return { config: {}, at: [], inline: true };
    }
  }
  return { config: {}, at: [], inline: false };
}

/** Every validate rule (`ccenv validate --list`). Profiles rules after the loader's own problems, then LiteLLM, then cross-file. */
export const RULES: readonly Rule[] = [
  {
    code: 'command-shadows',
    kind: 'profiles',
    describe: 'a profile command shadows an executable on PATH',
    source: 'https://www.gnu.org/software/bash/manual/bash.html#Command-Search-and-Execution',
    run: ({ profiles: p, env, report }) => {
      for (const prof of p!.cfg.profiles) {
        const hit = (env.PATH ?? '').split(':').filter(Boolean).map((d) => join(d, prof.command)).find((f) => {
          try {
            return statSync(f).isFile();
          } catch {
            return false;
          }
        });
        const implicit = prof.command === `claude-${prof.name}`;
        if (hit) report(implicit ? ['profiles', prof.name] : ['profiles', prof.name, 'command'], 'command-shadows', `command '${prof.command}' shadows ${printable(hit, 200)}`, implicit);
      }
    },
  },
  {
    code: 'duplicate-key',
    kind: 'litellm',
    describe: 'a key given twice: LiteLLM (PyYAML) silently keeps the last one',
    source: 'https://pyyaml.org/wiki/PyYAMLDocumentation',
    run: ({ config: c, reportIn }) => {
      for (const e of c!.strictErrors.filter((x) => x.code === 'DUPLICATE_KEY')) reportIn(c!.file, e, 'duplicate-key', `${printable(e.message, 200)}; LiteLLM (PyYAML) silently keeps the last one`);
    },
  },
  {
    code: 'schema',
    kind: 'litellm',
    describe: 'model_list, litellm_settings, general_settings and router_settings have the types LiteLLM reads',
    source: DOCS_CONFIG,
    run: ({ config: c, report }) => {
      if (validateConfig(c!.data)) return;
      for (const e of validateConfig.errors ?? []) {
        const path = e.instancePath.split('/').slice(1);
        report(path, 'schema', `${path.join('.') || '(top level)'}: ${e.keyword === 'required' ? `missing required key '${String(e.params.missingProperty)}'` : e.message}`);
      }
    },
  },
  {
    code: 'model-name-1m',
    kind: 'litellm',
    describe: 'a model_name with [1m]: Claude Code strips the suffix before sending',
    source: 'https://code.claude.com/docs/en/model-config',
    run: ({ config: c, report }) =>
      deployments(c!.data).forEach((d, i) => {
        const name = String(d.model_name ?? '');
        if (name.toLowerCase().includes('[1m]')) report(['model_list', i, 'model_name'], 'model-name-1m', `model_name '${printable(name, 100)}' contains [1m]: Claude Code strips the [1m] suffix before sending, so this name never matches; drop it`);
      }),
  },
  {
    code: 'api-base-suffix',
    kind: 'litellm',
    describe: 'an anthropic/ api_base ending in /v1 (LiteLLM appends /v1/messages)',
    source: 'https://docs.litellm.ai/docs/providers/anthropic',
    run: ({ config: c, report }) =>
      deployments(c!.data).forEach((d, i) => {
        const base = typeof d.litellm_params?.api_base === 'string' ? d.litellm_params.api_base : '';
        if (String(d.litellm_params?.model ?? '').startsWith('anthropic/') && /\/v1\/?$/.test(base)) report(['model_list', i, 'litellm_params', 'api_base'], 'api-base-suffix', 'api_base ends in /v1 for an anthropic/ model: LiteLLM appends /v1/messages, so requests go to …/v1/v1/messages');
      }),
  },
  {
    code: 'routing-flag',
    kind: 'litellm',
    describe: 'an openai/ model with a custom api_base and no chat-completions routing setting',
    source: CHAT_COMPLETIONS_ROUTING.source,
    run: ({ config: c, report }) => {
      const list = deployments(c!.data);
      const routed = list.findIndex((d) => String(d.litellm_params?.model ?? '').startsWith('openai/') && typeof d.litellm_params?.api_base === 'string' && !/api\.openai\.com/.test(String(d.litellm_params.api_base)));
      if (routed >= 0 && section(c!.data, 'litellm_settings')[CHAT_COMPLETIONS_ROUTING.settingsKey] !== true && !section(c!.data, 'environment_variables')[CHAT_COMPLETIONS_ROUTING.envVar]) {
        report(['model_list', routed, 'litellm_params', 'model'], 'routing-flag', `an openai/ model with a custom api_base, and no litellm_settings.${CHAT_COMPLETIONS_ROUTING.settingsKey}: true — LiteLLM ≥ 1.82.0 sends its /v1/messages to the upstream's /v1/responses (404 or a hang). Add the setting, or start the proxy with ${CHAT_COMPLETIONS_ROUTING.envVar}=1`);
      }
    },
  },
  {
    code: 'drop-params',
    kind: 'litellm',
    describe: 'litellm_settings.drop_params is not true',
    source: 'https://docs.litellm.ai/docs/completion/drop_params',
    run: ({ config: c, report }) => {
      const settings = section(c!.data, 'litellm_settings');
      if (deployments(c!.data).length > 0 && settings.drop_params !== true) report('drop_params' in settings ? ['litellm_settings', 'drop_params'] : ['litellm_settings'], 'drop-params', 'litellm_settings.drop_params is not true: Claude Code sends parameters most non-Anthropic backends reject');
    },
  },
  {
    code: 'misplaced-key',
    kind: 'litellm',
    describe: 'a key in a section LiteLLM does not read it from (master_key or database_url under litellm_settings, drop_params under general_settings)',
    source: DOCS_CONFIG,
    run: ({ config: c, report }) => {
      // In a deployment file, the LiteLLM config it carries (Helm proxy_config, a compose configs entry); a compose
      // entry's config is one string, so its problems are reported at that string.
      const deployment = isDeployment(c!.data);
      const inner: Inline = deployment ? inlineConfig(c!.data) : { config: c!.data, at: [], inline: false };
      if (!deployment && 'drop_params' in section(c!.data, 'general_settings')) report(['general_settings', 'drop_params'], 'misplaced-key', 'drop_params under general_settings has no effect; it belongs in litellm_settings', true);
      for (const k of SHARED_DEPLOYMENT.settingsOnlyInGeneral) {
        if (!(k in section(inner.config, 'litellm_settings'))) continue;
        const why = deployment ? `${k} under litellm_settings (in the deployment's LiteLLM config) is not read` : k === 'master_key' ? 'master_key under litellm_settings does not protect the proxy' : `${k} under litellm_settings is not read (no key database, no virtual keys)`;
        report(inner.inline ? inner.at : [...inner.at, 'litellm_settings', k], 'misplaced-key', `${why}; it belongs in general_settings`, !inner.inline);
      }
    },
  },
  {
    code: 'replicas-without-redis',
    kind: 'deployment',
    describe: 'a LiteLLM deployment with more than one replica and no Redis for the router state',
    source: SHARED_DEPLOYMENT.source,
    run: ({ config: c, report }) => {
      const data = c!.data;
      const { config } = inlineConfig(data);
      const redisInConfig = 'redis_host' in section(config, 'router_settings') || 'redis_url' in section(config, 'router_settings');
      if ('proxy_config' in data) {
        const n = Number(data.replicaCount ?? 1);
        if (n > 1 && obj(data.redis).enabled !== true && !redisInConfig && !(SHARED_DEPLOYMENT.redisVars.host in obj(data.envVars))) report(['replicaCount'], 'replicas-without-redis', `replicaCount ${n} without Redis (redis.enabled, or router_settings.redis_host in proxy_config): each replica keeps its own rate limits and cooldowns, so limits let through ${n} times as much`);
        return;
      }
      for (const [name, svc] of litellmServices(data)) {
        const n = Number(obj(obj(svc).deploy).replicas ?? obj(svc).scale ?? 1);
        if (n > 1 && !redisInConfig && !(SHARED_DEPLOYMENT.redisVars.host in composeEnv(obj(svc)).env)) report(['services', name, obj(obj(svc).deploy).replicas !== undefined ? 'deploy' : 'scale'], 'replicas-without-redis', `${printable(name, 60)}: ${n} replicas without Redis (router_settings.redis_host, or REDIS_HOST): each keeps its own rate limits and cooldowns`);
      }
    },
  },
  {
    code: 'literal-salt-key',
    kind: 'deployment',
    describe: 'LITELLM_SALT_KEY written into a deployment file',
    source: SHARED_DEPLOYMENT.source,
    run: ({ config: c, report }) => {
      const data = c!.data;
      const v = SHARED_DEPLOYMENT.saltKeyVar;
      // Only a reference without a default (${NAME}, ${NAME:?…}, ${NAME?…}) keeps the value out of the file.
      const literal = (x: string) => x !== '' && !/^\$\{[A-Za-z_][A-Za-z0-9_]*(?::?\?[^}]*)?\}$/.test(x);
      if ('proxy_config' in data) {
        const x = obj(data.envVars)[v];
        if (typeof x === 'string' && literal(x)) report(['envVars', v], 'literal-salt-key', `${v} is written into the values file: it encrypts the upstream keys in the database; keep it in a Secret (environmentSecrets)`);
        return;
      }
      for (const [name, svc] of litellmServices(data)) {
        const { env, list } = composeEnv(obj(svc));
        if (env[v] !== undefined && literal(env[v]!)) report(list ? ['services', name, 'environment'] : ['services', name, 'environment', v], 'literal-salt-key', `${printable(name, 60)}: ${v} is written into the compose file: it encrypts the upstream keys in the database; pass it as \${${v}:?…} from .env`);
      }
    },
  },
  {
    code: 'master-key-format',
    kind: 'litellm',
    describe: "a literal master_key that does not start with 'sk-'",
    source: 'https://docs.litellm.ai/docs/proxy/virtual_keys',
    run: ({ config: c, report }) => {
      const mk = section(c!.data, 'general_settings').master_key;
      if (typeof mk === 'string' && !mk.startsWith(OS_ENVIRON_PREFIX) && !mk.startsWith('sk-')) report(['general_settings', 'master_key'], 'master-key-format', "master_key must start with 'sk-' (LiteLLM rejects other keys)");
    },
  },
  {
    code: 'callback-missing',
    kind: 'litellm',
    describe: "a callbacks / custom_provider_map module that is not beside the config",
    source: 'https://docs.litellm.ai/docs/proxy/call_hooks',
    run: ({ config: c, report }) => {
      const settings = section(c!.data, 'litellm_settings');
      const modules = [settings.callbacks, settings.success_callback, settings.failure_callback].flatMap((v) => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v])).map(String);
      const handlers = (Array.isArray(settings.custom_provider_map) ? settings.custom_provider_map : []).map((m: { custom_handler?: unknown }) => String(m?.custom_handler ?? ''));
      for (const ref of [...modules, ...handlers]) {
        if (!ref.includes('.') || /^(s3|gcs):\/\//.test(ref)) continue; // built-in integrations ("langfuse") and remote modules
        const parts = ref.split('.');
        const file = join(dirname(resolve(c!.file)), ...parts.slice(0, -1)) + '.py';
        if (!existsSync(file)) report(modules.includes(ref) ? ['litellm_settings', 'callbacks'] : ['litellm_settings', 'custom_provider_map'], 'callback-missing', `${printable(ref, 100)}: LiteLLM loads ${printable(parts.slice(0, -1).join('/'), 100)}.py from the config's folder and it is not there (${printable(file, 200)})`);
      }
    },
  },
  {
    code: 'context-window-ignored',
    kind: 'profiles',
    describe: "a context_window Claude Code cannot honour for the profile's model id (an id it knows, below the 100k compaction minimum)",
    source: CONTEXT_FACTS.source,
    run: ({ profiles: p, report }) => {
      for (const prof of p!.cfg.profiles) {
        const why = contextWindowIgnored(prof);
        if (why) report(['profiles', prof.name, 'context_window'], 'context-window-ignored', why);
      }
    },
  },
  {
    code: 'literal-secret',
    kind: 'both',
    describe: 'a key, token or password written in clear text (profiles files and LiteLLM configs)',
    source: 'https://docs.litellm.ai/docs/proxy/configs (os.environ/ references)',
    run: ({ profiles, config, report }) => scanSecrets(profiles ? profiles.data : config?.data, report),
  },
  {
    code: 'model-missing',
    kind: 'both',
    describe: 'a model id a profile sends (main, small, subagent, opus, sonnet) that a config does not serve',
    source: 'BerriAI/litellm#12061 (LiteLLM: "Invalid model name passed in model=…")',
    run: ({ all, reportIn }) => {
      for (const { file: cfgFile, data } of all!.configs) {
        if (data.model_list === undefined || data.model_list === null) continue; // models live in the database
        const { serves } = servedModels(data);
        for (const { file, cfg, located } of all!.profiles) {
          for (const p of cfg.profiles) {
            for (const { id, setBy } of sentIds(p).filter((x) => !serves(x.id))) {
              reportIn(file, located().at(['profiles', p.name, setBy]), 'model-missing', `profiles.${p.name}.${setBy} '${printable(id, 100)}' is not a model_name in ${printable(cfgFile, 200)} (LiteLLM: "Invalid model name passed in model=${printable(id, 100)}")`);
            }
          }
        }
      }
    },
  },
];

/** Problems the profiles loader reports itself (listed by `validate --list`; run as part of loading). */
export const LOADER_CODES: ReadonlyArray<readonly [string, string]> = [
  ['yaml', 'YAML syntax'],
  ['schema', 'schema/profiles.schema.json: unknown keys, types, names'],
  ['command-duplicate', 'two profiles define the same command'],
  ['command-reserved', 'a command that shadows claude, env or a shell keyword'],
  ['env-managed', 'a profile env key that ccenv sets itself'],
  ['nul-byte', 'a NUL byte no variable or shell word can hold'],
  ['default-profile', 'default_profile names no profile'],
  ['force-stream-upstream', 'force_stream without an upstream'],
];
