import { CLAUDE_CODE_VERIFIED, CLAUDE_ENV, CLAUDE_SETTINGS_INVALID, DEPRECATED_SOURCE, DEPRECATED_VARS, HTTP_PROXY_VARS, MODEL_DISCOVERY, SETTINGS_ENV_OVERRIDES, SETTINGS_KEYS, SETTINGS_LAYERS, UNKNOWN_MODEL_WINDOW } from '../knowledge/claude-code.js';
import { HANG_HINT } from '../knowledge/litellm.js';
import { matchSignature, signature, upstreamMessage } from '../knowledge/signatures.js';
import { contextWindowIgnored, sentIds } from '../profiles/derive.js';
import { suggestion } from '../util/errors.js';
import { printable } from '../util/text.js';
import { couldNotLook, ok, skip, type Check, type CheckResult } from './check.js';
import { valueOf } from './fact.js';
import type { E2eRun, Facts, LiveFacts, SettingsLayer } from './facts.js';
import { errorMessage, type ProbeResult, type SseEvent } from './http.js';
import { SUPPLY_CHAIN_CHECKS } from './supply-chain.js';

export type { Check, CheckResult, Status } from './check.js';

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
    details: [`answer: ${printable(upstreamMessage(text).trim(), 400)}`],
    fix: sig?.fix ?? fallback.fix,
    ...extra,
  };
}

