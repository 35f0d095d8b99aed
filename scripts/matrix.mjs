#!/usr/bin/env node
// `npm run test:matrix`: the real-proxy suites (Claude Code end to end through the generated function and config,
// the hook, the doctor fault matrix) against five LiteLLM releases — the oldest ccenv supports (litellmMin in
// src/knowledge/advisories.ts), the last 1.100.x, the last 1.106.x, the pin (test/python/requirements.txt), and
// the newest on PyPI — and writes docs/compatibility.md. Each release gets its own venv in
// ${XDG_CACHE_HOME:-~/.cache}/ccenv-matrix/<version>, reused between runs. Run `npm run build` first.
// Never installs 1.82.7 / 1.82.8 (compromised) or any 1.107.x (reported compromised).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const SUITES = ['test/real/e2e.test.ts', 'test/real/hook.test.ts', 'test/real/doctor.test.ts'];
const cache = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'ccenv-matrix');
const refused = (v) => /^1\.82\.[78]$/.test(v) || v.startsWith('1.107.');
const log = (s) => process.stderr.write(`[matrix] ${s}\n`);

const min = /litellmMin:\s*\{\s*version:\s*'([^']+)'/.exec(readFileSync(join(root, 'src/knowledge/advisories.ts'), 'utf8'))[1];
const pin = /^litellm\[proxy\]==(\S+)/m.exec(readFileSync(join(root, 'test/python/requirements.txt'), 'utf8'))[1];
const listed = execFileSync('python3', ['-m', 'pip', 'index', 'versions', 'litellm', '--disable-pip-version-check'], { encoding: 'utf8' });
const all = (/Available versions: (.*)/.exec(listed)?.[1] ?? '').split(',').map((s) => s.trim()).filter((v) => /^\d+\.\d+\.\d+$/.test(v) && !refused(v));
const newestOf = (prefix) => all.find((v) => v.startsWith(prefix));
const rows = [
  ['oldest supported (litellmMin)', min],
  ['last 1.100.x', newestOf('1.100.')],
  ['last 1.106.x', newestOf('1.106.')],
  ['the pin', pin],
  ['newest on PyPI', all[0]],
].filter(([, v]) => v);
const only = process.argv.slice(2).filter((a) => /^\d/.test(a));

/** A venv with litellm[proxy]==version (the pin with the project's constraints); undefined with the error when it cannot be made. */
function venvFor(version) {
  const dir = join(cache, version);
  const stamp = join(dir, '.ccenv-matrix-stamp');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return { dir };
  if (refused(version)) return { error: `refused: ${version} is a compromised or suspect release` };
  mkdirSync(cache, { recursive: true });
  log(`creating ${dir}`);
  execFileSync('python3', ['-m', 'venv', '--clear', dir], { stdio: 'inherit' });
  const args = ['install', '-q', '--disable-pip-version-check', `litellm[proxy]==${version}`];
  if (version === pin) args.push('-c', join(root, 'test/python/constraints.txt'));
  const pip = spawnSync(join(dir, 'bin/pip'), args, { encoding: 'utf8' });
  if (pip.status !== 0) return { error: `pip install failed: ${(pip.stderr || pip.stdout).split('\n').filter((l) => /ERROR|error:/.test(l)).slice(0, 2).join(' ').slice(0, 300)}` };
  const site = join(dir, 'lib', readdirSync(join(dir, 'lib')).find((d) => d.startsWith('python')), 'site-packages');
  if (existsSync(join(site, 'litellm_init.pth'))) return { error: 'litellm_init.pth present: compromised install' };
  writeFileSync(stamp, version);
  return { dir };
}

const results = [];
for (const [label, version] of rows) {
  if (only.length && !only.includes(version)) continue;
  const v = venvFor(version);
  if (v.error) {
    results.push({ label, version, suites: SUITES.map(() => ({ ok: false, note: v.error })) });
    continue;
  }
  const openai = execFileSync(join(v.dir, 'bin/python'), ['-c', 'import importlib.metadata as m; print(m.version("openai"))'], { encoding: 'utf8' }).trim();
  const report = join(cache, `report-${version}.json`);
  log(`litellm ${version} (openai ${openai}): ${SUITES.join(', ')}`);
  spawnSync(join(root, 'node_modules/.bin/vitest'), ['run', '--project', 'real', ...SUITES, '--reporter=json', `--outputFile.json=${report}`], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CCENV_TEST_VENV: v.dir } });
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(report, 'utf8'));
  } catch {
    parsed = { testResults: [] };
  }
  results.push({
    label,
    version,
    openai,
    suites: SUITES.map((s) => {
      const file = parsed.testResults.find((t) => t.name.endsWith(s));
      if (!file) return { ok: false, note: 'did not run' };
      const failed = file.assertionResults.filter((a) => a.status === 'failed');
      const passed = file.assertionResults.filter((a) => a.status === 'passed').length;
      const why = failed[0] ? `${failed[0].title}: ${String(failed[0].failureMessages?.[0] ?? '').split('\n')[0].replace(/\x1b\[[0-9;]*m/g, '').slice(0, 160)}` : file.message ? String(file.message).split('\n')[0].slice(0, 160) : '';
      return { ok: failed.length === 0 && passed > 0, passed, failed: failed.length, note: why };
    }),
  });
}

const cell = (s) => (s.ok ? `pass (${s.passed})` : `**fail** (${s.failed ?? 0} of ${(s.passed ?? 0) + (s.failed ?? 0)})${s.note ? `: ${s.note.replace(/\|/g, '\\|')}` : ''}`);
const md = [
  '# LiteLLM compatibility',
  '',
  `Generated by \`npm run test:matrix\` on ${new Date().toISOString().slice(0, 10)}: ccenv's real-proxy suites — Claude Code end to end through a generated function and config (\`e2e\`), the generated hook (\`hook\`), the doctor fault matrix (\`doctor\`) — against each LiteLLM release, each in its own venv. CI runs the pin only.`,
  '',
  `| release | litellm | openai | ${SUITES.map((s) => s.replace(/^test\/real\/|\.test\.ts$/g, '')).join(' | ')} |`,
  `|---|---|---|${SUITES.map(() => '---').join('|')}|`,
  ...results.map((r) => `| ${r.label} | ${r.version} | ${r.openai ?? '-'} | ${r.suites.map(cell).join(' | ')} |`),
  '',
  'A behaviour found only on some releases goes into `src/knowledge/` with its version range and source.',
  '',
].join('\n');
mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(join(root, 'docs/compatibility.md'), md);
process.stdout.write(md);
