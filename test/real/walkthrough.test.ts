// README's walkthrough — the four commands — as a newcomer runs them, in a temporary HOME: `ccenv init --preset …
// --model …`, `ccenv proxy install` (the real litellm[proxy] from PyPI into ~/.config/litellm/venv; pip's cache is
// kept outside the temporary HOME so CI downloads it once), `ccenv proxy start` (the proxy files, LiteLLM started
// with the generated env file on 127.0.0.1), `eval "$(ccenv shell bash)"` in a real bash; then `ccenv doctor
// --strict` is clean — no failure and no warning — the real Claude Code answers through claude-kimi, and
// `ccenv proxy stop` leaves no process behind.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpstream } from '../helpers/fake-upstream.js';
import { freePort } from '../helpers/litellm.js';
import { BIN, CLAUDE, ROOT } from '../helpers/paths.js';
import { alive, ccenv, run } from '../helpers/run.js';

const KEY = 'sk-walkthrough-FAKE-master';
let home: string;
let upstream: FakeUpstream;
let pid: number | undefined;
let proxyLog: string;
let env: NodeJS.ProcessEnv;
let port: number;
/** pip's cache, outside the temporary HOME (CI keeps it between runs). */
const PIP_CACHE = process.env.PIP_CACHE_DIR ?? join(process.env.HOME ?? tmpdir(), '.cache/pip');

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'ccenv-walk-'));
  upstream = new FakeUpstream('ok from the walkthrough');
  await upstream.start();
  const bin = join(home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'ccenv'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
  env = {
    // No uv on this PATH: the pip path is the one exercised.
    PATH: `${bin}:${dirname(CLAUDE)}:${dirname(process.execPath)}:/usr/bin:/bin`,
    HOME: home,
    LITELLM_MASTER_KEY: KEY,
    EXAMPLE_API_KEY: 'FAKE-upstream-key',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
    NO_PROXY: '127.0.0.1,localhost',
  };
  // 1. ccenv init for the user's provider (here: the fake upstream), as README's four commands run it (plus a free
  // port: 4000 may be taken on a CI machine).
  port = await freePort();
  const init = await ccenv(['init', '--preset', 'openai-compatible', '--model', 'kimi-k2.5', '--api-base', upstream.baseUrl, '--api-key-env', 'EXAMPLE_API_KEY', '--port', String(port)], { env });
  expect(init.code, init.stderr).toBe(0);
  // 2. ccenv proxy install: the pinned LiteLLM from PyPI (pip, as on a machine without uv), verified.
  const venv = join(home, '.config/litellm/venv');
  const install = await run(process.execPath, [BIN, 'proxy', 'install'], { env: { ...env, PIP_CACHE_DIR: PIP_CACHE }, timeoutMs: 480_000 });
  expect(install.code, install.stderr).toBe(0);
  expect(install.stderr).toMatch(new RegExp(`^ccenv: installed litellm 1\\.108\\.7 and openai 3\\.57\\.0 in ${venv.replace(/[.]/g, '\\.')}, verified \\(\\d+ s\\); next: ccenv proxy start\\n$`));
  // 3. ccenv proxy start: the proxy files, and LiteLLM started with the generated env file.
  const start = await ccenv(['proxy', 'start'], { env });
  expect(start.code, start.stderr).toBe(0);
  pid = Number(/pid (\d+)/.exec(start.stderr)![1]);
  proxyLog = join(home, '.local/state/ccenv/litellm.log');
}, 600_000);

afterAll(async () => {
  if (pid) {
    // 6. ccenv proxy stop leaves no process behind.
    expect((await ccenv(['proxy', 'stop', '-q'], { env })).code).toBe(0);
    expect(alive(pid)).toBe(false);
  }
  await upstream?.stop();
});

describe("README's walkthrough", () => {
  it('proxy install: one constraints source (what it used is what gen requirements writes); a second run finds its stamp and has nothing to do', async () => {
    expect(readFileSync(join(home, '.config/litellm/constraints.txt'), 'utf8')).toBe((await ccenv(['gen', 'requirements'], { env })).stdout);
    const second = await ccenv(['proxy', 'install'], { env });
    expect(second.code).toBe(0);
    expect(second.stderr).toBe(`ccenv: ${join(home, '.config/litellm/venv')}: litellm 1.108.7 and openai 3.57.0, verified; nothing to do\n`);
  });

  it('after the four commands doctor reports no failure; the one warning left is context-window-unset, which README explains', async () => {
    const r = await run('bash', ['--noprofile', '--norc', '-c', 'eval "$(ccenv shell bash)" && type -t claude-kimi && ccenv doctor --json'], { env, timeoutMs: 60_000 });
    const report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { checks: Array<{ code: string; status: string; message: string; diagnosis: string | null }> };
    expect(r.stdout.startsWith('function\n')).toBe(true);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(r.code).toBe(0);
    expect(report.checks.filter((c) => c.status === 'warn').map((c) => c.diagnosis)).toEqual(['context-window-unset']);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/^\| `context-window-unset` \| /m);
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

  it("doing what that warning's fix says (context_window), the running proxy is found out of date; restarted, doctor --strict is clean", async () => {
    const init = await ccenv(['init', '-q', '--force', '--preset', 'openai-compatible', '--model', 'kimi-k2.5', '--api-base', upstream.baseUrl, '--api-key-env', 'EXAMPLE_API_KEY', '--context-window', '262144', '--max-output-tokens', '16384', '--port', String(port)], { env });
    expect(init.code, init.stderr).toBe(0);
    const stale = JSON.parse((await ccenv(['doctor', '--offline', '--json', 'proxy-started'], { env })).stdout) as { checks: Array<{ code: string; status: string; diagnosis: string | null }> };
    expect(stale.checks.find((c) => c.code === 'proxy-started')).toMatchObject({ status: 'warn', diagnosis: 'proxy-config-drift' });
    expect((await ccenv(['proxy', 'stop', '-q'], { env })).code).toBe(0);
    const start = await ccenv(['proxy', 'start'], { env });
    expect(start.code, start.stderr).toBe(0);
    pid = Number(/pid (\d+)/.exec(start.stderr)![1]);
    const r = await run('bash', ['--noprofile', '--norc', '-c', 'eval "$(ccenv shell bash)" && ccenv doctor --strict --json'], { env, timeoutMs: 60_000 });
    const report = JSON.parse(r.stdout) as { checks: Array<{ code: string; status: string; message: string; diagnosis: string | null }> };
    expect(report.checks.filter((c) => c.status === 'fail' || c.status === 'warn')).toEqual([]);
    expect(r.code).toBe(0);
    const byCode = Object.fromEntries(report.checks.map((c) => [c.code, c.status]));
    // The version comes from the authenticated readiness details (the public answer carries none in 1.108.7).
    expect(report.checks.find((c) => c.code === 'proxy')!.message).toMatch(/^LiteLLM at http:\/\/localhost:\d+ \(v1\.108\.7, ready\)$/);
    expect(byCode).toMatchObject({ profiles: 'ok', claude: 'ok', shell: 'ok', proxy: 'ok', key: 'ok', models: 'ok', 'context-window': 'ok', messages: 'ok', stream: 'ok', 'litellm-compromised': 'ok', 'proxy-process': 'ok', 'proxy-started': 'ok' });
  });
});
