import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { proxyUrlOf, secretEnvNames } from '../profiles/derive.js';
import { loadProfiles, profilesPath } from '../profiles/load.js';
import type { ProfilesConfig } from '../profiles/types.js';
import { UserError } from '../util/errors.js';
import type { Io } from '../util/io.js';
import { printable } from '../util/text.js';
import { writeFileAtomic, writeFilesAtomic } from '../util/write.js';
import { folderDrift, homeOf, liteLLMFiles, processAlive, proxyFolder, proxyState, readWritten, sameAsGenerated, unfillSecrets } from '../gen/proxy-folder.js';
import { renderLaunchd, renderRequirements, renderSystemd, serviceDefaults, type ServiceOptions } from '../gen/service.js';
import { VERSION } from '../version.js';

/** Arguments of `ccenv proxy start|stop|status|logs`. */
export interface ProxyArgs {
  profiles?: string;
  /** The proxy folder (config.yaml, litellm.env, the hook); default `~/.config/litellm`. */
  dir?: string;
  /** The LiteLLM venv; default `<dir>/venv` (the layout doctor knows). */
  venv?: string;
  force?: boolean;
  foreground?: boolean;
  /** start/stop through the service manager (a systemd user unit, or a launchd agent on macOS). */
  service?: boolean;
  /** Which service manager `--service` uses; default launchd on macOS, else systemd. */
  manager?: ManagerName;
  /** ms to wait for /health/readiness (start) or for the process to end (stop). */
  timeout?: number;
  /** logs: lines to print (default 50); follow: keep printing what is appended. */
  lines?: number;
  follow?: boolean;
  quiet?: boolean;
}

type ManagerName = 'systemd' | 'launchd';

/** The launchd domain of this user's GUI session (`gui/<uid>`). */
const GUI = `gui/${process.getuid?.() ?? 501}`;

/**
 * The two service managers `--service` drives, as data: the file it installs (the `ccenv gen systemd|launchd`
 * text), the commands that start and stop it, and how to ask for its pid. Commands from systemctl(1)
 * (https://www.freedesktop.org/software/systemd/man/latest/systemctl.html) and launchctl(1) on macOS 11+
 * (bootstrap/bootout/print, https://ss64.com/mac/launchctl.html).
 */
const MANAGERS: Record<ManagerName, {
  cmd: string;
  label: string;
  file: (env: NodeJS.ProcessEnv) => string;
  render: (cfg: ProfilesConfig, o: ServiceOptions, version: string) => string;
  start: (file: string) => string[][];
  stop: string[][];
  /** After the file is removed (systemd re-reads its units). */
  forget: string[][];
  status: string[];
  pid: (statusOut: string) => number | undefined;
  fix: string;
}> = {
  systemd: {
    cmd: 'systemctl',
    label: 'systemd (litellm.service)',
    file: (env) => join(env.XDG_CONFIG_HOME || join(homeOf(env), '.config'), 'systemd/user/litellm.service'),
    render: renderSystemd,
    start: () => [['--user', 'daemon-reload'], ['--user', 'enable', '--now', 'litellm.service']],
    stop: [['--user', 'disable', '--now', 'litellm.service']],
    forget: [['--user', 'daemon-reload']],
    status: ['--user', 'show', '-p', 'MainPID', '--value', 'litellm.service'],
    pid: (out) => (Number(out.trim()) > 0 ? Number(out.trim()) : undefined),
    fix: 'systemctl --user needs a user session (on a server: loginctl enable-linger $USER); or run ccenv proxy start without --service',
  },
  launchd: {
    cmd: 'launchctl',
    label: 'launchd (dev.ccenv.litellm)',
    file: (env) => join(homeOf(env), 'Library/LaunchAgents/dev.ccenv.litellm.plist'),
    render: renderLaunchd,
    start: (file) => [['bootstrap', GUI, file]],
    stop: [['bootout', `${GUI}/dev.ccenv.litellm`]],
    forget: [],
    status: ['print', `${GUI}/dev.ccenv.litellm`],
    pid: (out) => {
      const m = /^\s*pid = (\d+)$/m.exec(out);
      return m ? Number(m[1]) : undefined;
    },
    fix: 'launchctl needs your GUI session (run it from a logged-in terminal); or run ccenv proxy start without --service',
  },
};

