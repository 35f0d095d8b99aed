import { CLAUDE_ENV } from '../knowledge/claude-code.js';
import { CHAT_COMPLETIONS_ROUTING } from '../knowledge/litellm.js';
import { matchSignature, signature, upstreamMessage } from '../knowledge/signatures.js';
import { suggestion } from '../util/errors.js';
import type { Facts, LiveFacts } from './facts.js';
import { SUPPLY_CHAIN_CHECKS } from './supply-chain.js';
import { errorMessage, type ProbeResult, type SseEvent } from './http.js';

/** Outcome of a check. `warn` does not fail the run unless --strict. */
export type Status = 'ok' | 'warn' | 'fail' | 'skip';

/** One finding: what was seen, why, and the fix ccenv can give. */
export interface CheckResult {
  status: Status;
  message: string;
  details?: string[];
  fix?: string;
  /** Stable diagnosis code for a known failure (knowledge/signatures.ts, or the check's own). */
  diagnosis?: string;
  profile?: string;
}

/** A doctor check: a pure function of the gathered facts. */
export interface Check {
  /** Stable code (doctor --list, doctor CODE…, --json). */
  code: string;
  title: string;
  /** Needs the network (skipped with --offline). */
  network: boolean;
  run: (f: Facts) => CheckResult | CheckResult[];
}

const ok = (message: string, extra: Partial<CheckResult> = {}): CheckResult => ({ status: 'ok', message, ...extra });
const skip = (message: string, extra: Partial<CheckResult> = {}): CheckResult => ({ status: 'skip', message, ...extra });

/**
 * A failing probe, named by the signature its error text matches (the upstream's own words first). The message
 * is the signature's cause (or a generic one) after `prefix`.
 */
function diagnose(text: string, fallback: { diagnosis: string; fix: string }, prefix: string, extra: Partial<CheckResult> = {}): CheckResult {
  const sig = matchSignature(text);
  return {
    status: sig?.severity ?? 'fail',
    diagnosis: sig?.code ?? fallback.diagnosis,
    message: `${prefix}${sig?.cause ?? 'the proxy answered with an error'}`,
    details: [`answer: ${upstreamMessage(text).trim().slice(0, 400)}`],
    fix: sig?.fix ?? fallback.fix,
    ...extra,
  };
}

function transportFailure(r: ProbeResult, what: string): CheckResult {
  return {
    status: 'fail',
    diagnosis: r.timedOut ? 'timeout' : r.status === undefined ? 'unreachable' : 'answer-broken',
    message: `${what}: ${r.error}`,
    fix: r.timedOut
      ? `a hang on /v1/messages is also how Responses-API routing shows on hosts that neither answer nor 404: set ${CHAT_COMPLETIONS_ROUTING.envVar}=1 in the proxy environment; otherwise check the upstream and raise --timeout`
      : 'start the proxy (see `ccenv gen systemd|launchd|compose`) or fix proxy.base_url',
  };
}

