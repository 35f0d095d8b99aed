import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { loadAdvisoryData, type AdvisoryData } from '../advisories/data.js';
import { CLAUDE_CODE_REQUEST, CLAUDE_CODE_VERIFIED, CLAUDE_FILES, DEFAULT_MAX_TOKENS, MODEL_DISCOVERY, SETTINGS_LAYERS } from '../knowledge/claude-code.js';
import { proxyUrlOf } from '../profiles/derive.js';
import { callAuth, plan, planEnv } from '../shell/render.js';
import { loadProfiles, profilesPath } from '../profiles/load.js';
import type { Profile, ProfilesConfig } from '../profiles/types.js';
import { UserError, suggestion } from '../util/errors.js';
import { printable } from '../util/text.js';
import { absent, guard, invalid, ok, valueOf, type Fact } from './fact.js';
import { probe, type ProbeResult } from './http.js';
import { folderDrift, processAlive, proxyFolder, proxyState, readWritten } from '../gen/proxy-folder.js';
import { discoverInstalls, importCheck, runningProxies, type ProxyProcess, type PythonEnv } from './installs.js';

/** What `ccenv doctor` was asked to do. */
export interface DoctorOptions {
  profiles?: string;
  /** Limit live probes to this profile. */
  profile?: string;
  offline: boolean;
  /** Deadline (ms) for each gatherer, and for all network probes together. */
  timeoutMs: number;
  env: NodeJS.ProcessEnv;
  /** Also import litellm.proxy.proxy_server in each found environment. */
  deep?: boolean;
  /** Where Claude Code would run (its project settings layers are read from here up). Default: the process's. */
  cwd?: string;
  /** Also run the real `claude -p` once per selected profile, with its function's environment. */
  e2e?: boolean;
}

/** One `doctor --e2e` run of the real claude for a profile. */
export interface E2eRun {
  profile: Profile;
  /** The command line run, for the report (the prompt, flags). */
  argv: string[];
  /** Exit code (null: killed at the timeout, or it could not start). */
  code: number | null;
  timedOut: boolean;
  ms: number;
  /** Its stdout and stderr, each cut at 64 KiB. */
  stdout: string;
  stderr: string;
  /** Set when it did not run: the token variable is empty, or claude is missing. */
  notRun?: string;
}

/** The live probes of one profile: a Claude Code–shaped /v1/messages call, non-streaming and streaming. */
export interface LiveFacts {
  profile: Profile;
  json: ProbeResult;
  stream: ProbeResult;
}

/** What doctor reads from one Claude Code settings file. */
export interface SettingsContent {
  /** Its `env` block, values as strings. */
  env: Record<string, string>;
  apiKeyHelper: boolean;
  forceLoginMethod?: string;
  model?: string;
}

/** One settings layer Claude Code reads (knowledge/claude-code.ts SETTINGS_LAYERS), highest precedence first. */
export interface SettingsLayer {
  layer: 'managed' | 'project-local' | 'project' | 'user';
  path: string;
  file: Fact<SettingsContent>;
}

/**
 * The settings files Claude Code would read here, highest precedence first: the managed file of this platform,
 * `.claude/settings.local.json` and `.claude/settings.json` in each folder from `cwd` up to the repository root
 * (a folder with .git; else up to the home folder), and the user file under $CLAUDE_CONFIG_DIR or ~/.claude.
 * Files that do not exist are left out.
 */
