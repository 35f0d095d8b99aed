// README's walkthrough, step by step, in a temporary HOME: `ccenv init --preset … --model …`, `ccenv gen requirements`, the pinned
// LiteLLM (the test venv stands in for ~/.config/litellm/venv), `ccenv proxy start` (the proxy files, LiteLLM
// started with the generated env file on 127.0.0.1), `eval "$(ccenv shell bash)"` in a real bash, then `ccenv doctor --strict`:
// the setup the walkthrough produces is doctor-clean — no failure and no warning.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpstream } from '../helpers/fake-upstream.js';
import { freePort } from '../helpers/litellm.js';
import { BIN, CLAUDE, VENV } from '../helpers/paths.js';
import { ccenv, run } from '../helpers/run.js';

const KEY = 'sk-walkthrough-FAKE-master';
let home: string;
let upstream: FakeUpstream;
let pid: number | undefined;
let proxyLog: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'ccenv-walk-'));
  upstream = new FakeUpstream('ok from the walkthrough');
  await upstream.start();
  const bin = join(home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'ccenv'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
  env = {
    PATH: `${bin}:${dirname(CLAUDE)}:${dirname(process.execPath)}:/usr/bin:/bin`,
    HOME: home,
    LITELLM_MASTER_KEY: KEY,
    EXAMPLE_API_KEY: 'FAKE-upstream-key',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
    NO_PROXY: '127.0.0.1,localhost',
  };
  // 1. ccenv init for the user's provider (here: the fake upstream), as a script would run it.
  const init = await ccenv(['init', '--preset', 'openai-compatible', '--model', 'kimi-k2.5', '--api-base', upstream.baseUrl, '--api-key-env', 'EXAMPLE_API_KEY', '--context-window', '262144', '--max-output-tokens', '16384', '--port', String(await freePort())], { env });
  expect(init.code, init.stderr).toBe(0);
  // 2. the pinned LiteLLM in ~/.config/litellm/venv (the test venv, already installed from the same pins).
  expect((await ccenv(['gen', 'requirements', '-o', join(home, '.config/litellm/constraints.txt')], { env })).code).toBe(0);
  symlinkSync(VENV, join(home, '.config/litellm/venv'));
  // 3. ccenv proxy start: the proxy files, and LiteLLM started with the generated env file.
  const start = await ccenv(['proxy', 'start'], { env });
  expect(start.code, start.stderr).toBe(0);
  pid = Number(/pid (\d+)/.exec(start.stderr)![1]);
  proxyLog = join(home, '.local/state/ccenv/litellm.log');
}, 240_000);

afterAll(async () => {
  if (pid) {
    // 6. ccenv proxy stop leaves no process behind.
    expect((await ccenv(['proxy', 'stop', '-q'], { env })).code).toBe(0);
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch {
      alive = false;
    }
    expect(alive).toBe(false);
  }
  await upstream?.stop();
});

describe("README's walkthrough", () => {
  it('ends doctor-clean: ccenv doctor --strict in a shell that loaded the functions reports no failure and no warning', async () => {
    const r = await run('bash', ['--noprofile', '--norc', '-c', 'eval "$(ccenv shell bash)" && type -t claude-kimi && ccenv doctor --strict --json'], { env, timeoutMs: 60_000 });
    const report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { checks: Array<{ code: string; status: string; message: string; diagnosis: string | null }> };
    expect(report.checks.filter((c) => c.status === 'fail' || c.status === 'warn')).toEqual([]);
    expect(r.stdout.startsWith('function\n')).toBe(true);
    expect(r.code).toBe(0);
    const byCode = Object.fromEntries(report.checks.map((c) => [c.code, c.status]));
    // The version comes from the authenticated readiness details (the public answer carries none in 1.108.7).
    expect(report.checks.find((c) => c.code === 'proxy')!.message).toMatch(/^LiteLLM at http:\/\/localhost:\d+ \(v1\.108\.7, ready\)$/);
    expect(byCode).toMatchObject({ profiles: 'ok', claude: 'ok', shell: 'ok', proxy: 'ok', key: 'ok', models: 'ok', 'context-window': 'ok', messages: 'ok', stream: 'ok', 'litellm-compromised': 'ok', 'proxy-process': 'ok' });
  });

  it("then claude-kimi -p answers through the real Claude Code with the fake upstream's text", async () => {
    const before = upstream.chatRequests.length;
    const r = await run('bash', ['--noprofile', '--norc', '-c', `eval "$(ccenv shell bash)" && claude-kimi -p 'Say ok only' --output-format json`], { env, timeoutMs: 90_000 });
    expect(r.code, `${r.stdout}\n${r.stderr}\n${readFileSync(proxyLog, 'utf8').slice(-2000)}`).toBe(0);
    const result = JSON.parse(r.stdout) as { result: string; is_error: boolean };
    expect(result.is_error).toBe(false);
    expect(result.result).toBe('ok from the walkthrough');
    expect(upstream.chatRequests.length).toBeGreaterThan(before);
  });
});
