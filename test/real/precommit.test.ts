// The repository's .pre-commit-hooks.yaml run by the real pre-commit (PyPI, pinned in the test venv) in a
// throwaway git repo: a good commit passes, each bad case fails with its message; try-repo works.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, VENV } from '../helpers/paths.js';
import { run } from '../helpers/run.js';

let repo: string;
let env: NodeJS.ProcessEnv;

const git = (...args: string[]) => run('git', args, { cwd: repo, env });
const preCommit = (...args: string[]) => run(join(VENV, 'bin/pre-commit'), args, { cwd: repo, env, timeoutMs: 120_000 });

const PROFILES = `profiles:
  kimi:
    model: kimi-k2.5
    upstream: { model: openai/kimi-k2.5, api_base: "https://api.example.com/v1", api_key_env: EXAMPLE_API_KEY }
`;

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), 'ccenv-precommit-'));
  const bin = mkdtempSync(join(tmpdir(), 'ccenv-bin-'));
  writeFileSync(join(bin, 'ccenv'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
  env = {
    PATH: `${bin}:/usr/bin:/bin`,
    HOME: mkdtempSync(join(tmpdir(), 'ccenv-precommit-home-')),
    PRE_COMMIT_HOME: join(repo, '.cache-pre-commit'),
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
  };
  const rev = execFileSync('git', ['-C', ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  await git('init', '-q');
  writeFileSync(join(repo, '.gitignore'), '.cache-pre-commit/\n');
  writeFileSync(join(repo, 'profiles.yaml'), PROFILES);
  mkdirSync(join(repo, 'litellm'));
  execFileSync(process.execPath, [BIN, 'gen', 'litellm-config', '--profiles', join(repo, 'profiles.yaml'), '-o', join(repo, 'litellm/config.yaml')]);
  writeFileSync(
    join(repo, '.pre-commit-config.yaml'),
    `repos:
  - repo: ${ROOT}
    rev: ${rev}
    hooks:
      - id: ccenv-validate
        args: [--litellm-config, litellm/config.yaml]
      - id: ccenv-check-generated
        args: [--profiles, profiles.yaml, litellm/config.yaml]
`,
  );
  const installed = await preCommit('install');
  expect(installed.code, installed.stdout + installed.stderr).toBe(0);
}, 180_000);

describe('pre-commit with the ccenv hooks', () => {
  it('a good commit passes both hooks', async () => {
    await git('add', '-A');
    const r = await git('commit', '-q', '-m', 'good');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/ccenv validate.*Passed/);
    expect(r.stdout + r.stderr).toMatch(/ccenv generated files are current.*Passed/);
  }, 120_000);

  it.each([
    ['a literal API key in the config', 'litellm/config.yaml', (t: string) => t.replace('api_key: os.environ/EXAMPLE_API_KEY', 'api_key: sk-proj-FAKEabcdefghijklmnopqrstu'), /literal-secret: model_list\.0\.litellm_params\.api_key holds a key/],
    ['a profile model the config does not serve', 'profiles.yaml', (t: string) => t.replace('model: kimi-k2.5\n', 'model: kimi-k3\n'), /model-missing: profiles\.kimi\.model 'kimi-k3' is not a model_name/],
    ['a [1m] model_name', 'litellm/config.yaml', (t: string) => t.replace('- model_name: kimi-k2.5', '- model_name: kimi-k2.5[1m]'), /model-name-1m/],
    ['a config that drifted from the profiles', 'litellm/config.yaml', (t: string) => t.replace('drop_params: true', 'drop_params: false'), /^\+  drop_params: true$[\s\S]*differs from what ccenv would generate|differs from what ccenv would generate[\s\S]*^\+  drop_params: true$/m],
    ['a broken profiles file', 'profiles.yaml', (t: string) => t.replace('model: kimi-k2.5', 'modle: kimi-k2.5'), /schema: profiles\.kimi\.modle: unknown key 'modle' \(did you mean 'model'\?\)/],
  ])('%s fails the commit with its message', async (_name, file, edit, message) => {
    const path = join(repo, file);
    const before = readFileSync(path, 'utf8');
    writeFileSync(path, edit(before));
    await git('add', '-A');
    const r = await git('commit', '-q', '-m', 'bad');
    writeFileSync(path, before);
    await git('add', '-A');
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(message);
    expect(r.stdout + r.stderr).not.toContain('sk-proj-FAKEabcdefghijklmnopqrstu');
  }, 120_000);

  it('pre-commit try-repo on this repository works', async () => {
    const r = await preCommit('try-repo', ROOT, 'ccenv-validate', '--files', 'profiles.yaml', 'litellm/config.yaml');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ccenv validate.*Passed/);
  }, 120_000);
});
