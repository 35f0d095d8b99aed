// Installed-version and supply-chain checks: throwaway environments on disk shaped like real installs
// (pyvenv.cfg, site-packages, dist-info METADATA, a stray litellm_init.pth — a harmless comment, never a
// payload), plus a real tiny venv whose proxy import fails and the real pinned LiteLLM venv for --deep.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pyVersion } from '../../src/doctor/installs.js';
import { BAD_PAIRS, CURATED } from '../../src/knowledge/advisories.js';
import { PINNED } from '../../src/knowledge/litellm.js';
import { VENV } from '../helpers/paths.js';
import { ccenv } from '../helpers/run.js';

interface Fixture {
  python?: string;
  litellm?: string;
  openai?: string;
  pth?: boolean;
}

/** A venv-shaped folder with dist-info metadata as pip leaves it. */
function fakeEnv(root: string, f: Fixture): string {
  const site = join(root, 'lib', `python${f.python ?? '3.11'}`, 'site-packages');
  mkdirSync(site, { recursive: true });
  writeFileSync(join(root, 'pyvenv.cfg'), `home = /usr/bin\ninclude-system-site-packages = false\nversion = ${f.python ?? '3.11'}.7\n`);
  for (const [name, version] of [['litellm', f.litellm], ['openai', f.openai]] as const) {
    if (!version) continue;
    mkdirSync(join(site, `${name}-${version}.dist-info`));
    writeFileSync(join(site, `${name}-${version}.dist-info`, 'METADATA'), `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`);
  }
  if (f.pth) writeFileSync(join(site, 'litellm_init.pth'), '# ccenv test fixture: stands in for the 1.82.8 payload file; no code\n');
  return root;
}

const PROFILES = join(mkdtempSync(join(tmpdir(), 'ccenv-inst-')), 'profiles.yaml');
writeFileSync(PROFILES, 'profiles:\n  a: { model: m }\n');

interface Check { code: string; status: string; diagnosis: string | null; message: string; details: string[]; fix: string | null }

/** doctor --offline on the supply-chain checks with a HOME holding the given layout. */
async function doctor(layout: (home: string) => NodeJS.ProcessEnv | void, extra: string[] = []): Promise<Check[]> {
  const home = mkdtempSync(join(tmpdir(), 'ccenv-home-'));
  const env = { PATH: '/nonexistent', HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share'), ...(layout(home) ?? {}) };
  const r = await ccenv(['doctor', '--offline', '--json', '--profiles', PROFILES, 'litellm-compromised', 'litellm-advisories', 'openai-pair', 'litellm-version', ...extra], { env });
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { checks: Check[] }).checks;
}
const bad = (checks: Check[]) => checks.filter((c) => c.status !== 'ok' && c.status !== 'skip').map((c) => [c.code, c.status, c.diagnosis]);

