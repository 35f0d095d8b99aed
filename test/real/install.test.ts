// A newcomer's install, for real: the repository's files copied into a folder with nothing beside it (no
// ../shared), the unit project run there without a build, `npm pack` (prepack builds dist/), the tarball
// installed with `npm install -g --prefix`, and the installed ccenv used: --version, `ccenv shell bash` evaluated
// in a real bash, `ccenv doctor --offline --json`. Also: a checkout without dist/, and an older Node.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { run } from '../helpers/run.js';

/** The working tree as a fresh clone would have it (tracked and new files, not ignored ones), in an empty folder. */
function freshCopy(): string {
  const dest = join(mkdtempSync(join(tmpdir(), 'ccenv-fresh-')), 'ccenv');
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    if (!existsSync(join(ROOT, f))) continue; // deleted in the working tree
    mkdirSync(dirname(join(dest, f)), { recursive: true });
    copyFileSync(join(ROOT, f), join(dest, f));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dest, 'node_modules')); // npm ci's result; node_modules is not ../shared
  return dest;
}

const NODE_BIN = dirname(process.execPath); // the Node that engines names (the devDependency), first on PATH
const pathWith = (...dirs: string[]) => [...dirs, NODE_BIN, '/usr/bin', '/bin'].join(':');

describe('a fresh copy with nothing beside it', () => {
  let copy: string;
  beforeAll(() => {
    copy = freshCopy();
    expect(readdirSync(dirname(copy))).toEqual(['ccenv']);
  });

  it('runs the unit project without a build (no dist/, no ../shared)', async () => {
    expect(existsSync(join(copy, 'dist'))).toBe(false);
    const r = await run(join(copy, 'node_modules/.bin/vitest'), ['run', '--project', 'unit', '--root', copy], {
      cwd: copy,
      env: { PATH: pathWith(), HOME: mkdtempSync(join(tmpdir(), 'ccenv-home-')) },
      timeoutMs: 120_000,
    });
    expect(r.code, r.stdout.slice(-3000) + r.stderr.slice(-2000)).toBe(0);
    expect(r.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/Tests\s+\d+ passed \(\d+\)/);
  });

  it('without dist/: one line saying how to build, exit 2; ccenv shell prints shell code for that line, exit 0', async () => {
    const env = { PATH: pathWith(), HOME: copy };
    const r = await run(process.execPath, [join(copy, 'bin/ccenv.cjs'), 'list'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ccenv: ccenv is not built (${join(copy, 'dist')} is missing): run \`npm ci && npm run build\` in ${copy}, or install the tarball \`npm pack\` makes\n`);
    const code = await run(process.execPath, [join(copy, 'bin/ccenv.cjs'), 'shell', 'bash'], { env });
    expect(code.code).toBe(0);
    const sh = await run('bash', ['-c', `eval "$1"; echo after`, 'bash', code.stdout], { env });
    expect(sh.stdout).toBe('after\n');
    expect(sh.stderr).toContain('ccenv is not built');
  });

  it('npm pack builds dist/ (prepack); the tarball installs with no dependency and works', async () => {
    const pack = mkdtempSync(join(tmpdir(), 'ccenv-pack-'));
    const packed = await run('npm', ['pack', '--pack-destination', pack, '--silent'], { cwd: copy, env: { PATH: pathWith(join(copy, 'node_modules/.bin')), HOME: copy }, timeoutMs: 180_000 });
    expect(packed.code, packed.stderr).toBe(0);
    const tgz = readdirSync(pack).find((f) => f.endsWith('.tgz'))!;
    expect(tgz).toMatch(/^ccenv-\d+\.\d+\.\d+\.tgz$/);
    const listing = execFileSync('tar', ['tzf', join(pack, tgz)], { encoding: 'utf8' });
    expect(listing).toContain('package/dist/cli.js');
    expect(listing).toContain('package/dist/fast.cjs');
    expect(listing).not.toMatch(/package\/(src|test)\//);
    const prefix = mkdtempSync(join(tmpdir(), 'ccenv-prefix-'));
    const home = mkdtempSync(join(tmpdir(), 'ccenv-home-'));
    const env = { PATH: pathWith(join(prefix, 'bin')), HOME: home, CCENV_PROFILES: join(ROOT, 'examples/profiles.yaml') };
    const inst = await run('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(pack, tgz)], { env, timeoutMs: 120_000 });
    expect(inst.code, inst.stderr).toBe(0);
    expect(inst.stdout).toMatch(/added 1 package/); // no runtime dependency: esbuild bundled them
    const version = await run(join(prefix, 'bin/ccenv'), ['--version'], { env });
    expect(version).toMatchObject({ code: 0, stdout: `${JSON.parse(execFileSync('cat', [join(ROOT, 'package.json')], { encoding: 'utf8' })).version}\n` });
    const sh = await run('bash', ['--noprofile', '--norc', '-c', 'eval "$(ccenv shell bash)" && type -t claude-kimi claude-deepseek claude-gemini'], { env });
    expect(sh).toMatchObject({ code: 0, stdout: 'function\nfunction\nfunction\n', stderr: '' });
    const doctor = await run(join(prefix, 'bin/ccenv'), ['doctor', '--offline', '--json'], { env });
    const report = JSON.parse(doctor.stdout) as { schemaVersion: number; checks: unknown[] };
    expect(report.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(report.checks.length).toBeGreaterThan(5);
  });
});

describe('an older Node', () => {
  const older = ['/usr/bin/node', '/usr/local/bin/node'].find((n) => existsSync(n) && Number(spawnSync(n, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout) < 22);
  it.skipIf(!older)('gets one line naming the Node it needs, exit 2 (and shell code for that line from ccenv shell)', async () => {
    const r = await run(older!, [join(ROOT, 'bin/ccenv.cjs'), '--version']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ccenv: ccenv needs Node\.js 22 or newer; this is Node\.js \d+\.\d+\.\d+ \(.+\)\n$/);
    const shell = await run(older!, [join(ROOT, 'bin/ccenv.cjs'), 'shell', 'zsh']);
    expect(shell.code).toBe(0);
    expect(shell.stdout).toMatch(/^printf '%s\\n' 'ccenv needs Node\.js 22/);
  });
});
