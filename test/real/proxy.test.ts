// `ccenv proxy start|status|logs|stop` with the real pinned LiteLLM (the test venv stands in for
// ~/.config/litellm/venv) in a temporary HOME, a fake upstream, and the failure paths: a hand-edited config, a
// LiteLLM that dies at start, a port someone else holds, no LiteLLM at all.
import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpstream } from '../helpers/fake-upstream.js';
import { freePort } from '../helpers/litellm.js';
import { BIN, VENV } from '../helpers/paths.js';
import { proxyHome } from '../helpers/proxy-home.js';
import { alive, ccenv, run } from '../helpers/run.js';

const KEY = 'sk-proxy-test-FAKE-master';
let upstream: FakeUpstream;

beforeAll(async () => {
  upstream = new FakeUpstream('ok from the proxy test');
  await upstream.start();
});
afterAll(async () => upstream?.stop());

/** A temporary HOME with a profiles file from `ccenv init` (proxy on a free port) and `venv` as the venv. */
const newHome = (venv?: string) => proxyHome({ upstream: upstream.baseUrl, key: KEY, prefix: 'ccenv-proxy-', venv });

/** doctor's proxy-started check, offline: {status, diagnosis, message}. */
async function startedCheck(env: NodeJS.ProcessEnv) {
  const r = await ccenv(['doctor', '--offline', '--json', 'proxy-started'], { env });
  const c = (JSON.parse(r.stdout) as { checks: Array<{ code: string; status: string; diagnosis: string | null; message: string }> }).checks.find((x) => x.code === 'proxy-started')!;
  return { status: c.status, diagnosis: c.diagnosis, message: c.message };
}


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
      // doctor finds it by the pid file and compares the folder it serves with the profiles…
      expect(await startedCheck(env)).toEqual({ status: 'ok', diagnosis: null, message: `pid ${pid} serves ${home}/.config/litellm/config.yaml, which matches the profiles` });
      // …and tells when the profiles changed since it started (here: a smaller context window).
      const profiles = join(home, '.config/ccenv/profiles.yaml');
      const before = readFileSync(profiles, 'utf8');
      writeFileSync(profiles, before.replace('# context_window: 131072', 'context_window: 65536'));
      expect(readFileSync(profiles, 'utf8')).not.toBe(before);
      expect(await startedCheck(env)).toEqual({ status: 'warn', diagnosis: 'proxy-config-drift', message: `pid ${pid} serves ${home}/.config/litellm/config.yaml, but config.yaml in its folder differ from what the profiles generate now` });
      writeFileSync(profiles, before);
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

  it('a proxy that died after it started: doctor says the pid file names a process that is gone; start starts it again', async () => {
    const { home, env } = await newHome();
    const started = await ccenv(['proxy', 'start'], { env });
    expect(started.code, started.stderr).toBe(0);
    const pid = Number(/pid (\d+)/.exec(started.stderr)![1]);
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await startedCheck(env)).toEqual({ status: 'warn', diagnosis: 'proxy-stopped', message: `${home}/.local/state/ccenv/litellm.pid names pid ${pid}, which no longer runs LiteLLM: the proxy ccenv started has stopped` });
    const again = await ccenv(['proxy', 'start'], { env });
    expect(again.code, again.stderr).toBe(0);
    expect((await ccenv(['proxy', 'stop', '-q'], { env })).code).toBe(0);
    expect((await startedCheck(env)).status).toBe('skip');
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
    // The profiles gain a provider with a key of its own: start rewrites litellm.env (a new secret line), keeps the
    // secret filled in (quoted, as `set -a; .` reads it), its mode, and LiteLLM gets the value without the quotes.
    chmodSync(envFile, 0o600);
    writeFileSync(envFile, readFileSync(envFile, 'utf8').replace('# EXAMPLE_API_KEY=', 'EXAMPLE_API_KEY="FAKE-quoted-upstream-key"'));
    const profiles = join(home, '.config/ccenv/profiles.yaml');
    writeFileSync(profiles, `${readFileSync(profiles, 'utf8')}  glm:\n    model: glm-5\n    upstream: { model: openai/glm-5, api_base: "${upstream.baseUrl}", api_key_env: GLM_KEY }\n`);
    const grown = await ccenv(['proxy', 'start'], { env: { ...env, GLM_KEY: 'FAKE-glm' } });
    expect(grown.code, grown.stderr).toBe(0);
    try {
      const text = readFileSync(envFile, 'utf8');
      expect(text).toContain(`\nLITELLM_MASTER_KEY=${KEY}\n`);
      expect(text).toContain('\nEXAMPLE_API_KEY="FAKE-quoted-upstream-key"\n');
      expect(text).toContain('\n# GLM_KEY=\n');
      expect(statSync(envFile).mode & 0o777).toBe(0o600);
      const before = upstream.chatRequests.length;
      const r = await fetch(`http://127.0.0.1:${(await ccenv(['proxy', 'status'], { env })).stdout.match(/127\.0\.0\.1:(\d+)/)![1]}/v1/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
        body: JSON.stringify({ model: 'kimi-k2.5', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] }),
        signal: AbortSignal.timeout(30_000),
      });
      expect(r.status).toBe(200);
      expect(upstream.chatRequests.slice(before).at(-1)!.headers.authorization).toBe('Bearer FAKE-quoted-upstream-key');
    } finally {
      expect((await ccenv(['proxy', 'stop', '-q'], { env })).code).toBe(0);
    }
  }, 150_000); // starts LiteLLM four times (60 s was too tight with other work on 2 cores)

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

  it("a proxy URL on another machine: one line, exit 2, nothing started (a shared gateway is not ccenv proxy's)", async () => {
    const { home, env } = await newHome();
    const profiles = join(home, '.config/ccenv/profiles.yaml');
    writeFileSync(profiles, readFileSync(profiles, 'utf8').replace(/base_url: .*/, 'base_url: https://gw.example.com'));
    const r = await ccenv(['proxy', 'start'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("ccenv: the proxy URL https://gw.example.com is another machine's: ccenv proxy runs LiteLLM on this one (for a shared gateway, see ccenv gen deploy)\n");
    expect(existsSync(join(home, '.config/litellm/config.yaml'))).toBe(false);
  });

  it('without ps on PATH (a slim image), stop and status still answer in one line', async () => {
    const { home, env } = await newHome();
    mkdirSync(join(home, '.local/state/ccenv'), { recursive: true });
    writeFileSync(join(home, '.local/state/ccenv/litellm.pid'), `${process.pid}\n`);
    writeFileSync(join(home, '.local/state/ccenv/litellm-written.json'), '{not json');
    const bare = { ...env, PATH: dirname(process.execPath) };
    const stop = await ccenv(['proxy', 'stop'], { env: bare });
    expect(stop).toMatchObject({ code: 0, stderr: 'ccenv: no LiteLLM started by ccenv is running\n' });
    const status = await ccenv(['proxy', 'status'], { env: bare });
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/^LiteLLM: not running \(started by ccenv\); /);
    expect(status.stderr).toBe('');
  });

  it('no LiteLLM in the venv: one line, exit 2', async () => {
    const { home, env } = await newHome(join(tmpdir(), 'ccenv-no-such-venv'));
    const r = await ccenv(['proxy', 'start'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ccenv: ${join(home, '.config/litellm/venv/bin/litellm')}: no LiteLLM here; run ccenv proxy install (or pass --venv DIR)\n`);
  });
});

