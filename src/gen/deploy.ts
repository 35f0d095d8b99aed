import { stringify } from 'yaml';
import { DEFAULT_MASTER_KEY_ENV, OS_ENVIRON_PREFIX, SHARED_DEPLOYMENT as D } from '../knowledge/litellm.js';
import { secretEnvNames } from '../profiles/derive.js';
import type { ProfilesConfig } from '../profiles/types.js';
import { renderHook } from './hook.js';
import { buildLiteLLMConfig, HOOK } from './litellm-config.js';
import { composeEnvironment, proxyEnv, type ServiceOptions } from './service.js';

/** Options of `ccenv gen deploy`. */
export interface DeployOptions {
  /** LiteLLM replicas (containers / pods), each with one worker. Default 2. */
  replicas: number;
  /** Publish the gateway port on every interface; default 127.0.0.1 only (compose). */
  public: boolean;
}

/**
 * The LiteLLM config of a shared deployment: the profiles' config (model_list, routing setting, aliases, hook)
 * plus `general_settings.database_url`, the router's Redis (`router_settings.redis_*`), the Redis cache LiteLLM's
 * production page pairs with it (`mode: default_off`: nothing cached unless asked), and — when a deployment sets
 * rpm or tpm — the pre-call check that enforces them across replicas (knowledge/litellm.ts SHARED_DEPLOYMENT).
 * `masterKeyEnv`: the variable the master key comes from — LITELLM_MASTER_KEY, not the developer's
 * proxy.auth_token_env (that holds their own virtual key); the Helm chart injects PROXY_MASTER_KEY. Pure.
 */
export function deployConfig(cfg: ProfilesConfig, masterKeyEnv: string = DEFAULT_MASTER_KEY_ENV): { config: Record<string, unknown>; hooked: boolean } {
  const g = buildLiteLLMConfig(cfg);
  const env = (name: string) => `${OS_ENVIRON_PREFIX}${name}`;
  const redis = { host: env(D.redisVars.host), port: env(D.redisVars.port), password: env(D.redisVars.password) };
  const limited = g.config.model_list.some((m) => m.litellm_params.rpm !== undefined || m.litellm_params.tpm !== undefined);
  const config = {
    ...g.config,
    litellm_settings: { ...g.config.litellm_settings, cache: true, cache_params: { type: 'redis', ...redis, mode: D.cacheMode } },
    router_settings: {
      ...(g.config.router_settings ?? {}),
      redis_host: redis.host,
      redis_port: redis.port,
      redis_password: redis.password,
      ...(limited ? { optional_pre_call_checks: [D.rateLimitCheck] } : {}),
    },
    general_settings: { master_key: env(masterKeyEnv), database_url: env(D.databaseUrlVar) },
  };
  return { config, hooked: g.hooked };
}

/** Text for a compose `configs.<name>.content`: `$` doubled, so compose's interpolation leaves it as written. */
const content = (text: string) => text.replace(/\$/g, '$$$$');

/**
 * `ccenv gen deploy --format compose`: one self-contained compose file — N LiteLLM replicas (one worker each) on
 * Postgres (a named volume) and Redis, behind an nginx gateway that publishes one port (127.0.0.1 unless
 * `public`); the LiteLLM config, the hook and the gateway's config inline as compose `configs`; secrets
 * (LITELLM_MASTER_KEY, LITELLM_SALT_KEY, the database and Redis passwords, upstream keys) required from the
 * environment or the `.env` file beside it, never written; health checks on /health/liveliness and
 * /health/readiness. Sibling of `gen compose` (one proxy), sharing its environment. Pure.
 */
