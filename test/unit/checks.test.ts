// Each doctor check as a pure function, tested as a table: facts in → status, diagnosis code, message out.
// Facts are built by hand here (no gatherer runs), so every state a gatherer can return is covered:
// ok(value), absent(why), invalid(error).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/doctor/checks.js';
import type { CheckResult } from '../../src/doctor/check.js';
import { absent, invalid, ok, type Fact } from '../../src/doctor/fact.js';
import { settingsLayers, type Facts, type StartedProxy, type LiveFacts, type ProxyApi, type ProxyHealth, type SettingsLayer } from '../../src/doctor/facts.js';
import type { ProbeResult } from '../../src/doctor/http.js';
import type { ProxyProcess, PythonEnv } from '../../src/doctor/installs.js';
import { parseProfiles } from '../../src/profiles/load.js';
import { runChecks } from '../../src/doctor/report.js';
import { loadAdvisoryData } from '../../src/advisories/data.js';

const ADVISORY_DATA = loadAdvisoryData({ XDG_CACHE_HOME: '/nonexistent/cache' });
const PROFILES = parseProfiles(
  'proxy: { base_url: "http://127.0.0.1:4000" }\nprofiles:\n  kimi: { model: kimi-k2.5, subagent_model: kimi-sub, context_window: 262144 }\n',
  '/p.yaml',
);

const probe = (status: number | undefined, json?: unknown, extra: Partial<ProbeResult> = {}): ProbeResult => ({ status, headers: {}, text: json === undefined ? '' : JSON.stringify(json), json, truncated: false, timedOut: false, ms: 5, ...extra });
const health = (v: Partial<ProxyHealth> = {}): Fact<ProxyHealth> => ok({ url: 'http://127.0.0.1:4000', version: '1.106.0', liveliness: probe(200, 'ok'), readiness: probe(200, {}), ...v });
const api = (ids: unknown, groups: unknown = { data: [{ model_group: 'kimi-k2.5', max_input_tokens: 262144 }] }): Fact<ProxyApi> => ok({ models: probe(200, ids), groupInfo: probe(200, groups) });
const env = (e: Partial<PythonEnv>): PythonEnv => ({ source: 'litellm-venv', root: '/v', sitePackages: ['/v/lib/python3.11/site-packages'], pth: [], pythonVersion: '3.11.7', ...e });
const dist = (version: string) => ({ version, path: `/v/lib/python3.11/site-packages/litellm-${version}.dist-info`, installed: '2026-11-01T00:00:00.000Z' });
const started = (s: Partial<StartedProxy>): StartedProxy => ({ pidFile: '/s/litellm.pid', how: 'pid-file', pid: 42, running: true, port: 4000, config: '/f/config.yaml', drift: [], ...s });
const proc = (p: Partial<ProxyProcess>): ProxyProcess => ({ pid: 42, cmdline: '/v/bin/python /v/bin/litellm --config /c.yaml --port 4000', port: 4000, ...p });

/** Facts where everything is fine and looked at; each row overrides what it tests. */
function facts(over: Partial<Facts> = {}): Facts {
  const base: Facts = {
    env: { CCENV_SHELL: 'zsh', LITELLM_MASTER_KEY: 'sk-x' },
    home: '/home/u',
    offline: false,
    timeoutMs: 2000,
    profilesPath: '/p.yaml',
    proxyUrl: 'http://127.0.0.1:4000',
    tokenEnv: 'LITELLM_MASTER_KEY',
    token: 'sk-x',
    selected: PROFILES.profiles,
    profiles: ok(PROFILES),
    settings: ok([]),
    claudeJson: absent('no ~/.claude.json'),
    claude: ok({ path: '/usr/bin/claude', version: '2.1.330', from: 'package.json' }),
    processes: ok([]),
    started: absent('no proxy started by ccenv proxy start (no pid file at /s/litellm.pid)'),
    installs: ok([env({ litellm: dist('1.108.7'), openai: dist('3.57.0') })]),
    imports: absent('not asked'),
    health: health(),
    api: api({ data: [{ id: 'kimi-k2.5' }, { id: 'kimi-sub' }] }),
    live: ok([] as LiveFacts[]),
    keyInfo: ok(probe(200, { key: 'hashed', info: { key_alias: 'alice', models: [], spend: 1, max_budget: 50, expires: null } })),
    e2e: absent('not asked'),
    advisories: ok(ADVISORY_DATA),
    now: Date.parse('2026-12-01T00:00:00Z'),
  };
  return { ...base, ...over };
}

