// `npm run bench:doctor` also runs this: time to first byte of a large, Claude Code-sized streaming /v1/messages
// request (~400 kB of system, messages and tools) through a real LiteLLM proxy, with the generated hook
// (fix_usage: the usage repair and its input estimate) and without it, side by side in one run, medians of
// alternating requests. Target (issue 11): with the hook ≤ 1.10 × without.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeUpstream } from '../test/helpers/fake-upstream.js';
import { startLiteLLM, type Proxy } from '../test/helpers/litellm.js';
import { BIN } from '../test/helpers/paths.js';

let upstream: FakeUpstream;
let hooked: Proxy;
let plain: Proxy;
const KEY = 'sk-bench-FAKE';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccenv-bench-hook-'));
  upstream = new FakeUpstream('ok');
  await upstream.start();
  writeFileSync(join(dir, 'profiles.yaml'), `proxy: { auth_token_env: BENCH_KEY }
profiles:
  k: { model: k, fix_usage: true, upstream: { model: openai/k, api_base: "${upstream.baseUrl}", api_key_env: BENCH_UP } }
`);
  execFileSync(process.execPath, [BIN, 'gen', 'litellm', '--dir', join(dir, 'lite'), '--profiles', join(dir, 'profiles.yaml')], { stdio: 'ignore' });
  const cfg = parse(readFileSync(join(dir, 'lite/config.yaml'), 'utf8'));
  delete cfg.litellm_settings.callbacks;
  writeFileSync(join(dir, 'lite/plain.yaml'), stringify(cfg));
  [hooked, plain] = await Promise.all([
    startLiteLLM(join(dir, 'lite/config.yaml'), { BENCH_KEY: KEY, BENCH_UP: 'FAKE' }),
    startLiteLLM(join(dir, 'lite/plain.yaml'), { BENCH_KEY: KEY, BENCH_UP: 'FAKE' }),
  ]);
});

afterAll(async () => {
  await Promise.all([hooked?.stop(), plain?.stop(), upstream?.stop()]);
});

/** A Claude Code-sized request: a long system prompt, a long conversation with code, a dozen tools. */
function bigRequest(): Record<string, unknown> {
  const code = 'function add(a, b) {\n  return a + b; // adds two numbers\n}\n'.repeat(60);
  return {
    model: 'k',
    max_tokens: 32000,
    stream: true,
    system: [{ type: 'text', text: 'You are Claude Code, a coding agent. Follow the user instructions carefully. '.repeat(600) }],
    messages: Array.from({ length: 40 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: [{ type: 'text', text: `Step ${i}:\n${code}` }] })).concat([{ role: 'user', content: [{ type: 'text', text: 'go on' }] }]),
    tools: Array.from({ length: 12 }, (_, i) => ({ name: `tool_${i}`, description: 'Runs a thing and returns its output. '.repeat(40), input_schema: { type: 'object', properties: { arg: { type: 'string' } } } })),
  };
}

/** Milliseconds until the first byte of the answer body. */
async function ttfb(url: string, body: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${url}/v1/messages`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', 'anthropic-version': '2023-06-01' }, body });
  const reader = res.body!.getReader();
  await reader.read();
  const ms = performance.now() - t;
  await reader.cancel();
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

it('time to first byte with the hook ≤ 1.10 × without, on a Claude Code-sized stream', async () => {
  const body = JSON.stringify(bigRequest());
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 3; i++) await Promise.all([ttfb(hooked.url, body), ttfb(plain.url, body)]); // warm-up
  for (let i = 0; i < 30; i++) {
    a.push(await ttfb(hooked.url, body));
    b.push(await ttfb(plain.url, body));
  }
  const ratio = median(a) / median(b);
  const line = `hook TTFB (${(body.length / 1024).toFixed(0)} kB request): with hook ${median(a).toFixed(1)} ms, without ${median(b).toFixed(1)} ms, ratio ${ratio.toFixed(2)} (target ≤ 1.10)`;
  process.stdout.write(`\n${line}\n`);
  writeFileSync(join(process.cwd(), '.cache/bench-hook.txt'), `${line}\n`);
  expect(ratio).toBeLessThan(1.1);
});
