import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadProfiles, profilesPath } from '../profiles/load.js';
import type { ProfilesConfig } from '../profiles/types.js';
import { UserError } from '../util/errors.js';
import type { Io } from '../util/io.js';
import { printable } from '../util/text.js';
import { writeFileAtomic, writeFilesAtomic } from '../util/write.js';
import { liteLLMFiles, sameAsGenerated } from './gen.js';
import { targetForName } from './gen-targets.js';

/** Arguments of `ccenv proxy start|stop|status|logs`. */
export interface ProxyArgs {
  profiles?: string;
  /** The proxy folder (config.yaml, litellm.env, the hook); default `~/.config/litellm`. */
  dir?: string;
  /** The LiteLLM venv; default `<dir>/venv` (the layout doctor knows). */
  venv?: string;
  force?: boolean;
  foreground?: boolean;
  /** ms to wait for /health/readiness (start) or for the process to end (stop). */
  timeout?: number;
  /** logs: lines to print (default 50); follow: keep printing what is appended. */
  lines?: number;
  follow?: boolean;
  quiet?: boolean;
}

/** Where ccenv keeps its only state for the proxy: `${XDG_STATE_HOME:-~/.local/state}/ccenv/`. */
export function proxyState(env: NodeJS.ProcessEnv): { dir: string; pid: string; log: string; written: string } {
  const dir = join(env.XDG_STATE_HOME || join(env.HOME || homedir(), '.local/state'), 'ccenv');
  return { dir, pid: join(dir, 'litellm.pid'), log: join(dir, 'litellm.log'), written: join(dir, 'litellm-written.json') };
}

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
const home = (env: NodeJS.ProcessEnv) => env.HOME || homedir();
const folder = (a: ProxyArgs, env: NodeJS.ProcessEnv) => a.dir ?? join(home(env), '.config/litellm');

/** The port of proxy.base_url (its explicit port, else 80/443 by scheme). */
function portOf(cfg: ProfilesConfig): number {
  const u = new URL(cfg.proxy.baseUrl);
  return Number(u.port || (u.protocol === 'https:' ? 443 : 80));
}

/** The pid in the pid file when that process is alive and is a litellm; else undefined (a stale file is removed). */
function runningPid(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  const cmd = Number.isInteger(pid) && pid > 1 ? spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).stdout : '';
  if (cmd.includes('litellm')) return pid;
  rmSync(pidFile, { force: true });
  return undefined;
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

/** KEY=VALUE lines of litellm.env (comments and blank lines skipped). */
function envFile(text: string): Record<string, string> {
  return Object.fromEntries(text.split('\n').flatMap((l) => (/^[A-Za-z_][A-Za-z0-9_]*=/.test(l) ? [[l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]] : [])));
}

/** The last `n` lines of the log, printable (at most 64 KiB read). */
function tail(log: string, n: number): string {
  if (!existsSync(log)) return '';
  const buf = readFileSync(log);
  const text = buf.subarray(Math.max(0, buf.length - 65_536)).toString('utf8');
  return text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1).slice(-n).map((l) => printable(l, 2_000)).join('\n');
}

/**
 * Write the proxy folder's files from the profiles. A file that already holds what ccenv generates (the drift
 * rule of `--check`: up to ccenv's version and secrets filled into litellm.env) is left as it is. A file that
 * differs both from that and from what ccenv last wrote there (sha256 kept in the state folder) was edited by
 * hand: refuse without --force.
 * @throws UserError (exit 2) naming the edited file
 */
