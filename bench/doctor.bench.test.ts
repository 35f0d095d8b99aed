// `npm run bench:doctor`: a full `ccenv doctor` run on a healthy local setup (real LiteLLM proxy, fake upstream,
// every check including the live probes) against Node's own start-up, medians of repeated runs.
// Target (issue 11): ≤ 400 ms beyond Node's start-up, as the difference of medians measured side by side.
// And (issue 17): drawing the path — the hops, the terminal chain, the HTML page — costs ≤ 5 % of that run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeUpstream } from '../test/helpers/fake-upstream.js';
import { startLiteLLM, type Proxy } from '../test/helpers/litellm.js';
import { BIN, CLAUDE } from '../test/helpers/paths.js';
import { run } from '../test/helpers/run.js';
import { renderChain, type Hop } from '../src/doctor/hops.js';
import { renderHtml } from '../src/doctor/html.js';
import type { Finding } from '../src/doctor/report.js';

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

it('drawing the path (hops, the terminal chain, the HTML page) adds ≤ 5 % to a doctor run', async () => {
  const env = { PATH: `${dirname(CLAUDE)}:/usr/bin:/bin`, HOME: dir, CCENV_SHELL: 'bash', BENCH_URL: proxy.url, BENCH_KEY: KEY };
  const args = [BIN, 'doctor', '--profiles', join(dir, 'profiles.yaml')];
  const doctor = await median(process.execPath, args, env, 5);
  // The same run's findings and hops, drawn in this process again and again: the drawing's own cost per run.
  const report = JSON.parse((await run(process.execPath, [...args, '--json'], { env })).stdout) as { checks: Finding[]; hops: Hop[] };
  const findings = report.checks.map((c) => ({ ...c, diagnosis: c.diagnosis ?? undefined, fix: c.fix ?? undefined, profile: c.profile ?? undefined })) as Finding[];
  const n = 200;
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    renderChain(report.hops, findings, true, (_s, x) => x);
    renderChain(report.hops, findings, false);
    renderHtml(report.hops, findings, { ccenv: 'x', time: 'now' });
  }
  const drawing = (performance.now() - t) / n;
  const line = `drawing (chain fancy + plain + HTML page): ${drawing.toFixed(2)} ms per run against a doctor run of ${doctor.toFixed(0)} ms: ${((100 * drawing) / doctor).toFixed(2)} % (target ≤ 5 %)`;
  process.stdout.write(`\n${line}\n`);
  writeFileSync(join(process.cwd(), '.cache/bench-drawing.txt'), `${line}\n`);
  expect(drawing / doctor).toBeLessThanOrEqual(0.05);
});
