import { execFile } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import semver from 'semver';
import { CHAT_COMPLETIONS_ROUTING } from '../knowledge/litellm.js';

/** Where an environment was found. */
export type EnvSource = 'profiles' | 'running-proxy' | 'litellm-venv' | 'pipx' | 'uv-tool' | 'virtualenv' | 'path';

/** An installed distribution, read from its dist-info METADATA. */
export interface Dist {
  version: string;
  /** The .dist-info folder. */
  path: string;
  /** When it was installed (the folder's mtime), ISO 8601; '' when the folder cannot be read (a dangling link). */
  installed: string;
}

/** A Python environment that has (or might have) litellm. */
export interface PythonEnv {
  source: EnvSource;
  /** Its root (the venv folder) or, for a system python, its prefix. */
  root: string;
  python?: string;
  pythonVersion?: string;
  sitePackages: string[];
  litellm?: Dist;
  openai?: Dist;
  /** litellm_init.pth files (the 1.82.8 payload), wherever they are in site-packages. */
  pth: string[];
}

/**
 * A PyPI version as semver: `1.83.14.rc.1` → `1.83.14-rc.1`, `1.106.0` as is; undefined if unparseable.
 * Pre-releases sort below their release, as in PEP 440 for these forms.
 */
export function pyVersion(v: string): string | undefined {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:[.-]?((?:a|b|rc|dev|post)[.-]?\d*))?/.exec(v.trim());
  if (!m) return undefined;
  const base = `${m[1]}.${m[2]}.${m[3] ?? 0}`;
  const pre = m[4]?.replace(/[.-]/g, '');
  return semver.valid(pre && !pre.startsWith('post') ? `${base}-${pre}` : base) ?? undefined;
}

function readDist(site: string, name: string): Dist | undefined {
  let entries: string[];
  try {
    entries = readdirSync(site);
  } catch {
    return undefined;
  }
  const re = new RegExp(`^${name}-([^-]+)\\.dist-info$`, 'i');
  const dir = entries.find((e) => re.test(e));
  if (!dir) return undefined;
  const path = join(site, dir);
  let version = re.exec(dir)![1]!;
  try {
    version = /^Version:\s*(\S+)/m.exec(readFileSync(join(path, 'METADATA'), 'utf8'))?.[1] ?? version;
  } catch {
    /* the folder name carries the version too */
  }
  let installed = '';
  try {
    installed = statSync(path).mtime.toISOString();
  } catch {
    installed = ''; // a dangling dist-info symlink: the name still says which version was installed
  }
  return { version, path, installed };
}

/** site-packages folders under a venv-like root (lib/pythonX.Y/site-packages, lib64 too). */
function sitePackagesOf(root: string): string[] {
  const out: string[] = [];
  for (const lib of ['lib', 'lib64']) {
    let entries: string[] = [];
    try {
      entries = readdirSync(join(root, lib));
    } catch {
      continue;
    }
    for (const e of entries) if (/^python3\.\d+$/.test(e) && existsSync(join(root, lib, e, 'site-packages'))) out.push(join(root, lib, e, 'site-packages'));
  }
  return [...new Set(out)];
}

function describeEnv(source: EnvSource, root: string, sitePackages: string[], python?: string, pythonVersion?: string): PythonEnv {
  const cfgVersion = (() => {
    try {
      return /^version(?:_info)?\s*=\s*(\S+)/m.exec(readFileSync(join(root, 'pyvenv.cfg'), 'utf8'))?.[1];
    } catch {
      return undefined;
    }
  })();
  const fromDir = sitePackages.map((s) => /python(3\.\d+)/.exec(s)?.[1]).find(Boolean);
  const env: PythonEnv = { source, root, python: python ?? (existsSync(join(root, 'bin/python')) ? join(root, 'bin/python') : undefined), pythonVersion: pythonVersion ?? cfgVersion ?? fromDir, sitePackages, pth: [] };
  for (const site of sitePackages) {
    env.litellm ??= readDist(site, 'litellm');
    env.openai ??= readDist(site, 'openai');
    if (existsSync(join(site, 'litellm_init.pth'))) env.pth.push(join(site, 'litellm_init.pth'));
  }
  return env;
}

/** The venv at `root` as doctor sees it: its python, site-packages, litellm/openai dists and stray .pth files. */
export const venvAt = (root: string): PythonEnv => describeEnv('litellm-venv', root, sitePackagesOf(root));

/** Ask a python interpreter for its version, prefix and site-packages (one short subprocess; litellm is not imported). */
function askPython(python: string, timeoutMs: number): Promise<{ version: string; prefix: string; site: string[] } | undefined> {
  const code = 'import json,sys,site;print(json.dumps({"version":sys.version.split()[0],"prefix":sys.prefix,"site":[p for p in sys.path if p.endswith("-packages")]}))';
  return new Promise((resolve) => {
    execFile(python, ['-I', '-c', code], { timeout: timeoutMs }, (err, stdout) => {
      if (err) return resolve(undefined);
      try {
        resolve(JSON.parse(stdout) as { version: string; prefix: string; site: string[] });
      } catch {
        resolve(undefined);
      }
    });
  });
}

