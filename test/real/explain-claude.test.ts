// `ccenv explain` on what the real Claude Code prints: each failure is produced for real — by a stand-in Messages
// API on 127.0.0.1 answering one error (Claude Code's own wording of each status), and through a real LiteLLM proxy
// in front of the tests' fake upstream with one injected fault (what a LiteLLM user pastes) — and Claude Code's
// output goes, as a user would paste it, into `ccenv explain --json` on standard input.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpstream, sse, type Faults } from '../helpers/fake-upstream.js';
import { hostileServer } from '../helpers/hostile.js';
import { startLiteLLM, type Proxy } from '../helpers/litellm.js';
import { CLAUDE } from '../helpers/paths.js';
import { ccenv, run } from '../helpers/run.js';

const KEY = 'sk-ccenv-explain-FAKE-key';
let home: string;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'ccenv-explain-home-'));
});

/** Run the real `claude -p` against `baseUrl` (no retries), and explain what it printed. */
async function claudeThenExplain(baseUrl: string, model: string, key = KEY): Promise<{ printed: string; codes: string[] }> {
  const env = {
    PATH: `${dirname(CLAUDE)}:${dirname(process.execPath)}:/usr/bin:/bin`,
    HOME: home,
    ANTHROPIC_BASE_URL: baseUrl,
    ANTHROPIC_AUTH_TOKEN: key,
    ANTHROPIC_MODEL: model,
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    CLAUDE_CODE_MAX_RETRIES: '0',
    NO_PROXY: '127.0.0.1,localhost',
  };
  const r = await run(CLAUDE, ['-p', 'Say ok only'], { env, timeoutMs: 90_000 });
  expect(r.code).not.toBe(0);
  const printed = `${r.stdout}${r.stderr}`;
  const e = await ccenv(['explain', '--json'], { input: printed, env: { PATH: '/usr/bin:/bin', HOME: home } });
  expect(e.stderr).toBe('');
  return { printed, codes: (JSON.parse(e.stdout) as { diagnoses: { code: string }[] }).diagnoses.map((d) => d.code) };
}

/** The message_start event's data of the stand-in's streams: an empty assistant message, 1 input token. */
const MESSAGE_START = { message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'kimi', content: [], stop_reason: null, usage: { input_tokens: 1, output_tokens: 0 } } };

/** An Anthropic error body (https://docs.anthropic.com/en/api/errors) with a message that names no cause. */
const anthropicError = (type: string) => JSON.stringify({ type: 'error', error: { type, message: 'request refused' } });

