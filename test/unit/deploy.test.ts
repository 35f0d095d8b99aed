// `ccenv gen deploy`: the compose file against the compose spec's JSON Schema (upstream copy, test/fixtures/
// SOURCES.md), the Helm values against the official chart's values.yaml keys, and what each must hold: N replicas,
// one worker each, Postgres and Redis wired through general_settings / router_settings, health checks, loopback
// unless --public, and never a secret value.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { deployConfig, renderDeployCompose, renderDeployHelm } from '../../src/gen/deploy.js';
import { validateFiles } from '../../src/validate/index.js';
import { cli } from '../helpers/inproc.js';
import { serviceDefaults } from '../../src/gen/service.js';
import { parseProfiles } from '../../src/profiles/load.js';
import { ROOT } from '../helpers/paths.js';

const cfg = parseProfiles(
  'proxy: { base_url: "http://127.0.0.1:4100", auth_token_env: LITELLM_MASTER_KEY }\nprofiles:\n  kimi: { model: kimi-k2.5, force_stream: true, upstream: { model: openai/kimi-k2.5, api_base: "https://api.example.com/v1", api_key_env: EXAMPLE_API_KEY, litellm_params: { rpm: 30 } } }\n  glm: { model: glm-5, fix_usage: false, upstream: { model: openai/glm-5, api_base: "https://open.example.com/v4", api_key_env: GLM_KEY } }\n',
  '/p.yaml',
);
const o = serviceDefaults(cfg);
// Its $schema names draft-07 by an https URI ajv does not know by that name; draft-07 is ajv's default dialect.
const { $schema: _dialect, ...schema } = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/compose-spec.json'), 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
/** compose's `$$` in config content is a literal `$`. */
const unescape = (s: string) => s.replace(/\$\$/g, '$');

describe('gen deploy --format compose', () => {
  const text = renderDeployCompose(cfg, o, { replicas: 3, public: false }, '1.0.0');
  const doc = parse(text) as Record<string, any>;

  it('validates against the compose spec', () => {
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate(parse(renderDeployCompose(cfg, o, { replicas: 1, public: true }, '1.0.0')))).toBe(true);
    // …and the schema does reject what is not compose.
    expect(validate({ services: { litellm: { imagee: 'nginx' } } })).toBe(false);
  });

  it('runs N LiteLLM replicas with one worker each behind one port on 127.0.0.1 (every interface with --public)', () => {
    expect(doc.services.litellm.deploy.replicas).toBe(3);
    expect(doc.services.litellm.command.join(' ')).toBe('--config /app/config.yaml --host 0.0.0.0 --port 4000 --num_workers 1');
    expect(doc.services.litellm.ports).toBeUndefined();
    expect(doc.services.gateway.ports).toEqual(['127.0.0.1:4100:4000']);
    expect((parse(renderDeployCompose(cfg, o, { replicas: 2, public: true }, '1.0.0')) as any).services.gateway.ports).toEqual(['4100:4000']);
    expect(unescape(doc.configs['gateway-config'].content)).toContain('upstream litellm { server litellm:4000; }');
    expect(unescape(doc.configs['gateway-config'].content)).toContain('proxy_set_header Host $host;');
  });

  it('wires Postgres (a volume) and Redis into the config as LiteLLM reads them, the hook mounted, health checks on both endpoints', () => {
    const config = parse(unescape(doc.configs['litellm-config'].content)) as Record<string, any>;
    expect(config.general_settings).toEqual({ master_key: 'os.environ/LITELLM_MASTER_KEY', database_url: 'os.environ/DATABASE_URL' });
    expect(config.router_settings).toMatchObject({ redis_host: 'os.environ/REDIS_HOST', redis_port: 'os.environ/REDIS_PORT', redis_password: 'os.environ/REDIS_PASSWORD', optional_pre_call_checks: ['enforce_model_rate_limits'] });
    expect(config.litellm_settings).toMatchObject({ use_chat_completions_url_for_anthropic_messages: true, cache: true, cache_params: { type: 'redis', mode: 'default_off' } });
    expect(config.litellm_settings.master_key).toBeUndefined();
    expect(doc.services.litellm.environment).toMatchObject({ DATABASE_URL: expect.stringMatching(/@postgres:5432\/litellm$/), REDIS_HOST: 'redis', LITELLM_USE_CHAT_COMPLETIONS_URL_FOR_ANTHROPIC_MESSAGES: '1' });
    expect(doc.services.postgres.volumes).toEqual(['pgdata:/var/lib/postgresql/data']);
    expect(doc.services.litellm.configs).toEqual([{ source: 'litellm-config', target: '/app/config.yaml' }, { source: 'ccenv-hook', target: '/app/ccenv_hooks.py' }]);
    expect(unescape(doc.configs['ccenv-hook'].content)).toContain('class ');
    const probe = doc.services.litellm.healthcheck.test.join(' ');
    expect(probe).toContain('/health/liveliness');
    expect(probe).toContain('/health/readiness');
  });

  it('writes no secret: every key and password is a required ${VAR:?…} reference', () => {
    for (const v of ['LITELLM_MASTER_KEY', 'LITELLM_SALT_KEY', 'EXAMPLE_API_KEY', 'GLM_KEY', 'REDIS_PASSWORD']) expect(doc.services.litellm.environment[v]).toMatch(new RegExp(`^\\$\\{${v}:\\?`));
    expect(doc.services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(text).not.toMatch(/sk-[A-Za-z0-9]/);
  });

  it("the deployment's master key is LITELLM_MASTER_KEY, whatever variable a developer's profiles keep their own key in", () => {
    const dev = parseProfiles('proxy: { auth_token_env: TEAM_KEY }\nprofiles:\n  a: { model: a, upstream: { model: openai/a, api_key_env: UP_KEY } }\n', '/d.yaml');
    const d = parse(renderDeployCompose(dev, serviceDefaults(dev), { replicas: 2, public: false }, '1.0.0')) as Record<string, any>;
    expect(parse(unescape(d.configs['litellm-config'].content)).general_settings.master_key).toBe('os.environ/LITELLM_MASTER_KEY');
    expect(Object.keys(d.services.litellm.environment)).toEqual(expect.arrayContaining(['LITELLM_MASTER_KEY', 'UP_KEY']));
    expect(d.services.litellm.environment.TEAM_KEY).toBeUndefined();
  });

  it('a rpm-free deployment gets no rate-limit pre-call check', () => {
    const plain = parseProfiles('profiles:\n  a: { model: a, upstream: { model: openai/a } }\n', '/q.yaml');
    expect((deployConfig(plain).config.router_settings as Record<string, unknown>).optional_pre_call_checks).toBeUndefined();
  });
});

