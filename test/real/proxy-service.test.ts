// `ccenv proxy start --service` / `stop --service`: CI has neither a user systemd nor launchd, so stand-in
// `systemctl` / `launchctl` (test/fixtures/standins/, first on PATH) record the commands ccenv runs and start the
// unit's ExecStart= (the agent's ProgramArguments) as the manager would — with only the environment the unit
// gives it — so the real pinned LiteLLM runs under them and answers. The unit itself passes systemd-analyze verify.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpstream } from '../helpers/fake-upstream.js';
import { freePort } from '../helpers/litellm.js';
import { ROOT, VENV } from '../helpers/paths.js';
import { proxyHome } from '../helpers/proxy-home.js';
import { alive, ccenv, run } from '../helpers/run.js';

const KEY = 'sk-service-test-FAKE-master';
let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = new FakeUpstream('ok from the service');
  await upstream.start();
});
afterAll(async () => upstream?.stop());


/** A temporary HOME with profiles from `ccenv init`, the test venv as ~/.config/litellm/venv, and the stand-ins first on PATH. */
async function newHome(extra: NodeJS.ProcessEnv = {}) {
  const { home, port, env } = await proxyHome({
    upstream: upstream.baseUrl,
    key: KEY,
    prefix: 'ccenv-service-',
    env: (h) => {
      mkdirSync(join(h, 'standin'));
      return { PATH: `${join(ROOT, 'test/fixtures/standins')}:${process.env.PATH}`, STANDIN_LOG: join(h, 'standin/calls'), STANDIN_STATE: join(h, 'standin'), ...extra };
    },
  });
  const calls = () => (existsSync(env.STANDIN_LOG!) ? readFileSync(env.STANDIN_LOG!, 'utf8') : '');
  /** Fill the secrets into litellm.env, where a service manager's LiteLLM reads them. */
  const fill = () => {
    const f = join(home, '.config/litellm/litellm.env');
    writeFileSync(f, readFileSync(f, 'utf8').replace('# LITELLM_MASTER_KEY=', `LITELLM_MASTER_KEY=${KEY}`).replace('# EXAMPLE_API_KEY=', 'EXAMPLE_API_KEY=FAKE-upstream-key'), { mode: 0o600 });
  };
  return { home, port, env, calls, fill };
}

async function ask(port: number): Promise<string> {
  const r = await fetch(`http://127.0.0.1:${port}/v1/messages?beta=true`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
    body: JSON.stringify({ model: 'kimi-k2.5', max_tokens: 32000, messages: [{ role: 'user', content: 'Say ok only' }] }),
    signal: AbortSignal.timeout(30_000),
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { content: Array<{ text: string }> }).content[0]!.text;
}

