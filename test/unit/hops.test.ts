// The picture of the path (src/doctor/hops.ts): which fault marks which hop, as a table (finding in → hop out);
// hop statuses from findings; the terminal drawing (80 columns, ASCII when plain, collapsed lines); the HTML page.
import { describe, expect, it } from 'vitest';
import { absent, ok } from '../../src/doctor/fact.js';
import type { Facts } from '../../src/doctor/facts.js';
import { buildHops, chainLines, hopOf, renderChain, type Hop } from '../../src/doctor/hops.js';
import { renderHtml } from '../../src/doctor/html.js';
import type { Finding } from '../../src/doctor/report.js';
import { parseProfiles } from '../../src/profiles/load.js';

const CFG = parseProfiles(
  'proxy: { base_url: "http://127.0.0.1:4000" }\nprofiles:\n  kimi: { model: kimi-k2.5, upstream: { model: openai/kimi-k2.5, api_base: "https://api.moonshot.example/v1" } }\n  glm: { model: glm-5, upstream: { model: openai/glm-5, api_base: "https://open.glm.example/api/paas/v4" } }\n',
  '/p.yaml',
);
const finding = (code: string, status: Finding['status'], diagnosis?: string, profile?: string): Finding => ({ code, title: code, status, message: `${code} says ${status}`, durationMs: 1, ...(diagnosis ? { diagnosis, fix: `fix ${diagnosis}` } : {}), ...(profile ? { profile } : {}) });
const facts = (over: Partial<Facts> = {}): Facts =>
  ({
    env: { CCENV_SHELL: 'zsh' },
    home: '/h',
    offline: false,
    timeoutMs: 1000,
    profilesPath: '/p.yaml',
    proxyUrl: 'http://127.0.0.1:4000',
    tokenEnv: 'LITELLM_MASTER_KEY',
    selected: CFG.profiles,
    profiles: ok(CFG),
    settings: ok([]),
    claude: ok({ path: '/usr/bin/claude', version: '2.1.330', from: 'package.json' }),
    health: absent('offline'),
    live: absent('offline'),
    ...over,
  }) as Facts;

describe('which fault marks which hop', () => {
  it.each([
    ['shell', 'shell-not-loaded', 'shell'],
    ['key', 'token-missing', 'env'],
    ['context-window', 'context-window-unset', 'env'],
    ['auth-conflict', 'auth-conflict-env', 'client'],
    ['settings', 'settings-override', 'client'],
    ['proxy', 'unreachable', 'proxy'],
    ['key', 'wrong-key', 'proxy'],
    ['messages', 'responses-routing', 'proxy'],
    ['proxy-process', 'routing-flag-unset', 'proxy'],
    ['models', 'unknown-model', 'model-group'],
    ['context-window', 'context-window-mismatch', 'model-group'],
    ['messages', 'max-tokens-rejected', 'upstream'],
    ['messages', 'upstream-credentials', 'upstream'],
    ['stream', 'usage-missing', 'upstream'],
    ['messages', 'timeout', 'upstream'],
    ['e2e', 'e2e-failed', 'e2e'],
    ['e2e', 'auth-rejected', 'proxy'],
  ])('%s fails with %s → the %s hop', (code, diagnosis, hop) => {
    expect(hopOf(finding(code, 'fail', diagnosis))).toBe(hop);
  });

  it('an OK finding goes by its check; a check with no hop is not drawn', () => {
    expect(hopOf(finding('messages', 'ok'))).toBe('upstream');
    expect(hopOf(finding('profiles', 'ok'))).toBe('env');
    expect(hopOf(finding('no-such-check', 'ok'))).toBeUndefined();
  });
});