const manager = (a: ProxyArgs) => MANAGERS[a.manager ?? (process.platform === 'darwin' ? 'launchd' : 'systemd')];

/** Run one service-manager command; undefined when it worked, else its last line of output. @throws UserError when the command is not installed */
function managerRun(cmd: string, args: string[], env: NodeJS.ProcessEnv): string | undefined {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env, timeout: 30_000 });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new UserError(`${cmd} not found on PATH: --service needs ${cmd === 'launchctl' ? 'launchd (macOS)' : "systemd's user manager"}; run ccenv proxy start without --service`);
  if (r.status === 0) return undefined;
  return printable(`${r.stderr}\n${r.stdout}`.trim().split('\n').filter(Boolean).at(-1) ?? `exit ${r.status ?? r.signal}`, 300);
}

/** The pid of the LiteLLM the service manager runs from ccenv's unit, when its file is installed and it runs. */
function servicePid(m: (typeof MANAGERS)[ManagerName], env: NodeJS.ProcessEnv): number | undefined {
  if (!existsSync(m.file(env))) return undefined;
  const r = spawnSync(m.cmd, m.status, { encoding: 'utf8', env, timeout: 10_000 });
  return r.status === 0 ? m.pid(r.stdout) : undefined;
}

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/**
 * The port of the proxy URL the functions use (base_url_env's value when set, else base_url): its explicit port,
 * else 80/443 by scheme. `ccenv proxy` runs LiteLLM on this machine only.
 * @throws UserError (exit 2) when that URL names another host (a shared gateway: see ccenv gen deploy)
 */
function portOf(cfg: ProfilesConfig, env: NodeJS.ProcessEnv): number {
  const { url, from } = proxyUrlOf(cfg, env);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UserError(`${from} (${printable(url, 200)}) is not a URL`);
  }
  if (!['localhost', '127.0.0.1', '[::1]', '0.0.0.0'].includes(u.hostname)) throw new UserError(`the proxy URL ${printable(url, 200)} is another machine's: ccenv proxy runs LiteLLM on this one (for a shared gateway, see ccenv gen deploy)`);
  return Number(u.port || (u.protocol === 'https:' ? 443 : 80));
}

/** The pid in the pid file when that process is alive and is a litellm; else undefined (a stale file is removed). */
function runningPid(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (Number.isInteger(pid) && pid > 1 && commandLine(pid).includes('litellm')) return pid;
  rmSync(pidFile, { force: true });
  return undefined;
}

/** A process's command line: /proc/<pid>/cmdline (Linux), else `ps -o command=` (macOS); '' when it is gone or neither can tell. */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).stdout ?? '';
  }
}