describe('ccenv proxy install: failures, --upgrade, progress (the real install from PyPI is in walkthrough.test.ts)', () => {
  /** PATH without uv (so the pip path is the one exercised, as on a machine without uv). */
  const PATH = `${join(process.execPath, '..')}:/usr/bin:/bin`;

  it('PyPI unreachable: one line naming it, exit 1, and no half-made venv left', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ccenv-install-'));
    const closed = `http://127.0.0.1:${await freePort()}/simple`;
    const env = { PATH, HOME: home, PIP_CONFIG_FILE: '/dev/null', PIP_INDEX_URL: closed, PIP_CACHE_DIR: join(home, 'empty-cache'), PIP_RETRIES: '0', PIP_TIMEOUT: '2' };
    const r = await ccenv(['proxy', 'install'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ccenv: installing into .*\/\.config\/litellm\/venv failed: ERROR: No matching distribution found for litellm\[proxy\]==1\.108\.7; no package index answered with litellm: PyPI is unreachable from here, or the index pip uses \(PIP_INDEX_URL, pip\.conf\) lacks it; check the network and run it again\n$/);
    expect(existsSync(join(home, '.config/litellm/venv'))).toBe(false);
  }, 120_000);

  /** A venv holding a litellm `version` dist-info, as an earlier install would leave it. */
  function venvWith(home: string, version: string): string {
    const venv = join(home, '.config/litellm/venv');
    mkdirSync(join(home, '.config/litellm'), { recursive: true });
    expect(spawnSync('python3', ['-m', 'venv', venv]).status).toBe(0);
    const lib = readdirSync(join(venv, 'lib'))[0]!;
    const dist = join(venv, 'lib', lib, 'site-packages', `litellm-${version}.dist-info`);
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'METADATA'), `Metadata-Version: 2.1\nName: litellm\nVersion: ${version}\n`);
    return venv;
  }
  const unreachable = async (home: string) => ({ PATH, HOME: home, PIP_CONFIG_FILE: '/dev/null', PIP_INDEX_URL: `http://127.0.0.1:${await freePort()}/simple`, PIP_CACHE_DIR: join(home, 'empty-cache'), PIP_RETRIES: '0', PIP_TIMEOUT: '2' });

  it('a venv with an older litellm: left alone without --upgrade; --upgrade moves it to the pin (and a failure keeps the venv)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ccenv-install-'));
    const venv = venvWith(home, '1.100.5');
    const env = await unreachable(home);
    const plain = await ccenv(['proxy', 'install'], { env });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(new RegExp(`^ccenv: ${venv} holds litellm 1\\.100\\.5(, which [\\w-]+ covers)?, older than ccenv's pin 1\\.108\\.7; ccenv proxy install --upgrade moves it to the pin\\n$`));
    const up = await ccenv(['proxy', 'install', '--upgrade'], { env });
    expect(up.code).toBe(1);
    const lines = up.stderr.split('\n');
    expect(lines[0]).toBe(`ccenv: moving ${venv} from litellm 1.100.5 to 1.108.7`);
    expect(lines[1]).toMatch(/^ccenv: installing into .* failed: .*; no package index answered with litellm/);
    expect(existsSync(join(venv, 'bin/python')), 'a venv that was there before is not removed').toBe(true);
  }, 120_000);

  it('a venv with a newer litellm is never downgraded, with or without --upgrade', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ccenv-install-'));
    const venv = venvWith(home, '1.200.0');
    for (const args of [['proxy', 'install'], ['proxy', 'install', '--upgrade']]) {
      const r = await ccenv(args, { env: await unreachable(home) });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`ccenv: ${venv} holds litellm 1.200.0, newer than ccenv's pin 1.108.7; not downgrading it — keep it (ccenv doctor checks it), or rm -rf ${venv} and run ccenv proxy install again\n`);
    }
  });

  it('on a terminal: a progress line per phase with the elapsed time (piped, only the result line: see above)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ccenv-install-'));
    const env = await unreachable(home);
    const r = await run('script', ['-qec', `${process.execPath} ${BIN} proxy install`, '/dev/null'], { env: { ...env, TERM: 'dumb' }, timeoutMs: 120_000 });
    const out = r.stdout.replace(/\r/g, '');
    expect(out).toMatch(new RegExp(`^ccenv: creating ${home}/\\.config/litellm/venv \\(\\d+\\.\\d s\\)\\nccenv: installing litellm\\[proxy\\]==1\\.108\\.7 and openai==3\\.57\\.0 \\(\\d+\\.\\d s\\)\\nccenv: installing into `));
  }, 120_000);

  it('a pin that an advisory (here: one in the advisories cache, as `ccenv advisories --update` writes it) marks critical: refused, exit 2, no venv', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ccenv-install-'));
    mkdirSync(join(home, '.cache/ccenv'), { recursive: true });
    const record = { id: 'GHSA-test-pin0-0000', modified: '2026-12-01T00:00:00Z', summary: 'test advisory over the pin', database_specific: { severity: 'CRITICAL' }, affected: [{ package: { ecosystem: 'PyPI', name: 'litellm' }, versions: ['1.108.7'] }] };
    writeFileSync(join(home, '.cache/ccenv/advisories.json'), JSON.stringify({ fetched: '2026-12-01T00:00:00Z', source: 'test', records: [record] }));
    const r = await ccenv(['proxy', 'install'], { env: { PATH, HOME: home } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ccenv: litellm 1.108.7 (the pin) is covered by GHSA-test-pin0-0000; refusing to install it — upgrade ccenv for a newer pin\n');
    expect(existsSync(join(home, '.config/litellm/venv'))).toBe(false);
  });

  it('no python3: one line with the fix, exit 2', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ccenv-install-'));
    const r = await ccenv(['proxy', 'install'], { env: { PATH: join(process.execPath, '..'), HOME: home } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ccenv: python3 not found on PATH; install Python 3 with its venv module (e.g. apt install python3 python3-venv)\n');
  });
});