function transportFailure(r: ProbeResult, what: string): CheckResult {
  return {
    status: 'fail',
    diagnosis: r.timedOut ? 'timeout' : r.status === undefined ? 'unreachable' : 'answer-broken',
    message: `${what}: ${r.error}`,
    fix: r.timedOut ? HANG_HINT.fix : 'start the proxy (see `ccenv gen systemd|launchd|compose`) or fix proxy.base_url',
  };
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const typeOf = (e: SseEvent) => (isObj(e.data) && typeof e.data.type === 'string' ? e.data.type : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : -1);

/** Checks the /v1/messages answers of one profile: status, error diagnosis, SSE order, usage, tool input. */
function liveChecks(l: LiveFacts, mode: 'json' | 'stream'): CheckResult {
  const r = mode === 'json' ? l.json : l.stream;
  const profile = l.profile.name;
  const label = `${profile} (${l.profile.model}, ${mode === 'json' ? 'non-streaming' : 'streaming'})`;
  if (r.status === undefined || r.error) return { ...transportFailure(r, label), profile };
  const err = errorMessage(r);
  if (r.status !== 200 || (err !== undefined && !(r.events ?? []).some((e) => typeOf(e) === 'message_stop'))) {
    return diagnose(err ?? r.text.slice(0, 400), { diagnosis: 'proxy-error', fix: 'read the answer above and the proxy log' }, `${label}: HTTP ${r.status}: `, { profile });
  }
  if (r.truncated) return { status: 'fail', diagnosis: 'oversized-answer', message: `${label}: the answer exceeded the probe's size limit`, profile, fix: 'check what the proxy sends on /v1/messages' };
  if (mode === 'json') {
    const body = r.json;
    if (!isObj(body) || !Array.isArray(body.content)) return { status: 'fail', diagnosis: 'invalid-answer', message: `${label}: the answer is not an Anthropic message`, details: [`answer: ${printable(r.text, 200)}`], profile, fix: 'check that proxy.base_url points at a LiteLLM proxy (without /v1)' };
    const usage = isObj(body.usage) ? body.usage : {};
    if (!isNum(usage.input_tokens) || !isNum(usage.output_tokens)) return { status: 'fail', diagnosis: 'usage-missing', message: `${label}: the answer carries no numeric usage`, profile, fix: signature('usage-missing').fix };
    return ok(`${label}: answered in ${r.ms} ms`, { profile });
  }
  return streamChecks(r, label, profile);
}

function streamChecks(r: ProbeResult, label: string, profile: string): CheckResult {
  const events = (r.events ?? []).filter((e) => isObj(e.data) && typeOf(e) !== 'ping');
  const types = events.map(typeOf);
  const problems: string[] = [];
  if (types[0] !== 'message_start') problems.push(`first event is ${types[0] ?? 'missing'}, not message_start`);
  if (!types.includes('message_stop')) problems.push('the stream ended without message_stop');
  const open = new Set<number>();
  const toolInput = new Map<number, string>();
  for (const e of events) {
    const d = e.data as Record<string, unknown>;
    const index = num(d.index);
    const block = isObj(d.content_block) ? d.content_block : {};
    const delta = isObj(d.delta) ? d.delta : {};
    if (d.type === 'content_block_start') {
      open.add(index);
      if (block.type === 'tool_use') toolInput.set(index, JSON.stringify(block.input ?? {}) === '{}' ? '' : 'x');
    } else if (d.type === 'content_block_delta') {
      if (!open.has(index)) problems.push(`content_block_delta for block ${index} before its content_block_start (Claude Code: "Content block not found")`);
      if (delta.type === 'input_json_delta' && toolInput.has(index)) toolInput.set(index, toolInput.get(index)! + (typeof delta.partial_json === 'string' ? delta.partial_json : ''));
    } else if (d.type === 'content_block_stop') open.delete(index);
  }
  if (problems.length > 0) {
    return { status: 'fail', diagnosis: 'stream-order', message: `${label}: the event stream is malformed`, details: [...new Set(problems)].slice(0, 5), profile, fix: signature('stream-order').fix };
  }
  const emptyTools = [...toolInput.values()].filter((v) => v === '' || v === '{}').length;
  if (emptyTools > 0) return { status: 'fail', diagnosis: 'tool-input-empty', message: `${label}: a tool call arrived with empty input`, profile, fix: signature('tool-input-empty').fix };
  const start = events.find((e) => typeOf(e) === 'message_start')?.data as Record<string, unknown>;
  const delta = events.filter((e) => typeOf(e) === 'message_delta').at(-1)?.data as Record<string, unknown> | undefined;
  const startUsage = isObj(start?.message) && isObj(start.message.usage) ? start.message.usage : {};
  const deltaUsage = delta && isObj(delta.usage) ? delta.usage : {};
  if (!isNum(deltaUsage.output_tokens) || !isNum(startUsage.input_tokens)) {
    return { status: 'fail', diagnosis: 'usage-missing', message: `${label}: the stream carries no numeric usage (message_start input_tokens, message_delta output_tokens); Claude Code cannot count tokens and older versions crash`, profile, fix: signature('usage-missing').fix };
  }
  if (startUsage.input_tokens === 0) {
    return { status: 'warn', diagnosis: 'usage-zero', message: `${label}: message_start reports 0 input tokens, so Claude Code cannot see how full the context is`, profile, fix: signature('usage-zero').fix };
  }
  return ok(`${label}: streamed in ${r.ms} ms with usage`, { profile });
}

/**
 * The id LiteLLM lists a model group under for Claude Code's picker: the name itself when Claude Code would keep
 * it (it contains claude or anthropic), else `claude-router-<hex of the name>` (LiteLLM's
 * proxy/common_utils/model_listing_utils.py, observed with LiteLLM 1.108.7); `[1m]` may follow for ≥ 1M windows.
 */
export function pickerId(model: string): string {
  return MODEL_DISCOVERY.keeps.test(model) ? model : `claude-router-${Buffer.from(model, 'utf8').toString('hex')}`;
}

/** Model ids in a `/v1/models` answer, or undefined when it is not LiteLLM's shape (`{data: [{id}]}`). */
function modelIds(r: ProbeResult): string[] | undefined {
  const data = isObj(r.json) ? r.json.data : undefined;
  if (!Array.isArray(data)) return undefined;
  return data.flatMap((d) => (isObj(d) && typeof d.id === 'string' ? [d.id] : []));
}

/** `/model_group/info` entries (model_group → max_input_tokens), or undefined when it is not LiteLLM's shape. */
function groupWindows(r: ProbeResult): Map<string, number | undefined> | undefined {
  const data = isObj(r.json) ? r.json.data : undefined;
  if (!Array.isArray(data)) return undefined;
  const out = new Map<string, number | undefined>();
  for (const g of data) if (isObj(g) && typeof g.model_group === 'string') out.set(g.model_group, isNum(g.max_input_tokens) ? g.max_input_tokens : undefined);
  return out;
}

const shapeFailure = (what: string, r: ProbeResult): CheckResult => ({
  status: 'fail',
  diagnosis: 'answer-shape',
  message: `the proxy's ${what} answer is not LiteLLM's shape`,
  details: [`answer: ${printable(r.text, 200)}`],
  fix: 'check that proxy.base_url is a LiteLLM proxy (without /v1)',
});

const LAYER_NAME: Record<SettingsLayer['layer'], string> = { managed: 'managed settings', 'project-local': 'project local settings', project: 'project settings', user: 'user settings' };

/**
 * Every settings layer Claude Code reads (managed, project local, project, user), and what in them overrides a
 * claude-<profile> function: an `env` key that reroutes (base URL, token, API key, cloud switch) fails every
 * profile; a model key fails the profiles whose proxy does not serve that id (a warning when it does, or when the
 * model list is not known); `apiKeyHelper` replaces the proxy token; a managed `forceLoginMethod` forces a login;
 * deprecated variables are named. An unreadable file is a warning (a managed one a failure: Claude Code then
 * refuses to start).
 */
function settingsCheck(f: Facts): CheckResult[] | CheckResult {
  const layers = f.settings;
  if (layers.state !== 'ok') return layers.state === 'absent' ? skip(layers.why) : couldNotLook('the Claude Code settings files', layers.error);
  const out: CheckResult[] = [];
  const served = (() => {
    const a = valueOf(f.api);
    return a ? modelIds(a.models) : undefined;
  })();
  const everyProfile = f.selected.map((p) => p.name).join(', ') || 'every profile';
  for (const [k, d] of Object.entries(DEPRECATED_VARS)) {
    if (f.env[k] !== undefined) out.push({ status: 'warn', diagnosis: 'deprecated-var', message: `${k} is exported in your environment: deprecated for ${d.use} (${d.note})`, fix: `unset ${k} in your shell rc; the claude-* functions set ${d.use}`, details: [`source: ${DEPRECATED_SOURCE}`] });
  }
  for (const l of layers.value) {
    const where = `${l.path} (${LAYER_NAME[l.layer]})`;
    if (l.file.state === 'invalid') {
      out.push(l.layer === 'managed'
        ? { status: 'fail', diagnosis: 'settings-invalid', message: `${l.file.error}: a managed settings file that does not parse makes Claude Code refuse to start`, fix: 'ask your administrator to fix or remove it' }
        : { status: 'warn', diagnosis: 'settings-invalid', message: `${l.file.error}: ${CLAUDE_SETTINGS_INVALID.effect}`, fix: 'fix the JSON at that position (a trailing comma is the usual cause), then run ccenv doctor again', details: [`source: ${CLAUDE_SETTINGS_INVALID.source}`] });
      continue;
    }
    if (l.file.state !== 'ok') continue;
    const c = l.file.value;
    for (const [key, value] of Object.entries(c.env)) {
      const kind = SETTINGS_ENV_OVERRIDES[key];
      if (DEPRECATED_VARS[key]) out.push({ status: 'warn', diagnosis: 'deprecated-var', message: `${where} "env" sets ${key}: deprecated for ${DEPRECATED_VARS[key]!.use}`, fix: `replace it with ${DEPRECATED_VARS[key]!.use}, or remove it (the claude-* functions set both)` });
      if (kind === 'route') {
        out.push({ status: 'fail', diagnosis: 'settings-override', message: `${where} "env" sets ${key}${key === CLAUDE_ENV.baseUrl.name ? `=${printable(value, 120)}` : ''}: it beats what the claude-* functions export, so ${everyProfile} ${key === CLAUDE_ENV.baseUrl.name ? 'send their requests there instead of the proxy' : 'send another credential (or route elsewhere)'}`, fix: `remove ${key} from the "env" block of ${l.path}; the functions set it per call`, details: [`source: ${SETTINGS_LAYERS.source}`] });
      } else if (kind === 'model') {
        const missing = served !== undefined && !served.includes(value);
        out.push({
          status: missing ? 'fail' : 'warn',
          diagnosis: 'settings-model-override',
          message: `${where} "env" sets ${key}=${printable(value, 100)}: it beats the profiles' own ${key}${missing ? `, and the proxy does not serve '${printable(value, 100)}'` : served ? ' (the proxy serves it)' : ''} — ${everyProfile} send that id`,
          fix: `remove ${key} from the "env" block of ${l.path} (set the slot in the profile instead)`,
        });
      }
    }
    if (c.apiKeyHelper) out.push({ status: 'fail', diagnosis: 'settings-api-key-helper', message: `${where} sets apiKeyHelper: its output is sent as the credential (Authorization and x-api-key) in place of the proxy token, for ${everyProfile}`, fix: `remove apiKeyHelper from ${l.path}, or keep that file out of proxy sessions`, details: [`source: ${SETTINGS_KEYS.source}`] });
    if (c.forceLoginMethod && l.layer === 'managed') out.push({ status: 'fail', diagnosis: 'settings-force-login', message: `${where} sets forceLoginMethod=${printable(c.forceLoginMethod, 40)}: Claude Code requires that login, which a proxy token does not satisfy`, fix: 'ask your administrator; managed settings cannot be overridden per call' });
  }
  if (out.length > 0) return out;
  const read = layers.value.map((l) => `${l.path} (${LAYER_NAME[l.layer]})`);
  return ok(read.length ? `nothing overrides the profiles in ${read.join(', ')}` : 'no settings file (managed, project or user) to override the profiles', { details: ['not visible to ccenv: --settings on a command line, MDM and server-managed settings'] });
}

/** Every check, in output order. */
export const CHECKS: readonly Check[] = [
  {
    code: 'profiles',
    title: 'Profiles file',
    network: false,
    run: (f) => {
      const p = f.profiles;
      if (p.state === 'ok') return ok(`${p.value.profiles.length} profile(s) in ${f.profilesPath}`);
      if (p.state === 'absent') return { status: 'fail', diagnosis: 'profiles-missing', message: `no profiles file at ${f.profilesPath}`, fix: 'create one with ccenv init, or pass --profiles FILE' };
      return { status: 'fail', diagnosis: 'profiles-invalid', message: `cannot load ${f.profilesPath}`, details: p.error.split('\n').slice(0, 10), fix: 'fix the lines above (ccenv validate lists them all)' };
    },
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
      const state = f.claudeJson;
      if (state.state === 'ok' && state.value.primaryApiKey) out.push({ status: 'warn', diagnosis: 'auth-conflict-login', message: `${state.value.path} holds a console login key (primaryApiKey): "Auth conflict … (/login managed key)"`, fix: 'run `claude /logout` if you only use Claude Code through the proxy' });
      if (state.state === 'invalid') out.push(couldNotLook('~/.claude.json', state.error));
      return out.length > 0 ? out : ok('no competing Anthropic credentials (environment, ~/.claude.json; settings files: see Claude Code settings)');
    },
  },
  {
    code: 'settings',
    title: 'Claude Code settings',
    network: false,
    run: (f) => settingsCheck(f),
  },
  {
    code: 'base-url',
    title: 'Base URL',
    network: false,
    run: (f) => {
      const urls = [['ANTHROPIC_BASE_URL in your environment', f.env[CLAUDE_ENV.baseUrl.name]], ['the profiles proxy URL', f.proxyUrl]] as const;
      const bad = urls.filter(([, u]) => u && /\/(v1|anthropic)\/?$/.test(u));
      if (bad.length === 0) return f.proxyUrl ? ok(`proxy URL ${f.proxyUrl}`) : skip('no proxy URL (no profiles file)');
      return bad.map(([what, u]) => ({ status: 'fail' as const, diagnosis: 'base-url-suffix', message: `${what} ends in ${/anthropic\/?$/.test(u!) ? '/anthropic' : '/v1'} (${printable(u!, 200)}): Claude Code appends /v1/messages, so requests go to …/v1/v1/messages and 404`, fix: 'drop the suffix: the base URL is the proxy root, e.g. http://localhost:4000' }));
    },
  },
  {
    code: 'http-proxy',
    title: 'HTTP proxy variables',
    network: false,
    run: (f) => {
      const proxyVar = HTTP_PROXY_VARS.proxy.find((k) => f.env[k]);
      if (!proxyVar) return ok('no HTTP(S)_PROXY in the way');
      if (!f.proxyUrl) return skip(`${proxyVar} is set; no proxy URL to compare (no profiles file)`);
      let host: string;
      try {
        host = new URL(f.proxyUrl).hostname;
      } catch {
        return skip('the proxy URL does not parse');
      }
      const noProxy = HTTP_PROXY_VARS.bypass.map((k) => f.env[k]).find((v) => v !== undefined)?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
      const covered = noProxy.some((n) => n === '*' || n === host || (n.startsWith('.') ? host.endsWith(n) : host.endsWith(`.${n}`)));
      return covered ? ok(`${proxyVar} is set and NO_PROXY covers ${host}`) : { status: 'warn', diagnosis: 'http-proxy-no-bypass', message: `${proxyVar} is set and NO_PROXY does not cover ${host}: Claude Code may send proxy traffic through it`, fix: `export NO_PROXY=${[...noProxy, host].join(',')}` };
    },
  },
  {
    code: 'claude',
    title: 'Claude Code',
    network: false,
    run: (f) => {
      const c = f.claude;
      if (c.state === 'ok') {
        const same = c.value.version.split('.').slice(0, 2).join('.') === CLAUDE_CODE_VERIFIED.version.split('.').slice(0, 2).join('.');
        return ok(`claude ${c.value.version} (${c.value.path})`, { details: [`ccenv's facts about Claude Code (settings precedence, context window, retries, discovery) were observed with ${CLAUDE_CODE_VERIFIED.version}${same ? '' : `; this is ${c.value.version}, so check an end-to-end run`}`] });
      }
      if (c.state === 'absent') return { status: 'fail', diagnosis: 'claude-missing', message: `claude: ${c.why}`, fix: 'npm install -g @anthropic-ai/claude-code' };
      return { status: 'fail', diagnosis: 'claude-broken', message: c.error, fix: 'reinstall it so its postinstall puts the native binary in place (not with --ignore-scripts or --omit=optional): npm install -g @anthropic-ai/claude-code' };
    },
  },
  {
    code: 'shell',
    title: 'Shell integration',
    network: false,
    run: (f) =>
      f.env.CCENV_SHELL
        ? ok(`loaded in ${printable(f.env.CCENV_SHELL, 20)}`)
        : { status: 'warn', diagnosis: 'shell-not-loaded', message: 'the claude-* functions are not loaded in this shell (CCENV_SHELL is unset)', fix: 'add to your rc file: eval "$(ccenv shell zsh)"  (bash: eval "$(ccenv shell bash)"; fish: ccenv shell fish | source)' },
  },
  {
    code: 'proxy',
    title: 'Proxy reachable',
    network: true,
    run: (f) => {
      const h = f.health;
      if (h.state === 'absent') return skip(h.why);
      if (h.state === 'invalid') return { status: 'fail', diagnosis: 'unreachable', message: `could not probe ${f.proxyUrl}: ${h.error}`, fix: 'check proxy.base_url and that the proxy runs' };
      const { liveliness: l, readiness: r, url, version } = h.value;
      if (l.status === undefined || l.error) return transportFailure(l, `${url}/health/liveliness`);
      if (l.status !== 200) return { status: 'fail', diagnosis: 'not-litellm', message: `${url}/health/liveliness answered HTTP ${l.status}`, fix: 'check that proxy.base_url is the LiteLLM proxy root' };
      const ready = r.status === 200 ? 'ready' : `readiness HTTP ${r.status ?? r.error}`;
      return ok(`LiteLLM at ${url} (${version ? `v${printable(version, 40)}, ` : ''}${ready})`);
    },
  },
  {
    code: 'key',
    title: 'Proxy key',
    network: true,
    needs: ['proxy'],
    run: (f) => {
      if (!f.token) {
        const cfg = valueOf(f.profiles);
        if (cfg?.proxy.tokenCommand) return { status: 'fail', diagnosis: 'token-missing', message: `${f.tokenWhy}: Claude Code's apiKeyHelper would get no token`, fix: `run it yourself (${cfg.proxy.tokenCommand}); for lite auth print-token: lite login` };
        return { status: 'fail', diagnosis: 'token-missing', message: `${f.tokenEnv} is empty: the claude-* functions refuse to start`, fix: `export ${f.tokenEnv}=<the proxy master key or a virtual key>` };
      }
      const a = f.api;
      if (a.state !== 'ok') return a.state === 'absent' ? skip(a.why) : couldNotLook('GET /v1/models', a.error);
      const m = a.value.models;
      if (m.status === undefined) return transportFailure(m, 'GET /v1/models');
      if (m.status === 200) return ok(`${f.tokenEnv} is accepted`);
      return diagnose(errorMessage(m) ?? `HTTP ${m.status}`, { diagnosis: 'auth-rejected', fix: `export the proxy key in ${f.tokenEnv}` }, '', { message: `the proxy refuses the key in ${f.tokenEnv} (HTTP ${m.status})` });
    },
  },
  {
    code: 'models',
    title: 'Model ids on the proxy',
    network: true,
    needs: ['proxy', 'key'],
    run: (f) => {
      const a = valueOf(f.api);
      if (!a) return skip('no model list');
      const ids = modelIds(a.models);
      if (!ids) return shapeFailure('/v1/models', a.models);
      const served = new Set(ids);
      const listed = a.picker ? modelIds(a.picker) : undefined;
      return f.selected.map((p): CheckResult => {
        const missing = sentIds(p).filter((s) => !served.has(s.id));
        if (missing.length === 0 && p.picker) {
          const want = pickerId(p.model);
          const shown = listed?.filter((id) => MODEL_DISCOVERY.keeps.test(id)) ?? [];
          if (!shown.includes(want) && !shown.includes(`${want}[1m]`)) {
            return { status: 'fail', diagnosis: 'picker-missing', profile: p.name, message: `${p.name}: picker is on, but the proxy's model list for Claude Code (GET ${MODEL_DISCOVERY.path}) does not show '${printable(want, 120)}', so /model cannot offer ${printable(p.model, 100)}`, details: [`listed for Claude Code: ${printable(shown.slice(0, 8).join(', ') || 'nothing Claude Code keeps', 300)}`], fix: 'use a LiteLLM that lists model groups for Claude Code (1.106 or newer), and check the key may list the model' };
          }
          return ok(`${p.name}: all model ids are served, and /model lists it as ${want}`, { profile: p.name });
        }
        if (missing.length === 0) return ok(`${p.name}: all model ids are served`, { profile: p.name });
        // A virtual key limited to some models lists only those: an id outside its list is the key's limit, not a typo.
        const limited = keyModels(f);
        const denied = limited ? missing.filter((m) => !limited.includes(m.id)) : [];
        if (denied.length > 0) {
          const named = denied.map((m) => `'${printable(m.id, 100)}' (${m.setBy}${m.slots.length > 1 ? `, sent for ${m.slots.join(', ')}` : ''})`);
          return { status: 'fail', diagnosis: 'key-model-denied', profile: p.name, message: `${p.name}: the key may not use ${named.join(', ')}: its models are ${printable(limited!.join(', '), 300)}`, fix: `ask the gateway admin to allow ${denied.map((m) => m.id).join(', ')} for your key (LiteLLM /key/update models), or an alias on the gateway (model_group_alias) to a model the key may use; or set the profile's slots to allowed ids` };
        }
        const named = missing.map((m) => `${m.setBy} '${printable(m.id, 100)}'${m.slots.length > 1 ? ` (sent for ${m.slots.join(', ')})` : ''}${suggestion(m.id, served)}`);
        return { status: 'fail', diagnosis: 'unknown-model', profile: p.name, message: `${p.name}: not on the proxy: ${named.join('; ')}`, fix: 'fix the profile key named, or regenerate and reload the proxy config (ccenv gen litellm --dir DIR, then restart)' };
      });
    },
  },
  {
    code: 'context-window',
    title: 'Context window',
    network: true,
    needs: ['proxy', 'key'],
    run: (f) => {
      const a = valueOf(f.api);
      if (!a) return skip('no model group info');
      const groups = groupWindows(a.groupInfo);
      if (!groups) return shapeFailure('/model_group/info', a.groupInfo);
      return f.selected.map((p): CheckResult => {
        if (!groups.has(p.model)) return skip(`${p.name}: '${printable(p.model, 100)}' is not a model group on the proxy (see Model ids)`, { profile: p.name });
        const ignored = contextWindowIgnored(p);
        if (ignored) return { status: 'warn', diagnosis: 'context-window-ignored', profile: p.name, message: `${p.name}: ${ignored}`, fix: 'give the model a name Claude Code does not know on the proxy (a model_name without the claude- prefix), or drop context_window' };
        const proxyWindow = groups.get(p.model);
        if (p.contextWindow === undefined) {
          return { status: 'warn', diagnosis: 'context-window-unset', profile: p.name, message: `${p.name}: no context_window, so Claude Code assumes ${UNKNOWN_MODEL_WINDOW.tokens} tokens for this id and compacts too late${proxyWindow ? `; the proxy says ${proxyWindow}` : ''}`, fix: `set context_window: ${proxyWindow ?? '<tokens>'} in profile ${p.name} (→ CLAUDE_CODE_MAX_CONTEXT_TOKENS)` };
        }
        if (proxyWindow !== undefined && proxyWindow !== p.contextWindow) {
          return { status: 'warn', diagnosis: 'context-window-mismatch', profile: p.name, message: `${p.name}: context_window ${p.contextWindow} but the proxy reports max_input_tokens ${proxyWindow}`, fix: 'make them agree and regenerate the config' };
        }
        return ok(`${p.name}: ${p.contextWindow} tokens`, { profile: p.name });
      });
    },
  },
  {
    code: 'messages',
    title: 'Live request (non-streaming)',
    network: true,
    needs: ['proxy', 'key'],
    run: (f) => (f.live.state === 'ok' ? f.live.value.map((l) => liveChecks(l, 'json')) : f.live.state === 'absent' ? skip(f.live.why) : couldNotLook('the live probes', f.live.error)),
  },
  {
    code: 'stream',
    title: 'Live request (streaming)',
    network: true,
    needs: ['proxy', 'key'],
    run: (f) => (f.live.state === 'ok' ? f.live.value.map((l) => liveChecks(l, 'stream')) : f.live.state === 'absent' ? skip(f.live.why) : couldNotLook('the live probes', f.live.error)),
  },
  {
    code: 'key-preflight',
    title: 'Virtual key: budget, expiry, limits',
    network: true,
    needs: ['proxy', 'key'],
    run: keyPreflight,
  },
  {
    code: 'e2e',
    title: 'The real Claude Code, end to end (--e2e)',
    network: true,
    needs: ['proxy', 'key'],
    run: (f) => (f.e2e.state === 'ok' ? f.e2e.value.map(e2eCheck) : f.e2e.state === 'absent' ? skip(f.e2e.why) : couldNotLook('the e2e run', f.e2e.error)),
  },
  ...SUPPLY_CHAIN_CHECKS,
];