describe('discovery and verdicts on installs shaped like real ones', () => {
  it("seed 001's ~/.config/litellm/venv with compromised 1.82.8: failure naming the files and the window", async () => {
    const checks = await doctor((h) => void fakeEnv(join(h, '.config/litellm/venv'), { litellm: '1.82.8', openai: '1.99.0', pth: true }));
    const c = checks.find((x) => x.code === 'litellm-compromised')!;
    expect(c).toMatchObject({ status: 'fail', diagnosis: 'litellm-compromised' });
    expect(c.details.join('\n')).toMatch(/litellm_init\.pth[\s\S]*litellm-1\.82\.8\.dist-info[\s\S]*2026-03-24 from 10:39 UTC/);
    expect(c.fix).toContain('rotate every credential');
  });

  it('a stray litellm_init.pth after an upgrade to a clean release (pipx) still fails', async () => {
    const checks = await doctor((h) => void fakeEnv(join(h, '.local/share/pipx/venvs/litellm'), { litellm: '1.106.0', openai: '2.54.0', pth: true }));
    expect(bad(checks)).toEqual([['litellm-compromised', 'fail', 'litellm-compromised']]);
    expect(checks[0]!.message).toContain('(pipx)');
  });

  it('uv tool with 1.83.3: the OSV advisories it is inside fail (CVE-2026-42208 among them, each once), and it is older than ccenv needs', async () => {
    const checks = await doctor((h) => void fakeEnv(join(h, '.local/share/uv/tools/litellm'), { litellm: '1.83.3', openai: '2.24.0' }));
    const advisories = bad(checks).filter(([code]) => code === 'litellm-advisories');
    expect(advisories).toContainEqual(['litellm-advisories', 'fail', 'CVE-2026-42208']);
    expect(advisories).toContainEqual(['litellm-advisories', 'fail', 'CVE-2026-42271']);
    expect(new Set(advisories.map(([, , id]) => id)).size).toBe(advisories.length);
    expect(bad(checks).filter(([code]) => code !== 'litellm-advisories')).toEqual([['litellm-version', 'warn', 'litellm-too-old']]);
  });

  it('the active virtualenv with litellm 1.74.0 + openai 1.100.0: the known-bad pair, with the pin', async () => {
    const checks = await doctor((h) => ({ VIRTUAL_ENV: fakeEnv(join(h, 'proj/.venv'), { litellm: '1.74.0', openai: '1.100.0' }) }));
    expect(bad(checks).filter(([code]) => code === 'openai-pair')).toEqual([['openai-pair', 'warn', 'openai-1.100-ResponseTextConfig']]);
    expect(checks.find((c) => c.code === 'openai-pair')!.fix).toContain("openai<1.100");
  });

  it('litellm 1.98 on Python 3.10 is unsupported', async () => {
    const checks = await doctor((h) => void fakeEnv(join(h, '.config/litellm/venv'), { litellm: '1.98.0', openai: '2.40.0', python: '3.10' }));
    expect(bad(checks)).toEqual([['litellm-version', 'fail', 'python-unsupported']]);
  });

  it('1.107.x is a warning (reported, unconfirmed), named by the profiles file litellm.python', async () => {
    const checks = await doctor((h) => {
      const root = fakeEnv(join(h, 'opt/lite'), { litellm: '1.107.1', openai: '2.54.0' });
      writeFileSync(PROFILES, `litellm: { python: ${join(root, 'bin/python')} }\nprofiles:\n  a: { model: m }\n`);
    });
    writeFileSync(PROFILES, 'profiles:\n  a: { model: m }\n');
    expect(bad(checks)).toEqual([['litellm-advisories', 'warn', 'LITELLM-1.107-SUSPECT']]);
    expect(checks[1]!.message).toContain('(profiles)');
  });

  it('a clean current install passes every check', async () => {
    const checks = await doctor((h) => void fakeEnv(join(h, '.config/litellm/venv'), { litellm: '1.106.0', openai: '2.54.0' }));
    expect(bad(checks)).toEqual([]);
    expect(checks[0]!.message).toBe('no compromised release in 1 environment(s)');
  });
});

describe('--deep imports the proxy in each environment', () => {
  it('the real pinned LiteLLM venv imports', async () => {
    const checks = await doctor(() => ({ VIRTUAL_ENV: VENV }), ['--deep']);
    expect(bad(checks)).toEqual([]);
    expect(checks.find((c) => c.code === 'openai-pair')!.message).toContain(`litellm ${PINNED.litellm} with openai ${PINNED.openai} imports`);
  }, 120_000);

  it('a real venv whose proxy import fails with the openai ImportError is diagnosed', async () => {
    const checks = await doctor((h) => {
      const root = join(h, '.config/litellm/venv');
      execFileSync('python3', ['-m', 'venv', '--without-pip', root]);
      const site = execFileSync(join(root, 'bin/python'), ['-c', 'import site; print(site.getsitepackages()[0])'], { encoding: 'utf8' }).trim();
      mkdirSync(join(site, 'litellm/proxy'), { recursive: true });
      writeFileSync(join(site, 'litellm/__init__.py'), '');
      writeFileSync(join(site, 'litellm/proxy/__init__.py'), '');
      writeFileSync(join(site, 'litellm/proxy/proxy_server.py'), "raise ImportError(\"cannot import name 'path_template' from 'openai._utils'\")\n");
      mkdirSync(join(site, 'litellm-1.106.0.dist-info'));
      writeFileSync(join(site, 'litellm-1.106.0.dist-info/METADATA'), 'Name: litellm\nVersion: 1.106.0\n');
    }, ['--deep']);
    expect(bad(checks)).toEqual([['openai-pair', 'fail', 'openai-import-error']]);
  }, 60_000);
});

describe('advisory data', () => {
  it('every curated entry and pair has a source', () => {
    for (const a of [...CURATED, ...BAD_PAIRS]) expect(a.source.length, a.id).toBeGreaterThan(10);
  });

  it.each([
    ['1.106.0', '1.106.0'],
    ['1.83.14.rc.1', '1.83.14-rc1'],
    ['1.83.6rc1', '1.83.6-rc1'],
    ['2.0', '2.0.0'],
    ['1.82.8.post1', '1.82.8'],
    ['garbage', undefined],
  ])('pyVersion(%s) = %s', (v, want) => {
    expect(pyVersion(v)).toBe(want);
  });

  it('ccenv advisories --json lists them with sources', async () => {
    const r = await ccenv(['advisories', '--json']);
    const j = JSON.parse(r.stdout);
    expect(j.vulnerabilities.map((a: { id: string }) => a.id)).toContain('CVE-2026-42208');
    expect(j.curated.map((a: { id: string }) => a.id)).toContain('MAL-2026-2144');
    expect(j.badPairs.length).toBe(BAD_PAIRS.length);
  });
});
