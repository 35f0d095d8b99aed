import type { ErrorObject } from 'ajv';
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { REFUSED_COMMANDS } from '../knowledge/shells.js';
import { MANAGED_ENV } from './derive.js';
import { DEFAULT_MASTER_KEY_ENV, DEFAULT_PROXY_URL } from '../knowledge/litellm.js';
import { suggestion, UserError } from '../util/errors.js';
import precompiled from '../generated/profiles-validator.js';
import { readJsonResource } from '../util/resource.js';
import { printable } from '../util/text.js';
import { parseLocated, walkStrings, type LocatedYaml } from '../util/yaml.js';
import type { Profile, ProfilesConfig, Upstream } from './types.js';

export { profilesPath, type ProfilesSource } from './load-path.js';

/** One problem found in a profiles file, located at a 1-based line and column. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  /** Dotted key path, e.g. `profiles.kimi.max_output_tokens`, or '' for the whole document. */
  key: string;
  /** Stable problem code (validate prints it): yaml, schema, command-duplicate, … */
  code: string;
  message: string;
}

/** `file:line:col: key: message` — the one-line form every command prints. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.key ? `${p.key}: ` : ''}${p.message}`;
}


/**
 * Read and validate a profiles file.
 * @param path absolute path of the YAML profiles file
 * @returns the normalised profiles, in file order, with defaults applied
 * @throws UserError (exit 2) with one `file:line:col: key: message` line per problem: missing file,
 *   YAML syntax, JSON Schema violations (schema/profiles.schema.json), and cross-checks (duplicate
 *   commands, reserved names, env keys ccenv manages, NUL bytes, unknown default_profile).
 */
export function loadProfiles(path: string): ProfilesConfig {
  return parseProfiles(readProfilesText(path), path);
}

/** Largest profiles file ccenv reads (bytes): a real one is a few kB; anything larger is refused before parsing. */
export const MAX_PROFILES_BYTES = 1 << 20;

/**
 * The text of a profiles file: refused, with one line, when missing, unreadable, larger than 1 MB, or not valid
 * UTF-8 (`file:line:col` of the first bad byte; decoding would silently turn it into U+FFFD).
 * @throws UserError (exit 2)
 */
export function readProfilesText(path: string): string {
  let buf: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_PROFILES_BYTES) throw new UserError(`${printable(path)}: ${size} bytes is larger than a profiles file can be (${MAX_PROFILES_BYTES} bytes); check the path`);
    buf = readFileSync(path);
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? `${printable(path)}: no profiles file here; create one with \`ccenv init\` or pass --profiles FILE`
        : `${printable(path)}: cannot read the profiles file (${code ?? String(e)})`,
    );
  }
  const bad = firstInvalidUtf8(buf);
  if (bad >= 0) {
    const before = buf.subarray(0, bad).toString('utf8');
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    throw new UserError(`${printable(path)}:${line}:${col}: not valid UTF-8 (byte 0x${buf[bad]!.toString(16).padStart(2, '0')}); save the file as UTF-8`);
  }
  return buf.toString('utf8');
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  for (let i = 0; i < buf.length; ) {
    const b = buf[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0 || (n > 0 && i + n >= buf.length)) return i; // not a lead byte, or a sequence cut off at the end
    for (let k = 1; k <= n; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return i;
    if (n === 2 && ((b === 0xe0 && buf[i + 1]! < 0xa0) || (b === 0xed && buf[i + 1]! > 0x9f))) return i; // overlong, surrogate
    if (n === 3 && ((b === 0xf0 && buf[i + 1]! < 0x90) || (b === 0xf4 && buf[i + 1]! > 0x8f))) return i;
    i += n + 1;
  }
  return -1;
}

/** A profiles file's problems (code, position, key, message) and, when there are none, the loaded config. */
export function checkProfiles(text: string, file: string): { config?: ProfilesConfig; problems: Problem[]; located: LocatedYaml } {
  const located = parseLocated(text);
  const problems: Problem[] = located.errors.map((e) => ({ file, line: e.line, col: e.col, key: '', code: 'yaml', message: `YAML: ${e.message}` }));
  if (problems.length > 0) return { problems, located };
  const data = located.data;
  const report = (path: readonly (string | number)[], code: string, message: string, onKey = false) =>
    problems.push({ file, ...located.at(path, onKey), key: path.join('.'), code, message });
  for (const err of schemaErrors(data)) report(err.path, 'schema', err.message, err.onKey);
  if (problems.length === 0) crossCheck(data as RawFile, report);
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  return { config: problems.length === 0 ? normalise(data as RawFile, file) : undefined, problems, located };
}

/** As {@link loadProfiles}, from text already read. `file` is used in messages only. */
export function parseProfiles(text: string, file: string): ProfilesConfig {
  const { config, problems } = checkProfiles(text, file);
  if (!config) throw new UserError(problems.map(formatProblem));
  return config;
}

