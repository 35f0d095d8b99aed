// `ccenv proxy start|status|logs|stop` with the real pinned LiteLLM (the test venv stands in for
// ~/.config/litellm/venv) in a temporary HOME, a fake upstream, and the failure paths: a hand-edited config, a
// LiteLLM that dies at start, a port someone else holds, no LiteLLM at all.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpstream } from '../helpers/fake-upstream.js';
import { freePort } from '../helpers/litellm.js';
import { BIN, VENV } from '../helpers/paths.js';
import { ccenv, run } from '../helpers/run.js';

const KEY = 'sk-proxy-test-FAKE-master';
let upstream: FakeUpstream;

beforeAll(async () => {
  upstream = new FakeUpstream('ok from the proxy test');
  await upstream.start();
});
afterAll(async () => upstream?.stop());

/** A temporary HOME with a profiles file from `ccenv init` (proxy on a free port) and `venv` as the venv. */
async function newHome(venv: string = VENV): Promise<{ home: string; port: number; env: NodeJS.ProcessEnv }> {
  const home = mkdtempSync(join(tmpdir(), 'ccenv-proxy-'));
  const port = await freePort();
  const env = { PATH: process.env.PATH, HOME: home, LITELLM_MASTER_KEY: KEY, EXAMPLE_API_KEY: 'FAKE-upstream-key', NO_PROXY: '127.0.0.1,localhost' };
  const init = await ccenv(['init', '-q', '--preset', 'openai-compatible', '--model', 'kimi-k2.5', '--api-base', upstream.baseUrl, '--api-key-env', 'EXAMPLE_API_KEY', '--port', String(port)], { env });
  expect(init.code, init.stderr).toBe(0);
  mkdirSync(join(home, '.config/litellm'), { recursive: true });
  symlinkSync(venv, join(home, '.config/litellm/venv'));
  return { home, port, env };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('ccenv proxy with the real LiteLLM', () => {
  it('start → status → serves Claude Code–shaped requests → a second start refuses → logs → stop leaves no process', async () => {
    const { home, port, env } = await newHome();
    const started = await ccenv(['proxy', 'start'], { env });
    expect(started.code, started.stderr).toBe(0);
    const m = /^ccenv: LiteLLM running: pid (\d+), (http:\/\/127\.0\.0\.1:\d+), log (.+)\n$/.exec(started.stderr);
    expect(m, started.stderr).not.toBeNull();
    const pid = Number(m![1]);
    expect(m![2]).toBe(`http://127.0.0.1:${port}`);
    expect(m![3]).toBe(join(home, '.local/state/ccenv/litellm.log'));
    for (const f of ['config.yaml', 'litellm.env', 'ccenv_hooks.py']) expect(existsSync(join(home, '.config/litellm', f)), f).toBe(true);
    try {
      const status = await ccenv(['proxy', 'status'], { env });
      expect(status.code).toBe(0);
      expect(status.stdout).toBe(`LiteLLM: running, pid ${pid}, http://127.0.0.1:${port}, litellm 1.108.7; config in ${join(home, '.config/litellm')} matches the profiles\n`);
      const r = await fetch(`http://127.0.0.1:${port}/v1/messages?beta=true`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
        body: JSON.stringify({ model: 'kimi-k2.5', max_tokens: 32000, messages: [{ role: 'user', content: 'Say ok only' }] }),
        signal: AbortSignal.timeout(30_000),
      });
      expect(r.status).toBe(200);
      expect(((await r.json()) as { content: Array<{ text: string }> }).content[0]!.text).toBe('ok from the proxy test');
      const again = await ccenv(['proxy', 'start'], { env });
      expect(again.code).toBe(1);
      expect(again.stderr).toBe(`ccenv: LiteLLM is already running (pid ${pid}, http://127.0.0.1:${port}); not starting a second (ccenv proxy stop first)\n`);
      expect(readFileSync(join(home, '.local/state/ccenv/litellm.pid'), 'utf8')).toBe(`${pid}\n`);
      const logs = await ccenv(['proxy', 'logs', '-n', '200'], { env });
      expect(logs.code).toBe(0);
      expect(logs.stdout).toContain(`Uvicorn running on http://127.0.0.1:${port}`);
    } finally {
      const stopped = await ccenv(['proxy', 'stop'], { env });
      expect(stopped.code).toBe(0);
      expect(stopped.stderr).toBe(`ccenv: stopped LiteLLM (pid ${pid})\n`);
    }
    expect(alive(pid)).toBe(false);
    expect(existsSync(join(home, '.local/state/ccenv/litellm.pid'))).toBe(false);
    const after = await ccenv(['proxy', 'status'], { env });
    expect(after.code).toBe(1);
    expect(after.stdout).toMatch(/^LiteLLM: not running \(started by ccenv\); config in .* matches the profiles\n$/);
    expect((await ccenv(['proxy', 'stop'], { env })).stderr).toBe('ccenv: no LiteLLM started by ccenv is running\n');
  });

  it('a config edited by hand is not overwritten (exit 2, nothing started) unless --force', async () => {
    const { home, env } = await newHome();
    expect((await ccenv(['proxy', 'start'], { env })).code).toBe(0);
    expect((await ccenv(['proxy', 'stop', '-q'], { env })).code).toBe(0);
    const config = join(home, '.config/litellm/config.yaml');
    appendFileSync(config, '# my change\n');
    const edited = readFileSync(config, 'utf8');
    const status = await ccenv(['proxy', 'status'], { env });
    expect(status.stdout).toContain('config.yaml in');
    expect(status.stdout).toContain('differ from what the profiles generate');
    const refused = await ccenv(['proxy', 'start'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`ccenv: ${config}: edited since ccenv wrote it; move the change into the profiles file, or pass --force to replace it\n`);
    expect(readFileSync(config, 'utf8')).toBe(edited);
    expect(existsSync(join(home, '.local/state/ccenv/litellm.pid'))).toBe(false);
    const forced = await ccenv(['proxy', 'start', '--force'], { env });
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(config, 'utf8')).not.toContain('# my change');
    expect((await ccenv(['proxy', 'stop', '-q'], { env })).code).toBe(0);
    // A secret filled into litellm.env where the file invites it is not an edit (the drift rule of --check): the
    // status calls the folder current, and start neither refuses nor overwrites it.
    const envFile = join(home, '.config/litellm/litellm.env');
    writeFileSync(envFile, readFileSync(envFile, 'utf8').replace('# LITELLM_MASTER_KEY=', `LITELLM_MASTER_KEY=${KEY}`));
    const filled = readFileSync(envFile, 'utf8');
    expect(filled).toContain(`\nLITELLM_MASTER_KEY=${KEY}\n`);
    expect((await ccenv(['proxy', 'status'], { env })).stdout).toContain('matches the profiles');
    const withSecret = await ccenv(['proxy', 'start'], { env });
    expect(withSecret.code, withSecret.stderr).toBe(0);
    expect(readFileSync(envFile, 'utf8')).toBe(filled);
    expect((await ccenv(['proxy', 'stop', '-q'], { env })).code).toBe(0);
  });

  it("a LiteLLM that dies at start: exit 1 with the log's last lines, no pid file left", async () => {
    const stub = mkdtempSync(join(tmpdir(), 'ccenv-stub-venv-'));
    mkdirSync(join(stub, 'bin'));
    writeFileSync(join(stub, 'bin/litellm'), '#!/bin/sh\necho "boom: config error on line 3" >&2\nexit 3\n', { mode: 0o755 });
    const { home, env } = await newHome(stub);
    const r = await ccenv(['proxy', 'start', '--timeout', '20000'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`ccenv: LiteLLM exited with 3; the log's last lines (${join(home, '.local/state/ccenv/litellm.log')}):\nboom: config error on line 3\n`);
    expect(existsSync(join(home, '.local/state/ccenv/litellm.pid'))).toBe(false);
  });

  it('a port someone else listens on: exit 1, says so, starts nothing', async () => {
    const { home, port, env } = await newHome();
    const other = createServer();
    await new Promise<void>((r) => other.listen(port, '127.0.0.1', r));
    try {
      const r = await ccenv(['proxy', 'start'], { env });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`ccenv: something else already listens on 127.0.0.1:${port}; not starting LiteLLM there (stop it, or change proxy.base_url)\n`);
      expect(existsSync(join(home, '.local/state/ccenv/litellm.pid'))).toBe(false);
    } finally {
      other.close();
    }
  });

  it('logs -f prints what is appended after the last lines, control characters made visible', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ccenv-logs-'));
    const log = join(home, '.local/state/ccenv/litellm.log');
    mkdirSync(join(home, '.local/state/ccenv'), { recursive: true });
    writeFileSync(log, 'one\ntwo\n');
    const child = spawn(process.execPath, [BIN, 'proxy', 'logs', '-n', '1', '-f'], { env: { PATH: process.env.PATH, HOME: home } });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    try {
      const until = async (want: string) => {
        for (let i = 0; i < 100 && !out.includes(want); i++) await new Promise((r) => setTimeout(r, 100));
      };
      await until('two\n');
      appendFileSync(log, 'three \x1b[2J\n');
      await until('three');
      expect(out).toBe('two\nthree \\x1b[2J\n');
    } finally {
      child.kill();
    }
  });

  it('no LiteLLM in the venv: one line, exit 2', async () => {
    const { home, env } = await newHome(join(tmpdir(), 'ccenv-no-such-venv'));
    const r = await ccenv(['proxy', 'start'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ccenv: ${join(home, '.config/litellm/venv/bin/litellm')}: no LiteLLM here; run ccenv proxy install (or pass --venv DIR)\n`);
  });
});

describe('ccenv proxy install (the real LiteLLM from PyPI; pip cache kept outside the temporary HOME)', () => {
  const pipCache = process.env.PIP_CACHE_DIR ?? join(process.env.HOME ?? tmpdir(), '.cache/pip');
  /** PATH without uv (so the pip path is the one exercised, as on a machine without uv). */
  const PATH = `${join(process.execPath, '..')}:/usr/bin:/bin`;

  it('installs the pins into ~/.config/litellm/venv and verifies them; a second run has nothing to do; proxy start uses it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ccenv-install-'));
    const env = { PATH, HOME: home, PIP_CACHE_DIR: pipCache, LITELLM_MASTER_KEY: KEY, EXAMPLE_API_KEY: 'FAKE-upstream-key', NO_PROXY: '127.0.0.1,localhost' };
    const venv = join(home, '.config/litellm/venv');
    // pip takes a minute or more even from the cache: run() with a bound longer than ccenv()'s 60 s.
    const first = await run(process.execPath, [BIN, 'proxy', 'install'], { env, timeoutMs: 480_000 });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(new RegExp(`^ccenv: installed litellm 1\\.108\\.7 and openai 3\\.57\\.0 in ${venv.replace(/[.]/g, '\\.')}, verified \\(\\d+ s\\); next: ccenv proxy start\\n$`));
    // One constraints source: what install used is what `ccenv gen requirements` writes.
    expect(readFileSync(join(home, '.config/litellm/constraints.txt'), 'utf8')).toBe((await ccenv(['gen', 'requirements'], { env })).stdout);
    const second = await ccenv(['proxy', 'install'], { env });
    expect(second.code).toBe(0);
    expect(second.stderr).toBe(`ccenv: ${venv}: litellm 1.108.7 and openai 3.57.0, verified; nothing to do\n`);
    const port = await freePort();
    expect((await ccenv(['init', '-q', '--preset', 'openai-compatible', '--model', 'kimi-k2.5', '--api-base', upstream.baseUrl, '--api-key-env', 'EXAMPLE_API_KEY', '--port', String(port)], { env })).code).toBe(0);
    const started = await ccenv(['proxy', 'start'], { env });
    expect(started.code, started.stderr).toBe(0);
    expect((await ccenv(['proxy', 'status'], { env })).stdout).toContain('litellm 1.108.7');
    expect((await ccenv(['proxy', 'stop', '-q'], { env })).code).toBe(0);
  }, 600_000);

  it('PyPI unreachable: one line naming it, exit 1, and no half-made venv left', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ccenv-install-'));
    const closed = `http://127.0.0.1:${await freePort()}/simple`;
    const env = { PATH, HOME: home, PIP_CONFIG_FILE: '/dev/null', PIP_INDEX_URL: closed, PIP_CACHE_DIR: join(home, 'empty-cache'), PIP_RETRIES: '0', PIP_TIMEOUT: '2' };
    const r = await ccenv(['proxy', 'install'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ccenv: installing into .*\/\.config\/litellm\/venv failed: ERROR: No matching distribution found for litellm\[proxy\]==1\.108\.7; no package index answered with litellm: PyPI is unreachable from here, or the index pip uses \(PIP_INDEX_URL, pip\.conf\) lacks it; check the network and run it again\n$/);
    expect(existsSync(join(home, '.config/litellm/venv'))).toBe(false);
  }, 120_000);

  it('no python3: one line with the fix, exit 2', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ccenv-install-'));
    const r = await ccenv(['proxy', 'install'], { env: { PATH: join(process.execPath, '..'), HOME: home } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ccenv: python3 not found on PATH; install Python 3 with its venv module (e.g. apt install python3 python3-venv)\n');
  });
});