export function renderDeployCompose(cfg: ProfilesConfig, o: ServiceOptions, d: DeployOptions, version: string): string {
  const { config, hooked } = deployConfig(cfg);
  const need = (k: string) => `\${${k}:?set ${k} in .env beside this file}`;
  const py = (url: string) => `urllib.request.urlopen('http://127.0.0.1:4000${url}', timeout=5)`;
  const doc = {
    name: 'ccenv-litellm',
    services: {
      litellm: {
        image: D.images.litellm,
        command: ['--config', '/app/config.yaml', '--host', '0.0.0.0', '--port', '4000', '--num_workers', String(D.workers)],
        deploy: { replicas: d.replicas },
        environment: {
          ...composeEnvironment({ ...cfg, proxy: { ...cfg.proxy, authTokenEnv: DEFAULT_MASTER_KEY_ENV } }),
          [D.saltKeyVar]: need(D.saltKeyVar),
          [D.databaseUrlVar]: `postgresql://litellm:${need('POSTGRES_PASSWORD')}@postgres:5432/litellm`,
          [D.redisVars.host]: 'redis',
          [D.redisVars.port]: '6379',
          [D.redisVars.password]: need('REDIS_PASSWORD'),
        },
        configs: [{ source: 'litellm-config', target: '/app/config.yaml' }, ...(hooked ? [{ source: 'ccenv-hook', target: `/app/${HOOK.fileName}` }] : [])],
        depends_on: { postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } },
        healthcheck: {
          test: ['CMD', 'python3', '-c', `import urllib.request; ${py(D.healthPaths.liveliness)}; ${py(D.healthPaths.readiness)}`],
          interval: '15s',
          timeout: '10s',
          retries: 5,
          start_period: '90s',
        },
        restart: 'unless-stopped',
      },
      gateway: {
        image: D.images.gateway,
        ports: [`${d.public ? '' : '127.0.0.1:'}${o.port}:4000`],
        configs: [{ source: 'gateway-config', target: '/etc/nginx/conf.d/default.conf' }],
        depends_on: { litellm: { condition: 'service_healthy' } },
        restart: 'unless-stopped',
      },
      postgres: {
        image: D.images.postgres,
        environment: { POSTGRES_DB: 'litellm', POSTGRES_USER: 'litellm', POSTGRES_PASSWORD: need('POSTGRES_PASSWORD') },
        volumes: ['pgdata:/var/lib/postgresql/data'],
        healthcheck: { test: ['CMD-SHELL', 'pg_isready -U litellm -d litellm'], interval: '10s', timeout: '5s', retries: 5 },
        restart: 'unless-stopped',
      },
      redis: {
        image: D.images.redis,
        command: ['redis-server', '--requirepass', need('REDIS_PASSWORD')],
        environment: { REDISCLI_AUTH: need('REDIS_PASSWORD') },
        healthcheck: { test: ['CMD', 'redis-cli', 'ping'], interval: '10s', timeout: '5s', retries: 5 },
        restart: 'unless-stopped',
      },
    },
    volumes: { pgdata: {} },
    configs: {
      'litellm-config': { content: content(stringify(config, { lineWidth: 0 })) },
      ...(hooked ? { 'ccenv-hook': { content: content(renderHook(cfg, version)) } } : {}),
      // nginx resolves the service name to every replica at start and spreads requests over them; streams unbuffered.
      'gateway-config': {
        content: content(
          'upstream litellm { server litellm:4000; }\nserver {\n  listen 4000;\n  location / {\n    proxy_pass http://litellm;\n    proxy_http_version 1.1;\n    proxy_set_header Host $host;\n    proxy_buffering off;\n    proxy_read_timeout 600s;\n  }\n}\n',
        ),
      },
    },
  };
  const secrets = [D.saltKeyVar, 'POSTGRES_PASSWORD', 'REDIS_PASSWORD', ...secretEnvNames({ ...cfg, proxy: { ...cfg.proxy, authTokenEnv: DEFAULT_MASTER_KEY_ENV } })];
  return `# LiteLLM for a team, generated by ccenv ${version}: ${d.replicas} replica(s) on Postgres and Redis behind one port (${d.public ? 'every interface' : '127.0.0.1'}:${o.port}).
# Secrets are never written here: put ${secrets.join(', ')} in .env beside this file (chmod 600), then: docker compose up -d
# Keep LITELLM_SALT_KEY once set: it encrypts the upstream keys stored in the database.
${stringify(doc, { lineWidth: 0 })}`;
}

/**
 * `ccenv gen deploy --format helm`: a values file for LiteLLM's official chart (deploy/charts/litellm-helm in
 * BerriAI/litellm) with the same settings: replicaCount, the pinned image, the master key from a Secret
 * (`masterkeySecretName`, injected as PROXY_MASTER_KEY), the other secrets from a Secret (`environmentSecrets`),
 * the routing flag (`envVars`), the deployment config as `proxy_config`, the chart's standalone Postgres and
 * Redis, and the hook as a ConfigMap (`extraResources`) mounted on PYTHONPATH (LiteLLM imports a callback
 * module from there when it is not beside the config). Pure.
 */
export function renderDeployHelm(cfg: ProfilesConfig, d: DeployOptions, version: string): string {
  const { config, hooked } = deployConfig(cfg, 'PROXY_MASTER_KEY');
  const [repository, tag] = D.images.litellm.split(':') as [string, string];
  const values = {
    replicaCount: d.replicas,
    image: { repository, tag },
    masterkeySecretName: 'litellm-masterkey',
    masterkeySecretKey: 'masterkey',
    environmentSecrets: ['litellm-secrets'],
    envVars: { ...proxyEnv(), ...(hooked ? { PYTHONPATH: '/app/ccenv' } : {}) },
    proxy_config: config,
    db: { useExisting: false, deployStandalone: true },
    redis: { enabled: true, architecture: 'standalone' },
    ...(hooked
      ? {
          volumes: [{ name: 'ccenv-hook', configMap: { name: 'ccenv-hook' } }],
          volumeMounts: [{ name: 'ccenv-hook', mountPath: '/app/ccenv', readOnly: true }],
          extraResources: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ccenv-hook' }, data: { [HOOK.fileName]: renderHook(cfg, version) } }],
        }
      : {}),
  };
  const secrets = [D.saltKeyVar, ...secretEnvNames(cfg).filter((k) => k !== cfg.proxy.authTokenEnv)];
  return `# Values for LiteLLM's Helm chart (BerriAI/litellm deploy/charts/litellm-helm), generated by ccenv ${version}: ${d.replicas} replica(s).
# Secrets are never written here; create them first:
#   kubectl create secret generic litellm-masterkey --from-literal=masterkey=sk-…
#   kubectl create secret generic litellm-secrets ${secrets.map((k) => `--from-literal=${k}=…`).join(' ')}
# Then: helm install litellm oci://ghcr.io/berriai/litellm-helm -f values.yaml
${stringify(values, { lineWidth: 0 })}`;
}