describe('hops from findings', () => {
  const all = (fs: Finding[]) => Object.fromEntries(buildHops(facts(), fs).map((h) => [h.id, h.status]));

  it('a healthy run: every hop OK; per-profile hops for each profile; no e2e hop unless it ran', () => {
    const fs = [finding('shell', 'ok'), finding('claude', 'ok'), finding('profiles', 'ok'), finding('proxy', 'ok'), finding('models', 'ok'), finding('messages', 'ok', undefined, 'kimi'), finding('messages', 'ok', undefined, 'glm')];
    expect(all(fs)).toEqual({ shell: 'ok', client: 'ok', proxy: 'ok', 'env:kimi': 'ok', 'model-group:kimi': 'ok', 'upstream:kimi': 'ok', 'env:glm': 'ok', 'model-group:glm': 'ok', 'upstream:glm': 'ok' });
  });

  it("one profile's upstream fails: only that hop is marked, with the diagnosis", () => {
    const fs = [finding('proxy', 'ok'), finding('messages', 'ok', undefined, 'kimi'), finding('messages', 'fail', 'max-tokens-rejected', 'glm')];
    const hops = buildHops(facts(), fs);
    expect(hops.find((h) => h.id === 'upstream:glm')).toMatchObject({ status: 'fail', diagnosis: 'max-tokens-rejected', label: 'open.glm.example' });
    expect(hops.find((h) => h.id === 'upstream:kimi')).toMatchObject({ status: 'ok', diagnosis: null, label: 'api.moonshot.example' });
    expect(hops.find((h) => h.id === 'proxy')!.status).toBe('ok');
  });

  it('a warning marks its hop as a warning; a fail beats a warning; nothing looked at is skip, never OK', () => {
    const fs = [finding('proxy-started', 'warn', 'proxy-config-drift'), finding('key', 'fail', 'wrong-key')];
    const h = buildHops(facts(), fs);
    expect(h.find((x) => x.id === 'proxy')).toMatchObject({ status: 'fail', diagnosis: 'wrong-key' });
    expect(h.find((x) => x.id === 'shell')!.status).toBe('skip');
  });

  it('a failed --e2e run marks the e2e hop and the hop its diagnosis names', () => {
    const f = facts({ e2e: ok([]) });
    const hops = buildHops(f, [{ ...finding('e2e', 'fail', 'max-tokens-rejected', 'kimi'), latencyMs: 900 }]);
    expect(hops.find((h) => h.id === 'e2e:kimi')).toMatchObject({ status: 'fail', diagnosis: 'max-tokens-rejected', latencyMs: 900 });
    expect(hops.find((h) => h.id === 'upstream:kimi')!.status).toBe('fail');
    expect(hops.find((h) => h.id === 'e2e:glm')!.status).toBe('skip');
  });

  it("the function's environment, from its call plan: the header mode shows the header, never a value", () => {
    const cfg = parseProfiles('proxy: { base_url: "https://gw.example", auth_token_env: TEAM_KEY, key_header: x-litellm-api-key }\nprofiles:\n  kimi: { model: kimi-k2.5 }\n', '/g.yaml');
    const hops = buildHops(facts({ profiles: ok(cfg), selected: cfg.profiles, tokenEnv: 'TEAM_KEY' }), []);
    const env = hops.find((h) => h.id === 'env:kimi')!.details;
    expect(env).toContain('ANTHROPIC_CUSTOM_HEADERS+=x-litellm-api-key: Bearer $TEAM_KEY');
    expect(env).toContain('ANTHROPIC_MODEL=kimi-k2.5');
    expect(env.join('\n')).not.toContain('ANTHROPIC_AUTH_TOKEN=');
  });

  it('the proxy latency is its readiness probe; the upstream latency the non-streaming call, with LiteLLM timing headers in the details', () => {
    const probe = (ms: number, headers: Record<string, string> = {}) => ({ status: 200, headers, text: '', truncated: false, timedOut: false, ms });
    const f = facts({
      health: ok({ url: 'http://127.0.0.1:4000', version: '1.108.7', liveliness: probe(3), readiness: probe(4) }),
      live: ok([{ profile: CFG.profiles[0]!, json: probe(120, { 'x-litellm-response-duration-ms': '100.5', 'x-litellm-overhead-duration-ms': '7.2' }), stream: probe(140) }]),
    });
    const hops = buildHops(f, []);
    expect(hops.find((h) => h.id === 'proxy')).toMatchObject({ label: 'litellm 1.108.7', latencyMs: 4 });
    expect(hops.find((h) => h.id === 'upstream:kimi')).toMatchObject({ latencyMs: 120, details: ["non-streaming: HTTP 200 in 120 ms (LiteLLM's headers: model call 101 ms, LiteLLM overhead 7 ms)", 'streaming: HTTP 200 in 140 ms'] });
  });
});

const hop = (id: string, status: Hop['status'], label = id.split(':')[0]!, profile: string | null = id.includes(':') ? id.split(':')[1]! : null): Hop => ({ id, kind: id.split(':')[0] as Hop['kind'], label, status, latencyMs: null, diagnosis: null, details: [], profile });
const shared = [hop('shell', 'ok', 'zsh'), hop('client', 'ok', 'claude 2.1.330'), hop('proxy', 'ok', 'litellm 1.108.7')];

