/**
 * Facts about LiteLLM that ccenv's generators and checks rely on. Each entry names its source: a URL, an
 * `owner/repo#N` reference, or "observed with <tool> <version>".
 */

/**
 * Since LiteLLM 1.82.0, `/v1/messages` for `openai/` deployments goes to the upstream's `/v1/responses`
 * unless this is set.
 * The env var is read as `bool(os.getenv(...))`, so ANY non-empty value (even "False" or "0") turns it on.
 */
export const CHAT_COMPLETIONS_ROUTING = {
  envVar: 'LITELLM_USE_CHAT_COMPLETIONS_URL_FOR_ANTHROPIC_MESSAGES',
  /** The only value ccenv ever writes; never write "false" (it would still enable the flag). */
  envValue: '1',
  settingsKey: 'use_chat_completions_url_for_anthropic_messages',
  sinceVersion: '1.82.0',
  source: 'https://docs.litellm.ai/release_notes/v1.82.0 (2026-02-28); https://github.com/BerriAI/litellm/blob/main/litellm/__init__.py reads it as bool(os.getenv(...)); observed with LiteLLM 1.106.0 (test/real/hook.test.ts records /v1/responses without it)',
} as const;

/** Prefix LiteLLM's config loader resolves from the environment: `os.environ/NAME` — https://docs.litellm.ai/docs/proxy/configs */
export const OS_ENVIRON_PREFIX = 'os.environ/';

/** LiteLLM's default proxy port (`litellm --port`, default 4000) — https://docs.litellm.ai/docs/proxy/cli */
export const DEFAULT_PROXY_URL = 'http://localhost:4000';

/** The environment variable LiteLLM reads the master key from when the config does not set one — https://docs.litellm.ai/docs/proxy/virtual_keys */
export const DEFAULT_MASTER_KEY_ENV = 'LITELLM_MASTER_KEY';

/**
 * Environment for an offline proxy: the bundled model cost map instead of a fetch at import
 * (https://docs.litellm.ai/docs/proxy/configs, LITELLM_LOCAL_MODEL_COST_MAP), the bundled beta-header map, and
 * production mode (no `.env` auto-loading from the working directory) — observed with LiteLLM 1.106.0.
 */
export const OFFLINE_PROXY_ENV: Readonly<Record<string, string>> = {
  LITELLM_LOCAL_MODEL_COST_MAP: 'True',
  LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS: 'True',
  LITELLM_MODE: 'PRODUCTION',
};

/**
 * The LiteLLM release ccenv verifies against (its real-proxy tests run it) and the openai SDK installed with it.
 * Source: test/python/requirements.txt and constraints.txt (a unit test keeps them equal). 1.108.7 is the newest
 * release of the long-term-support 1.108 line whose [proxy] extra installs from PyPI, and no record in
 * data/osv-snapshot.json affects it (a unit test holds that).
 */
export const PINNED = { litellm: '1.108.7', openai: '3.57.0', source: 'observed with LiteLLM 1.108.7 in ccenv\'s real-proxy tests (test/python/constraints.txt: the openai it resolves to)' } as const;

/**
 * What a hang on `/v1/messages` can mean: besides a slow or stuck upstream, Responses-API routing on hosts that
 * neither answer nor 404 (BerriAI/litellm#20103).
 */
export const HANG_HINT = {
  fix: `a hang on /v1/messages is also how Responses-API routing shows on hosts that neither answer nor 404: set ${CHAT_COMPLETIONS_ROUTING.envVar}=1 in the proxy environment; otherwise check the upstream and raise --timeout`,
  source: 'BerriAI/litellm#20103',
} as const;

/**
 * The suffixes LiteLLM's router appends to a routed failure: `Received Model Group=…` (older releases) and
 * `LiteLLM: model group '…' failed with the error above` (1.106.0). The upstream's own message comes before it.
 */