/** The models the key is limited to (/key/info `info.models`), or undefined when it may use every model (none listed, `all-proxy-models`) or /key/info did not answer. */
function keyModels(f: Facts): string[] | undefined {
  const r = valueOf(f.keyInfo);
  const info = r?.status === 200 && isObj(r.json) && isObj(r.json.info) ? r.json.info : undefined;
  const models = Array.isArray(info?.models) ? info.models.filter((m): m is string => typeof m === 'string') : [];
  return models.length > 0 && !models.some((m) => m === 'all-proxy-models' || m === 'all-team-models' || m.endsWith('*')) ? models : undefined;
}

const DAY_MS = 86_400_000;

/**
 * The key preflight, from LiteLLM's /key/info for the profiles' own key: expired (fail) or expiring within 7 days
 * (warn); budget spent (fail) or below 10 % left (warn); its rpm/tpm limits and the spend headers of the live
 * probes (`x-litellm-key-spend`, `x-litellm-key-max-budget`) as details. A proxy without a key database (a
 * master key only) has no virtual key to check: skip. Shapes: litellm 1.108.7 key_management_endpoints.py info_key_fn.
 */
function keyPreflight(f: Facts): CheckResult | CheckResult[] {
  if (f.keyInfo.state !== 'ok') return f.keyInfo.state === 'absent' ? skip(f.keyInfo.why) : couldNotLook('GET /key/info', f.keyInfo.error);
  const r = f.keyInfo.value;
  if (r.status === undefined) return couldNotLook('GET /key/info', r.error ?? 'no answer');
  if (r.status !== 200) {
    const text = errorMessage(r) ?? `HTTP ${r.status}`;
    if (/no[_ ]db|not connected|No connected db|database/i.test(text)) return skip('the proxy keeps no key database (a master key only): no virtual key to check');
    const sig = matchSignature(text);
    if (sig && (sig.code === 'key-expired' || sig.code === 'budget-exceeded')) return diagnose(text, { diagnosis: sig.code, fix: sig.fix }, 'GET /key/info: ');
    return skip(`GET /key/info answered HTTP ${r.status} (${printable(text, 160)}): not a key this proxy can describe`);
  }
  const info = isObj(r.json) && isObj(r.json.info) ? r.json.info : undefined;
  if (!info) return shapeFailure('/key/info', r);
  const name = typeof info.key_alias === 'string' ? `key '${printable(info.key_alias, 60)}'` : 'the key';
  const out: CheckResult[] = [];
  const details: string[] = [];
  const expires = typeof info.expires === 'string' ? Date.parse(info.expires) : Number.NaN;
  if (Number.isFinite(expires)) {
    details.push(`expires ${new Date(expires).toISOString()}`);
    if (expires <= f.now) out.push({ status: 'fail', diagnosis: 'key-expired', message: `${name} expired on ${new Date(expires).toISOString()}`, fix: signature('key-expired').fix });
    else if (expires - f.now < 7 * DAY_MS) out.push({ status: 'warn', diagnosis: 'key-expiring', message: `${name} expires in ${Math.ceil((expires - f.now) / DAY_MS)} day(s), on ${new Date(expires).toISOString()}`, fix: 'ask the gateway admin for a new key (or /key/regenerate) before then' });
  }
  const budget = isNum(info.max_budget) && isNum(info.spend) ? { max: info.max_budget, spend: info.spend, left: info.max_budget - info.spend } : undefined;
  if (budget) {
    details.push(`budget ${budget.spend.toFixed(2)} of ${budget.max.toFixed(2)} USD spent${typeof info.budget_duration === 'string' ? ` (resets every ${printable(info.budget_duration, 20)})` : ''}`);
    if (budget.left <= 0) out.push({ status: 'fail', diagnosis: 'budget-exceeded', message: `${name} has spent its budget: ${budget.spend.toFixed(2)} of ${budget.max.toFixed(2)} USD`, fix: signature('budget-exceeded').fix });
    else if (budget.left < 0.1 * budget.max) out.push({ status: 'warn', diagnosis: 'budget-low', message: `${name} has ${budget.left.toFixed(2)} of ${budget.max.toFixed(2)} USD left (under 10 %)`, fix: 'ask the gateway admin to raise the budget before it runs out (LiteLLM /key/update max_budget)' });
  }
  if (isNum(info.rpm_limit)) details.push(`rpm limit ${info.rpm_limit}`);
  if (isNum(info.tpm_limit)) details.push(`tpm limit ${info.tpm_limit}`);
  const models = keyModels(f);
  details.push(models ? `models: ${printable(models.join(', '), 300)}` : 'models: all the proxy serves');
  for (const l of valueOf(f.live) ?? []) {
    const spend = l.json.headers['x-litellm-key-spend'];
    if (spend) details.push(`after the ${l.profile.name} probe: x-litellm-key-spend ${printable(String(spend), 20)}${l.json.headers['x-litellm-key-max-budget'] ? `, x-litellm-key-max-budget ${printable(String(l.json.headers['x-litellm-key-max-budget']), 20)}` : ''}`);
  }
  if (out.length > 0) return out.map((o) => ({ ...o, details }));
  const expiry = Number.isFinite(expires) ? `expires in ${Math.floor((expires - f.now) / DAY_MS)} days` : 'no expiry';
  const left = budget ? `${budget.left.toFixed(2)} of ${budget.max.toFixed(2)} USD left` : 'no budget limit';
  return ok(`${name}: ${expiry}, ${left}, ${models ? `${models.length} model(s)` : 'all models'}`, { details });
}

