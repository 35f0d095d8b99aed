// `npm run bench:doctor`: a full `ccenv doctor` run on a healthy local setup (real LiteLLM proxy, fake upstream,
// every check including the live probes) against Node's own start-up, medians of repeated runs.
// Target (issue 11): ≤ 400 ms beyond Node's start-up, as the difference of medians measured side by side.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeUpstream } from '../test/helpers/fake-upstream.js';
import { startLiteLLM, type Proxy } from '../test/helpers/litellm.js';
import { BIN, CLAUDE } from '../test/helpers/paths.js';
import { run } from '../test/helpers/run.js';

let upstream: FakeUpstream;
let proxy: Proxy;
let dir: string;
const KEY = 'sk-bench-FAKE';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ccenv-bench-'));
  upstream = new FakeUpstream('ok');
  await upstream.start();
  writeFileSync(join(dir, 'profiles.yaml'), `proxy: { base_url: "http://127.0.0.1:9", base_url_env: BENCH_URL, auth_token_env: BENCH_KEY }
profiles:
  healthy: { model: healthy-model, fix_usage: true, context_window: 131072, max_output_tokens: 4096, upstream: { model: openai/h, api_base: "${upstream.baseUrl}", api_key_env: BENCH_UP } }
`);
  execFileSync(process.execPath, [BIN, 'gen', 'litellm', '--dir', join(dir, 'lite'), '--profiles', join(dir, 'profiles.yaml')], { stdio: 'ignore' });
  proxy = await startLiteLLM(join(dir, 'lite/config.yaml'), { BENCH_KEY: KEY, BENCH_UP: 'FAKE' });
});

afterAll(async () => {
  await proxy?.stop();
  await upstream?.stop();
});

/** Median wall time (ms) of `runs` runs after one warm-up; spawned asynchronously so the fake upstream in this process keeps answering. */
async function median(cmd: string, args: string[], env: NodeJS.ProcessEnv, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    const r = await run(cmd, args, { env });
    if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}:\n${r.stdout}${r.stderr}`);
    if (i > 0) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

it('a full doctor run on a healthy setup: ≤ 400 ms beyond Node start-up', async () => {
  const env = { PATH: `${dirname(CLAUDE)}:/usr/bin:/bin`, HOME: dir, CCENV_SHELL: 'bash', BENCH_URL: proxy.url, BENCH_KEY: KEY };
  const node = await median(process.execPath, ['-e', '0'], env, 10);
  const doctor = await median(process.execPath, [BIN, 'doctor', '--strict', '--profiles', join(dir, 'profiles.yaml')], env, 5);
  const line = `doctor (healthy, all checks, live probes): median ${doctor.toFixed(0)} ms; node -e 0: ${node.toFixed(0)} ms; doctor beyond Node start-up: ${(doctor - node).toFixed(0)} ms (target ≤ 400 ms)`;
  process.stdout.write(`\n${line}\n`);
  writeFileSync(join(process.cwd(), '.cache/bench-doctor.txt'), `${line}\n`);
  expect(doctor - node).toBeLessThan(400);
});
