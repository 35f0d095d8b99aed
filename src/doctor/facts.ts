import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAX_TOKENS } from '../knowledge/claude-code.js';
import { loadProfiles, profilesPath } from '../profiles/load.js';
import type { Profile, ProfilesConfig } from '../profiles/types.js';
import { UserError, suggestion } from '../util/errors.js';
import { probe, type ProbeResult } from './http.js';
import { discoverInstalls, importCheck, runningProxies, type ProxyProcess, type PythonEnv } from './installs.js';

/** What `ccenv doctor` was asked to do. */
export interface DoctorOptions {
  profiles?: string;
  /** Limit live probes to this profile. */
  profile?: string;
  offline: boolean;
  /** Per-probe deadline (ms). */
  timeoutMs: number;
  env: NodeJS.ProcessEnv;
  /** Also import litellm.proxy.proxy_server in each found environment. */
  deep?: boolean;
}

/** The live probes of one profile: a Claude Code–shaped /v1/messages call, non-streaming and streaming. */
export interface LiveFacts {
  profile: Profile;
  json: ProbeResult;
  stream: ProbeResult;
}

/** Everything the checks look at, gathered once. Secrets stay in `proxy.token` and are never printed. */
export interface Facts {
  env: NodeJS.ProcessEnv;
  home: string;
  offline: boolean;
  timeoutMs: number;
  profilesPath: string;
  profiles?: ProfilesConfig;
  profilesError?: readonly string[];
  claude: { path?: string; version?: string; error?: string };
  /** ~/.claude.json: a console login key there conflicts with a token ("Auth conflict"). */
  claudeJson: { path: string; primaryApiKey: boolean };
  /** ~/.claude/settings.json: apiKeyHelper and env entries override the shell. */
  claudeSettings: { path: string; apiKeyHelper: boolean; envKeys: string[] };
  /** The proxy URL the claude-* functions use (base_url_env's value when set, else base_url), without a trailing `/`. */
  proxyUrl?: string;
  proxy?: {
    url: string;
    /** LiteLLM's version as the proxy reports it (readiness body, else the x-litellm-version header). */
    version?: string;
    tokenEnv: string;
    token?: string;
    liveliness: ProbeResult;
    readiness: ProbeResult;
    models?: ProbeResult;
    groupInfo?: ProbeResult;
  };
  live: LiveFacts[];
  /** Python environments with litellm (or a litellm_init.pth). */
  installs: PythonEnv[];
  /** `--deep`: root of each environment → the import error, or null when it imports. */
  imports?: Map<string, string | null>;
  /** LiteLLM proxy processes of this user (Linux /proc). */
  processes: ProxyProcess[];
  /** The profiles the per-profile checks look at (all, or the one --profile names). */
  selected: Profile[];
}

/** Progress of the probes, for live display on a TTY. */
export type Progress = (label: string, state: 'start' | 'done', ms?: number) => void;

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function which(cmd: string, env: NodeJS.ProcessEnv): Promise<{ path?: string; version?: string; error?: string }> {
  return new Promise((resolve) => {
    execFile(cmd, ['--version'], { env: { ...env, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' }, timeout: 10_000 }, (err, stdout) => {
      if (err) {
        const code = (err as NodeJS.ErrnoException).code;
        resolve({ error: code === 'ENOENT' ? 'not found on PATH' : `\`claude --version\` failed: ${err.message.split('\n')[0]}` });
      } else resolve({ path: cmd, version: stdout.trim().split(/\s/)[0] });
    });
  });
}

/**
 * The body Claude Code sends (research/claude-code-client.md, observed with 2.1.328/2.1.330): adaptive
 * thinking, context_management, output_config, a system block with cache_control, a tool, and its max_tokens
 * (the profile's max_output_tokens, which the function passes as CLAUDE_CODE_MAX_OUTPUT_TOKENS, else 32000
 * for a model id Claude Code does not know). Tiny: one short user message.
 */
export function claudeCodeRequest(p: Profile, stream: boolean): Record<string, unknown> {
  return {
    model: p.model,
    max_tokens: p.maxOutputTokens ?? DEFAULT_MAX_TOKENS.unknown,
    stream,
    system: [{ type: 'text', text: 'You are a health probe from ccenv doctor.', cache_control: { type: 'ephemeral' } }],
    messages: [{ role: 'user', content: [{ type: 'text', text: 'Reply with the single word ok.' }] }],
    tools: [{ name: 'ccenv_probe', description: 'Never call this tool.', input_schema: { type: 'object', properties: { note: { type: 'string' } } } }],
    thinking: { type: 'adaptive' },
    context_management: { edits: [{ type: 'clear_thinking_20251015', keep: 'all' }] },
    output_config: { effort: 'high' },
    metadata: { user_id: 'ccenv-doctor' },
  };
}

/** Claude Code's request headers for the proxy (research/claude-code-client.md). */
function claudeCodeHeaders(token: string): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    'anthropic-version': '2023-06-01',
    'anthropic-beta': 'claude-code-20250219,interleaved-thinking-2025-05-14,context-management-2025-06-27',
    'x-app': 'cli',
    'user-agent': 'ccenv-doctor (claude-cli shaped probe)',
  };
}

