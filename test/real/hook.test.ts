// The generated hook and routing flag inside a real LiteLLM proxy, with fake upstreams that inject faults.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { FakeUpstream } from '../helpers/fake-upstream.js';
import { startLiteLLM, type Proxy } from '../helpers/litellm.js';
import { BIN, CLAUDE } from '../helpers/paths.js';
import { ccenv, run } from '../helpers/run.js';

const KEY = 'sk-ccenv-test-FAKE-hook';
let dir: string;
let strict: FakeUpstream; // rejects max_tokens > 4096 outright
let fireworks: FakeUpstream; // rejects max_tokens > 4096 without stream (Fireworks' rule)
let nousage: FakeUpstream; // streams without usage
let proxy: Proxy;
const proxies: Proxy[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ccenv-hook-'));
  [strict, fireworks, nousage] = [new FakeUpstream('strict ok'), new FakeUpstream('forced ok'), new FakeUpstream('no usage ok')];
  await Promise.all([strict.start(), fireworks.start(), nousage.start()]);
  strict.faults = { maxTokens: 4096 };
  fireworks.faults = { maxTokensWithoutStream: 4096 };
  nousage.faults = { omitUsage: true };
  writeFileSync(
    join(dir, 'profiles.yaml'),
    stringify({
      proxy: { base_url: 'http://127.0.0.1:9', base_url_env: 'TEST_LITELLM_URL', auth_token_env: 'TEST_KEY' },
      profiles: {
        capped: {
          model: 'capped-model',
          upstream: { model: 'openai/capped-up', api_base: strict.baseUrl, api_key_env: 'TEST_UPSTREAM_KEY', litellm_params: { num_retries: 0 } },
          max_tokens_cap: 4096,
          drop_params: ['top_k', 'metadata'],
          thinking: 'drop',
        },
        plain: { model: 'plain-model', upstream: { model: 'openai/plain-up', api_base: strict.baseUrl, api_key_env: 'TEST_UPSTREAM_KEY', litellm_params: { num_retries: 0 } } },
        forced: { model: 'forced-model', force_stream: true, upstream: { model: 'openai/forced-up', api_base: fireworks.baseUrl, api_key_env: 'TEST_UPSTREAM_KEY', litellm_params: { num_retries: 0 } } },
        fixed: { model: 'fixed-model', upstream: { model: 'openai/fixed-up', api_base: nousage.baseUrl, api_key_env: 'TEST_UPSTREAM_KEY', litellm_params: { num_retries: 0 } } },
        unfixed: { model: 'unfixed-model', fix_usage: false, upstream: { model: 'openai/unfixed-up', api_base: nousage.baseUrl, api_key_env: 'TEST_UPSTREAM_KEY', litellm_params: { num_retries: 0 } } },
      },
    }),
  );
  const r = await ccenv(['gen', 'litellm', '--dir', join(dir, 'litellm'), '--profiles', join(dir, 'profiles.yaml')]);
  expect(r.code, r.stderr).toBe(0);
  proxy = await startLiteLLM(join(dir, 'litellm/config.yaml'), { TEST_KEY: KEY, TEST_UPSTREAM_KEY: 'FAKE-upstream' });
  proxies.push(proxy);
}, 240_000);

afterAll(async () => {
  await Promise.all(proxies.map((p) => p.stop()));
  await Promise.all([strict, fireworks, nousage].map((u) => u?.stop()));
});

/** A Claude Code–shaped /v1/messages request (observed with Claude Code 2.1.330), JSON or SSE. */
async function messages(url: string, model: string, extra: Record<string, unknown> = {}) {
  const r = await fetch(`${url}/v1/messages?beta=true`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', 'anthropic-version': '2023-06-01', 'anthropic-beta': 'claude-code-20250219' },
    body: JSON.stringify({
      model,
      max_tokens: 32000,
      messages: [{ role: 'user', content: 'Say ok only' }],
      thinking: { type: 'adaptive' },
      top_k: 5,
      metadata: { user_id: 'u' },
      ...extra,
    }),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() };
}

/** The `data:` JSON objects of an SSE body. */
const events = (sse: string) => sse.split('\n').filter((l) => l.startsWith('data:')).map((l) => JSON.parse(l.slice(5)) as Record<string, any>);