interface RawProfile {
  description?: string;
  model: string;
  small_model?: string;
  subagent_model?: string;
  opus_model?: string;
  sonnet_model?: string;
  command?: string;
  upstream?: { model: string; api_base?: string; api_key_env?: string; litellm_params?: Record<string, unknown>; model_info?: Record<string, unknown> };
  max_output_tokens?: number;
  context_window?: number;
  env?: Record<string, string | number | boolean>;
  max_tokens_cap?: number;
  force_stream?: boolean;
  drop_params?: string[];
  thinking?: 'keep' | 'drop';
  fix_usage?: boolean;
  max_retries?: number;
  picker?: boolean;
}
interface RawFile {
  proxy?: { base_url?: string; base_url_env?: string; auth_token_env?: string; key_header?: string; token_command?: string };
  default_profile?: string;
  picker?: boolean;
  litellm?: { python?: string };
  profiles: Record<string, RawProfile>;
}

type Report = (path: readonly (string | number)[], code: string, message: string, onKey?: boolean) => void;

function crossCheck(raw: RawFile, report: Report): void {
  const names = Object.keys(raw.profiles);
  if (raw.default_profile !== undefined && !names.includes(raw.default_profile)) {
    report(['default_profile'], 'default-profile', `no profile named '${raw.default_profile}'${suggestion(raw.default_profile, names)}`);
  }
  const commands = new Map<string, string>();
  for (const [name, p] of Object.entries(raw.profiles)) {
    const command = p.command ?? `claude-${name}`;
    const where = p.command === undefined ? ['profiles', name] : ['profiles', name, 'command'];
    const refused = REFUSED_COMMANDS.get(command);
    if (refused) report(where, 'command-reserved', `command '${command}' is a reserved word or builtin (${refused.join(', ')}), or the program the function runs; pick another name`, p.command === undefined);
    const clash = commands.get(command);
    if (clash !== undefined) report(where, 'command-duplicate', `command '${command}' is already defined by profile '${clash}'`, p.command === undefined);
    commands.set(command, name);
    if (p.force_stream && !p.upstream) report(['profiles', name, 'force_stream'], 'force-stream-upstream', 'force_stream needs an upstream: ccenv serves it with a hidden deployment of that upstream');
    for (const key of Object.keys(p.env ?? {})) {
      const instead = MANAGED_ENV[key];
      if (instead !== undefined) report(['profiles', name, 'env', key], 'env-managed', `ccenv sets ${key} itself; use the profile key ${instead}`, true);
    }
  }
  walkStrings(raw, (path, value) => {
    if (value.includes('\0')) report(path, 'nul-byte', 'contains a NUL byte, which no environment variable or shell word can hold');
  });
}

function normalise(raw: RawFile, file: string): ProfilesConfig {
  const profiles: Profile[] = Object.entries(raw.profiles).map(([name, p]) => {
    const upstream: Upstream | undefined = p.upstream && {
      model: p.upstream.model,
      apiBase: p.upstream.api_base,
      apiKeyEnv: p.upstream.api_key_env,
      litellmParams: p.upstream.litellm_params ?? {},
      modelInfo: p.upstream.model_info ?? {},
    };
    return {
      name,
      description: p.description,
      command: p.command ?? `claude-${name}`,
      model: p.model,
      smallModel: p.small_model ?? p.model,
      subagentModel: p.subagent_model ?? p.model,
      opusModel: p.opus_model ?? p.model,
      sonnetModel: p.sonnet_model ?? p.model,
      declared: (['opus_model', 'sonnet_model', 'small_model', 'subagent_model'] as const).filter((k) => p[k] !== undefined),
      upstream,
      maxOutputTokens: p.max_output_tokens,
      contextWindow: p.context_window,
      maxRetries: p.max_retries,
      picker: p.picker ?? raw.picker ?? false,
      env: Object.entries(p.env ?? {}).map(([k, v]) => [k, String(v)] as const),
      rules: {
        model: p.model,
        ...(p.max_tokens_cap !== undefined ? { max_tokens_cap: p.max_tokens_cap } : {}),
        force_stream: p.force_stream ?? false,
        drop_params: p.drop_params ?? [],
        thinking: p.thinking ?? 'keep',
        fix_usage: p.fix_usage ?? true,
      },
      needsHook: p.max_tokens_cap !== undefined || !!p.force_stream || (p.drop_params ?? []).length > 0 || p.thinking === 'drop' || p.fix_usage === true,
    };
  });
  return {
    file,
    proxy: {
      baseUrl: raw.proxy?.base_url ?? DEFAULT_PROXY_URL,
      baseUrlEnv: raw.proxy?.base_url_env,
      authTokenEnv: raw.proxy?.auth_token_env ?? DEFAULT_MASTER_KEY_ENV,
      ...(raw.proxy?.key_header ? { keyHeader: raw.proxy.key_header } : {}),
      ...(raw.proxy?.token_command ? { tokenCommand: raw.proxy.token_command } : {}),
    },
    litellmPython: raw.litellm?.python?.replace(/^~(?=\/|$)/, process.env.HOME || homedir()),
    defaultProfile: raw.default_profile ?? profiles[0]!.name,
    profiles,
  };
}

