// A shared gateway with virtual keys. (1) doctor's key preflight against a stand-in that answers /key/info,
// /v1/models and the errors with the pinned LiteLLM's shapes (test/helpers/gateway.ts); (2) the header and
// command auth modes through the real Claude Code and a real LiteLLM, with a recording hop in between that shows
// what Claude Code sends.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { FakeUpstream } from '../helpers/fake-upstream.js';
import { Gateway } from '../helpers/gateway.js';
import { startLiteLLM, type Proxy } from '../helpers/litellm.js';
import { BIN, CLAUDE, ROOT } from '../helpers/paths.js';
import { ccenv, run } from '../helpers/run.js';

const CANARY = 'sk-canary-FAKE-team-key-7781';
const DAY = 86_400_000;

interface Check {
  code: string;
  status: string;
  diagnosis: string | null;
  message: string;
  details: string[];
}

describe('doctor against a shared gateway (stand-in with the pinned LiteLLM shapes)', () => {
  const gw = new Gateway();
  let dir: string;
  beforeAll(async () => {
    await gw.start();
    gw.models = { 'kimi-k2.5': 262144, 'kimi-small': 131072 };
    gw.keys.set(CANARY, { alias: 'alice', models: [], spend: 1, maxBudget: 50, expires: null, rpmLimit: 60 });
    gw.keys.set('sk-limited-FAKE', { alias: 'bob', models: ['kimi-k2.5'], spend: 0, maxBudget: null, expires: null });
    gw.keys.set('sk-broke-FAKE', { alias: 'carol', models: [], spend: 50, maxBudget: 50, expires: null });
    gw.keys.set('sk-low-FAKE', { alias: 'dan', models: [], spend: 46, maxBudget: 50, expires: null });
    gw.keys.set('sk-expiring-FAKE', { alias: 'erin', models: [], spend: 0, maxBudget: null, expires: new Date(Date.now() + 3 * DAY).toISOString() });
    gw.keys.set('sk-expired-FAKE', { alias: 'frank', models: [], spend: 0, maxBudget: null, expires: new Date(Date.now() - DAY).toISOString() });
    dir = mkdtempSync(join(tmpdir(), 'ccenv-gateway-'));
    const profiles = (proxy: string) => `proxy:\n  base_url: ${gw.url}\n  auth_token_env: TEAM_KEY\n${proxy}profiles:\n  kimi: { model: kimi-k2.5, small_model: kimi-small, context_window: 262144 }\n`;
    writeFileSync(join(dir, 'token.yaml'), profiles(''));
    writeFileSync(join(dir, 'header.yaml'), profiles('  key_header: x-litellm-api-key\n'));
    writeFileSync(join(dir, 'command.yaml'), profiles(`  token_command: cat ${join(dir, 'token')}\n`));
    writeFileSync(join(dir, 'token'), `${CANARY}\n`);
  });
  afterAll(async () => gw.stop());

  async function doctor(file: string, key: string | undefined, checks = ['key', 'models', 'key-preflight', 'messages']) {
    const env = { PATH: `${dirname(CLAUDE)}:/usr/bin:/bin`, HOME: dir, CCENV_SHELL: 'bash', ...(key ? { TEAM_KEY: key } : {}) };
    const r = await ccenv(['doctor', '--json', '--profiles', join(dir, file), ...checks], { env });
    const text = await ccenv(['doctor', '--profiles', join(dir, file), ...checks], { env });
    for (const out of [r.stdout, r.stderr, text.stdout, text.stderr]) expect(out).not.toContain(CANARY);
    const checksOut = (JSON.parse(r.stdout) as { checks: Check[] }).checks;
    return { code: r.code, by: (code: string) => checksOut.filter((c) => c.code === code) };
  }

  it('a key with budget left, all models: key, models and the preflight are OK, with limits and budget in the details', async () => {
    const { code, by } = await doctor('token.yaml', CANARY);
    expect(code).toBe(0);
    const pre = by('key-preflight')[0]!;
    expect(pre.status).toBe('ok');
    expect(pre.message).toMatch(/^key 'alice': no expiry, \d+\.\d\d of 50\.00 USD left, all models$/);
    expect(pre.details.slice(1, 3)).toEqual(['rpm limit 60', 'models: all the proxy serves']);
    // The live probe's answer carried LiteLLM's spend headers; the preflight shows them.
    expect(pre.details.at(-1)).toMatch(/^after the kimi probe: x-litellm-key-spend \d+(\.\d+)?, x-litellm-key-max-budget 50$/);
    expect(by('models')[0]!.status).toBe('ok');
  });

  it.each([
    ['a key limited to kimi-k2.5: the small_model id is denied, naming it', 'sk-limited-FAKE', 'models', 'fail', 'key-model-denied', /^kimi: the key may not use 'kimi-small' \(small_model\): its models are kimi-k2\.5$/],
    ['a spent budget', 'sk-broke-FAKE', 'key-preflight', 'fail', 'budget-exceeded', /^key 'carol' has spent its budget: 50\.00 of 50\.00 USD$/],
    ['under 10 % left', 'sk-low-FAKE', 'key-preflight', 'warn', 'budget-low', /4\.00 of 50\.00 USD left/],
    ['expiring in 3 days', 'sk-expiring-FAKE', 'key-preflight', 'warn', 'key-expiring', /^key 'erin' expires in 3 day\(s\)/],
    ['expired: the gateway refuses it, doctor says why', 'sk-expired-FAKE', 'key', 'fail', 'key-expired', /the proxy refuses the key in TEAM_KEY \(HTTP 401\)/],
  ])('%s', async (_name, key, check, status, diagnosis, message) => {
    const { by } = await doctor('token.yaml', key);
    const found = by(check);
    expect(found.map((c) => [c.status, c.diagnosis]), JSON.stringify(found)).toContainEqual([status, diagnosis]);
    expect(found.find((c) => c.diagnosis === diagnosis)!.message).toMatch(message);
  });

  it("the live probe with a limited key: the gateway's 403 key_model_access_denied is named as such", async () => {
    gw.keys.set('sk-other-FAKE', { alias: 'gus', models: ['kimi-small'], spend: 0, maxBudget: null, expires: null });
    const { by } = await doctor('token.yaml', 'sk-other-FAKE', ['messages']);
    expect(by('messages')[0]).toMatchObject({ status: 'fail', diagnosis: 'key-model-denied' });
  });

  it('key_header: every probe carries the key as x-litellm-api-key, never as Authorization', async () => {
    const before = gw.seen.length;
    const { code } = await doctor('header.yaml', CANARY);
    expect(code).toBe(0);
    const seen = gw.seen.slice(before).filter((s) => !s.url.startsWith('/health'));
    expect(seen.length).toBeGreaterThan(3);
    for (const s of seen) {
      expect(s.headers['x-litellm-api-key'], s.url).toBe(`Bearer ${CANARY}`);
      expect(s.headers.authorization, s.url).toBeUndefined();
    }
  });

  it('token_command: doctor runs it once for its probes (no TEAM_KEY needed); a failing command is named', async () => {
    const { code, by } = await doctor('command.yaml', undefined);
    expect(code).toBe(0);
    expect(by('key-preflight')[0]!.status).toBe('ok');
    writeFileSync(join(dir, 'broken.yaml'), readFileSync(join(dir, 'command.yaml'), 'utf8').replace(/token_command: .*/, 'token_command: sh -c "echo not logged in >&2; exit 1"'));
    const broken = await doctor('broken.yaml', undefined, ['key']);
    expect(broken.by('key')[0]).toMatchObject({ status: 'fail', diagnosis: 'token-missing' });
    expect(broken.by('key')[0]!.message).toMatch(/proxy\.token_command \(sh -c "echo not logged in >&2; exit 1"\) exited 1: not logged in/);
  });

  it('explain names each error the pinned LiteLLM answers for a virtual key', async () => {
    const shapes = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/litellm-1.108.7-virtual-keys.json'), 'utf8')) as Record<string, { body: unknown }>;
    const want: Record<string, string> = { key_model_access_denied: 'key-model-denied', team_model_access_denied: 'key-model-denied', key_budget_exceeded: 'budget-exceeded', team_budget_exceeded: 'budget-exceeded', expired_key: 'key-expired', unknown_sk_key: 'auth-rejected' };
    for (const [shape, code] of Object.entries(want)) {
      const r = await ccenv(['explain', '--json', JSON.stringify(shapes[shape]!.body)]);
      expect((JSON.parse(r.stdout) as { diagnoses: Array<{ code: string }> }).diagnoses.map((d) => d.code), shape).toEqual([code]);
    }
  });
});

