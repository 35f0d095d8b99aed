// Each validate rule alone, as a table: a file that breaks it (the problem's position and code), and one that
// does not. The rule's `run` is called directly, with the inputs the orchestrator would build.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProfiles } from '../../src/profiles/load.js';
import { matchGlob } from '../../src/util/glob.js';
import { parseLocated, type Pos } from '../../src/util/yaml.js';
import { RULES, type ConfigInput, type ProfilesInput } from '../../src/validate/rules.js';
import { cli } from '../helpers/inproc.js';

const dir = mkdtempSync(join(tmpdir(), 'ccenv-rules-'));
let n = 0;
function file(text: string, name = `f${n++}.yaml`): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}
function profilesInput(text: string): ProfilesInput {
  const f = file(text);
  const c = checkProfiles(text, f);
  if (!c.config) throw new Error(JSON.stringify(c.problems));
  return { file: f, cfg: c.config, located: () => c.located, data: c.located.data };
}
function configInput(text: string): ConfigInput {
  const f = file(text);
  const located = parseLocated(text, { version: '1.1', uniqueKeys: false });
  return { file: f, data: located.data as Record<string, unknown>, located, strictErrors: parseLocated(text, { version: '1.1', uniqueKeys: true }).errors };
}

/** Run one rule; problems as `line:col code`. */
function alone(code: string, o: { profiles?: string; config?: string; env?: NodeJS.ProcessEnv }): string[] {
  const rule = RULES.find((r) => r.code === code)!;
  const out: string[] = [];
  const p = o.profiles !== undefined ? profilesInput(o.profiles) : undefined;
  const c = o.config !== undefined ? configInput(o.config) : undefined;
  const at = (pos: Pos, cd: string) => out.push(`${pos.line}:${pos.col} ${cd}`);
  rule.run({
    env: o.env ?? { PATH: '' },
    profiles: rule.kind === 'both' && rule.code !== 'literal-secret' ? undefined : p,
    config: rule.kind === 'both' && rule.code !== 'literal-secret' ? undefined : c,
    all: { profiles: p ? [p] : [], configs: c ? [c] : [] },
    report: (path, cd, _m, onKey) => at((p?.located() ?? c!.located).at(path, onKey), cd),
    reportIn: (_f, pos, cd) => at(pos, cd),
  });
  return out;
}

const bin = mkdtempSync(join(tmpdir(), 'ccenv-rules-bin-'));
mkdirSync(bin, { recursive: true });
writeFileSync(join(bin, 'claude-kimi'), '#!/bin/sh\n', { mode: 0o755 });