/** One `claude -p` run of `doctor --e2e`: OK when it exits 0 with a JSON result that is not an error; else the signature its output matches. */
function e2eCheck(r: E2eRun): CheckResult {
  const who = `${r.profile.command} ${r.argv.join(' ')}`;
  const extra = { profile: r.profile.name, latencyMs: r.ms };
  if (r.notRun) return skip(`${r.profile.name}: not run: ${r.notRun}`, extra);
  if (r.timedOut) return { status: 'fail', diagnosis: 'timeout', message: `${who}: no answer within ${r.ms} ms`, fix: HANG_HINT.fix, ...extra };
  let result: { is_error?: unknown; result?: unknown; duration_ms?: unknown } | undefined;
  try {
    result = JSON.parse(r.stdout) as typeof result;
  } catch {
    /* not JSON: judged by its text below */
  }
  if (r.code === 0 && result && result.is_error === false) return ok(`${who}: answered in ${r.ms} ms (${printable(String(result.result ?? ''), 60)})`, extra);
  const text = `${typeof result?.result === 'string' ? result.result : r.stdout}\n${r.stderr}`;
  return diagnose(text, { diagnosis: 'e2e-failed', fix: 'run the same call yourself to see it: ' + `${r.profile.command} -p ok` }, `${who} failed (exit ${r.code ?? 'killed'}): `, extra);
}