describe('the generated hook in a real LiteLLM proxy', () => {
  it('caps max_tokens, drops listed params and thinking; a model without rules is untouched', async () => {
    const capped = await messages(proxy.url, 'capped-model');
    expect(capped.status, capped.text).toBe(200);
    const seen = strict.chatRequests.at(-1)!.body!;
    expect(seen.model).toBe('capped-up');
    expect(seen.max_tokens).toBe(4096);
    expect(seen).not.toHaveProperty('reasoning_effort');
    expect(seen).not.toHaveProperty('top_k');
    const plain = await messages(proxy.url, 'plain-model');
    expect(plain.status).toBe(400); // the strict upstream saw Claude Code's 32000, untouched
    expect(strict.chatRequests.at(-1)!.body!.max_tokens).toBe(32000);
    expect(strict.chatRequests.at(-1)!.body!).toHaveProperty('reasoning_effort');
  });

  it('force_stream: the upstream sees stream=true, and the client gets JSON or SSE as it asked', async () => {
    const json = await messages(proxy.url, 'forced-model');
    expect(json.status, json.text).toBe(200);
    expect(json.type).toContain('application/json');
    expect(JSON.parse(json.text).content[0].text).toBe('forced ok');
    expect(fireworks.chatRequests.at(-1)!.body).toMatchObject({ model: 'forced-up', stream: true, max_tokens: 32000 });
    const sse = await messages(proxy.url, 'forced-model', { stream: true });
    expect(sse.status).toBe(200);
    expect(sse.type).toContain('text/event-stream');
    expect(events(sse.text).map((e) => e.type)).toContain('message_stop');
    expect(fireworks.chatRequests.at(-1)!.body).toMatchObject({ stream: true });
  });

  it('an upstream stream without usage: the Anthropic stream out of the proxy carries numeric usage', async () => {
    const fixed = events((await messages(proxy.url, 'fixed-model', { stream: true })).text);
    expect(nousage.chatRequests.at(-1)!.body!.stream).toBe(true);
    const start = fixed.find((e) => e.type === 'message_start')!;
    const delta = fixed.find((e) => e.type === 'message_delta')!;
    expect(start.message.usage.input_tokens).toBeGreaterThan(0);
    expect(typeof start.message.usage.output_tokens).toBe('number');
    expect(delta.usage.output_tokens).toBeGreaterThan(0);
    // Without the repair (fix_usage: false) LiteLLM itself reports 0 input tokens at message_start.
    const unfixed = events((await messages(proxy.url, 'unfixed-model', { stream: true })).text);
    expect(unfixed.find((e) => e.type === 'message_start')!.message.usage.input_tokens).toBe(0);
  });

  it('real Claude Code through a generated function reaches a max_tokens-strict upstream', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ccenv-home-'));
    const env = {
      PATH: `${dirname(CLAUDE)}:${dirname(process.execPath)}:/usr/bin:/bin`,
      HOME: home,
      TEST_LITELLM_URL: proxy.url,
      TEST_KEY: KEY,
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      DISABLE_TELEMETRY: '1',
      CLAUDE_CODE_MAX_RETRIES: '0',
    };
    const call = (fn: string) => run('bash', ['--noprofile', '--norc', '-c', `eval "$(node ${BIN} shell bash --profiles "$1")" && ${fn} -p 'Say ok only' --output-format json`, 'bash', join(dir, 'profiles.yaml')], { env, timeoutMs: 90_000 });
    const ok = await call('claude-capped');
    expect(JSON.parse(ok.stdout)).toMatchObject({ is_error: false, result: 'strict ok' });
    expect(strict.chatRequests.at(-1)!.body!.max_tokens).toBe(4096);
    const refused = await call('claude-plain');
    expect(JSON.parse(refused.stdout).is_error).toBe(true);
  });
});

describe('the routing flag', () => {
  it('without it LiteLLM calls the upstream /v1/responses; with the generated env, /v1/chat/completions', async () => {
    const cfg = parse(readFileSync(join(dir, 'litellm/config.yaml'), 'utf8'));
    delete cfg.litellm_settings.use_chat_completions_url_for_anthropic_messages;
    const bare = join(dir, 'litellm/bare.yaml');
    writeFileSync(bare, stringify(cfg));
    const env = Object.fromEntries(
      readFileSync(join(dir, 'litellm/litellm.env'), 'utf8').split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split('=', 2) as [string, string]),
    );
    expect(env.LITELLM_USE_CHAT_COMPLETIONS_URL_FOR_ANTHROPIC_MESSAGES).toBe('1');
    const seenBy = async (proxyEnv: Record<string, string>) => {
      const p = await startLiteLLM(bare, { TEST_KEY: KEY, TEST_UPSTREAM_KEY: 'FAKE-upstream', ...proxyEnv });
      proxies.push(p);
      const before = fireworks.seen.length;
      await messages(p.url, 'forced-model', { stream: true });
      await p.stop();
      return fireworks.seen.slice(before).filter((r) => r.method === 'POST').map((r) => r.url);
    };
    const without = await seenBy({});
    const withEnv = await seenBy(env);
    expect(without).toEqual(['/v1/responses']);
    expect(withEnv).toEqual(['/v1/chat/completions']);
    writeFileSync(join(dir, 'routing-observed.json'), JSON.stringify({ without, withEnv }));
  }, 120_000);
});