describe('validate rules, each alone', () => {
  it.each<[string, { profiles?: string; config?: string; env?: NodeJS.ProcessEnv }, string[]]>([
    ['command-shadows', { profiles: 'profiles:\n  kimi: { model: k }\n', env: { PATH: bin } }, ['2:3 command-shadows']],
    ['command-shadows', { profiles: 'profiles:\n  kimi: { model: k }\n', env: { PATH: '/nonexistent' } }, []],
    ['literal-secret', { config: 'model_list:\n  - model_name: m\n    litellm_params: { model: openai/m, api_key: sk-live-abcdef123456 }\n' }, ['3:49 literal-secret']],
    ['literal-secret', { config: 'model_list:\n  - model_name: m\n    litellm_params: { model: openai/m, api_key: os.environ/KEY }\n' }, []],
    ['literal-secret', { config: 'masterkeySecretName: litellm-masterkey\nmasterkeySecretKey: masterkey\nenvironmentSecrets: [litellm-secrets]\nproxy_config: { general_settings: { master_key: os.environ/PROXY_MASTER_KEY } }\n' }, []],
    ['literal-secret', { config: 'proxy_config:\n  general_settings: { master_key: sk-live-abcdef123456 }\n' }, ['2:35 literal-secret']],
    ['literal-secret', { profiles: 'profiles:\n  kimi: { model: k, env: { MY_TOKEN: "ghp_4f9Kq2Zr8Tn1Lw6Xc3Vb7Mh5Jd0Pa" } }\n' }, ['2:38 literal-secret']],
    ['context-window-ignored', { profiles: 'profiles:\n  c: { model: claude-haiku-5-5, context_window: 64000 }\n' }, ['2:49 context-window-ignored']],
    ['context-window-ignored', { profiles: 'profiles:\n  c: { model: kimi-k2.5, context_window: 64000 }\n' }, []],
    ['duplicate-key', { config: 'general_settings:\n  a: 1\n  a: 2\n' }, ['3:3 duplicate-key']],
    ['schema', { config: 'model_list: 7\n' }, ['1:13 schema']],
    ['schema', { config: 'model_list: []\n' }, []],
    ['model-name-1m', { config: 'model_list:\n  - model_name: "kimi[1m]"\n    litellm_params: { model: openai/k }\n' }, ['2:17 model-name-1m']],
    ['api-base-suffix', { config: 'model_list:\n  - model_name: g\n    litellm_params: { model: anthropic/glm, api_base: "https://z.ai/api/anthropic/v1" }\n' }, ['3:55 api-base-suffix']],
    ['routing-flag', { config: 'model_list:\n  - model_name: k\n    litellm_params: { model: openai/k, api_base: "http://h/v1" }\n' }, ['3:30 routing-flag']],
    ['routing-flag', { config: 'model_list:\n  - model_name: k\n    litellm_params: { model: openai/k, api_base: "http://h/v1" }\nlitellm_settings: { use_chat_completions_url_for_anthropic_messages: true }\n' }, []],
    ['drop-params', { config: 'model_list:\n  - model_name: k\n    litellm_params: { model: openai/k }\n' }, ['1:1 drop-params']],
    ['misplaced-key', { config: 'litellm_settings:\n  master_key: os.environ/K\n' }, ['2:3 misplaced-key']],
    ['misplaced-key', { config: 'litellm_settings:\n  drop_params: true\n  database_url: os.environ/DATABASE_URL\n' }, ['3:3 misplaced-key']],
    ['misplaced-key', { config: 'general_settings:\n  master_key: os.environ/K\n  database_url: os.environ/DATABASE_URL\n' }, []],
    ['replicas-without-redis', { config: 'services:\n  litellm:\n    image: ghcr.io/berriai/litellm:main\n    deploy: { replicas: 3 }\n' }, ['4:13 replicas-without-redis']],
    ['replicas-without-redis', { config: 'services:\n  litellm:\n    image: ghcr.io/berriai/litellm:main\n    deploy: { replicas: 3 }\n    environment: [REDIS_HOST=redis]\n' }, []],
    ['replicas-without-redis', { config: 'services:\n  litellm:\n    image: ghcr.io/berriai/litellm:main\n    deploy: { replicas: 3 }\nconfigs:\n  c:\n    content: |\n      model_list: []\n      router_settings: { redis_host: os.environ/REDIS_HOST }\n' }, []],
    ['replicas-without-redis', { config: 'services:\n  litellm:\n    image: ghcr.io/berriai/litellm:main\n' }, []],
    ['replicas-without-redis', { config: 'replicaCount: 2\nproxy_config:\n  model_list: []\n' }, ['1:15 replicas-without-redis']],
    ['replicas-without-redis', { config: 'replicaCount: 2\nredis: { enabled: true }\nproxy_config:\n  model_list: []\n' }, []],
    ['literal-salt-key', { config: 'services:\n  litellm:\n    image: litellm/litellm\n    environment:\n      LITELLM_SALT_KEY: sk-1234\n' }, ['5:25 literal-salt-key']],
    ['literal-salt-key', { config: 'services:\n  litellm:\n    image: litellm/litellm\n    environment: ["LITELLM_SALT_KEY=sk-1234"]\n' }, ['4:18 literal-salt-key']],
    ['literal-salt-key', { config: 'services:\n  litellm:\n    image: litellm/litellm\n    environment:\n      LITELLM_SALT_KEY: ${LITELLM_SALT_KEY:?set it}\n' }, []],
    ['literal-salt-key', { config: 'replicaCount: 1\nenvVars: { LITELLM_SALT_KEY: abc }\nproxy_config: {}\n' }, ['2:30 literal-salt-key']],
    ['literal-salt-key', { config: 'services:\n  litellm:\n    image: litellm/litellm\n    environment:\n      LITELLM_SALT_KEY: ${LITELLM_SALT_KEY:-sk-default-salt}\n' }, ['5:25 literal-salt-key']],
    ['misplaced-key', { config: 'replicaCount: 2\nproxy_config:\n  litellm_settings:\n    master_key: os.environ/K\n' }, ['4:5 misplaced-key']],
    ['misplaced-key', { config: 'services:\n  litellm:\n    image: litellm/litellm\nconfigs:\n  c:\n    content: |\n      model_list: []\n      litellm_settings: { database_url: os.environ/DATABASE_URL }\n' }, ['6:14 misplaced-key']],
    ['master-key-format', { config: 'general_settings:\n  master_key: mykey\n' }, ['2:15 master-key-format']],
    ['callback-missing', { config: 'litellm_settings:\n  callbacks: nothere.handler\n' }, ['2:14 callback-missing']],
    ['model-missing', { profiles: 'profiles:\n  kimi: { model: k, subagent_model: sub }\n', config: 'model_list:\n  - model_name: k\n    litellm_params: { model: openai/k }\n' }, ['2:37 model-missing']],
    ['model-missing', { profiles: 'profiles:\n  kimi: { model: openai/k, subagent_model: openai/sub }\n', config: 'model_list:\n  - model_name: "openai/*"\n    litellm_params: { model: "openai/*" }\n' }, []],
  ])('%s: %j', (code, input, want) => {
    expect(alone(code, input)).toEqual(want);
  });

  it('every rule has a test row, a source and a description', () => {
    for (const r of RULES) {
      expect(r.source.length, r.code).toBeGreaterThan(10);
      expect(r.describe.length, r.code).toBeGreaterThan(10);
    }
  });

  it('validate --list names every rule with the files it reads, aligned', async () => {
    const r = await cli(['validate', '--list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    for (const rule of RULES) expect(lines.some((l) => l.startsWith(`${rule.code} `))).toBe(true);
    const starts = new Set(lines.map((l) => l.search(/\S+\s*$/) > 0 && l.indexOf(l.split(/\s{2,}/)[1]!)));
    expect(starts.size).toBe(1);
  });
});

describe('glob matching without backtracking regular expressions', () => {
  it.each([
    ['openai/*', 'openai/gpt-5', true],
    ['*', '', true],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'axxbyy', false],
    ['claude-*-5', 'claude-opus-5', true],
    ['x', 'xx', false],
  ])('%s ~ %s → %s', (g, t, want) => {
    expect(matchGlob(g, t)).toBe(want);
  });

  it('18 stars against a long id ends at once', () => {
    const start = performance.now();
    expect(matchGlob(`${'*a'.repeat(18)}*b`, 'a'.repeat(5000))).toBe(false);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