describe("explain names Claude Code's own words for each failure (a stand-in Messages API)", () => {
  it.each([
    // [what the stand-in answers, the expected diagnosis]
    ['401 authentication_error', 401, anthropicError('authentication_error'), 'auth-rejected'],
    ['403 permission_error', 403, anthropicError('permission_error'), 'auth-rejected'],
    ['404 not_found_error', 404, anthropicError('not_found_error'), 'model-404'],
    ['413 request_too_large', 413, anthropicError('request_too_large'), 'context-too-long'],
    ['429 rate_limit_error', 429, anthropicError('rate_limit_error'), 'rate-limit'],
    ['500 api_error', 500, anthropicError('api_error'), 'upstream-error'],
    ['529 overloaded_error', 529, anthropicError('overloaded_error'), 'overloaded'],
    ['400 a content filter', 400, JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: 'litellm.ContentPolicyViolationError: Your request was rejected as a result of our safety system.' } }), 'content-filtered'],
    ['400 max_tokens too large', 400, JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: 32000 > 8192, which is the maximum allowed number of output tokens for kimi' } }), 'max-tokens-rejected'],
  ] as const)('%s', async (_name, status, body, code) => {
    const api = await hostileServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    });
    try {
      const { printed, codes } = await claudeThenExplain(api.url, 'kimi');
      expect(codes, printed).toEqual([code]);
    } finally {
      await api.close();
    }
  });

  it('a stream cut after message_start', async () => {
    const api = await hostileServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      sse(res, 'message_start', MESSAGE_START);
      setTimeout(() => req.socket.destroy(), 100);
    });
    try {
      const { printed, codes } = await claudeThenExplain(api.url, 'kimi');
      expect(codes, printed).toEqual(['connection-reset']);
    } finally {
      await api.close();
    }
  });

  it('an answer that stops at max_tokens (stop_reason "max_tokens"): Claude Code names its output cap', async () => {
    const sent: number[] = [];
    const api = await hostileServer((_req, res, _timers, body) => {
      try {
        sent.push((JSON.parse(body) as { max_tokens: number }).max_tokens);
      } catch {
        // not a Messages API call
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      sse(res, 'message_start', MESSAGE_START);
      sse(res, 'content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
      sse(res, 'content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'ok ok ok' } });
      sse(res, 'content_block_stop', { index: 0 });
      sse(res, 'message_delta', { delta: { stop_reason: 'max_tokens', stop_sequence: null }, usage: { output_tokens: 32000 } });
      sse(res, 'message_stop', {});
      res.end();
    });
    try {
      const { printed, codes } = await claudeThenExplain(api.url, 'kimi');
      // Claude Code 2.1.330 sends 32000 for an id it does not know, then 128000 for the continuations.
      expect(sent[0], printed).toBe(32000);
      expect(printed).toMatch(/exceeded the \d+ output token maximum/);
      expect(codes, printed).toEqual(['output-cap-reached']);
    } finally {
      await api.close();
    }
  });

  it('a backend that wants one leading system message: Claude Code sends a role "system" turn inside messages', async () => {
    // Like a strict chat template (vLLM, MiniMax): refuse a system message anywhere but first, in vLLM's words.
    const seen: string[][] = [];
    const api = await hostileServer((_req, res, _timers, body) => {
      let roles: string[] = [];
      try {
        roles = ((JSON.parse(body) as { messages?: { role: string }[] }).messages ?? []).map((m) => m.role);
      } catch {
        // not a Messages API call (a GET, a probe)
      }
      if (roles.length > 0) seen.push(roles);
      const refused = roles.indexOf('system') > 0;
      res.writeHead(refused ? 400 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'error', error: { type: refused ? 'invalid_request_error' : 'not_found_error', message: refused ? 'System message must be at the beginning.' : 'not found' } }));
    });
    try {
      const { printed, codes } = await claudeThenExplain(api.url, 'kimi');
      expect(seen[0]?.slice(0, 2), printed).toEqual(['user', 'system']);
      expect(codes, printed).toEqual(['param-rejected']);
    } finally {
      await api.close();
    }
  });

  it('nothing listening at the base URL', async () => {
    const api = await hostileServer(() => {});
    const url = api.url;
    await api.close();
    const { printed, codes } = await claudeThenExplain(url, 'kimi');
    expect(codes, printed).toEqual(['proxy-unreachable']);
  });
});

describe('explain names what Claude Code prints through a real LiteLLM proxy', () => {
  const CASES: Record<string, Faults> = {
    limited: { fail: { status: 429, message: 'Rate limit reached for requests' } },
    badkey: { fail: { status: 401, message: 'Incorrect API key provided: FAKE-upst***' } },
    maxtok: { maxTokens: 4096 },
    healthy: {},
  };
  const upstreams: FakeUpstream[] = [];
  let proxy: Proxy;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccenv-explain-'));
    const profiles: Record<string, unknown> = {};
    for (const [name, faults] of Object.entries(CASES)) {
      const up = new FakeUpstream(`${name} ok`);
      await up.start();
      up.faults = faults;
      upstreams.push(up);
      profiles[name] = { model: `${name}-model`, upstream: { model: `openai/${name}-up`, api_base: up.baseUrl, api_key_env: 'TEST_UPSTREAM_KEY', litellm_params: { num_retries: 0, timeout: 30 } } };
    }
    writeFileSync(join(dir, 'profiles.json'), JSON.stringify({ proxy: { base_url: 'http://127.0.0.1:9', auth_token_env: 'TEST_KEY' }, profiles }));
    const gen = await ccenv(['gen', 'litellm-config', '--profiles', join(dir, 'profiles.json'), '-o', join(dir, 'config.yaml')]);
    expect(gen.code, gen.stderr).toBe(0);
    proxy = await startLiteLLM(join(dir, 'config.yaml'), { TEST_KEY: KEY, TEST_UPSTREAM_KEY: 'FAKE-upstream-key' });
  }, 180_000);

  afterAll(async () => {
    await Promise.all([proxy?.stop(), ...upstreams.map((u) => u.stop())]);
  });

  it.each([
    ['the upstream rate-limits', 'limited-model', KEY, 'rate-limit'],
    ["the upstream refuses the proxy's key for it", 'badkey-model', KEY, 'upstream-credentials'],
    ["the upstream refuses Claude Code's max_tokens", 'maxtok-model', KEY, 'max-tokens-rejected'],
    ['a model id that is not a model_name on the proxy', 'no-such-model', KEY, 'unknown-model'],
    ['a key that is not the master key (no database)', 'healthy-model', 'sk-not-the-master-key', 'wrong-key'],
  ] as const)('%s', async (_name, model, key, code) => {
    const { printed, codes } = await claudeThenExplain(proxy.url, model, key);
    expect(codes, printed).toEqual([code]);
  });
});