export function settingsLayers(env: NodeJS.ProcessEnv, home: string, cwd: string, platform: NodeJS.Platform = process.platform): SettingsLayer[] {
  const out: SettingsLayer[] = [];
  const add = (layer: SettingsLayer['layer'], path: string) => {
    const f = readJsonFile(path);
    if (f.state === 'absent') return;
    if (f.state === 'invalid') return void out.push({ layer, path, file: f });
    const v = f.value;
    const envBlock = v.env && typeof v.env === 'object' && !Array.isArray(v.env) ? Object.fromEntries(Object.entries(v.env as Record<string, unknown>).map(([k, x]) => [k, String(x)])) : {};
    out.push({ layer, path, file: ok({ env: envBlock, apiKeyHelper: typeof v.apiKeyHelper === 'string', forceLoginMethod: typeof v.forceLoginMethod === 'string' ? v.forceLoginMethod : undefined, model: typeof v.model === 'string' ? v.model : undefined }) });
  };
  const managed = platform === 'darwin' ? SETTINGS_LAYERS.managed.darwin : platform === 'linux' ? SETTINGS_LAYERS.managed.linux : undefined;
  if (managed) add('managed', managed);
  for (let dir = resolve(cwd), i = 0; i < 40; i++, dir = dirname(dir)) {
    if (dir === home) break; // the user's own ~/.claude is the user layer, not a project
    add('project-local', join(dir, SETTINGS_LAYERS.projectLocal));
    add('project', join(dir, SETTINGS_LAYERS.project));
    if (existsSync(join(dir, '.git')) || dir === dirname(dir)) break;
  }
  add('user', join(env.CLAUDE_CONFIG_DIR || join(home, '.claude'), SETTINGS_LAYERS.user));
  return out;
}

/** The proxy's health answers and the LiteLLM version it reports. */
export interface ProxyHealth {
  url: string;
  /** LiteLLM's version as the proxy reports it (readiness body, else the x-litellm-version header). */
  version?: string;
  liveliness: ProbeResult;
  readiness: ProbeResult;
}

/** Answers that need the key: the model list and the model group info. */
export interface ProxyApi {
  models: ProbeResult;
  groupInfo: ProbeResult;
  /** The model list as Claude Code's gateway model discovery asks for it (only when a selected profile has picker). */
  picker?: ProbeResult;
}

/** The `claude` on PATH. */
export interface ClaudeInstall {
  path: string;
  version: string;
  /** Where the version came from: the npm package next to the binary (no process started), or `claude --version`. */
  from: 'package.json' | '--version';
}

/**
 * The proxy `ccenv proxy start` started: found by its pid file, or (started with `--service`, so without one) as
 * a running proxy on the profiles' port whose config is a file ccenv wrote or lies in the proxy folder; with whether that config's folder still holds what the
 * profiles generate.
 */
export interface StartedProxy {
  pidFile: string;
  how: 'pid-file' | 'service';
  pid: number;
  /** The process is alive and is a LiteLLM. */
  running: boolean;
  /** Its port and --config, when its command line could be read (Linux /proc). */
  port?: number;
  config?: string;
  /** The config folder's files that differ from what the profiles generate now (gen/proxy-folder.ts folderDrift). */
  drift?: string[];
}

/** The {@link StartedProxy} of this user's state folder, given the running proxies (undefined: /proc not readable). */
function startedProxy(env: NodeJS.ProcessEnv, cfg: ProfilesConfig | undefined, procs: ProxyProcess[] | undefined, port: number | undefined): Fact<StartedProxy> {
  const st = proxyState(env);
  const drift = (p?: ProxyProcess) => (p?.config && cfg ? folderDrift(dirname(p.config.path), cfg) : undefined);
  if (existsSync(st.pid)) {
    const pid = Number(readFileSync(st.pid, 'utf8').trim());
    if (!Number.isInteger(pid) || pid < 2) return invalid(`${st.pid} holds no pid`);
    const p = procs?.find((x) => x.pid === pid);
    if (procs !== undefined && process.platform === 'linux') return ok({ pidFile: st.pid, how: 'pid-file', pid, running: !!p, port: p?.port, config: p?.config?.path, drift: drift(p) });
    return ok({ pidFile: st.pid, how: 'pid-file', pid, running: processAlive(pid) });
  }
  const written = readWritten(st.written);
  const ours = (config: string) => config in written || dirname(config) === proxyFolder(env);
  const p = procs?.find((x) => x.config && ours(x.config.path) && (port === undefined || x.port === port));
  if (p) return ok({ pidFile: st.pid, how: 'service', pid: p.pid, running: true, port: p.port, config: p.config!.path, drift: drift(p) });
  return absent(`no proxy started by ccenv proxy start (no pid file at ${st.pid})`);
}