interface SchemaError {
  path: (string | number)[];
  message: string;
  onKey: boolean;
}

let validator: ((data: unknown) => SchemaError[]) | undefined;

/** JSON Schema errors for a parsed profiles document (schema/profiles.schema.json, compiled once with ajv). */
function schemaErrors(data: unknown): SchemaError[] {
  validator ??= buildValidator();
  return validator(data);
}

/** The shipped JSON Schema for profiles files (also what editors use through the modeline). */
export function profilesSchema(): Record<string, unknown> {
  return readJsonResource('schema/profiles.schema.json');
}

/**
 * The validator precompiled from the schema at build time (scripts/build.mjs, ajv standalone code), so that
 * loading profiles — which every new shell does — compiles nothing. The schema itself is read only to phrase
 * errors.
 */
function buildValidator(): (data: unknown) => SchemaError[] {
  return (data) => {
    if (precompiled(data)) return [];
    return simplify(precompiled.errors ?? [], profilesSchema());
  };
}

/** Turn ajv's errors into one message per location, phrased for people. */
function simplify(errors: ErrorObject[], schema: Record<string, unknown>): SchemaError[] {
  const out = new Map<string, SchemaError>();
  for (const e of errors) {
    const path = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let message: string;
    let onKey = false;
    let where = path;
    switch (e.keyword) {
      case 'additionalProperty':
      case 'additionalProperties': {
        const key = String(e.params.additionalProperty);
        where = [...path, key];
        onKey = true;
        const known = Object.keys(propertiesAt(schema, path));
        message = `unknown key '${key}'${suggestion(key, known)}`;
        break;
      }
      case 'propertyNames':
        continue; // reported through the 'pattern' error on the name itself, below
      case 'required':
        message = `missing required key '${String(e.params.missingProperty)}'`;
        break;
      case 'pattern':
        if (e.propertyName !== undefined) {
          where = [...path, e.propertyName];
          onKey = true;
          message = path.at(-1) === 'env'
            ? `'${e.propertyName}' is not a valid environment variable name (letters, digits, _; not starting with a digit)`
            : `'${e.propertyName}' is not a valid name: it becomes a shell function name, so use letters, digits, _ and -, starting with a letter or _`;
        } else message = describePattern(path, String(e.params.pattern));
        break;
      case 'type':
        message = `must be ${[e.params.type].flat().join(' or ')}`;
        break;
      case 'not':
        message = 'must not set api_key: put the key in an environment variable and name it in api_key_env';
        break;
      case 'minProperties':
        message = 'needs at least one profile';
        break;
      case 'minimum':
      case 'maximum':
        message = `must be a whole number of tokens from 1 to ${String((profilesSchema().definitions as { tokens: { maximum: number } }).tokens.maximum)}`;
        break;
      default:
        message = e.message ?? e.keyword;
    }
    const id = `${where.join('\0')}|${onKey}`;
    if (!out.has(id)) out.set(id, { path: where, message, onKey });
  }
  // A missing required key that an unknown key nearby was meant to be (`modle` for `model`) is one problem, not two.
  for (const [id, err] of out) {
    const missing = /^missing required key '(.+)'$/.exec(err.message)?.[1];
    const typo = [...out.values()].some((o) => o.onKey && o.path.length === err.path.length + 1 && o.path.slice(0, -1).join('\0') === err.path.join('\0') && o.message.endsWith(`(did you mean '${missing}'?)`));
    if (missing && typo) out.delete(id);
  }
  return [...out.values()];
}

function describePattern(path: string[], pattern: string): string {
  const key = path.at(-1);
  if (pattern === '^https?://') return 'must be an http:// or https:// URL';
  if (key === 'command') return 'is not a valid function name: use letters, digits, _ and -, starting with a letter or _';
  if (pattern.includes('\\s')) return 'must be a model id without spaces';
  return 'is not a valid environment variable name (letters, digits, _; not starting with a digit)';
}

/** The `properties` map the schema defines for the object at `path` (following profile refs). */
function propertiesAt(schema: Record<string, unknown>, path: string[]): Record<string, unknown> {
  const defs = schema.definitions as Record<string, { properties?: Record<string, unknown> }>;
  const top = schema.properties as Record<string, { properties?: Record<string, unknown> }>;
  if (path.length === 0) return top;
  if (path[0] === 'proxy') return top.proxy?.properties ?? {};
  if (path[0] === 'profiles' && path.length === 2) return defs.profile?.properties ?? {};
  if (path[0] === 'profiles' && path[2] === 'upstream') {
    return (defs.profile?.properties?.upstream as { properties?: Record<string, unknown> })?.properties ?? {};
  }
  return {};
}