/** True when something accepts TCP connections on 127.0.0.1:port within 1 s. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port, timeout: 1_000 });
    const done = (v: boolean) => {
      s.destroy();
      resolve(v);
    };
    s.once('connect', () => done(true)).once('error', () => done(false)).once('timeout', () => done(false));
  });
}

/** Poll GET `url`/health/readiness every 300 ms until it answers 2xx (true), `gone()` turns true, or `ms` pass (false). */
async function ready(url: string, ms: number, gone: () => boolean): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && !gone()) {
    try {
      if ((await fetch(`${url}/health/readiness`, { signal: AbortSignal.timeout(2_000) })).ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

/** The KEY=VALUE lines of litellm.env by name: each value as a shell reads it, and the line as written (comments and blank lines skipped). */
function envLines(text: string): Map<string, { value: string; line: string }> {
  const out = new Map<string, { value: string; line: string }>();
  for (const line of text.split('\n')) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m) continue;
    const v = m[2]!.trim();
    // As `set -a; .` and systemd's EnvironmentFile read it: one pair of surrounding quotes is not part of the value.
    out.set(m[1]!, { value: /^(["']).*\1$/.test(v) && v.length >= 2 ? v.slice(1, -1) : v, line });
  }
  return out;
}

/** The values of litellm.env's KEY=VALUE lines. */
const envFile = (text: string): Record<string, string> => Object.fromEntries([...envLines(text)].map(([k, { value }]) => [k, value]));

/** The last `n` lines of the log, printable (at most 64 KiB read). */
function tail(log: string, n: number): string {
  if (!existsSync(log)) return '';
  const buf = readFileSync(log);
  const text = buf.subarray(Math.max(0, buf.length - 65_536)).toString('utf8');
  return text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1).slice(-n).map((l) => printable(l, 2_000)).join('\n');
}

/** One file `proxy start` owns: where, its gen target (for the drift rule), and what ccenv writes there now. */
interface Owned {
  path: string;
  target: string;
  text: string;
}

/**
 * Write the files ccenv owns (the proxy folder, and the service file with --service), all or none. A file that
 * already holds what ccenv generates (the drift rule of `--check`: up to ccenv's version and secrets filled into
 * litellm.env) is left as it is. A file that differs both from that and from what ccenv last wrote there (sha256
 * kept in the state folder) was edited by hand: refuse without --force, before anything is written.
 * @returns the paths that did not exist before (a failed start removes them again)
 * @throws UserError (exit 2) naming the edited file
 */
function writeOwned(owned: readonly Owned[], cfg: ProfilesConfig, force: boolean | undefined, writtenFile: string): string[] {
  const written = readWritten(writtenFile);
  const fresh = owned.filter((f) => !existsSync(f.path)).map((f) => f.path);
  // Secrets filled into litellm.env are the user's, not an edit: compared without them, and carried into the new text.
  const names = secretEnvNames(cfg);
  const bare = (f: Owned, text: string) => (f.target === 'env' ? unfillSecrets(text, names) : text);
  const out: Array<{ path: string; text: string; mode?: number }> = [];
  const stale = owned.filter((f) => {
    if (!existsSync(f.path)) {
      out.push({ path: f.path, text: f.text });
      return true;
    }
    const current = readFileSync(f.path, 'utf8');
    if (sameAsGenerated(f.target, cfg, current, f.text)) return false;
    // What ccenv wrote is recorded without secrets (bare), so this one comparison holds with them filled in or not.
    if (!force && written[f.path] !== sha(bare(f, current))) throw new UserError(`${printable(f.path)}: edited since ccenv wrote it; move the change into the profiles file, or pass --force to replace it`);
    const filled = f.target === 'env' ? envLines(current) : new Map<string, { value: string; line: string }>();
    const text = f.text.replace(/^# ([A-Za-z_][A-Za-z0-9_]*)=$/gm, (line, k: string) => (names.includes(k) && filled.get(k)?.value ? filled.get(k)!.line : line));
    out.push({ path: f.path, text, ...(text !== f.text ? { mode: statSync(f.path).mode & 0o777 } : {}) });
    return true;
  });
  writeFilesAtomic(out, { force: true });
  for (const f of stale) written[f.path] = sha(bare(f, f.text));
  writeFileAtomic(writtenFile, `${JSON.stringify(written, null, 2)}\n`, { force: true });
  return fresh;
}

/** The proxy folder's files as {@link Owned} entries. */
function folderFiles(dir: string, cfg: ProfilesConfig, io: Io): Owned[] {
  const { files, notes } = liteLLMFiles(cfg);
  for (const note of notes) io.err(`ccenv: note: ${note}\n`);
  return files.map(([name, text, target]) => ({ path: join(dir, name), target, text }));
}

/**
 * `ccenv proxy start`: regenerate the proxy folder from the profiles, start LiteLLM from `<venv>/bin/litellm` on
 * 127.0.0.1 and the port of proxy.base_url with litellm.env in its environment and the hook's folder on
 * PYTHONPATH, wait (bounded) for GET /health/readiness, print pid, URL and log path. Exit 1 with the log's last
 * lines when it does not come up; a proxy already on the port is reported, never a second one started.
 * With `--service`: install the systemd user unit (or launchd agent) and start it through the service manager.
 * @throws UserError (exit 2): no LiteLLM in the venv, a hand-edited file, bad profiles, no service manager
 */
export async function proxyStart(a: ProxyArgs, io: Io): Promise<number> {
  const cfg = loadProfiles(profilesPath(a.profiles, io.env).path);
  const dir = proxyFolder(io.env, a.dir);
  const litellm = join(a.venv ?? join(dir, 'venv'), 'bin/litellm');
  if (!existsSync(litellm)) throw new UserError(`${printable(litellm)}: no LiteLLM here; run ccenv proxy install (or pass --venv DIR)`);
  const st = proxyState(io.env);
  const port = portOf(cfg, io.env);
  const url = `http://127.0.0.1:${port}`;
  const m = manager(a);
  const pid = runningPid(st.pid);
  const svc = servicePid(m, io.env);
  if (pid || svc) {
    io.err(`ccenv: LiteLLM is already running (pid ${pid ?? svc}${svc ? ` under ${m.label}` : ''}, ${url}); not starting a second (ccenv proxy stop${svc ? ' --service' : ''} first)\n`);
    return 1;
  }
  if (await listening(port)) {
    io.err(`ccenv: something else already listens on 127.0.0.1:${port}; not starting LiteLLM there (stop it, or change proxy.base_url)\n`);
    return 1;
  }
  mkdirSync(st.dir, { recursive: true });
  const timeout = a.timeout ?? 120_000;
  if (a.service) {
    const o: ServiceOptions = { ...serviceDefaults(cfg), litellm, config: join(dir, 'config.yaml'), port, service: { envFile: join(dir, 'litellm.env'), log: st.log } };
    const unit = m.file(io.env);
    writeOwned(folderFiles(dir, cfg, io), cfg, a.force, st.written);
    // A service manager starts LiteLLM with its own environment, not this shell's: the secrets must be in the env file.
    const envPath = join(dir, 'litellm.env');
    const filled = envFile(readFileSync(envPath, 'utf8'));
    const missing = secretEnvNames(cfg).filter((k) => !filled[k]);
    if (missing.length) throw new UserError(`${printable(envPath)}: ${missing.join(', ')} not set there; a service manager does not pass your shell's variables: fill in those lines (NAME=value, chmod 600), then run ccenv proxy start --service again`);
    const fresh = writeOwned([{ path: unit, target: m.cmd === 'systemctl' ? 'systemd' : 'launchd', text: m.render(cfg, o, VERSION) }], cfg, a.force, st.written);
    const undo = () => {
      for (const c of m.stop) managerRun(m.cmd, c, io.env);
      if (fresh.includes(unit)) rmSync(unit, { force: true });
      for (const c of m.forget) managerRun(m.cmd, c, io.env);
    };
    for (const c of m.start(unit)) {
      const why = managerRun(m.cmd, c, io.env);
      if (why !== undefined) {
        undo();
        io.err(`ccenv: ${m.cmd} ${c.join(' ')} failed: ${why}; ${m.fix}\n`);
        return 1;
      }
    }
    if (await ready(url, timeout, () => false)) {
      if (!a.quiet) io.err(`ccenv: LiteLLM running under ${m.label}: pid ${servicePid(m, io.env) ?? '?'}, ${url}, log ${printable(st.log)}; it starts again at login (ccenv proxy stop --service removes it)\n`);
      return 0;
    }
    undo();
    io.err(`ccenv: LiteLLM under ${m.label} did not answer ${url}/health/readiness within ${timeout} ms; removed the service again; the log's last lines (${printable(st.log)}):\n${tail(st.log, 20)}\n`);
    return 1;
  }
  writeOwned(folderFiles(dir, cfg, io), cfg, a.force, st.written);
  const env = { ...io.env, ...envFile(readFileSync(join(dir, 'litellm.env'), 'utf8')), PYTHONPATH: [dir, io.env.PYTHONPATH].filter(Boolean).join(':') };
  const args = ['--config', join(dir, 'config.yaml'), '--host', '127.0.0.1', '--port', String(port)];
  if (a.foreground) {
    const child = spawn(litellm, args, { env, stdio: 'inherit' });
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  }
  const log = openSync(st.log, 'a');
  const child = spawn(litellm, args, { env, stdio: ['ignore', log, log], detached: true });
  closeSync(log);
  child.unref();
  writeFileAtomic(st.pid, `${child.pid}\n`, { force: true });
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? 1));
  if (await ready(url, timeout, () => exited !== null)) {
    if (!a.quiet) io.err(`ccenv: LiteLLM running: pid ${child.pid}, ${url}, log ${printable(st.log)}\n`);
    return 0;
  }
  if (exited === null) child.kill('SIGTERM');
  rmSync(st.pid, { force: true });
  io.err(`ccenv: LiteLLM ${exited === null ? `did not answer ${url}/health/readiness within ${timeout} ms` : `exited with ${exited}`}; the log's last lines (${printable(st.log)}):\n${tail(st.log, 20)}\n`);
  return 1;
}

/**
 * `ccenv proxy stop`: end the LiteLLM that `proxy start` started (SIGTERM, then SIGKILL after `timeout` ms).
 * With `--service`: stop and disable ccenv's unit (or agent) and remove its file — only a file ccenv wrote.
 * @throws UserError (exit 2): the service file there was not written by ccenv; no service manager
 */
export async function proxyStop(a: ProxyArgs, io: Io): Promise<number> {
  const st = proxyState(io.env);
  if (a.service) {
    const m = manager(a);
    const unit = m.file(io.env);
    if (!existsSync(unit)) {
      io.err(`ccenv: no LiteLLM service installed by ccenv (${printable(unit)} does not exist)\n`);
      return 0;
    }
    const written = readWritten(st.written);
    const text = readFileSync(unit, 'utf8');
    if (written[unit] !== sha(text) && !/generated by ccenv /.test(text)) throw new UserError(`${printable(unit)}: not written by ccenv; not touching it (stop it with ${m.cmd} yourself)`);
    const pid = servicePid(m, io.env);
    for (const c of m.stop) {
      const why = managerRun(m.cmd, c, io.env);
      if (why !== undefined) {
        io.err(`ccenv: ${m.cmd} ${c.join(' ')} failed: ${why}; ${m.fix}\n`);
        return 1;
      }
    }
    rmSync(unit, { force: true });
    delete written[unit];
    writeFileAtomic(st.written, `${JSON.stringify(written, null, 2)}\n`, { force: true });
    for (const c of m.forget) managerRun(m.cmd, c, io.env);
    if (!a.quiet) io.err(`ccenv: stopped LiteLLM under ${m.label}${pid ? ` (pid ${pid})` : ''} and removed ${printable(unit)}\n`);
    return 0;
  }
  const pid = runningPid(st.pid);
  if (!pid) {
    const svc = servicePid(manager(a), io.env);
    io.err(svc ? `ccenv: LiteLLM runs under ${manager(a).label} (pid ${svc}): ccenv proxy stop --service stops it\n` : 'ccenv: no LiteLLM started by ccenv is running\n');
    return 0;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + (a.timeout ?? 10_000);
  while (processAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (processAlive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(st.pid, { force: true });
  if (!a.quiet) io.err(`ccenv: stopped LiteLLM (pid ${pid})\n`);
  return 0;
}

/**
 * `ccenv proxy status`: running or not (exit 0 / 1); pid (started by ccenv, or under ccenv's service unit), URL,
 * the LiteLLM version /health/readiness/details reports, and whether the proxy folder holds what the profiles
 * would generate now.
 */
export async function proxyStatus(a: ProxyArgs, io: Io): Promise<number> {
  const cfg = loadProfiles(profilesPath(a.profiles, io.env).path);
  const dir = proxyFolder(io.env, a.dir);
  const stale = folderDrift(dir, cfg);
  const config = stale.length ? `${stale.join(', ')} in ${printable(dir)} differ from what the profiles generate (ccenv proxy stop; ccenv proxy start)` : `config in ${printable(dir)} matches the profiles`;
  const m = manager(a);
  const own = runningPid(proxyState(io.env).pid);
  const svc = own ? undefined : servicePid(m, io.env);
  if (!own && !svc) {
    io.out(`LiteLLM: not running (started by ccenv); ${config}\n`);
    return 1;
  }
  const url = `http://127.0.0.1:${portOf(cfg, io.env)}`;
  // The public /health/readiness carries no version since LiteLLM 1.10x; the authenticated details do
  // (observed with litellm 1.108.7: /health/readiness/details behind the master key).
  const key = io.env[cfg.proxy.authTokenEnv];
  let version = `version unknown (no answer from /health/readiness/details${key ? '' : `; $${cfg.proxy.authTokenEnv} is not set`})`;
  try {
    const r = await fetch(`${url}/health/readiness/details`, { headers: key ? { authorization: `Bearer ${key}` } : {}, signal: AbortSignal.timeout(a.timeout ?? 5_000) });
    const v = ((await r.json()) as { litellm_version?: unknown }).litellm_version;
    if (typeof v === 'string') version = `litellm ${printable(v, 40)}`;
  } catch {
    /* keep "unknown" */
  }
  io.out(`LiteLLM: running, pid ${own ?? svc}${svc ? ` under ${m.label}` : ''}, ${url}, ${version}; ${config}\n`);
  return 0;
}

/** `ccenv proxy logs [-n N] [-f]`: the log's last lines; with -f, what is appended after, until interrupted. */
export async function proxyLogs(a: ProxyArgs, io: Io): Promise<number> {
  const { log } = proxyState(io.env);
  if (!existsSync(log)) throw new UserError(`${printable(log)}: no log yet (ccenv proxy start writes it)`);
  const text = tail(log, a.lines ?? 50);
  if (text) io.out(`${text}\n`);
  if (!a.follow) return 0;
  let offset = statSync(log).size;
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const size = statSync(log).size;
    if (size < offset) offset = 0; // truncated or replaced: follow the new file from its start
    if (size > offset) {
      // Only the bytes appended since the last look (at most 64 KiB a time), not the whole log again.
      const buf = Buffer.alloc(Math.min(size - offset, 65_536));
      const fd = openSync(log, 'r');
      try {
        offset += readSync(fd, buf, 0, buf.length, offset);
      } finally {
        closeSync(fd);
      }
      io.out(`${buf.toString('utf8').split('\n').map((l) => printable(l, 2_000)).join('\n')}`);
    }
  }
}

/**
 * `ccenv proxy install [--venv DIR] [--upgrade]`: create the LiteLLM venv (default `~/.config/litellm/venv`) and
 * install `litellm[proxy]` and openai with the constraints `ccenv gen requirements` writes (uv when on PATH, else
 * `python3 -m venv` + pip), then verify as doctor does: the versions installed are the pins and outside every
 * advisory, no `litellm_init.pth`, and `import litellm.proxy.proxy_server` works. A stamp in the venv records
 * what was verified (keyed by the constraints and the venv's dist-info and .pth names, so a dropped-in litellm_init.pth voids it), so a second run with nothing to do
 * returns at once. A venv this command created and could not finish is removed. An existing venv holding an older
 * litellm is moved to the pin only with `upgrade` (the pin is the newest release ccenv verified, outside every
 * advisory); one holding a newer litellm is never downgraded.
 * @throws UserError (exit 2): no python3 (or no venv module), pins that an advisory covers
 * @returns 0 installed and verified; 1 the install or a verification failed, or the venv holds another litellm
 *   that `upgrade` does not (or may not) move (the line says which and the fix)
 */
export async function proxyInstall(a: ProxyArgs & { upgrade?: boolean }, io: Io): Promise<number> {
  const [{ PINNED }, { loadAdvisoryData, advisoriesFor }, { compareVersions }, { venvAt, importCheck }] = await Promise.all([
    import('../knowledge/litellm.js'),
    import('../advisories/data.js'),
    import('../advisories/osv.js'),
    import('../doctor/installs.js'),
  ]);
  const venv = a.venv ?? join(proxyFolder(io.env, a.dir), 'venv');
  const constraints = renderRequirements(VERSION);
  const data = loadAdvisoryData(io.env);
  for (const pkg of ['litellm', 'openai'] as const) {
    const hit = advisoriesFor(data, pkg, PINNED[pkg]).find((h) => h.kind === 'compromised' || h.severity === 'critical' || h.severity === 'high');
    if (hit) throw new UserError(`${pkg} ${PINNED[pkg]} (the pin) is covered by ${hit.id}; refusing to install it — upgrade ccenv for a newer pin`);
  }
  const stampFile = join(venv, '.ccenv-verified.json');
  const key = () => {
    const env = venvAt(venv);
    return sha(`${constraints}\n${env.sitePackages.flatMap((s) => (existsSync(s) ? readdirSync(s).filter((n) => n.endsWith('.dist-info') || n.endsWith('.pth')) : [])).sort().join('\n')}`);
  };
  if (!a.upgrade && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === key()) {
    if (!a.quiet) io.err(`ccenv: ${printable(venv)}: litellm ${PINNED.litellm} and openai ${PINNED.openai}, verified; nothing to do\n`);
    return 0;
  }
  // An existing venv with another litellm: only --upgrade moves it, and only up to the pin (never down).
  const had = existsSync(join(venv, 'bin/python')) ? venvAt(venv).litellm?.version : undefined;
  if (had && had !== PINNED.litellm) {
    const order = compareVersions(had, PINNED.litellm);
    const hit = advisoriesFor(data, 'litellm', had)[0];
    const covered = hit ? `, which ${hit.id} covers` : '';
    if (order > 0) {
      io.err(`ccenv: ${printable(venv)} holds litellm ${printable(had, 40)}${covered}, newer than ccenv's pin ${PINNED.litellm}; not downgrading it — keep it (ccenv doctor checks it), or rm -rf ${printable(venv)} and run ccenv proxy install again\n`);
      return 1;
    }
    if (!a.upgrade) {
      io.err(`ccenv: ${printable(venv)} holds litellm ${printable(had, 40)}${covered}, older than ccenv's pin ${PINNED.litellm}; ccenv proxy install --upgrade moves it to the pin\n`);
      return 1;
    }
    if (!a.quiet) io.err(`ccenv: moving ${printable(venv)} from litellm ${printable(had, 40)} to ${PINNED.litellm}\n`);
  }
  const t0 = Date.now();
  const phase = (what: string) => {
    if (!a.quiet && process.stderr.isTTY) io.err(`ccenv: ${what} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
  };
  const created = !existsSync(join(venv, 'bin/python'));
  const uv = spawnSync('uv', ['--version'], { encoding: 'utf8' }).status === 0;
  const fail = (line: string): number => {
    if (created) rmSync(venv, { recursive: true, force: true });
    io.err(`ccenv: ${line}\n`);
    return 1;
  };
  mkdirSync(join(venv, '..'), { recursive: true });
  const cFile = join(venv, '..', 'constraints.txt');
  writeFileAtomic(cFile, constraints, { force: true });
  if (created) {
    phase(`creating ${printable(venv)}${uv ? ' with uv' : ''}`);
    const mk = uv ? spawnSync('uv', ['venv', '-q', venv], { encoding: 'utf8' }) : spawnSync('python3', ['-m', 'venv', venv], { encoding: 'utf8' });
    if (mk.error) throw new UserError(`python3 not found on PATH; install Python 3 with its venv module (e.g. apt install python3 python3-venv)`);
    if (mk.status !== 0) {
      rmSync(venv, { recursive: true, force: true });
      const why = printable((mk.stderr || mk.stdout).trim().split('\n').at(-1) ?? '', 300);
      throw new UserError(/ensurepip|venv/.test(mk.stderr) ? `python3 cannot create a venv (${why}); install the venv module (e.g. apt install python3-venv)` : `cannot create ${printable(venv)}: ${why}`);
    }
  }
  phase(`installing litellm[proxy]==${PINNED.litellm} and openai==${PINNED.openai}`);
  const py = join(venv, 'bin/python');
  const pkgs = [`litellm[proxy]==${PINNED.litellm}`, `openai==${PINNED.openai}`];
  const pip = uv
    ? spawnSync('uv', ['pip', 'install', '-q', '--python', py, ...pkgs, '-c', cFile], { encoding: 'utf8', env: io.env })
    : spawnSync(py, ['-m', 'pip', 'install', '--disable-pip-version-check', '--progress-bar', 'off', ...pkgs, '-c', cFile], { encoding: 'utf8', env: io.env, maxBuffer: 64 << 20 });
  if (pip.status !== 0) {
    const out = `${pip.stderr}\n${pip.stdout}`;
    const why = printable(out.trim().split('\n').filter((l) => /error|No space/i.test(l)).at(-1) ?? out.trim().split('\n').at(-1) ?? '', 300);
    const unreachable = /from versions: none|NewConnectionError|Connection refused|Temporary failure in name resolution|ProxyError|timed out|Failed to fetch/i.test(out);
    const fix = /No space left/.test(out)
      ? 'free disk space and run it again'
      : unreachable
        ? 'no package index answered with litellm: PyPI is unreachable from here, or the index pip uses (PIP_INDEX_URL, pip.conf) lacks it; check the network and run it again'
        : created ? 'the half-made venv was removed; run it again' : 'run it again';
    return fail(`installing into ${printable(venv)} failed: ${why}; ${fix}`);
  }
  phase('verifying');
  const env = venvAt(venv);
  if (env.litellm?.version !== PINNED.litellm || env.openai?.version !== PINNED.openai)
    return fail(`${printable(venv)} holds litellm ${env.litellm?.version ?? 'none'} and openai ${env.openai?.version ?? 'none'}, not the pins ${PINNED.litellm} / ${PINNED.openai}; the constraints did not hold (a pip.conf or PIP_CONSTRAINT of yours?); check them and run it again`);
  if (env.pth.length) return fail(`${env.pth.map((p) => printable(p)).join(', ')}: litellm_init.pth (the 1.82.8 payload) is present; remove the venv (rm -rf ${printable(venv)}) and rotate every credential it could read`);
  const err = await importCheck(py, 120_000);
  if (err) return fail(`${printable(venv)}: import litellm.proxy.proxy_server fails: ${printable(err, 300)}`);
  writeFileAtomic(stampFile, `${key()}\n`, { force: true });
  if (!a.quiet) io.err(`ccenv: installed litellm ${PINNED.litellm} and openai ${PINNED.openai} in ${printable(venv)}, verified (${((Date.now() - t0) / 1000).toFixed(0)} s); next: ccenv proxy start\n`);
  return 0;
}