/** What each gatherer finds. */
export interface Gathered {
  profiles: ProfilesConfig;
  settings: SettingsLayer[];
  claudeJson: { path: string; primaryApiKey: boolean };
  claude: ClaudeInstall;
  processes: ProxyProcess[];
  started: StartedProxy;
  installs: PythonEnv[];
  imports: Map<string, string | null>;
  health: ProxyHealth;
  api: ProxyApi;
  live: LiveFacts[];
  keyInfo: ProbeResult;
  e2e: E2eRun[];
  advisories: AdvisoryData;
}

/** Everything the checks look at, gathered once: derived values, and one Fact per gatherer. */
export interface Facts {
  env: NodeJS.ProcessEnv;
  home: string;
  offline: boolean;
  timeoutMs: number;
  profilesPath: string;
  /** The proxy URL the claude-* functions use (base_url_env's value when set, else base_url), without a trailing `/`. */
  proxyUrl?: string;
  /** The variable holding the proxy token, and its value (never printed). */
  tokenEnv?: string;
  token?: string;
  /** Why there is no token: the variable is empty, or proxy.token_command failed (its words). */
  tokenWhy?: string;
  /** The profiles the per-profile checks look at (all, or the one --profile names). */
  selected: Profile[];
  profiles: Fact<ProfilesConfig>;
  settings: Fact<SettingsLayer[]>;
  claudeJson: Fact<Gathered['claudeJson']>;
  claude: Fact<ClaudeInstall>;
  processes: Fact<ProxyProcess[]>;
  started: Fact<StartedProxy>;
  installs: Fact<PythonEnv[]>;
  imports: Fact<Map<string, string | null>>;
  health: Fact<ProxyHealth>;
  api: Fact<ProxyApi>;
  live: Fact<LiveFacts[]>;
  /** GET /key/info with the profiles' key (LiteLLM's virtual-key record: models, budget, expiry, limits). */
  keyInfo: Fact<ProbeResult>;
  e2e: Fact<E2eRun[]>;
  advisories: Fact<AdvisoryData>;
  /** The time the checks judge ages by (ms since the epoch): now, or `CCENV_NOW` (an ISO date; tests inject the clock). */
  now: number;
}

/** Progress of the gatherers, for live display on a TTY. */
export type Progress = (label: string, state: 'start' | 'done', ms?: number) => void;

/** The 1-based line and column of a character offset. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

/**
 * A JSON file: ok(parsed object), absent when there is none, invalid with `file:line:col: message` when it cannot
 * be read or parsed (Node's JSON.parse names the position). At most 4 MB is read.
 */
export function readJsonFile(path: string): Fact<Record<string, unknown>> {
  let text: string;
  try {
    if (statSync(path).size > 4 << 20) return invalid(`${path}: larger than 4 MB`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? absent(`no ${path}`) : invalid(`${path}: cannot read (${code ?? String(e)})`);
  }
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? ok(v as Record<string, unknown>) : invalid(`${path}:1:1: not a JSON object`);
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(m);
    const where = at ? lineCol(text, Number(at[1])) : '1:1';
    return invalid(`${path}:${where}: ${printable(m.replace(/ in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)/, ''), 200)}`);
  }
}