describe('the drawing', () => {
  it('one line per profile, left to right: shell, the function, Claude Code, the proxy, the model group, the upstream', () => {
    const hops = [...shared, hop('env:kimi', 'ok', 'claude-kimi'), hop('model-group:kimi', 'ok', 'k2.5'), { ...hop('upstream:kimi', 'fail', 'api.x.com'), latencyMs: 12 }];
    expect(renderChain(hops, [finding('messages', 'fail', 'max-tokens-rejected', 'kimi')], false)).toBe(
      'Path:\n  + zsh > + claude-kimi > + claude 2.1.330 > + litellm 1.108.7 > + k2.5 >\n    [X api.x.com 12ms]\n    X api.x.com: messages says fail\n      Fix: fix max-tokens-rejected\n\n',
    );
  });

  it('a chain that fits stays on one line', () => {
    const hops = [...shared, hop('env:k', 'ok', 'claude-k'), hop('model-group:k', 'ok', 'k2'), hop('upstream:k', 'ok', 'a.x')];
    expect(renderChain(hops, [], false)).toBe('Path:\n  + zsh > + claude-k > + claude 2.1.330 > + litellm 1.108.7 > + k2 > + a.x\n\n');
  });

  it('profiles that share every hop but the last collapse into one line', () => {
    const hops = [...shared, hop('env:a', 'ok', 'c-a'), hop('model-group:a', 'ok', 'm'), hop('upstream:a', 'ok', 'one.x'), hop('env:b', 'ok', 'c-b'), hop('model-group:b', 'ok', 'm'), hop('upstream:b', 'fail', 'two.x')];
    const lines = chainLines(hops);
    expect(lines.map((l) => l.profiles)).toEqual([['a', 'b']]);
    expect(renderChain(hops, [], false).split('\n').slice(1, 3)).toEqual(['  + zsh > + c-a, c-b > + claude 2.1.330 > + litellm 1.108.7 > + m >', '    + one.x | [X two.x]']);
    const apart = [...shared, hop('env:a', 'ok', 'claude-a'), hop('model-group:a', 'ok', 'm1'), hop('upstream:a', 'ok'), hop('env:b', 'ok', 'claude-b'), hop('model-group:b', 'fail', 'm2'), hop('upstream:b', 'ok')];
    expect(chainLines(apart).map((l) => l.profiles)).toEqual([['a'], ['b']]);
  });

  it('fits 80 columns however long the labels (a wide chain continues on the next line), and is plain ASCII when not fancy', () => {
    const long = 'x'.repeat(70);
    const hops = [...shared, hop('env:kimi', 'warn', `claude-${long}`), hop('model-group:kimi', 'ok', long), hop('upstream:kimi', 'fail', `${long}.example.com`)];
    const out = renderChain(hops, [finding('context-window', 'warn', 'context-window-unset', 'kimi'), finding('messages', 'fail', 'timeout', 'kimi')], false);
    for (const line of out.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(out).toMatch(/^[\x20-\x7e\n]*$/);
    const fancy = renderChain(hops, [], true);
    for (const line of fancy.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(fancy).toContain('✖');
  });
});

describe('the HTML page', () => {
  const hops = [...shared, hop('env:kimi', 'ok', 'claude-kimi'), hop('model-group:kimi', 'ok', 'kimi-k2.5'), hop('upstream:kimi', 'fail', 'api.example.com')];
  const page = renderHtml(hops, [finding('messages', 'fail', 'timeout', 'kimi'), { ...finding('proxy', 'ok'), message: '<script>alert(1)</script> & "q"' }], { ccenv: '1.0.0', claude: '2.1.330', litellm: '1.108.7', time: '2026-12-02T00:00:00.000Z' });

  it('draws every hop with its status, the fixes and the versions', () => {
    for (const h of hops) expect(page).toContain(`data-hop="${h.id}" data-status="${h.status}"`);
    expect(page).toContain('<pre>fix timeout</pre>');
    expect(page).toContain('ccenv 1.0.0 · Claude Code 2.1.330 · LiteLLM 1.108.7 · 2026-12-02T00:00:00.000Z');
  });

  it('escapes text from outside and loads nothing: no script, no external reference', () => {
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;');
    expect(page).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import/i);
  });
});