/**
 * Gather the facts: environment, profiles, Claude Code install and settings, and (unless offline) the proxy's
 * answers — health, models with the key, model group info, and per profile a non-streaming and a streaming
 * Claude Code–shaped request. Probes run concurrently, each bounded by `timeoutMs`.
 * @throws UserError (exit 2) when --profile names no profile.
 */
export async function gatherFacts(o: DoctorOptions, progress: Progress = () => {}): Promise<Facts> {
  const env = o.env;
  const home = env.HOME || homedir();
  const path = profilesPath(o.profiles, env).path;
  let profiles: ProfilesConfig | undefined;
  let profilesError: readonly string[] | undefined;
  try {
    profiles = loadProfiles(path);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    profilesError = e.lines;
  }
  if (o.profile && profiles && !profiles.profiles.some((p) => p.name === o.profile)) {
    throw new UserError(`no profile '${o.profile}' in ${path}${suggestion(o.profile, profiles.profiles.map((p) => p.name))}`);
  }
  const claudeJsonPath = join(home, '.claude.json');
  const settingsPath = join(home, '.claude', 'settings.json');
  const claudeJson = readJson(claudeJsonPath);
  const settings = readJson(settingsPath);
  const settingsEnv = settings?.env && typeof settings.env === 'object' ? Object.keys(settings.env as object) : [];

  const timed = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    progress(label, 'start');
    const t = performance.now();
    const v = await run();
    progress(label, 'done', Math.round(performance.now() - t));
    return v;
  };
  const claudePromise = timed('claude --version', () => which('claude', env));
  const installsPromise = timed('python environments', async () => {
    const installs = await discoverInstalls(env, home, profiles?.litellmPython, o.timeoutMs);
    const imports = o.deep ? new Map<string, string | null>() : undefined;
    if (imports) {
      await Promise.all(installs.filter((i) => i.python && i.litellm).map(async (i) => imports.set(i.root, (await timed(`import litellm.proxy.proxy_server (${i.root})`, () => importCheck(i.python!, Math.max(o.timeoutMs, 60_000)))) ?? null)));
    }
    return { installs, imports };
  });

  const selected = profiles?.profiles.filter((p) => !o.profile || p.name === o.profile) ?? [];
  const proxyUrl = profiles && ((profiles.proxy.baseUrlEnv && env[profiles.proxy.baseUrlEnv]) || profiles.proxy.baseUrl).replace(/\/+$/, '');
  let proxy: Facts['proxy'];
  const live: LiveFacts[] = [];
  if (profiles && proxyUrl && !o.offline) {
    const url = proxyUrl;
    const tokenEnv = profiles.proxy.authTokenEnv;
    const token = env[tokenEnv] || undefined;
    const get = (p: string, headers: Record<string, string> = {}) => timed(`GET ${p}`, () => probe(`${url}${p}`, { timeoutMs: o.timeoutMs, headers }));
    const [liveliness, readiness] = await Promise.all([get('/health/liveliness'), get('/health/readiness')]);
    proxy = { url, tokenEnv, token, liveliness, readiness };
    if (liveliness.status !== undefined && token) {
      const auth = { authorization: `Bearer ${token}` };
      const send = (p: Profile, stream: boolean) =>
        timed(`${p.name}: POST /v1/messages${stream ? ' (stream)' : ''}`, () =>
          probe(`${url}/v1/messages?beta=true`, { method: 'POST', headers: claudeCodeHeaders(token), body: claudeCodeRequest(p, stream), timeoutMs: o.timeoutMs }),
        );
      const [models, groupInfo, ...answers] = await Promise.all([
        get('/v1/models', auth),
        get('/model_group/info', auth),
        ...selected.flatMap((p) => [send(p, false), send(p, true)]),
      ]);
      proxy.models = models;
      proxy.groupInfo = groupInfo;
      selected.forEach((p, i) => live.push({ profile: p, json: answers[2 * i]!, stream: answers[2 * i + 1]! }));
    }
    proxy.version =
      (readiness.json as { litellm_version?: string } | undefined)?.litellm_version ??
      [readiness, liveliness, ...live.flatMap((l) => [l.json, l.stream])].map((r) => r.headers['x-litellm-version']).find(Boolean);
  }
  return {
    env,
    home,
    offline: o.offline,
    timeoutMs: o.timeoutMs,
    profilesPath: path,
    profiles,
    profilesError,
    claude: await claudePromise,
    ...(await installsPromise),
    processes: runningProxies(),
    claudeJson: { path: claudeJsonPath, primaryApiKey: typeof claudeJson?.primaryApiKey === 'string' && claudeJson.primaryApiKey !== '' },
    claudeSettings: { path: settingsPath, apiKeyHelper: typeof settings?.apiKeyHelper === 'string', envKeys: settingsEnv },
    proxyUrl,
    proxy,
    live,
    selected,
  };
}