export const ROUTER_SUFFIXES = {
  received: 'Received Model Group=',
  failed: 'LiteLLM: model group ',
  failedEnd: ' failed with the error above',
  source: 'https://github.com/BerriAI/litellm/blob/main/litellm/router.py; observed with LiteLLM 1.106.0 (LiteLLM: model group … failed with the error above)',
} as const;

/**
 * Releases that turn Claude Code's `thinking` into `reasoning_effort` for openai/ deployments on /v1/messages (so
 * an upstream that rejects reasoning_effort fails — `thinking: drop` fixes it): observed in 1.106.12 and 1.108.7,
 * not in 1.83.7 or 1.100.5 (ccenv's compatibility matrix, docs/compatibility.md).
 */
export const THINKING_TO_REASONING = {
  observedIn: ['1.106.12', '1.108.7'],
  notIn: ['1.83.7', '1.100.5'],
  source: 'observed with LiteLLM 1.83.7, 1.100.5, 1.106.12 and 1.108.7 (npm run test:matrix: the upstream saw reasoning_effort only from 1.106)',
} as const;

/**
 * Releases whose `[proxy]` extra cannot be installed from PyPI: they pin companion packages (litellm-proxy,
 * litellm-enterprise, litellm-proxy-extras builds) that PyPI does not serve.
 */
export const UNINSTALLABLE_PROXY_EXTRA = {
  versions: ['1.108.8', '1.108.9', '1.108.10', '1.108.11', '1.108.12', '1.108.13', '1.108.14', '1.110.2'],
  source: 'observed with pip 23.2 on 2026-12-01 ("No matching distribution found for litellm-proxy==1.110.2", litellm-enterprise==0.1.79.post2 missing for 1.108.8–1.108.14)',
} as const;

/**
 * What a LiteLLM deployment of more than one replica needs (`ccenv gen deploy`): one Postgres for virtual keys and
 * spend (`general_settings.database_url` — LiteLLM reads master_key and database_url only from general_settings),
 * one Redis for the router's shared state (`router_settings.redis_host/redis_port/redis_password`: host, port and
 * password, not redis_url, which the production page calls slower) and the cache settings the production page
 * pairs with it (`litellm_settings.cache` on Redis; `mode: default_off` so nothing is cached unless a request asks),
 * the same LITELLM_SALT_KEY on every replica (it encrypts the upstream keys stored in the database; never change
 * it after adding a model), and one uvicorn worker per container (scale with replicas). A deployment's rpm/tpm is
 * only enforced with `optional_pre_call_checks: [enforce_model_rate_limits]` (or usage-based routing); with Redis
 * the counts are shared by every replica.
 */
export const SHARED_DEPLOYMENT = {
  settingsOnlyInGeneral: ['master_key', 'database_url'],
  saltKeyVar: 'LITELLM_SALT_KEY',
  databaseUrlVar: 'DATABASE_URL',
  redisVars: { host: 'REDIS_HOST', port: 'REDIS_PORT', password: 'REDIS_PASSWORD' },
  cacheMode: 'default_off',
  rateLimitCheck: 'enforce_model_rate_limits',
  workers: 1,
  healthPaths: { liveliness: '/health/liveliness', readiness: '/health/readiness' },
  images: { litellm: `ghcr.io/berriai/litellm-database:main-v${PINNED.litellm}`, postgres: 'postgres:16-alpine', redis: 'redis:7-alpine', gateway: 'nginx:1.27-alpine' },
  source:
    'https://docs.litellm.ai/docs/proxy/prod; https://docs.litellm.ai/docs/proxy/redis_requirements; https://docs.litellm.ai/docs/proxy/caching; https://docs.litellm.ai/docs/proxy/health; https://pypi.org/project/litellm/1.108.7/ (litellm/router.py: the Redis DualCache and the enforce_model_rate_limits pre-call check, litellm/caching/caching.py: CacheMode.default_off)',
} as const;