function writeFolder(dir: string, cfg: ProfilesConfig, a: ProxyArgs, writtenFile: string, io: Io): void {
  const { files, notes } = liteLLMFiles(cfg);
  const written: Record<string, string> = existsSync(writtenFile) ? (JSON.parse(readFileSync(writtenFile, 'utf8')) as Record<string, string>) : {};
  const stale = files.filter(([name, text]) => {
    const path = join(dir, name);
    if (!existsSync(path)) return true;
    const current = readFileSync(path, 'utf8');
    if (sameAsGenerated(targetForName(name).name, cfg, current, text)) return false;
    if (!a.force && written[path] !== sha(current)) throw new UserError(`${printable(path)}: edited since ccenv wrote it; move the change into the profiles file, or pass --force to replace it`);
    return true;
  });
  for (const note of notes) io.err(`ccenv: note: ${note}\n`);
  writeFilesAtomic(stale.map(([name, text]) => ({ path: join(dir, name), text })), { force: true });
  for (const [name, text] of stale) written[join(dir, name)] = sha(text);
  writeFileAtomic(writtenFile, `${JSON.stringify(written, null, 2)}\n`, { force: true });
}

/**
 * `ccenv proxy start`: regenerate the proxy folder from the profiles, start LiteLLM from `<venv>/bin/litellm` on
 * 127.0.0.1 and the port of proxy.base_url with litellm.env in its environment and the hook's folder on
 * PYTHONPATH, wait (bounded) for GET /health/readiness, print pid, URL and log path. Exit 1 with the log's last
 * lines when it does not come up; a proxy already on the port is reported, never a second one started.
 * @throws UserError (exit 2): no LiteLLM in the venv, a hand-edited file, bad profiles
 */