/** Checks the /v1/messages answers of one profile: status, error diagnosis, SSE order, usage, tool input. */
function liveChecks(l: LiveFacts, mode: 'json' | 'stream'): CheckResult {
  const r = mode === 'json' ? l.json : l.stream;
  const profile = l.profile.name;
  const label = `${profile} (${l.profile.model}, ${mode === 'json' ? 'non-streaming' : 'streaming'})`;
  if (r.status === undefined || r.error) return { ...transportFailure(r, label), profile };
  const err = errorMessage(r);
  if (r.status !== 200 || (err !== undefined && !(r.events ?? []).some((e) => isType(e, 'message_stop')))) {
    return diagnose(err ?? r.text.slice(0, 400), { diagnosis: 'proxy-error', fix: 'read the answer above and the proxy log' }, `${label}: HTTP ${r.status}: `, { profile });
  }
  if (r.truncated) return { status: 'fail', diagnosis: 'oversized-answer', message: `${label}: the answer exceeded the probe's size limit`, profile, fix: 'check what the proxy sends on /v1/messages' };
  if (mode === 'json') {
    const body = r.json as { content?: unknown; usage?: { input_tokens?: unknown; output_tokens?: unknown } } | undefined;
    if (!body || !Array.isArray(body.content)) return { status: 'fail', diagnosis: 'invalid-answer', message: `${label}: the answer is not an Anthropic message`, details: [`answer: ${r.text.slice(0, 200)}`], profile, fix: 'check that proxy.base_url points at a LiteLLM proxy (without /v1)' };
    if (!isNum(body.usage?.input_tokens) || !isNum(body.usage?.output_tokens)) return { status: 'fail', diagnosis: 'usage-missing', message: `${label}: the answer carries no numeric usage`, profile, fix: 'load the ccenv hook (fix_usage): ccenv gen litellm --dir DIR' };
    return ok(`${label}: answered in ${r.ms} ms`, { profile });
  }
  return streamChecks(r, label, profile);
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isType = (e: SseEvent, t: string) => (e.data as { type?: string } | undefined)?.type === t;

function streamChecks(r: ProbeResult, label: string, profile: string): CheckResult {
  const events = (r.events ?? []).filter((e) => e.data !== undefined && !isType(e, 'ping'));
  const types = events.map((e) => (e.data as { type?: string }).type);
  const problems: string[] = [];
  if (types[0] !== 'message_start') problems.push(`first event is ${types[0] ?? 'missing'}, not message_start`);
  if (!types.includes('message_stop')) problems.push('the stream ended without message_stop');
  const open = new Set<number>();
  const toolInput = new Map<number, string>();
  for (const e of events) {
    const d = e.data as { type?: string; index?: number; content_block?: { type?: string; input?: unknown }; delta?: { type?: string; partial_json?: string } };
    if (d.type === 'content_block_start') {
      open.add(d.index ?? -1);
      if (d.content_block?.type === 'tool_use') toolInput.set(d.index ?? -1, JSON.stringify(d.content_block.input ?? {}) === '{}' ? '' : 'x');
    } else if (d.type === 'content_block_delta') {
      if (!open.has(d.index ?? -1)) problems.push(`content_block_delta for block ${d.index} before its content_block_start (Claude Code: "Content block not found")`);
      if (d.delta?.type === 'input_json_delta' && toolInput.has(d.index ?? -1)) toolInput.set(d.index ?? -1, toolInput.get(d.index ?? -1)! + (d.delta.partial_json ?? ''));
    } else if (d.type === 'content_block_stop') open.delete(d.index ?? -1);
  }
  if (problems.length > 0) {
    return { status: 'fail', diagnosis: 'stream-order', message: `${label}: the event stream is malformed`, details: [...new Set(problems)], profile, fix: signature('stream-order').fix };
  }
  const emptyTools = [...toolInput.values()].filter((v) => v === '' || v === '{}').length;
  if (emptyTools > 0) return { status: 'fail', diagnosis: 'tool-input-empty', message: `${label}: a tool call arrived with empty input`, profile, fix: signature('tool-input-empty').fix };
  const start = events.find((e) => isType(e, 'message_start'))?.data as { message?: { usage?: Record<string, unknown> | null } };
  const delta = events.filter((e) => isType(e, 'message_delta')).at(-1)?.data as { usage?: Record<string, unknown> | null } | undefined;
  const usageFix = 'add fix_usage: true to the profile and load the ccenv hook: ccenv gen litellm --dir DIR';
  if (!isNum(delta?.usage?.output_tokens) || !isNum(start?.message?.usage?.input_tokens)) {
    return { status: 'fail', diagnosis: 'usage-missing', message: `${label}: the stream carries no numeric usage (message_start input_tokens, message_delta output_tokens); Claude Code cannot count tokens and older versions crash`, profile, fix: usageFix };
  }
  if (start!.message!.usage!.input_tokens === 0) {
    return { status: 'warn', diagnosis: 'usage-zero', message: `${label}: message_start reports 0 input tokens, so Claude Code cannot see how full the context is`, profile, fix: usageFix };
  }
  return ok(`${label}: streamed in ${r.ms} ms with usage`, { profile });
}

/** Every check, in output order. */
export const CHECKS: readonly Check[] = [
  {
    code: 'profiles',
    title: 'Profiles file',
    network: false,
    run: (f) =>
      f.profiles
        ? ok(`${f.profiles.profiles.length} profile(s) in ${f.profilesPath}`)
        : { status: 'fail', diagnosis: 'profiles-invalid', message: `cannot load ${f.profilesPath}`, details: [...(f.profilesError ?? [])], fix: 'fix the lines above (ccenv list shows them), or create the file with ccenv init' },
  },
  {
    code: 'auth-conflict',
    title: 'Auth conflict',
    network: false,
    run: (f) => {
      const out: CheckResult[] = [];
      if (f.env[CLAUDE_ENV.apiKey.name] && f.env[CLAUDE_ENV.authToken.name]) {
        out.push({ status: 'fail', diagnosis: 'auth-conflict-env', message: 'ANTHROPIC_API_KEY and ANTHROPIC_AUTH_TOKEN are both exported: Claude Code sends both, and your Anthropic key reaches the proxy', fix: 'unset ANTHROPIC_API_KEY in your shell rc (the claude-* functions set the token for each call)' });
      }
      if (f.claudeJson.primaryApiKey) out.push({ status: 'warn', diagnosis: 'auth-conflict-login', message: `${f.claudeJson.path} holds a console login key (primaryApiKey): "Auth conflict … (/login managed key)"`, fix: 'run `claude /logout` if you only use Claude Code through the proxy' });
      if (f.claudeSettings.apiKeyHelper) out.push({ status: 'warn', diagnosis: 'auth-conflict-helper', message: `${f.claudeSettings.path} sets apiKeyHelper, which overrides the proxy token`, fix: 'remove apiKeyHelper from settings.json, or keep it out of proxy sessions' });
      const overrides = f.claudeSettings.envKeys.filter((k) => ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_BASE_URL', 'ANTHROPIC_MODEL'].includes(k));
      if (overrides.length > 0) out.push({ status: 'warn', diagnosis: 'settings-env-override', message: `${f.claudeSettings.path} "env" sets ${overrides.join(', ')}, which override what the claude-* functions set`, fix: 'remove those keys from the "env" block of settings.json' });
      return out.length > 0 ? out : ok('no competing Anthropic credentials');
    },
  },
  {
    code: 'base-url',
    title: 'Base URL',
    network: false,
    run: (f) => {
      const urls = [['ANTHROPIC_BASE_URL in your environment', f.env[CLAUDE_ENV.baseUrl.name]], ['the profiles proxy URL', f.proxyUrl]] as const;
      const bad = urls.filter(([, u]) => u && /\/(v1|anthropic)\/?$/.test(u));
      if (bad.length === 0) return ok(`proxy URL ${f.proxyUrl ?? '(no profiles)'}`);
      return bad.map(([what, u]) => ({ status: 'fail' as const, diagnosis: 'base-url-suffix', message: `${what} ends in ${/anthropic\/?$/.test(u!) ? '/anthropic' : '/v1'} (${u}): Claude Code appends /v1/messages, so requests go to …/v1/v1/messages and 404`, fix: 'drop the suffix: the base URL is the proxy root, e.g. http://localhost:4000' }));
    },
  },
  {
    code: 'http-proxy',
    title: 'HTTP proxy variables',
    network: false,
    run: (f) => {
      const proxyVar = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].find((k) => f.env[k]);
      const base = f.proxyUrl;
      if (!proxyVar || !base) return ok('no HTTP(S)_PROXY in the way');
      let host: string;
      try {
        host = new URL(base).hostname;
      } catch {
        return skip('proxy URL does not parse');
      }
      const noProxy = (f.env.NO_PROXY ?? f.env.no_proxy ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      const covered = noProxy.some((n) => n === '*' || n === host || (n.startsWith('.') ? host.endsWith(n) : host.endsWith(`.${n}`)));
      return covered ? ok(`${proxyVar} is set and NO_PROXY covers ${host}`) : { status: 'warn', diagnosis: 'http-proxy-no-bypass', message: `${proxyVar} is set and NO_PROXY does not cover ${host}: Claude Code may send proxy traffic through it`, fix: `export NO_PROXY=${[...noProxy, host].join(',')}` };
    },
  },
  {
    code: 'claude',
    title: 'Claude Code',
    network: false,
    run: (f) => (f.claude.version ? ok(`claude ${f.claude.version}`) : { status: 'fail', diagnosis: 'claude-missing', message: `claude: ${f.claude.error}`, fix: 'npm install -g @anthropic-ai/claude-code' }),
  },
  {
    code: 'shell',
    title: 'Shell integration',
    network: false,
    run: (f) =>
      f.env.CCENV_SHELL
        ? ok(`loaded in ${f.env.CCENV_SHELL}`)
        : { status: 'warn', diagnosis: 'shell-not-loaded', message: 'the claude-* functions are not loaded in this shell (CCENV_SHELL is unset)', fix: 'add to your rc file: eval "$(ccenv shell zsh)"  (bash: ccenv shell bash; fish: ccenv shell fish | source)' },
  },
  {
    code: 'proxy',
    title: 'Proxy reachable',
    network: true,
    run: (f) => {
      if (!f.proxy) return skip(f.offline ? 'offline' : 'no profiles');
      const { liveliness: l, readiness: r } = f.proxy;
      if (l.status === undefined || l.error) return transportFailure(l, `${f.proxy.url}/health/liveliness`);
      if (l.status !== 200) return { status: 'fail', diagnosis: 'not-litellm', message: `${f.proxy.url}/health/liveliness answered HTTP ${l.status}`, fix: 'check that proxy.base_url is the LiteLLM proxy root' };
      const version = f.proxy.version;
      const ready = r.status === 200 ? 'ready' : `readiness HTTP ${r.status ?? r.error}`;
      return ok(`LiteLLM at ${f.proxy.url} (${version ? `v${version}, ` : ''}${ready})`);
    },
  },
  {
    code: 'key',
    title: 'Proxy key',
    network: true,
    run: (f) => {
      if (!f.proxy || f.proxy.liveliness.status === undefined) return skip('proxy not reachable');
      if (!f.proxy.token) return { status: 'fail', diagnosis: 'token-missing', message: `${f.proxy.tokenEnv} is empty: the claude-* functions refuse to start`, fix: `export ${f.proxy.tokenEnv}=<the proxy master key or a virtual key>` };
      const m = f.proxy.models!;
      if (m.status === 200) return ok(`${f.proxy.tokenEnv} is accepted`);
      if (m.status === undefined) return transportFailure(m, 'GET /v1/models');
      return diagnose(errorMessage(m) ?? `HTTP ${m.status}`, { diagnosis: 'auth-rejected', fix: `export the proxy key in ${f.proxy.tokenEnv}` }, '', { message: `the proxy refuses the key in ${f.proxy.tokenEnv} (HTTP ${m.status})` });
    },
  },
  {
    code: 'models',
    title: 'Model ids on the proxy',
    network: true,
    run: (f) => {
      const ids = (f.proxy?.models?.json as { data?: Array<{ id?: string }> } | undefined)?.data?.map((d) => d.id ?? '');
      if (!f.profiles || !ids) return skip('no model list (see Proxy key)');
      const served = new Set(ids);
      const out: CheckResult[] = [];
      for (const p of f.selected) {
        const slots: Array<[string, string]> = [['model', p.model], ['opus_model', p.opusModel], ['sonnet_model', p.sonnetModel], ['small_model (haiku)', p.smallModel], ['subagent_model', p.subagentModel]];
        const missing = [...new Map(slots.filter(([, id]) => !served.has(id)).map(([slot, id]) => [id, slot])).entries()];
        out.push(
          missing.length === 0
            ? ok(`${p.name}: all model ids are served`, { profile: p.name })
            : { status: 'fail', diagnosis: 'unknown-model', profile: p.name, message: `${p.name}: not on the proxy: ${missing.map(([id, slot]) => `${slot} '${id}'${suggestion(id, served)}`).join('; ')}`, fix: 'regenerate and reload the proxy config (ccenv gen litellm-config), or fix the profile' },
        );
      }
      return out;
    },
  },
  {
    code: 'context-window',
    title: 'Context window',
    network: true,
    run: (f) => {
      const groups = (f.proxy?.groupInfo?.json as { data?: Array<{ model_group?: string; max_input_tokens?: number | null }> } | undefined)?.data;
      if (!f.profiles || !groups) return skip('no model group info');
      return f.selected.map((p) => {
        const g = groups.find((x) => x.model_group === p.model);
        const proxyWindow = g?.max_input_tokens ?? undefined;
        if (p.contextWindow === undefined) {
          return { status: 'warn' as const, diagnosis: 'context-window-unset', profile: p.name, message: `${p.name}: no context_window, so Claude Code assumes its default window (1M tokens for unknown ids) and compacts too late${proxyWindow ? `; the proxy says ${proxyWindow}` : ''}`, fix: `set context_window: ${proxyWindow ?? '<tokens>'} in profile ${p.name} (→ CLAUDE_CODE_MAX_CONTEXT_TOKENS)` };
        }
        if (proxyWindow !== undefined && proxyWindow !== p.contextWindow) {
          return { status: 'warn' as const, diagnosis: 'context-window-mismatch', profile: p.name, message: `${p.name}: context_window ${p.contextWindow} but the proxy reports max_input_tokens ${proxyWindow}`, fix: 'make them agree and regenerate the config' };
        }
        return ok(`${p.name}: ${p.contextWindow} tokens`, { profile: p.name });
      });
    },
  },
  {
    code: 'messages',
    title: 'Live request (non-streaming)',
    network: true,
    run: (f) => (f.live.length === 0 ? skip('no live probes (proxy unreachable or no key)') : f.live.map((l) => liveChecks(l, 'json'))),
  },
  {
    code: 'stream',
    title: 'Live request (streaming)',
    network: true,
    run: (f) => (f.live.length === 0 ? skip('no live probes (proxy unreachable or no key)') : f.live.map((l) => liveChecks(l, 'stream'))),
  },
  ...SUPPLY_CHAIN_CHECKS,
];