/** The first executable `cmd` on PATH, or undefined. */
function onPath(cmd: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const p = join(dir, cmd);
    try {
      if (statSync(p).isFile()) return p;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** Binaries smaller than this next to the npm package are the placeholder its postinstall did not replace. */
const PLACEHOLDER_MAX_BYTES = 1 << 20;

/**
 * The `claude` on PATH: for an npm install (the binary inside `@anthropic-ai/claude-code`), the version from the
 * package.json beside it — no process started — unless the binary is still the small placeholder the package's
 * postinstall replaces with the native one; otherwise, and then, `claude --version`. A `claude` that fails to run
 * is `invalid` with its own stderr, one missing from PATH is `absent`.
 */
export function findClaude(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Fact<ClaudeInstall>> {
  const path = onPath('claude', env);
  if (!path) return Promise.resolve(absent('not found on PATH'));
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    /* a dangling link: spawning reports it */
  }
  for (let dir = dirname(real), i = 0; i < 4 && dir !== dirname(dir); i++, dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (!existsSync(pkg)) continue;
    try {
      const meta = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
      if (meta.name === '@anthropic-ai/claude-code' && typeof meta.version === 'string' && statSync(real).size > PLACEHOLDER_MAX_BYTES) {
        return Promise.resolve(ok({ path, version: meta.version, from: 'package.json' }));
      }
    } catch {
      /* not a readable package.json: ask the binary */
    }
    break;
  }
  return new Promise((resolve) => {
    execFile(path, ['--version'], { env: { ...env, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' }, timeout: timeoutMs, maxBuffer: 1 << 16 }, (err, stdout, stderr) => {
      const version = /^(\d+\.\d+\.\d+\S*)/.exec(stdout.trim())?.[1];
      if (!err && version) return resolve(ok({ path, version, from: '--version' }));
      const said = printable(`${stderr}\n${stdout}`.trim().split('\n').filter(Boolean).slice(0, 3).join(' / '), 300);
      resolve(invalid(`${path} is installed but does not run (\`claude --version\` ${err ? `failed: ${(err as { killed?: boolean }).killed ? 'timed out' : `exit ${(err as { code?: unknown }).code}`}` : 'printed no version'})${said ? `: ${said}` : ''}`));
    });
  });
}

/**
 * The body doctor's live probes send: Claude Code's request shape (knowledge/claude-code.ts) reduced to one short
 * message, with the profile's max_output_tokens as max_tokens (what the function passes as
 * CLAUDE_CODE_MAX_OUTPUT_TOKENS), else Claude Code's 32000 for a model id it does not know.
 */
export function claudeCodeRequest(p: Profile, stream: boolean): Record<string, unknown> {
  return {
    model: p.model,
    max_tokens: p.maxOutputTokens ?? DEFAULT_MAX_TOKENS.unknown,
    stream,
    system: [{ type: 'text', text: 'You are a health probe from ccenv doctor.', cache_control: { type: 'ephemeral' } }],
    messages: [{ role: 'user', content: [{ type: 'text', text: 'Reply with the single word ok.' }] }],
    tools: [{ name: 'ccenv_probe', description: 'Never call this tool.', input_schema: { type: 'object', properties: { note: { type: 'string' } } } }],
    thinking: CLAUDE_CODE_REQUEST.thinking,
    context_management: CLAUDE_CODE_REQUEST.contextManagement,
    output_config: CLAUDE_CODE_REQUEST.outputConfig,
    metadata: { user_id: 'ccenv-doctor' },
  };
}

/**
 * The proxy key as the profiles' functions hand it to Claude Code: `Authorization: Bearer` (the token, and what
 * apiKeyHelper output is sent as), or `<key_header>: Bearer <key>` (proxy.key_header).
 */
export function keyHeaders(cfg: ProfilesConfig | undefined, token: string): Record<string, string> {
  const auth = cfg && callAuth(cfg);
  return auth?.mode === 'header' ? { [auth.header.toLowerCase()]: `Bearer ${token}` } : { authorization: `Bearer ${token}` };
}

/**
 * The proxy token the functions would send: the token variable's value, or (proxy.token_command) what that command
 * prints, run once with /bin/sh within `timeoutMs` — only when the proxy will be asked (not with --offline).
 */
function proxyToken(cfg: ProfilesConfig | undefined, env: NodeJS.ProcessEnv, timeoutMs: number, offline: boolean): { token?: string; why?: string } {
  if (!cfg) return {};
  if (!cfg.proxy.tokenCommand) return env[cfg.proxy.authTokenEnv] ? { token: env[cfg.proxy.authTokenEnv] } : { why: `${cfg.proxy.authTokenEnv} is empty` };
  if (offline) return { why: 'proxy.token_command not run (--offline)' };
  const r = spawnSync('/bin/sh', ['-c', cfg.proxy.tokenCommand], { env, encoding: 'utf8', timeout: Math.min(timeoutMs, 10_000), maxBuffer: 65_536 });
  const out = (r.stdout ?? '').trim();
  if (r.status === 0 && out && !/\s/.test(out)) return { token: out };
  return { why: `proxy.token_command (${printable(cfg.proxy.tokenCommand, 80)}) ${r.error ? `did not run: ${r.error.message}` : r.status === 0 ? 'printed no single token' : `exited ${r.status ?? r.signal}: ${printable((r.stderr ?? '').trim().split('\n').at(-1) ?? '', 200)}`}` };
}

/** Claude Code's request headers, with the proxy key as the functions send it. */
function claudeCodeHeaders(cfg: ProfilesConfig | undefined, token: string): Record<string, string> {
  return {
    ...keyHeaders(cfg, token),
    'anthropic-version': CLAUDE_CODE_REQUEST.anthropicVersion,
    'anthropic-beta': CLAUDE_CODE_REQUEST.betas.join(','),
    'x-app': 'cli',
    'user-agent': 'ccenv-doctor (claude-cli shaped probe)',
  };
}

/** The port a proxy URL names (its default for the scheme when it names none); undefined when it does not parse. */
export function proxyPort(url: string | undefined): number | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  } catch {
    return undefined;
  }
}

/** One gatherer: the gatherers it needs first, and how it finds its fact from theirs. */
interface Gatherer<K extends keyof Gathered> {
  needs: ReadonlyArray<keyof Gathered>;
  label: string;
  run: (got: { [N in keyof Gathered]?: Fact<Gathered[N]> }) => Fact<Gathered[K]> | Promise<Fact<Gathered[K]>>;
}

/**
 * Gather the facts. The gatherers are a table with declared dependencies: each runs once, as soon as what it
 * needs is settled, concurrently with the others, within its own timeout (`guard`); a crash or a timeout becomes
 * that fact's `invalid`, never a missing report. All network probes share one deadline (`timeoutMs` from the
 * start), so a proxy that stalls costs the run one timeout, not one per probe.
 * @throws UserError (exit 2) when --profile names no profile.
 */
export async function gatherFacts(o: DoctorOptions, progress: Progress = () => {}): Promise<Facts> {
  const env = o.env;
  const home = env.HOME || homedir();
  const path = profilesPath(o.profiles, env).path;
  const profiles: Fact<ProfilesConfig> = (() => {
    try {
      return ok(loadProfiles(path));
    } catch (e) {
      if (!(e instanceof UserError)) return invalid(e instanceof Error ? e.message : String(e));
      return existsSync(path) ? invalid(e.lines.join('\n')) : absent(e.lines[0]!);
    }
  })();
  const cfg = valueOf(profiles);
  if (o.profile && cfg && !cfg.profiles.some((p) => p.name === o.profile)) {
    throw new UserError(`no profile '${o.profile}' in ${path}${suggestion(o.profile, cfg.profiles.map((p) => p.name))}`);
  }
  const selected = cfg?.profiles.filter((p) => !o.profile || p.name === o.profile) ?? [];
  const proxyUrl = cfg && proxyUrlOf(cfg, env).url.replace(/\/+$/, '');
  const tokenEnv = cfg?.proxy.authTokenEnv;
  const { token, why: noToken } = proxyToken(cfg, env, o.timeoutMs, o.offline);
  const deadline = performance.now() + o.timeoutMs;
  const left = () => Math.max(1, Math.round(deadline - performance.now()));
  const get = (p: string, headers: Record<string, string> = {}) => probe(`${proxyUrl}${p}`, { timeoutMs: left(), budgetMs: o.timeoutMs, headers });
  const network = (why?: string) => why ?? (o.offline ? 'skipped (--offline)' : !proxyUrl ? 'no profiles' : undefined);

  /** Why the proxy cannot be asked with the key (not reachable, or no token), or undefined when it can. */
  const cannotAsk = (health: Fact<ProxyHealth>): Fact<never> | undefined => {
    const h = valueOf(health);
    if (!h || h.liveliness.status === undefined) return absent('the proxy is not reachable');
    return token ? undefined : absent(noToken ?? `${tokenEnv} is empty`);
  };

  const e2e: Gatherer<'e2e'> = {
    needs: ['claude'],
    label: 'claude -p (--e2e)',
    run: async (got) => {
      if (!o.e2e) return absent('not asked (--e2e runs the real claude once per profile)');
      if (o.offline) return absent('skipped (--offline)');
      const claude = valueOf(got.claude!);
      if (!claude || !cfg) return absent(claude ? 'no profiles' : 'claude is not installed');
      // One turn, no retries, the user's own directory (so the project settings layers apply as in their runs).
      const one = (p: Profile): Promise<E2eRun> => {
        const c = plan(cfg, p);
        const argv = [...c.args, '-p', 'ok', '--output-format', 'json', '--max-turns', '1'];
        const callEnv = planEnv(c, env);
        if (!callEnv) return Promise.resolve({ profile: p, argv, code: null, timedOut: false, ms: 0, stdout: '', stderr: '', notRun: `${c.guard?.name ?? cfg.proxy.authTokenEnv} is empty` });
        const label = `${p.command} -p (--e2e)`;
        progress(label, 'start');
        const t = performance.now();
        return new Promise((resolve) => {
          // stdin closed at once, as a terminal-less run would have it (else claude waits 3 s for piped input).
          execFile(claude.path, argv, { env: { ...callEnv, CLAUDE_CODE_MAX_RETRIES: '0' }, cwd: o.cwd ?? process.cwd(), timeout: o.timeoutMs, maxBuffer: 1 << 20, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
            const ms = Math.round(performance.now() - t);
            progress(label, 'done', ms);
            const killed = !!(err as { killed?: boolean } | null)?.killed;
            const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : null) : 0;
            resolve({ profile: p, argv, code, timedOut: killed, ms, stdout: String(stdout).slice(0, 65_536), stderr: String(stderr).slice(0, 65_536) });
          }).stdin?.end();
        });
      };
      return ok(await Promise.all(selected.map(one)));
    },
  };

  const table: { [K in keyof Gathered]: Gatherer<K> } = {
    profiles: { needs: [], label: 'profiles', run: () => profiles },
    settings: { needs: [], label: 'Claude Code settings', run: () => ok(settingsLayers(env, home, o.cwd ?? process.cwd())) },
    claudeJson: {
      needs: [],
      label: '~/.claude.json',
      run: () => {
        const file = join(home, CLAUDE_FILES.state);
        const f = readJsonFile(file);
        return f.state === 'ok' ? ok({ path: file, primaryApiKey: typeof f.value.primaryApiKey === 'string' && f.value.primaryApiKey !== '' }) : f;
      },
    },
    claude: { needs: [], label: 'claude', run: () => findClaude(env, o.timeoutMs) },
    processes: { needs: [], label: 'running proxies', run: () => ok(runningProxies()) },
    started: { needs: ['processes'], label: 'the proxy ccenv started', run: (got) => startedProxy(env, cfg, valueOf(got.processes!), proxyPort(proxyUrl)) },
    installs: {
      needs: ['processes'],
      label: 'python environments',
      run: async (got) => {
        const port = proxyPort(proxyUrl);
        const pythons = (valueOf(got.processes!) ?? []).filter((p) => port === undefined || p.port === port).flatMap((p) => (p.python ? [p.python] : []));
        return ok(await discoverInstalls(env, home, cfg?.litellmPython, o.timeoutMs, pythons));
      },
    },
    imports: {
      needs: ['installs'],
      label: 'import litellm.proxy.proxy_server',
      run: async (got) => {
        if (!o.deep) return absent('not asked (--deep imports the proxy in each environment)');
        const installs = valueOf(got.installs!);
        if (!installs) return absent('no environments');
        const imports = new Map<string, string | null>();
        await Promise.all(installs.filter((i) => i.python && i.litellm).map(async (i) => imports.set(i.root, (await importCheck(i.python!, Math.max(o.timeoutMs, 60_000))) ?? null)));
        return ok(imports);
      },
    },
    health: {
      needs: [],
      label: 'GET /health',
      run: async () => {
        const why = network();
        if (why) return absent(why);
        const [liveliness, readiness] = await Promise.all([get('/health/liveliness'), get('/health/readiness')]);
        let reported = (readiness.json as { litellm_version?: unknown } | undefined)?.litellm_version;
        // The public readiness answer carries no version in newer releases; the details behind the key do
        // (observed with litellm 1.108.7: /health/readiness/details, authenticated).
        if (typeof reported !== 'string' && token && readiness.status === 200) reported = ((await get('/health/readiness/details', keyHeaders(cfg, token))).json as { litellm_version?: unknown } | undefined)?.litellm_version;
        const header = [readiness, liveliness].map((r) => r.headers['x-litellm-version']).find(Boolean);
        return ok({ url: proxyUrl!, version: typeof reported === 'string' ? reported : header, liveliness, readiness });
      },
    },
    api: {
      needs: ['health'],
      label: 'GET /v1/models, /model_group/info',
      run: async (got) => {
        const blocked = cannotAsk(got.health!);
        if (blocked) return blocked;
        const auth = keyHeaders(cfg, token!);
        const discovery = { ...auth, 'anthropic-version': CLAUDE_CODE_REQUEST.anthropicVersion, 'user-agent': `claude-code/${CLAUDE_CODE_VERIFIED.version} (ccenv doctor)` };
        const [models, groupInfo, picker] = await Promise.all([get('/v1/models', auth), get('/model_group/info', auth), selected.some((p) => p.picker) ? get(MODEL_DISCOVERY.path, discovery) : undefined]);
        return ok({ models, groupInfo, ...(picker ? { picker } : {}) });
      },
    },
    advisories: { needs: [], label: 'advisory data', run: () => ok(loadAdvisoryData(env)) },
    keyInfo: {
      needs: ['health'],
      label: 'GET /key/info',
      run: async (got) => cannotAsk(got.health!) ?? ok(await get('/key/info', keyHeaders(cfg, token!))),
    },
    e2e,
    live: {
      needs: ['health'],
      label: 'POST /v1/messages',
      run: async (got) => {
        const blocked = cannotAsk(got.health!);
        if (blocked) return blocked;
        const send = (p: Profile, stream: boolean) => {
          const label = `${p.name}: POST /v1/messages${stream ? ' (stream)' : ''}`;
          progress(label, 'start');
          const t = performance.now();
          return probe(`${proxyUrl}${CLAUDE_CODE_REQUEST.path}`, { method: 'POST', headers: claudeCodeHeaders(cfg, token!), body: claudeCodeRequest(p, stream), timeoutMs: left(), budgetMs: o.timeoutMs }).finally(() => progress(label, 'done', Math.round(performance.now() - t)));
        };
        const answers = await Promise.all(selected.flatMap((p) => [send(p, false), send(p, true)]));
        return ok(selected.map((p, i) => ({ profile: p, json: answers[2 * i]!, stream: answers[2 * i + 1]! })));
      },
    },
  };

  const started = new Map<keyof Gathered, Promise<Fact<unknown>>>();
  const start = (k: keyof Gathered): Promise<Fact<unknown>> => {
    let p = started.get(k);
    if (p) return p;
    const g = table[k] as Gatherer<typeof k>;
    p = (async () => {
      const deps = await Promise.all(g.needs.map(async (n) => [n, await start(n)] as const));
      progress(g.label, 'start');
      const t = performance.now();
      const timeout = k === 'imports' ? Math.max(o.timeoutMs, 60_000) + 1_000 : o.timeoutMs + 1_000;
      const fact = await guard(timeout, () => g.run(Object.fromEntries(deps) as never));
      progress(g.label, 'done', Math.round(performance.now() - t));
      return fact;
    })();
    started.set(k, p);
    return p;
  };
  const keys = Object.keys(table) as Array<keyof Gathered>;
  const settled = await Promise.allSettled(keys.map(start));
  const facts = Object.fromEntries(keys.map((k, i) => [k, settled[i]!.status === 'fulfilled' ? settled[i]!.value : invalid(String(settled[i]!.reason))])) as { [K in keyof Gathered]: Fact<Gathered[K]> };
  const injected = env.CCENV_NOW ? Date.parse(env.CCENV_NOW) : Number.NaN;
  return { env, home, offline: o.offline, timeoutMs: o.timeoutMs, profilesPath: path, proxyUrl, tokenEnv, token, tokenWhy: noToken, selected, now: Number.isNaN(injected) ? Date.now() : injected, ...facts };
}