/** The first line of a small text file, or undefined. */
function firstLine(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').split('\n')[0]!.trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A python's prefix and site-packages found on disk, without starting it: a pyenv shim resolved to the version it
 * would run (PYENV_VERSION, else `.python-version` up from the working directory, else pyenv's global `version`
 * file — https://github.com/pyenv/pyenv#understanding-python-version-selection), or a real interpreter binary
 * (ELF) whose prefix holds `lib/python3.X/site-packages` (and Debian's dist-packages for /usr). Undefined when that
 * cannot be told from the files (then the interpreter is asked).
 */
export function installedPrefix(python: string, env: NodeJS.ProcessEnv): { prefix: string; site: string[]; python: string; version?: string } | undefined {
  const shims = dirname(python);
  if (shims.endsWith('/shims') && existsSync(join(dirname(shims), 'versions'))) {
    const pyenvRoot = dirname(shims);
    let version = env.PYENV_VERSION?.split(':')[0];
    for (let dir = process.cwd(); !version && dir !== dirname(dir); dir = dirname(dir)) version = firstLine(join(dir, '.python-version'));
    version ??= firstLine(join(pyenvRoot, 'version'));
    if (!version || version === 'system') return undefined;
    const prefix = join(pyenvRoot, 'versions', version);
    const site = sitePackagesOf(prefix);
    return site.length > 0 ? { prefix, site, python: join(prefix, 'bin/python3'), version: /^\d+\.\d+(\.\d+)?/.exec(version)?.[0] } : undefined;
  }
  let real: string;
  try {
    real = realpathSync(python);
    const head = Buffer.alloc(4);
    const fd = openSync(real, 'r');
    try {
      readSync(fd, head, 0, 4, 0);
    } finally {
      closeSync(fd);
    }
    if (!head.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) return undefined; // a script (a shim of another manager): ask it
  } catch {
    return undefined;
  }
  const prefix = dirname(dirname(real));
  const minor = /python(3\.\d+)$/.exec(real)?.[1];
  const debian = prefix === '/usr' && minor ? ['/usr/lib/python3/dist-packages', `/usr/local/lib/python${minor}/dist-packages`].filter((d) => existsSync(d)) : [];
  const site = [...sitePackagesOf(prefix), ...debian];
  return site.length > 0 ? { prefix, site, python, version: minor } : undefined;
}

/** Folders holding one venv per tool (pipx, uv tool). */
function toolVenvs(base: string): string[] {
  try {
    return readdirSync(base).map((d) => join(base, d)).filter((d) => existsSync(join(d, 'pyvenv.cfg')));
  } catch {
    return [];
  }
}

/**
 * Find every litellm the user may run, without importing it: the python named in the profiles file
 * (`litellm.python`), the interpreters of the running proxies (`proxyPythons`, from their command lines),
 * ~/.config/litellm/venv (the usual hand-made layout), pipx and uv tool environments, the active virtualenv,
 * and python3 on PATH. Versions come from dist-info METADATA; environments without litellm are
 * dropped unless they hold a litellm_init.pth.
 */
export async function discoverInstalls(env: NodeJS.ProcessEnv, home: string, profilesPython: string | undefined, timeoutMs: number, proxyPythons: readonly string[] = []): Promise<PythonEnv[]> {
  const found: PythonEnv[] = [];
  const seen = new Set<string>();
  const add = (e: PythonEnv) => {
    const key = e.sitePackages.join('|') || e.root;
    if (seen.has(key)) return;
    seen.add(key);
    if (e.litellm || e.pth.length > 0) found.push(e);
  };
  const viaPython = async (source: EnvSource, python: string) => {
    const root = dirname(dirname(python));
    if (existsSync(join(root, 'pyvenv.cfg'))) return add(describeEnv(source, root, sitePackagesOf(root), python));
    const known = installedPrefix(python, env);
    if (known) return add(describeEnv(source, known.prefix, known.site, known.python, known.version));
    const info = await askPython(python, timeoutMs);
    if (info) add(describeEnv(source, info.prefix, info.site.filter((s) => existsSync(s)), python, info.version));
  };
  if (profilesPython) await viaPython('profiles', profilesPython);
  for (const py of proxyPythons) await viaPython('running-proxy', py);
  const xdgData = env.XDG_DATA_HOME || join(home, '.local/share');
  const roots: Array<[EnvSource, string]> = [
    ['litellm-venv', join(env.XDG_CONFIG_HOME || join(home, '.config'), 'litellm/venv')],
    ...toolVenvs(env.PIPX_HOME ? join(env.PIPX_HOME, 'venvs') : join(xdgData, 'pipx/venvs')).map((d) => ['pipx', d] as [EnvSource, string]),
    ...toolVenvs(env.UV_TOOL_DIR || join(xdgData, 'uv/tools')).map((d) => ['uv-tool', d] as [EnvSource, string]),
    ...(env.VIRTUAL_ENV ? [['virtualenv', env.VIRTUAL_ENV] as [EnvSource, string]] : []),
  ];
  for (const [source, root] of roots) if (existsSync(root)) add(describeEnv(source, root, sitePackagesOf(root)));
  const onPath = (env.PATH ?? '').split(':').map((d) => join(d, 'python3')).find((p) => existsSync(p));
  if (onPath) await viaPython('path', onPath);
  return found;
}

/** A running LiteLLM proxy process of this user, and whether the routing flag is in its environment (Linux /proc). */
export interface ProxyProcess {
  pid: number;
  cmdline: string;
  /** The port it listens on (`--port`, else LiteLLM's default 4000). */
  port: number;
  /** The routing variable's value in that process ('' when set empty, undefined when absent). */
  routingFlag?: string;
  /** The python of its environment, from its command line (`…/venv/bin/litellm` → `…/venv/bin/python`). */
  python?: string;
  /** Its `--config` file (absolute), and whether that config sets the chat-completions routing (undefined: unreadable). */
  config?: { path: string; routing?: boolean };
}

/**
 * Whether a LiteLLM config file sets `litellm_settings.use_chat_completions_url_for_anthropic_messages: true`
 * (read as LiteLLM does: YAML 1.1); undefined when it cannot be read or parsed. At most 1 MB is read.
 */
export function configRouting(path: string): boolean | undefined {
  try {
    if (statSync(path).size > 1 << 20) return undefined;
    const data = parse(readFileSync(path, 'utf8'), { version: '1.1', uniqueKeys: false }) as { litellm_settings?: Record<string, unknown> } | null;
    return data?.litellm_settings?.[CHAT_COMPLETIONS_ROUTING.settingsKey] === true;
  } catch {
    return undefined;
  }
}

/** LiteLLM proxy processes owned by this user, read from /proc (empty elsewhere or when /proc is not readable). */
export function runningProxies(): ProxyProcess[] {
  const uid = process.getuid?.();
  const out: ProxyProcess[] = [];
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      if (uid !== undefined && statSync(`/proc/${pid}`).uid !== uid) continue;
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (!argv.some((a, i) => (i <= 1 && /(^|\/)litellm$/.test(a)) || a === 'litellm.proxy.proxy_cli')) continue;
      if (!argv.some((a) => a === '--config' || a.startsWith('--config=') || a === '-c' || a === '--port')) continue;
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      const entry = environ.find((e) => e.startsWith(`${CHAT_COMPLETIONS_ROUTING.envVar}=`));
      const portArg = argv.findIndex((a) => a === '--port');
      const port = Number(portArg >= 0 ? argv[portArg + 1] : argv.find((a) => a.startsWith('--port='))?.slice(7) ?? 4000);
      let cwd = '/';
      try {
        cwd = readlinkSync(`/proc/${pid}/cwd`);
      } catch {
        /* not ours to read */
      }
      const script = argv.find((a) => /(^|\/)litellm$/.test(a));
      const python = /python[\d.]*$/.test(argv[0] ?? '') ? resolve(cwd, argv[0]!) : script?.includes('/') ? join(dirname(resolve(cwd, script)), 'python') : undefined;
      const c = argv.findIndex((a) => a === '--config' || a === '-c');
      const configArg = c >= 0 ? argv[c + 1] : argv.find((a) => a.startsWith('--config='))?.slice('--config='.length);
      const config = configArg ? { path: resolve(cwd, configArg), routing: configRouting(resolve(cwd, configArg)) } : undefined;
      out.push({ pid: Number(pid), cmdline: argv.join(' '), port, routingFlag: entry?.slice(CHAT_COMPLETIONS_ROUTING.envVar.length + 1), python: python && existsSync(python) ? python : undefined, config });
    } catch {
      /* gone, or not ours */
    }
  }
  return out.sort((a, b) => a.pid - b.pid);
}

/**
 * `--deep`: import litellm.proxy.proxy_server in that interpreter (offline, bounded by `timeoutMs`) and
 * return the error text when it fails, undefined when it imports.
 */
export function importCheck(python: string, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(python, ['-c', 'import litellm.proxy.proxy_server'], { timeout: timeoutMs, env: { ...process.env, LITELLM_LOCAL_MODEL_COST_MAP: 'True', LITELLM_MODE: 'PRODUCTION' } }, (err, _stdout, stderr) => {
      if (!err) return resolve(undefined);
      if ((err as { killed?: boolean }).killed) return resolve(`the import did not finish within ${Math.round(timeoutMs / 1000)} s`);
      const lines = stderr.trim().split('\n');
      resolve(lines.filter((l) => /Error|error:/.test(l)).at(-1) ?? lines.at(-1) ?? err.message);
    });
  });
}
