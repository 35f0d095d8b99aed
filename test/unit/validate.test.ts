// `ccenv validate` and `--check`: the real-world corpus (test/fixtures/litellm-configs, copied from the research corpus with its MANIFEST), the bundled examples,
// and one bad case per rule.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { credentialKind, validateFiles, type ValidationProblem } from '../../src/validate/index.js';
import { ROOT } from '../helpers/paths.js';
import { cli as ccenv } from '../helpers/inproc.js';

const CORPUS = join(ROOT, 'test/fixtures/litellm-configs');
const corpus = readdirSync(CORPUS).filter((f) => /\.(ya?ml|example)$/.test(f));
const env = { PATH: '/usr/bin:/bin' };
const tmp = () => mkdtempSync(join(tmpdir(), 'ccenv-val-'));
const codes = (ps: ValidationProblem[]) => ps.map((p) => `${p.line}:${p.col} ${p.code}`);

describe('the real-world corpus', () => {
  it('has its files', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(35);
  });

  it.each(corpus)('%s: read without crashing; YAML-1.1 constructs accepted; no secret value echoed', (name) => {
    const file = join(CORPUS, name);
    const problems = validateFiles([file], { env });
    const text = readFileSync(file, 'utf8');
    expect(problems.filter((p) => p.code === 'yaml' || p.code === 'unknown-file' || p.code === 'schema')).toEqual([]);
    for (const p of problems) {
      expect(p.line).toBeGreaterThanOrEqual(1);
      const value = text.split(/\r?\n/)[p.line - 1]!.slice(p.col - 1).replace(/^["']|["']?\s*(#.*)?$/g, '');
      if (p.code === 'literal-secret') expect(p.message).not.toContain(value);
    }
  });

  it.each([
    ['BerriAI__litellm__litellm__proxy__example_config_yaml__load_balancer.yaml', ['9:16 literal-secret', '15:16 literal-secret', '27:19 literal-secret']],
    ['FarewellSagittarius__claude-code-wrapper__litellm-config.yaml', ['6:17 api-base-suffix', '11:17 api-base-suffix', '16:17 api-base-suffix', '19:16 drop-params']],
    ['FailproofAI__claude-code-proxy__litellm-config.yaml', ['8:1 drop-params', '79:3 misplaced-key']],
    ['NeoLabHQ__litellm-proxy__config.yaml', ['20:14 routing-flag', '40:3 misplaced-key', '46:5 callback-missing']],
    ['BerriAI__example_litellm_gcp_cloud_run__litellm_config.yaml', ['5:3 duplicate-key']],
    ['LiNan1984__claude-code-LiteLLM__litellm-config__config.yaml.example', ['12:3 misplaced-key', '12:15 literal-secret']],
    ['BerriAI__litellm__litellm__proxy__example_config_yaml__azure_config.yaml', ['1:1 drop-params']],
    ['Helmi__oss-llmops-stack__litellm-config.yaml', []],
  ])('%s', (name, want) => {
    expect(codes(validateFiles([join(CORPUS, name)], { env }))).toEqual(want);
  });
});

describe('ccenv validate on its own output', () => {
  it('the bundled example profiles and the config generated from them are clean, together', async () => {
    const dir = tmp();
    const gen = await ccenv(['gen', 'litellm', '--dir', dir, '--profiles', join(ROOT, 'examples/profiles.yaml')]);
    expect(gen.code).toBe(0);
    const r = await ccenv(['validate', join(ROOT, 'examples/profiles.yaml'), join(dir, 'config.yaml')], { env });
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'ccenv: 2 file(s) checked: no problems\n' });
    expect(await ccenv(['validate', '--quiet', join(ROOT, 'examples/profiles.yaml')], { env })).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

function write(dir: string, name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

describe('each rule', () => {
  it('profiles: schema problems keep their codes; a command shadowing an executable; literal secrets in env', () => {
    const dir = tmp();
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'claude-kimi'), '#!/bin/sh\n');
    chmodSync(join(bin, 'claude-kimi'), 0o755);
    const ok = write(dir, 'profiles.yaml', 'profiles:\n  kimi:\n    model: k\n    env: { TOKEN_X: "sk-ant-api03-abcdefghijklmnop" }\n');
    const problems = validateFiles([ok], { env: { PATH: bin } });
    expect(problems.map((p) => [p.line, p.code])).toEqual([[2, 'command-shadows'], [4, 'literal-secret']]);
    expect(problems[1]!.message).not.toContain('abcdefghijklmnop');
    const bad = write(dir, 'bad.yaml', 'profiles:\n  a:\n    model: m\n    command: cx\n  b:\n    model: n\n    command: cx\n');
    expect(codes(validateFiles([bad], { env }))).toEqual(['7:14 command-duplicate']);
  });

  it('config: [1m] model names, callbacks beside the config, master key format, routing flag', () => {
    const dir = tmp();
    write(dir, 'present_hook.py', '');
    const cfg = write(dir, 'config.yaml', `model_list:
  - model_name: "claude-sonnet-4-5[1m]"
    litellm_params: { model: openai/x, api_base: "http://h/v1" }
litellm_settings:
  drop_params: true
  callbacks: [present_hook.handler, absent_hook.handler, langfuse]
general_settings:
  master_key: mykey
`);
    expect(codes(validateFiles([cfg], { env }))).toEqual(['2:17 model-name-1m', '3:30 routing-flag', '6:14 callback-missing', '8:15 master-key-format', '8:15 literal-secret']);
  });

  it('cross-check: every profile model must be served by the config (aliases and globs count)', () => {
    const dir = tmp();
    const profiles = write(dir, 'profiles.yaml', 'profiles:\n  kimi:\n    model: kimi-k2.5\n    small_model: kimi-small\n  glm:\n    model: claude-glm-5\n');
    const cfg = write(dir, 'config.yaml', `model_list:
  - model_name: kimi-k2.5
    litellm_params: { model: anthropic/kimi }
  - model_name: "claude-*"
    litellm_params: { model: anthropic/glm }
litellm_settings: { drop_params: true }
`);
    const problems = validateFiles([profiles, cfg], { env });
    expect(problems.map((p) => [p.file, p.line, p.col, p.code])).toEqual([[profiles, 4, 18, 'model-missing']]);
    expect(problems[0]!.message).toContain("profiles.kimi.small_model 'kimi-small' is not a model_name");
  });

  it.each([
    ['api_key', 'sk-proj-abcdefghijklmnopqrstuvwxyz', 'a key (sk-…)'],
    ['api_key', 'none', undefined],
    ['api_key', 'os.environ/OPENAI_API_KEY', undefined],
    ['api_key', '<replace_with_your_access_key>', undefined],
    ['aws_access_key_id', 'AKIAABCDEFGHIJKLMNOP', 'an AWS access key id (AKIA…)'],
    ['authorization', 'Bearer abcdefghij123', 'a bearer token'],
    ['api_key', 'f3a9c2e1b7d64e0a9c8b7a6f5e4d3c2b', 'a high-entropy secret'],
    ['model', 'f3a9c2e1b7d64e0a9c8b7a6f5e4d3c2b', undefined],
    ['custom_auth', 'custom_auth.user_api_key_auth', undefined],
    ['master_key', 'sk-1234', 'a literal master key'],
  ])('credentialKind(%s, %s)', (key, value, want) => {
    expect(credentialKind(key, value)).toBe(want);
  });

  it('CLI: one line per problem `file:line:col: code: message`, --json, exit 1; unknown files are named', async () => {
    const dir = tmp();
    const odd = write(dir, 'odd.yaml', 'hello: world\n');
    const r = await ccenv(['validate', odd], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${odd}:1:1: unknown-file: neither a ccenv profiles file`));
    const j = await ccenv(['validate', '--json', odd], { env });
    expect(JSON.parse(j.stdout)).toMatchObject({ schemaVersion: 1, ok: false, problems: [{ file: odd, line: 1, col: 1, code: 'unknown-file' }] });
  });
});

describe('the validate cache never hides a problem', () => {
  it('an unchanged clean file validates clean from the cache; new PATH shadows and edits are still found, with positions', () => {
    const dir = tmp();
    const cacheEnv = { PATH: '/usr/bin:/bin', XDG_CACHE_HOME: join(dir, 'cache') };
    const file = write(dir, 'profiles.yaml', 'profiles:\n  kimi:\n    model: k\n');
    expect(validateFiles([file], { env: cacheEnv })).toEqual([]);
    expect(readdirSync(join(dir, 'cache/ccenv'))).toHaveLength(1);
    expect(validateFiles([file], { env: cacheEnv })).toEqual([]);
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'claude-kimi'), '#!/bin/sh\n', { mode: 0o755 });
    expect(codes(validateFiles([file], { env: { ...cacheEnv, PATH: bin } }))).toEqual(['2:3 command-shadows']);
    writeFileSync(file, 'profiles:\n  kimi:\n    model: k\n    env: { MY_TOKEN: "ghp_4f9Kq2Zr8Tn1Lw6Xc3Vb7Mh5Jd0Pa" }\n');
    expect(codes(validateFiles([file], { env: cacheEnv }))).toEqual(['4:22 literal-secret']);
  });
});

describe('gen … --check and check-generated', () => {
  it('exit 0 when current; exit 1 with a unified diff when stale', async () => {
    const dir = tmp();
    const profiles = join(ROOT, 'examples/profiles.yaml');
    await ccenv(['gen', 'litellm', '--dir', dir, '--profiles', profiles]);
    expect(await ccenv(['gen', 'litellm-config', '--profiles', profiles, '--check', join(dir, 'config.yaml')])).toEqual({ code: 0, stdout: '', stderr: `ccenv: ${join(dir, 'config.yaml')} matches the profiles\n` });
    // Generated by another ccenv version, same content: not drift.
    const current = readFileSync(join(dir, 'config.yaml'), 'utf8');
    writeFileSync(join(dir, 'config.yaml'), current.replace(/generated by ccenv \S+ from/, 'generated by ccenv 0.0.1-rc.2 from'));
    expect((await ccenv(['gen', 'litellm-config', '--profiles', profiles, '--check', join(dir, 'config.yaml'), '--quiet'])).code).toBe(0);
    const stale = readFileSync(join(dir, 'config.yaml'), 'utf8').replace('drop_params: true', 'drop_params: false');
    writeFileSync(join(dir, 'config.yaml'), stale);
    const r = await ccenv(['gen', 'litellm-config', '--profiles', profiles, '--check', join(dir, 'config.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`--- ${join(dir, 'config.yaml')}`);
    expect(r.stdout).toMatch(/^-  drop_params: false$/m);
    expect(r.stdout).toMatch(/^\+  drop_params: true$/m);
    const env2 = await ccenv(['check-generated', '--profiles', profiles, join(dir, 'litellm.env'), join(dir, 'config.yaml')]);
    expect(env2.code).toBe(1);
    expect(env2.stderr).toBe(`ccenv: ${join(dir, 'litellm.env')} matches the profiles\nccenv: ${join(dir, 'config.yaml')} differs from what ccenv would generate; regenerate it: ccenv gen litellm-config --profiles ${profiles} -o ${join(dir, 'config.yaml')} --force\n`);
  });
});