describe('gen deploy --format helm', () => {
  const chart = parse(readFileSync(join(ROOT, 'test/fixtures/litellm-helm-values.yaml'), 'utf8')) as Record<string, any>;
  const values = parse(renderDeployHelm(cfg, { replicas: 4, public: false }, '1.0.0')) as Record<string, any>;

  it("uses only keys the official chart's values.yaml has (nested ones too, where the chart spells them out)", () => {
    for (const k of Object.keys(values)) expect(Object.keys(chart), k).toContain(k);
    for (const k of ['image', 'db', 'redis'] as const) for (const sub of Object.keys(values[k])) expect(Object.keys(chart[k]), `${k}.${sub}`).toContain(sub);
  });

  it('the same settings: replicas, the pinned image, secrets from Secrets, the deployment config with the chart-injected master key, the hook as a ConfigMap on PYTHONPATH', () => {
    expect(values.replicaCount).toBe(4);
    expect(values.image).toEqual({ repository: 'ghcr.io/berriai/litellm-database', tag: 'main-v1.108.7' });
    expect(values.masterkeySecretName).toBe('litellm-masterkey');
    expect(values.proxy_config.general_settings).toEqual({ master_key: 'os.environ/PROXY_MASTER_KEY', database_url: 'os.environ/DATABASE_URL' });
    expect(values.proxy_config.router_settings.redis_host).toBe('os.environ/REDIS_HOST');
    expect(values.redis).toEqual({ enabled: true, architecture: 'standalone' });
    expect(values.envVars).toMatchObject({ LITELLM_USE_CHAT_COMPLETIONS_URL_FOR_ANTHROPIC_MESSAGES: '1', PYTHONPATH: '/app/ccenv' });
    expect(values.volumeMounts).toEqual([{ name: 'ccenv-hook', mountPath: '/app/ccenv', readOnly: true }]);
    expect(values.extraResources[0]).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'ccenv-hook' } });
    expect(Object.keys(values.extraResources[0].data)).toEqual(['ccenv_hooks.py']);
  });
});

describe('validate knows the rules that bite shared deployments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccenv-deploy-validate-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const codes = (f: string) => validateFiles([f], { env: { PATH: '' } }).map((p) => `${p.line}:${p.col} ${p.code}`);

  it('what gen deploy writes (compose and helm) passes', () => {
    expect(codes(write('compose.yaml', renderDeployCompose(cfg, o, { replicas: 3, public: false }, '1.0.0')))).toEqual([]);
    expect(codes(write('values.yaml', renderDeployHelm(cfg, { replicas: 3, public: false }, '1.0.0')))).toEqual([]);
  });

  it('the same compose with Redis taken out, or a salt key written in, does not', () => {
    const doc = parse(renderDeployCompose(cfg, o, { replicas: 3, public: false }, '1.0.0')) as Record<string, any>;
    delete doc.services.litellm.environment.REDIS_HOST;
    doc.configs['litellm-config'].content = String(doc.configs['litellm-config'].content).replace(/redis_host: .*\n/, '');
    doc.services.litellm.environment.LITELLM_SALT_KEY = 'sk-salt-written-in-9f8e7d';
    const found = codes(write('broken.yaml', stringify(doc)));
    expect(found.map((c) => c.split(' ')[1])).toEqual(expect.arrayContaining(['replicas-without-redis', 'literal-salt-key']));
  });
});

describe('gen deploy on bad input', () => {
  it.each([['0'], ['65'], ['1.5']])('--replicas %s: one line, exit 2, nothing printed', async (n) => {
    const dir = mkdtempSync(join(tmpdir(), 'ccenv-deploy-bad-'));
    writeFileSync(join(dir, 'p.yaml'), 'profiles:\n  a: { model: a, upstream: { model: openai/a } }\n');
    const r = await cli(['gen', 'deploy', '--replicas', n, '--profiles', join(dir, 'p.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`ccenv: --replicas takes a whole number from 1 to 64 (got ${n})\n`);
  });
});