describe('the header and command modes through the real Claude Code and a real LiteLLM', () => {
  const MASTER = 'sk-gateway-FAKE-master-key';
  let upstream: FakeUpstream;
  let proxy: Proxy;
  let hop: Server;
  let hopUrl: string;
  const seen: Array<{ url: string; headers: IncomingMessage['headers'] }> = [];
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ccenv-gateway-real-'));
    upstream = new FakeUpstream('ok through the gateway');
    await upstream.start();
    writeFileSync(join(dir, 'base.yaml'), `proxy:\n  base_url: http://127.0.0.1:9\n  base_url_env: GW_URL\n  auth_token_env: GW_KEY\nprofiles:\n  kimi:\n    model: kimi-k2.5\n    context_window: 131072\n    max_output_tokens: 2048\n    upstream: { model: openai/kimi-up, api_base: "${upstream.baseUrl}", api_key_env: GW_UPSTREAM, litellm_params: { num_retries: 0, timeout: 30 } }\n`);
    writeFileSync(join(dir, 'header.yaml'), readFileSync(join(dir, 'base.yaml'), 'utf8').replace('  auth_token_env: GW_KEY\n', '  auth_token_env: GW_KEY\n  key_header: x-litellm-api-key\n'));
    expect((await ccenv(['gen', 'litellm', '--dir', join(dir, 'lite'), '--profiles', join(dir, 'base.yaml')])).code).toBe(0);
    proxy = await startLiteLLM(join(dir, 'lite/config.yaml'), { GW_KEY: MASTER, GW_UPSTREAM: 'FAKE-up' });
    // The recording hop: every request's path and headers, then forwarded to LiteLLM as it came.
    hop = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k)).map(([k, v]) => [k, String(v)]));
        const r = await fetch(`${proxy.url}${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
        res.writeHead(r.status, Object.fromEntries([...r.headers].filter(([k]) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(k))));
        if (r.body) for await (const c of r.body) res.write(c);
        res.end();
      });
    });
    await new Promise<void>((r) => hop.listen(0, '127.0.0.1', r));
    const a = hop.address();
    hopUrl = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  }, 180_000);

  afterAll(async () => {
    await new Promise<void>((r) => (hop ? hop.close(() => r()) : r()));
    await proxy?.stop();
    await upstream?.stop();
  });

  const claudeKimi = async (file: string, extra: NodeJS.ProcessEnv = {}) => {
    const home = mkdtempSync(join(tmpdir(), 'ccenv-gateway-home-'));
    const env = { PATH: `${dirname(CLAUDE)}:${dirname(process.execPath)}:/usr/bin:/bin`, HOME: home, GW_URL: hopUrl, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', DISABLE_TELEMETRY: '1', NO_PROXY: '127.0.0.1,localhost', ...extra };
    const before = seen.length;
    const r = await run('bash', ['--noprofile', '--norc', '-c', `eval "$(node ${BIN} shell bash --profiles "$1")" && claude-kimi -p 'Say ok only' --output-format json`, 'bash', join(dir, file)], { env, timeoutMs: 90_000 });
    expect(r.code, `${r.stdout}\n${r.stderr}\n${proxy.logs().slice(-2000)}`).toBe(0);
    expect((JSON.parse(r.stdout) as { result: string }).result).toBe('ok through the gateway');
    expect(r.stdout + r.stderr).not.toContain(MASTER);
    return seen.slice(before).filter((s) => s.url.startsWith('/v1/messages'));
  };

  it('key_header: Claude Code sends the key as x-litellm-api-key (after the headers the user had), and LiteLLM accepts it', async () => {
    // key_header keeps Claude Code's own login: here CLAUDE_CODE_OAUTH_TOKEN stands in for a claude.ai login.
    const calls = await claudeKimi('header.yaml', { GW_KEY: MASTER, ANTHROPIC_CUSTOM_HEADERS: 'X-Team: platform', CLAUDE_CODE_OAUTH_TOKEN: 'sk-ant-oat01-FAKE-login-stand-in' });
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) {
      expect(c.headers['x-litellm-api-key']).toBe(`Bearer ${MASTER}`);
      expect(c.headers['x-team']).toBe('platform');
      expect(String(c.headers.authorization ?? '')).not.toContain(MASTER);
    }
  });

  it('key_header without a Claude Code login: the real claude says "Not logged in", and doctor --e2e names why', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ccenv-gateway-home-'));
    const env = { PATH: `${dirname(CLAUDE)}:${dirname(process.execPath)}:/usr/bin:/bin`, HOME: home, CCENV_SHELL: 'bash', GW_URL: hopUrl, GW_KEY: MASTER, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', DISABLE_TELEMETRY: '1', NO_PROXY: '127.0.0.1,localhost' };
    const r = await ccenv(['doctor', '--json', '--e2e', '--timeout', '60', '--profiles', join(dir, 'header.yaml'), 'e2e'], { env });
    const e2e = (JSON.parse(r.stdout) as { checks: Check[] }).checks.find((c) => c.code === 'e2e')!;
    expect(e2e, r.stdout.slice(0, 3000)).toMatchObject({ status: "fail", diagnosis: "not-logged-in" });
    expect(r.stdout).not.toContain(MASTER);
  });

  it('token_command with the /model picker on: gateway model discovery asks GET /v1/models with the helper\'s token', async () => {
    writeFileSync(join(dir, 'key'), MASTER);
    writeFileSync(join(dir, 'picker.yaml'), readFileSync(join(dir, 'base.yaml'), 'utf8').replace('  auth_token_env: GW_KEY\n', `  auth_token_env: GW_KEY\n  token_command: cat ${join(dir, 'key')}\n`).replace('    model: kimi-k2.5\n', '    model: kimi-k2.5\n    picker: true\n'));
    const before = seen.length;
    await claudeKimi('picker.yaml');
    const discovery = seen.slice(before).filter((x) => x.url.startsWith('/v1/models'));
    expect(discovery.length, JSON.stringify(seen.slice(before).map((x) => x.url))).toBeGreaterThan(0);
    expect(discovery[0]!.headers.authorization).toBe(`Bearer ${MASTER}`);
  });

  it("token_command: Claude Code runs it as its apiKeyHelper (passed with --settings) and sends the token as Authorization and x-api-key", async () => {
    writeFileSync(join(dir, 'key'), MASTER);
    writeFileSync(join(dir, 'command.yaml'), readFileSync(join(dir, 'base.yaml'), 'utf8').replace('  auth_token_env: GW_KEY\n', `  auth_token_env: GW_KEY\n  token_command: cat ${join(dir, 'key')}\n`));
    const calls = await claudeKimi('command.yaml');
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) {
      expect(c.headers.authorization).toBe(`Bearer ${MASTER}`);
      expect(c.headers['x-api-key']).toBe(MASTER);
    }
  });
});