const layer = (l: SettingsLayer['layer'], file: SettingsLayer['file']): SettingsLayer => ({ layer: l, path: l === 'managed' ? '/etc/claude-code/managed-settings.json' : `/x/${l}.json`, file });

const run = (code: string, f: Facts): CheckResult[] => {
  const r = CHECKS.find((c) => c.code === code)!.run(f);
  return Array.isArray(r) ? r : [r];
};
const verdict = (code: string, f: Facts) => run(code, f).map((r) => [r.status, r.diagnosis ?? null]);

describe('checks, as tables', () => {
  it.each<[string, string, Partial<Facts>, Array<[string, string | null]>, RegExp?]>([
    ['profiles', 'loaded', {}, [['ok', null]], /1 profile\(s\) in \/p\.yaml/],
    ['profiles', 'no file', { profiles: absent('no profiles file') }, [['fail', 'profiles-missing']], /ccenv init|no profiles file/],
    ['profiles', 'invalid', { profiles: invalid('/p.yaml:3:5: bad') }, [['fail', 'profiles-invalid']]],
    ['auth-conflict', 'nothing found, everything read', {}, [['ok', null]]],
    ['auth-conflict', 'API key and token both exported', { env: { ANTHROPIC_API_KEY: 'a', ANTHROPIC_AUTH_TOKEN: 'b' } }, [['fail', 'auth-conflict-env']]],
    ['settings', 'nothing overrides', {}, [['ok', null]]],
    ['settings', 'an invalid user settings.json is not OK', { settings: ok([layer('user', invalid('/home/u/.claude/settings.json:3:1: Expected double-quoted property name'))]) }, [['warn', 'settings-invalid']], /settings\.json:3:1: .*rejects a settings file it cannot parse as a whole/],
    ['settings', 'an invalid managed file: Claude Code refuses to start', { settings: ok([layer('managed', invalid('/etc/claude-code/managed-settings.json:1:2: bad'))]) }, [['fail', 'settings-invalid']]],
    ['settings', 'a base URL in a project layer breaks every profile', { settings: ok([layer('project', ok({ env: { ANTHROPIC_BASE_URL: 'http://elsewhere:8080' }, apiKeyHelper: false }))]) }, [['fail', 'settings-override']], /\(project settings\) "env" sets ANTHROPIC_BASE_URL=http:\/\/elsewhere:8080: .*kimi send their requests there/],
    ['settings', 'a token in the user layer', { settings: ok([layer('user', ok({ env: { ANTHROPIC_AUTH_TOKEN: 'x' }, apiKeyHelper: false }))]) }, [['fail', 'settings-override']]],
    ['settings', 'apiKeyHelper replaces the proxy token', { settings: ok([layer('user', ok({ env: {}, apiKeyHelper: true }))]) }, [['fail', 'settings-api-key-helper']]],
    ['settings', 'a model override the proxy serves: a warning', { settings: ok([layer('project-local', ok({ env: { ANTHROPIC_MODEL: 'kimi-sub' }, apiKeyHelper: false }))]) }, [['warn', 'settings-model-override']], /the proxy serves it/],
    ['settings', 'a model override the proxy does not serve: a failure', { settings: ok([layer('user', ok({ env: { ANTHROPIC_DEFAULT_HAIKU_MODEL: 'claude-haiku-4-5' }, apiKeyHelper: false }))]) }, [['fail', 'settings-model-override']], /does not serve 'claude-haiku-4-5'/],
    ['settings', 'a managed forceLoginMethod', { settings: ok([layer('managed', ok({ env: {}, apiKeyHelper: false, forceLoginMethod: 'claudeai' }))]) }, [['fail', 'settings-force-login']]],
    ['settings', 'a persisted model has no effect over the exported ANTHROPIC_MODEL', { settings: ok([layer('user', ok({ env: {}, apiKeyHelper: false, model: 'opus' }))]) }, [['ok', null]]],
    ['settings', 'a deprecated variable exported', { env: { ANTHROPIC_SMALL_FAST_MODEL: 'x' } }, [['warn', 'deprecated-var']], /deprecated for ANTHROPIC_DEFAULT_HAIKU_MODEL/],
    ['auth-conflict', 'an unreadable ~/.claude.json is not OK', { claudeJson: invalid('/home/u/.claude.json: cannot read (EACCES)') }, [['warn', 'could-not-look']]],
    ['auth-conflict', 'a console login key', { claudeJson: ok({ path: '/c.json', primaryApiKey: true }) }, [['warn', 'auth-conflict-login']]],
    ['base-url', 'a /v1 suffix', { proxyUrl: 'http://127.0.0.1:4000/v1' }, [['fail', 'base-url-suffix']]],
    ['base-url', 'no profiles: nothing to compare', { proxyUrl: undefined }, [['skip', null]]],
    ['http-proxy', 'HTTPS_PROXY without NO_PROXY', { env: { HTTPS_PROXY: 'http://corp:3128' } }, [['warn', 'http-proxy-no-bypass']]],
    ['http-proxy', 'covered by NO_PROXY', { env: { HTTPS_PROXY: 'http://corp:3128', NO_PROXY: 'localhost,127.0.0.1' } }, [['ok', null]]],
    ['claude', 'installed', {}, [['ok', null]], /2\.1\.330/],
    ['claude', 'missing', { claude: absent('not found on PATH') }, [['fail', 'claude-missing']]],
    ['claude', 'broken: reported as broken with its own words', { claude: invalid('/usr/bin/claude is installed but does not run (`claude --version` failed: exit 1): Error: native binary not installed') }, [['fail', 'claude-broken']], /native binary not installed/],
    ['shell', 'not loaded', { env: {} }, [['warn', 'shell-not-loaded']]],
    ['proxy', 'healthy', {}, [['ok', null]], /v1\.106\.0/],
    ['proxy', 'offline', { health: absent('skipped (--offline)') }, [['skip', null]]],
    ['proxy', 'refused', { health: health({ liveliness: probe(undefined, undefined, { error: 'connection refused (nothing listens there)' }) }) }, [['fail', 'unreachable']]],
    ['proxy', 'timed out', { health: health({ liveliness: probe(undefined, undefined, { error: 'no complete answer within 2 s', timedOut: true }) }) }, [['fail', 'timeout']]],
    ['proxy', 'not LiteLLM', { health: health({ liveliness: probe(404, {}) }) }, [['fail', 'not-litellm']]],
    ['key', 'empty token', { token: undefined }, [['fail', 'token-missing']]],
    ['key', 'wrong key without a DB', { api: ok({ models: probe(400, { error: { message: 'No connected db.', type: 'no_db_connection' } }), groupInfo: probe(400, {}) }) }, [['fail', 'wrong-key']]],
    ['models', 'all served', {}, [['ok', null]]],
    ['models', 'a typo in model names the key the user wrote, not a default slot', { api: api({ data: [{ id: 'kimi-sub' }] }) }, [['fail', 'unknown-model']], /^kimi: not on the proxy: model 'kimi-k2\.5' \(sent for model, opus_model, sonnet_model, small_model\)/],
    ['models', 'a written slot is named', { api: api({ data: [{ id: 'kimi-k2.5' }] }) }, [['fail', 'unknown-model']], /subagent_model 'kimi-sub'/],
    ['models', 'data is not a list: a diagnosis, not a crash', { api: api({ data: null }) }, [['fail', 'answer-shape']], /\/v1\/models answer is not LiteLLM's shape/],
    ['models', 'null entries are ignored', { api: api({ data: [null, { id: 'kimi-k2.5' }, { id: 'kimi-sub' }] }) }, [['ok', null]]],
    ['context-window', 'agrees', {}, [['ok', null]]],
    ['context-window', 'a model the proxy does not serve is not OK', { api: api({ data: [] }, { data: [{ model_group: 'other', max_input_tokens: 8192 }] }) }, [['skip', null]], /not a model group/],
    ['context-window', 'mismatch', { api: api({ data: [] }, { data: [{ model_group: 'kimi-k2.5', max_input_tokens: 8192 }] }) }, [['warn', 'context-window-mismatch']]],
    ['context-window', 'wrong shape', { api: api({ data: [] }, { data: 'x' }) }, [['fail', 'answer-shape']]],
    ['litellm-compromised', 'clean', {}, [['ok', null]]],
    ['litellm-compromised', 'nothing found is not OK', { installs: ok([]) }, [['skip', null]], /no litellm installation found to check/],
    ['litellm-compromised', 'could not look', { installs: invalid('ENOENT: no such file or directory, stat …dist-info') }, [['warn', 'could-not-look']]],
    ['litellm-compromised', 'compromised 1.82.8', { installs: ok([env({ litellm: dist('1.82.8') })]) }, [['fail', 'litellm-compromised']]],
    ['litellm-advisories', 'clean', {}, [['ok', null]]],
    ['litellm-advisories', 'nothing found', { installs: ok([]), health: absent('offline') }, [['skip', null]]],
    ['litellm-advisories', 'stale data (over 90 days) is a warning with the update command', { now: Date.parse('2027-06-01T00:00:00Z') }, [['warn', 'advisories-stale']], /days old/],
    ['litellm-advisories', 'no data could be read', { advisories: invalid('EACCES') }, [['warn', 'could-not-look']]],
    ['openai-pair', 'nothing found', { installs: ok([]) }, [['skip', null]]],
    ['litellm-version', 'nothing found', { installs: ok([]) }, [['skip', null]]],
    ['proxy-process', 'none running', {}, [['skip', null]]],
    ['proxy-process', 'flag in the environment', { processes: ok([proc({ routingFlag: '1' })]) }, [['ok', null]]],
    ['proxy-process', 'no flag, but its config sets the routing: healthy, no warning', { processes: ok([proc({ config: { path: '/c.yaml', routing: true } })]) }, [['ok', null]], /its config \/c\.yaml sets/],
    ['proxy-process', 'neither', { processes: ok([proc({ config: { path: '/c.yaml', routing: false } })]) }, [['warn', 'routing-flag-unset']]],
    ['proxy-process', 'another port', { processes: ok([proc({ port: 4001, routingFlag: '' })]) }, [['skip', null]]],
    ['key-preflight', 'a virtual key with budget left, no expiry, all models', {}, [['ok', null]], /^key 'alice': no expiry, 49\.00 of 50\.00 USD left, all models$/],
    ['key-preflight', 'the master key of a proxy without a database', { keyInfo: ok(probe(500, { error: { message: 'Database not connected. Connect a database to your proxy', type: 'internal_server_error' } })) }, [['skip', null]], /no key database/],
    ['key-preflight', 'budget spent', { keyInfo: ok(probe(200, { info: { spend: 50.2, max_budget: 50 } })) }, [['fail', 'budget-exceeded']], /spent its budget: 50\.20 of 50\.00 USD/],
    ['key-preflight', 'under 10 % left', { keyInfo: ok(probe(200, { info: { spend: 46, max_budget: 50 } })) }, [['warn', 'budget-low']], /4\.00 of 50\.00 USD left \(under 10 %\)/],
    ['key-preflight', '10 % left is not yet low', { keyInfo: ok(probe(200, { info: { spend: 45, max_budget: 50 } })) }, [['ok', null]]],
    ['key-preflight', 'expired', { keyInfo: ok(probe(200, { info: { expires: '2026-11-30T00:00:00Z' } })) }, [['fail', 'key-expired']], /expired on 2026-11-30/],
    ['key-preflight', 'expiring within 7 days', { keyInfo: ok(probe(200, { info: { expires: '2026-12-05T00:00:00Z' } })) }, [['warn', 'key-expiring']], /expires in 4 day\(s\)/],
    ['key-preflight', 'expiring in 8 days is fine', { keyInfo: ok(probe(200, { info: { expires: '2026-12-09T00:00:00Z' } })) }, [['ok', null]], /expires in 8 days/],
    ['key-preflight', 'the expired-key error itself', { keyInfo: ok(probe(401, { error: { message: 'Authentication Error - Expired Key. Key Expiry time 2026-11-01 and current time 2026-12-01', type: 'expired_key', code: '401' } })) }, [['fail', 'key-expired']]],
    ['key-preflight', 'not a shape LiteLLM answers', { keyInfo: ok(probe(200, { info: 'x' })) }, [['fail', 'answer-shape']]],
    ['models', 'a key limited to some models, missing one Claude Code sends', { keyInfo: ok(probe(200, { info: { models: ['kimi-k2.5'] } })), api: api({ data: [{ id: 'kimi-k2.5' }] }) }, [['fail', 'key-model-denied']], /^kimi: the key may not use 'kimi-sub' \(subagent_model\): its models are kimi-k2\.5$/],
    ['models', 'a key with all-proxy-models: a missing id is the proxy, not the key', { keyInfo: ok(probe(200, { info: { models: ['all-proxy-models'] } })), api: api({ data: [{ id: 'kimi-k2.5' }] }) }, [['fail', 'unknown-model']]],
    ['proxy-started', 'none started by ccenv', {}, [['skip', null]], /no pid file at \/s\/litellm\.pid/],
    ['proxy-started', 'serves a folder that matches', { started: ok(started({})) }, [['ok', null]], /^pid 42 serves \/f\/config\.yaml, which matches the profiles$/],
    ['proxy-started', 'under the service manager', { started: ok(started({ how: 'service' })) }, [['ok', null]], /^pid 42 \(under the service manager\) serves/],
    ['proxy-started', 'the folder changed since it started', { started: ok(started({ drift: ['config.yaml'] })) }, [['warn', 'proxy-config-drift']], /config\.yaml in its folder differ/],
    ['proxy-started', 'the process is gone', { started: ok(started({ running: false, port: undefined, config: undefined, drift: undefined })) }, [['warn', 'proxy-stopped']], /^\/s\/litellm\.pid names pid 42, which no longer runs LiteLLM/],
    ['proxy-started', 'another port than the profiles', { started: ok(started({ port: 4010 })) }, [['warn', 'proxy-port-mismatch']], /listens on port 4010, but the profiles' proxy is on 4000/],
    ['proxy-started', 'its command line unreadable (no /proc): not OK', { started: ok(started({ port: undefined, config: undefined, drift: undefined })) }, [['skip', null]], /cannot be read here/],
    ['proxy-started', 'a pid file without a pid', { started: invalid('/s/litellm.pid holds no pid') }, [['warn', 'could-not-look']]],
  ])('%s: %s', (code, _name, over, want, message) => {
    const f = facts(over);
    expect(verdict(code, f)).toEqual(want);
    if (message) expect(run(code, f).map((r) => r.message).join('\n')).toMatch(message);
  });

  it('the running proxy counts too: its version is judged by the OSV records, each vulnerability once', () => {
    const results = run('litellm-advisories', facts({ installs: ok([]), health: health({ version: '1.83.3' }) }));
    const ids = results.map((r) => r.diagnosis);
    expect(ids).toContain('CVE-2026-42208');
    expect(new Set(ids).size).toBe(ids.length);
    expect(results.find((r) => r.diagnosis === 'CVE-2026-42208')).toMatchObject({ status: 'fail', fix: expect.stringContaining('≥ 1.83.7') });
    expect(results.find((r) => r.diagnosis === 'CVE-2026-42208')!.message).toMatch(/the running proxy at .*\(critical\)|GHSA-r75f-5x8p-qvmc/);
  });

  it('the compromised-release message and fix come from the advisory that matched', () => {
    const [r] = run('litellm-compromised', facts({ installs: ok([env({ litellm: dist('1.82.7') })]) }));
    expect(r!.message).toContain('litellm 1.82.7 is a compromised release');
    expect(r!.fix).toMatch(/rotate every credential/);
  });
});

describe('prerequisites', () => {
  const down = facts({ health: health({ liveliness: probe(undefined, undefined, { error: 'connection refused (nothing listens there)' }) }), api: absent('the proxy is not reachable'), live: absent('the proxy is not reachable') });

  it('selecting only live checks with the proxy down reports the proxy once, as the cause, and fails', async () => {
    const out = await runChecks(CHECKS, down, 1000, ['messages', 'stream']);
    expect(out.map((f) => [f.code, f.status, f.diagnosis ?? null])).toEqual([
      ['proxy', 'fail', 'unreachable'],
      ['messages', 'skip', 'prerequisite-failed'],
      ['stream', 'skip', 'prerequisite-failed'],
    ]);
    expect(out[1]!.message).toBe('not run: Proxy reachable failed (above)');
  });

  it('a failed key stops what needs it; passing prerequisites that were not selected are not shown', async () => {
    const wrong = facts({ api: ok({ models: probe(401, { error: { message: 'Authentication Error, Invalid proxy server token passed' } }), groupInfo: probe(401, {}) }) });
    const out = await runChecks(CHECKS, wrong, 1000, ['models']);
    expect(out.map((f) => [f.code, f.status])).toEqual([['key', 'fail'], ['models', 'skip']]);
    const fine = await runChecks(CHECKS, facts(), 1000, ['models']);
    expect(fine.map((f) => [f.code, f.status])).toEqual([['models', 'ok']]);
  });
});

describe('the settings layers Claude Code reads', () => {
  it('managed, then each folder from the working directory up to the repository root (local before shared), then the user file under CLAUDE_CONFIG_DIR', () => {
    const root = mkdtempSync(join(tmpdir(), 'ccenv-layers-'));
    const home = join(root, 'home');
    const repo = join(root, 'repo');
    const sub = join(repo, 'pkg/app');
    for (const d of [join(home, 'cfg'), join(repo, '.git'), join(repo, '.claude'), join(sub, '.claude'), join(root, '.claude')]) mkdirSync(d, { recursive: true });
    writeFileSync(join(repo, '.claude/settings.json'), '{"env": {"ANTHROPIC_MODEL": "x"}}');
    writeFileSync(join(sub, '.claude/settings.local.json'), '{"apiKeyHelper": "h",}');
    writeFileSync(join(root, '.claude/settings.json'), '{}'); // above the repository root: not read
    writeFileSync(join(home, 'cfg/settings.json'), '{"env": {}}');
    const layers = settingsLayers({ CLAUDE_CONFIG_DIR: join(home, 'cfg') }, home, sub, 'win32');
    expect(layers.map((l) => [l.layer, l.path.slice(root.length), l.file.state])).toEqual([
      ['project-local', '/repo/pkg/app/.claude/settings.local.json', 'invalid'],
      ['project', '/repo/.claude/settings.json', 'ok'],
      ['user', '/home/cfg/settings.json', 'ok'],
    ]);
  });
});