describe('ccenv proxy start --service with systemd (stand-in systemctl)', () => {
  it('secrets not in litellm.env: exit 2 naming them, the folder written to fill in, no unit installed', async () => {
    const { home, env, calls } = await newHome();
    const r = await ccenv(['proxy', 'start', '--service', '--manager', 'systemd'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ccenv: ${home}/.config/litellm/litellm.env: LITELLM_MASTER_KEY, EXAMPLE_API_KEY not set there; a service manager does not pass your shell's variables: fill in those lines (NAME=value, chmod 600), then run ccenv proxy start --service again\n`);
    expect(readFileSync(join(home, '.config/litellm/litellm.env'), 'utf8')).toContain('# EXAMPLE_API_KEY=\n');
    expect(existsSync(join(home, '.config/systemd/user/litellm.service'))).toBe(false);
    expect(calls()).toBe('');
  });

  it('installs the unit, starts it through systemctl --user, LiteLLM answers; status, doctor, a second start; stop --service removes it', async () => {
    const { home, port, env, calls, fill } = await newHome();
    expect((await ccenv(['gen', 'litellm', '--dir', join(home, '.config/litellm'), '-q'], { env })).code).toBe(0);
    fill();
    const unit = join(home, '.config/systemd/user/litellm.service');
    const started = await ccenv(['proxy', 'start', '--service', '--manager', 'systemd'], { env });
    expect(started.code, `${started.stderr}\n${existsSync(join(home, '.local/state/ccenv/litellm.log')) ? readFileSync(join(home, '.local/state/ccenv/litellm.log'), 'utf8').slice(-1500) : ''}`).toBe(0);
    const m = /^ccenv: LiteLLM running under systemd \(litellm\.service\): pid (\d+), http:\/\/127\.0\.0\.1:(\d+), log (.+); it starts again at login \(ccenv proxy stop --service removes it\)\n$/.exec(started.stderr);
    expect(m, started.stderr).not.toBeNull();
    const pid = Number(m![1]);
    try {
      expect(Number(m![2])).toBe(port);
      expect(m![3]).toBe(join(home, '.local/state/ccenv/litellm.log'));
      expect(calls()).toBe('systemctl --user daemon-reload\nsystemctl --user enable --now litellm.service\nsystemctl --user show -p MainPID --value litellm.service\n');
      const text = readFileSync(unit, 'utf8');
      expect(text).toContain(`EnvironmentFile=-${home}/.config/litellm/litellm.env\n`);
      expect(text).toContain(`StandardOutput=append:${home}/.local/state/ccenv/litellm.log\n`);
      expect(text).toContain(`ExecStart=${home}/.config/litellm/venv/bin/litellm --config ${home}/.config/litellm/config.yaml --host 127.0.0.1 --port ${port}\n`);
      expect(text).not.toContain(KEY);
      const verify = await run('systemd-analyze', ['verify', '--man=no', unit]);
      expect(verify.stderr.split('\n').filter((l) => l.includes('litellm.service'))).toEqual([]);
      expect(await ask(port)).toBe('ok from the service');
      const status = await ccenv(['proxy', 'status', '--manager', 'systemd'], { env });
      expect(status.stdout).toBe(`LiteLLM: running, pid ${pid} under systemd (litellm.service), http://127.0.0.1:${port}, litellm 1.108.7; config in ${home}/.config/litellm matches the profiles\n`);
      const doctor = await ccenv(['doctor', '--offline', '--json', 'proxy-started'], { env });
      const check = (JSON.parse(doctor.stdout) as { checks: Array<{ code: string; status: string; message: string }> }).checks.find((c) => c.code === 'proxy-started');
      expect(check).toMatchObject({ status: 'ok', message: `pid ${pid} (under the service manager) serves ${home}/.config/litellm/config.yaml, which matches the profiles` });
      const again = await ccenv(['proxy', 'start', '--service', '--manager', 'systemd'], { env });
      expect(again.code).toBe(1);
      expect(again.stderr).toBe(`ccenv: LiteLLM is already running (pid ${pid} under systemd (litellm.service), http://127.0.0.1:${port}); not starting a second (ccenv proxy stop --service first)\n`);
      const plainStop = await ccenv(['proxy', 'stop', '--manager', 'systemd'], { env });
      expect(plainStop.stderr).toBe(`ccenv: LiteLLM runs under systemd (litellm.service) (pid ${pid}): ccenv proxy stop --service stops it\n`);
    } finally {
      writeFileSync(env.STANDIN_LOG!, '');
      const stopped = await ccenv(['proxy', 'stop', '--service', '--manager', 'systemd'], { env });
      expect(stopped.code, stopped.stderr).toBe(0);
      expect(stopped.stderr).toBe(`ccenv: stopped LiteLLM under systemd (litellm.service) (pid ${pid}) and removed ${unit}\n`);
    }
    expect(calls()).toBe('systemctl --user show -p MainPID --value litellm.service\nsystemctl --user disable --now litellm.service\nsystemctl --user daemon-reload\n');
    expect(existsSync(unit)).toBe(false);
    expect(alive(pid)).toBe(false);
    expect((await ccenv(['proxy', 'stop', '--service', '--manager', 'systemd'], { env })).stderr).toBe(`ccenv: no LiteLLM service installed by ccenv (${unit} does not exist)\n`);
  });

  it('no user session (systemctl cannot reach the bus): one line with the fix, exit 1, no unit left behind', async () => {
    const { home, env, fill } = await newHome({ STANDIN_FAIL: 'bus' });
    expect((await ccenv(['gen', 'litellm', '--dir', join(home, '.config/litellm'), '-q'], { env })).code).toBe(0);
    fill();
    const r = await ccenv(['proxy', 'start', '--service', '--manager', 'systemd'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('ccenv: systemctl --user daemon-reload failed: Failed to connect to bus: No medium found; systemctl --user needs a user session (on a server: loginctl enable-linger $USER); or run ccenv proxy start without --service\n');
    expect(existsSync(join(home, '.config/systemd/user/litellm.service'))).toBe(false);
  });

  it("a litellm.service that ccenv did not write: start refuses to replace it (exit 2), stop refuses to remove it", async () => {
    const { home, env, calls, fill } = await newHome();
    expect((await ccenv(['gen', 'litellm', '--dir', join(home, '.config/litellm'), '-q'], { env })).code).toBe(0);
    fill();
    const unit = join(home, '.config/systemd/user/litellm.service');
    mkdirSync(join(home, '.config/systemd/user'), { recursive: true });
    writeFileSync(unit, '[Service]\nExecStart=/usr/bin/my-own-litellm\n');
    const start = await ccenv(['proxy', 'start', '--service', '--manager', 'systemd'], { env });
    expect(start.code).toBe(2);
    expect(start.stderr).toBe(`ccenv: ${unit}: edited since ccenv wrote it; move the change into the profiles file, or pass --force to replace it\n`);
    const stop = await ccenv(['proxy', 'stop', '--service', '--manager', 'systemd'], { env });
    expect(stop.code).toBe(2);
    expect(stop.stderr).toBe(`ccenv: ${unit}: not written by ccenv; not touching it (stop it with systemctl yourself)\n`);
    expect(readFileSync(unit, 'utf8')).toBe('[Service]\nExecStart=/usr/bin/my-own-litellm\n');
    expect(calls()).not.toMatch(/enable|disable/);
  });
});

describe('ccenv proxy start --service with launchd (stand-in launchctl)', () => {
  it('installs the agent, bootstraps it in gui/UID, LiteLLM answers; stop --service boots it out and removes the plist', async () => {
    const { home, port, env, calls, fill } = await newHome();
    expect((await ccenv(['gen', 'litellm', '--dir', join(home, '.config/litellm'), '-q'], { env })).code).toBe(0);
    fill();
    const uid = process.getuid!();
    const plist = join(home, 'Library/LaunchAgents/dev.ccenv.litellm.plist');
    const started = await ccenv(['proxy', 'start', '--service', '--manager', 'launchd'], { env });
    expect(started.code, started.stderr).toBe(0);
    const pid = Number(/pid (\d+)/.exec(started.stderr)![1]);
    try {
      expect(started.stderr).toMatch(/^ccenv: LiteLLM running under launchd \(dev\.ccenv\.litellm\): pid \d+, /);
      expect(calls()).toBe(`launchctl bootstrap gui/${uid} ${plist}\nlaunchctl print gui/${uid}/dev.ccenv.litellm\n`);
      // The agent parses as a plist and holds no secret value.
      const parsed = spawnSync('python3', ['-c', 'import plistlib,sys,json; print(json.dumps(plistlib.load(open(sys.argv[1],"rb"))))', plist], { encoding: 'utf8' });
      const agent = JSON.parse(parsed.stdout) as { ProgramArguments: string[]; StandardOutPath: string };
      expect(agent.ProgramArguments.slice(0, 2)).toEqual(['/bin/sh', '-c']);
      expect(agent.StandardOutPath).toBe(join(home, '.local/state/ccenv/litellm.log'));
      expect(readFileSync(plist, 'utf8')).not.toContain(KEY);
      expect(await ask(port)).toBe('ok from the service');
    } finally {
      const stopped = await ccenv(['proxy', 'stop', '--service', '--manager', 'launchd'], { env });
      expect(stopped.code, stopped.stderr).toBe(0);
    }
    expect(calls()).toContain(`launchctl bootout gui/${uid}/dev.ccenv.litellm\n`);
    expect(existsSync(plist)).toBe(false);
    expect(alive(pid)).toBe(false);
  });
});
