#!/usr/bin/env node
// The test command (`npm test`): makes sure the real components exist, runs vitest, and ends with the line
// `N passed, N failed`. Set-up it performs (each step skipped when already done):
//   1. bash, zsh, fish and tmux from apt (needs root; otherwise it says what to install);
//   2. a venv at .venv-litellm with the pinned litellm[proxy] (test/python/requirements.txt + constraints.txt),
//      then checks it is the pinned version and that no litellm_init.pth (the 1.82.8 payload) exists;
//   3. Claude Code comes from devDependencies (node_modules/.bin/claude).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const log = (s) => process.stderr.write(`[test setup] ${s}\n`);
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

function ensureShells() {
  const missing = ['bash', 'zsh', 'fish', 'tmux'].filter((s) => !has(s));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing shells: ${missing.join(', ')}; install them (e.g. sudo apt-get install -y ${missing.join(' ')})`);
  }
  log(`apt-get install ${missing.join(' ')}`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

export const VENV = join(root, '.venv-litellm');

function ensureLiteLLM() {
  const req = readFileSync(join(root, 'test/python/requirements.txt'), 'utf8');
  const pin = /^litellm\[proxy\]==(\S+)/m.exec(req)?.[1];
  if (!pin) throw new Error('test/python/requirements.txt pins no litellm version');
  const stamp = join(VENV, '.ccenv-stamp');
  const want = `${pin}\n${readFileSync(join(root, 'test/python/constraints.txt'), 'utf8')}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  if (['1.82.7', '1.82.8'].includes(pin) || pin.startsWith('1.107.')) throw new Error(`refusing to install litellm ${pin} (compromised release)`);
  const python = process.env.CCENV_TEST_PYTHON || 'python3';
  log(`creating ${VENV} with litellm[proxy]==${pin} (takes a few minutes the first time)`);
  execFileSync(python, ['-m', 'venv', '--clear', VENV], { stdio: 'inherit' });
  const pip = spawnSync(join(VENV, 'bin/pip'), ['install', '-q', '--disable-pip-version-check', '-r', join(root, 'test/python/requirements.txt'), '-c', join(root, 'test/python/constraints.txt')], { encoding: 'utf8' });
  if (pip.status !== 0) throw new Error(`pip install failed:\n${(pip.stdout + pip.stderr).split('\n').filter((l) => !l.startsWith('WARNING: Location')).join('\n')}`);
  const version = execFileSync(join(VENV, 'bin/python'), ['-c', 'import importlib.metadata as m; print(m.version("litellm"))'], { encoding: 'utf8' }).trim();
  if (version !== pin) throw new Error(`venv has litellm ${version}, expected ${pin}`);
  const site = join(VENV, 'lib', readdirSync(join(VENV, 'lib')).find((d) => d.startsWith('python')), 'site-packages');
  if (existsSync(join(site, 'litellm_init.pth'))) throw new Error(`${site}/litellm_init.pth exists: compromised install, delete ${VENV}`);
  writeFileSync(stamp, want);
}

function ensureClaude() {
  const claude = join(root, 'node_modules/.bin/claude');
  if (!existsSync(claude)) throw new Error('node_modules/.bin/claude missing: run npm ci first');
  log(`claude ${execFileSync(claude, ['--version'], { encoding: 'utf8' }).trim()}`);
}

try {
  ensureShells();
  ensureLiteLLM();
  ensureClaude();
} catch (e) {
  process.stderr.write(`[test setup] failed: ${e.message}\n0 passed, 1 failed\n`);
  process.exit(1);
}

mkdirSync(join(root, '.cache'), { recursive: true });
const report = join(root, '.cache/vitest-report.json');
const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const run = spawnSync(join(root, 'node_modules/.bin/vitest'), args, { stdio: 'inherit', env: { ...process.env, CCENV_TEST_VENV: VENV } });
let passed = 0;
let failed = 0;
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) + (r.numFailedTestSuites && r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
} catch {
  failed = 1;
}
if (run.status !== 0 && failed === 0) failed = 1;
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && run.status === 0 ? 0 : 1);
