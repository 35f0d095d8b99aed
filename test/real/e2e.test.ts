// The main job, end to end, through the real components: profiles → `ccenv gen litellm-config` → a real LiteLLM
// proxy (pinned venv) → the tests' fake OpenAI-compatible upstream; and `eval "$(ccenv shell …)"` in real
// bash, zsh and fish → `claude-kimi -p …` → the real Claude Code CLI → the proxy.
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FakeUpstream } from '../helpers/fake-upstream.js';
import { startLiteLLM, type Proxy } from '../helpers/litellm.js';
import { BIN, CLAUDE } from '../helpers/paths.js';
import { ccenv, run } from '../helpers/run.js';

const MASTER_KEY = 'sk-ccenv-test-FAKE-master-key';
const UPSTREAM_KEY = 'FAKE-upstream-key-for-tests';

let dir: string;
let upstream: FakeUpstream;
let proxy: Proxy;
let profiles: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ccenv-e2e-'));
  upstream = new FakeUpstream('ok from the fake upstream');
  const upstreamUrl = await upstream.start();
  profiles = join(dir, 'profiles.yaml');
  // The proxy URL is only known once it runs: the profiles name it through base_url_env.
  writeFileSync(
    profiles,
    `proxy:
  base_url: http://127.0.0.1:9
  base_url_env: TEST_LITELLM_URL
  auth_token_env: TEST_MASTER_KEY
profiles:
  kimi:
    model: kimi-k2.5
    upstream:
      model: openai/kimi-k2.5-upstream
      api_base: ${upstreamUrl}
      api_key_env: TEST_UPSTREAM_KEY
      litellm_params: { num_retries: 0, timeout: 30 }
    max_output_tokens: 2048
    context_window: 131072
`,
  );
  const gen = await ccenv(['gen', 'litellm-config', '--profiles', profiles, '-o', join(dir, 'config.yaml')]);
  expect(gen.code, gen.stderr).toBe(0);
  // No routing env var here: the generated config alone must route /v1/messages to chat/completions.
  proxy = await startLiteLLM(join(dir, 'config.yaml'), { TEST_MASTER_KEY: MASTER_KEY, TEST_UPSTREAM_KEY: UPSTREAM_KEY });
}, 180_000);

afterAll(async () => {
  await proxy?.stop();
  await upstream?.stop();
});

/** A user's environment: the functions' inputs, plus a stray Anthropic key and Bedrock switch they must hide. */
function userEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: `${dirname(CLAUDE)}:${dirname(process.execPath)}:/usr/bin:/bin`,
    HOME: home,
    TEST_LITELLM_URL: proxy.url,
    TEST_MASTER_KEY: MASTER_KEY,
    ANTHROPIC_API_KEY: 'sk-ant-api03-FAKE-must-not-reach-claude',
    CLAUDE_CODE_USE_BEDROCK: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
    NO_PROXY: '127.0.0.1,localhost',
  };
}

const scripts = {
  bash: ['bash', ['--noprofile', '--norc', '-c', `eval "$(node ${BIN} shell bash --profiles "$1")" && claude-kimi -p 'Say ok only' --output-format json`, 'bash', '']],
  zsh: ['zsh', ['-f', '-c', `eval "$(node ${BIN} shell zsh --profiles "$1")" && claude-kimi -p 'Say ok only' --output-format json`, 'zsh', '']],
  fish: ['fish', ['--no-config', '-c', `node ${BIN} shell fish --profiles $argv[1] | source; and claude-kimi -p 'Say ok only' --output-format json`, '']],
} as const;

describe('real Claude Code through a generated function and a real LiteLLM proxy', () => {
  it('the generated config loads in LiteLLM and serves /v1/messages for the profile and for Claude Code default ids', async () => {
    const cfg = parse(readFileSync(join(dir, 'config.yaml'), 'utf8'));
    expect(cfg.general_settings.master_key).toBe('os.environ/TEST_MASTER_KEY');
    for (const model of ['kimi-k2.5', 'claude-opus-5-5', 'claude-haiku-5-5']) {
      const before = upstream.chatRequests.length;
      const r = await fetch(`${proxy.url}/v1/messages?beta=true`, {
        method: 'POST',
        headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
        body: JSON.stringify({ model, max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await r.json()) as { content?: Array<{ text: string }> };
      expect(r.status, JSON.stringify(body)).toBe(200);
      expect(body.content?.[0]?.text).toBe('ok from the fake upstream');
      const seen = upstream.chatRequests.slice(before);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.body?.model).toBe('kimi-k2.5-upstream');
      expect(seen[0]!.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);
    }
    expect(upstream.seen.some((r) => r.url.includes('/responses'))).toBe(false);
  });

  for (const [shell, [cmd, args]] of Object.entries(scripts)) {
    it(`${shell}: claude-kimi -p returns the fake upstream's answer`, async () => {
      const home = mkdtempSync(join(tmpdir(), `ccenv-home-${shell}-`));
      const before = upstream.chatRequests.length;
      const argv = [...args];
      argv[argv.length - 1] = profiles;
      const r = await run(cmd, argv, { env: userEnv(home), timeoutMs: 90_000 });
      expect(r.code, `${r.stdout}\n${r.stderr}\n${proxy.logs().slice(-3000)}`).toBe(0);
      const result = JSON.parse(r.stdout) as { result: string; is_error: boolean; modelUsage: Record<string, unknown> };
      expect(result.is_error).toBe(false);
      expect(result.result).toBe('ok from the fake upstream');
      expect(Object.keys(result.modelUsage)).toEqual(['kimi-k2.5']);
      const seen = upstream.chatRequests.slice(before);
      expect(seen.length).toBeGreaterThanOrEqual(1);
      const main = seen.at(-1)!;
      expect(main.body?.model).toBe('kimi-k2.5-upstream');
      // CLAUDE_CODE_MAX_OUTPUT_TOKENS from the profile reached claude, which then asked for exactly that.
      expect(main.body?.max_tokens).toBe(2048);
      expect(main.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);
    });
  }

  it('the function refuses to start claude when the token variable is empty', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ccenv-home-'));
    const before = upstream.seen.length;
    const r = await run('bash', ['--noprofile', '--norc', '-c', `eval "$(node ${BIN} shell bash --profiles "$1")"; claude-kimi -p hi`, 'bash', profiles], {
      env: { ...userEnv(home), TEST_MASTER_KEY: '' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('TEST_MASTER_KEY is empty');
    expect(upstream.seen.length).toBe(before);
  });
});