export async function proxyStart(a: ProxyArgs, io: Io): Promise<number> {
  const cfg = loadProfiles(profilesPath(a.profiles, io.env).path);
  const dir = folder(a, io.env);
  const litellm = join(a.venv ?? join(dir, 'venv'), 'bin/litellm');
  if (!existsSync(litellm)) throw new UserError(`${printable(litellm)}: no LiteLLM here; run ccenv proxy install (or pass --venv DIR)`);
  const st = proxyState(io.env);
  const port = portOf(cfg);
  const url = `http://127.0.0.1:${port}`;
  const pid = runningPid(st.pid);
  if (pid) {
    io.err(`ccenv: LiteLLM is already running (pid ${pid}, ${url}); not starting a second (ccenv proxy stop first)\n`);
    return 1;
  }
  if (await listening(port)) {
    io.err(`ccenv: something else already listens on 127.0.0.1:${port}; not starting LiteLLM there (stop it, or change proxy.base_url)\n`);
    return 1;
  }
  mkdirSync(st.dir, { recursive: true });
  writeFolder(dir, cfg, a, st.written, io);
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
  const deadline = Date.now() + (a.timeout ?? 120_000);
  while (Date.now() < deadline && exited === null) {
    try {
      const r = await fetch(`${url}/health/readiness`, { signal: AbortSignal.timeout(2_000) });
      if (r.ok) {
        if (!a.quiet) io.err(`ccenv: LiteLLM running: pid ${child.pid}, ${url}, log ${printable(st.log)}\n`);
        return 0;
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  if (exited === null) child.kill('SIGTERM');
  rmSync(st.pid, { force: true });
  io.err(`ccenv: LiteLLM ${exited === null ? `did not answer ${url}/health/readiness within ${a.timeout ?? 120_000} ms` : `exited with ${exited}`}; the log's last lines (${printable(st.log)}):\n${tail(st.log, 20)}\n`);
  return 1;
}

/** `ccenv proxy stop`: end the LiteLLM that `proxy start` started (SIGTERM, then SIGKILL after `timeout` ms). */
export async function proxyStop(a: ProxyArgs, io: Io): Promise<number> {
  const st = proxyState(io.env);
  const pid = runningPid(st.pid);
  if (!pid) {
    io.err('ccenv: no LiteLLM started by ccenv is running\n');
    return 0;
  }
  process.kill(pid, 'SIGTERM');
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const deadline = Date.now() + (a.timeout ?? 10_000);
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive()) process.kill(pid, 'SIGKILL');
  rmSync(st.pid, { force: true });
  if (!a.quiet) io.err(`ccenv: stopped LiteLLM (pid ${pid})\n`);
  return 0;
}

/**
 * `ccenv proxy status`: running or not (exit 0 / 1); pid, URL, the LiteLLM version /health/readiness reports, and
 * whether the proxy folder holds what the profiles would generate now.
 */
export async function proxyStatus(a: ProxyArgs, io: Io): Promise<number> {
  const cfg = loadProfiles(profilesPath(a.profiles, io.env).path);
  const dir = folder(a, io.env);
  const stale = liteLLMFiles(cfg).files.filter(([name, text]) => !existsSync(join(dir, name)) || !sameAsGenerated(targetForName(name).name, cfg, readFileSync(join(dir, name), 'utf8'), text)).map(([n]) => n);
  const config = stale.length ? `${stale.join(', ')} in ${printable(dir)} differ from what the profiles generate (ccenv proxy stop; ccenv proxy start)` : `config in ${printable(dir)} matches the profiles`;
  const pid = runningPid(proxyState(io.env).pid);
  if (!pid) {
    io.out(`LiteLLM: not running (started by ccenv); ${config}\n`);
    return 1;
  }
  const url = `http://127.0.0.1:${portOf(cfg)}`;
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
  io.out(`LiteLLM: running, pid ${pid}, ${url}, ${version}; ${config}\n`);
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
 * what was verified (keyed by the constraints and the venv's dist-info names), so a second run with nothing to do
 * returns at once. A venv this command created and could not finish is removed.
 * @throws UserError (exit 2): no python3 (or no venv module), pins that an advisory covers
 * @returns 0 installed and verified; 1 the install or a verification failed (the line says which and the fix)
 */
export async function proxyInstall(a: ProxyArgs & { upgrade?: boolean }, io: Io): Promise<number> {
  const [{ renderRequirements }, { PINNED }, { loadAdvisoryData, advisoriesFor }, { venvAt, importCheck }, { VERSION }] = await Promise.all([
    import('../gen/service.js'),
    import('../knowledge/litellm.js'),
    import('../advisories/data.js'),
    import('../doctor/installs.js'),
    import('../version.js'),
  ]);
  const venv = a.venv ?? join(folder(a, io.env), 'venv');
  const constraints = renderRequirements(VERSION);
  const data = loadAdvisoryData(io.env);
  for (const pkg of ['litellm', 'openai'] as const) {
    const hit = advisoriesFor(data, pkg, PINNED[pkg]).find((h) => h.kind === 'compromised' || h.severity === 'critical' || h.severity === 'high');
    if (hit) throw new UserError(`${pkg} ${PINNED[pkg]} (the pin) is covered by ${hit.id}; refusing to install it — upgrade ccenv for a newer pin`);
  }
  const stampFile = join(venv, '.ccenv-verified.json');
  const key = () => {
    const env = venvAt(venv);
    return sha(`${constraints}\n${env.sitePackages.flatMap((s) => (existsSync(s) ? readdirSync(s).filter((n) => n.endsWith('.dist-info')) : [])).sort().join('\n')}`);
  };
  if (!a.upgrade && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === key()) {
    if (!a.quiet) io.err(`ccenv: ${printable(venv)}: litellm ${PINNED.litellm} and openai ${PINNED.openai}, verified; nothing to do\n`);
    return 0;
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
    return fail(`${printable(venv)} holds litellm ${env.litellm?.version ?? 'none'} and openai ${env.openai?.version ?? 'none'}, not the pins ${PINNED.litellm} / ${PINNED.openai}; run ccenv proxy install --upgrade`);
  if (env.pth.length) return fail(`${env.pth.map((p) => printable(p)).join(', ')}: litellm_init.pth (the 1.82.8 payload) is present; remove the venv (rm -rf ${printable(venv)}) and rotate every credential it could read`);
  const err = await importCheck(py, 120_000);
  if (err) return fail(`${printable(venv)}: import litellm.proxy.proxy_server fails: ${printable(err, 300)}`);
  writeFileAtomic(stampFile, `${key()}\n`, { force: true });
  if (!a.quiet) io.err(`ccenv: installed litellm ${PINNED.litellm} and openai ${PINNED.openai} in ${printable(venv)}, verified (${((Date.now() - t0) / 1000).toFixed(0)} s); next: ccenv proxy start\n`);
  return 0;
}
