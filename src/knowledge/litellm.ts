/**
 * Facts about LiteLLM that ccenv's generators rely on. Each entry names its source.
 * Research: shared/research/litellm.md (section numbers below).
 */

/**
 * Since LiteLLM 1.82.0, `/v1/messages` for `openai/` deployments goes to the upstream's `/v1/responses`
 * unless this is set — BerriAI/litellm release notes v1.82.0; research/litellm.md §2.1.
 * The env var is read as `bool(os.getenv(...))`, so ANY non-empty value (even "False" or "0") turns it on.
 */
export const CHAT_COMPLETIONS_ROUTING = {
  envVar: 'LITELLM_USE_CHAT_COMPLETIONS_URL_FOR_ANTHROPIC_MESSAGES',
  /** The only value ccenv ever writes; never write "false" (it would still enable the flag). */
  envValue: '1',
  settingsKey: 'use_chat_completions_url_for_anthropic_messages',
  sinceVersion: '1.82.0',
  source: 'BerriAI/litellm release notes v1.82.0 (2026-02-28); litellm/__init__.py bool(os.getenv(...)); research/litellm.md §2',
} as const;

/** Prefix LiteLLM's config loader resolves from the environment: `os.environ/NAME` — LiteLLM docs proxy/configs. */
export const OS_ENVIRON_PREFIX = 'os.environ/';

/** LiteLLM's default proxy port (`litellm --port`, default 4000) — litellm/proxy/proxy_cli.py; research/litellm.md §8. */
export const DEFAULT_PROXY_URL = 'http://localhost:4000';

/** The environment variable LiteLLM reads the master key from when the config does not set one — research/litellm.md §3. */
export const DEFAULT_MASTER_KEY_ENV = 'LITELLM_MASTER_KEY';

/**
 * Environment for an offline proxy: the bundled model cost map instead of a fetch at import, and no `.env`
 * auto-loading from the working directory — research/litellm.md §8.
 */
export const OFFLINE_PROXY_ENV: Readonly<Record<string, string>> = {
  LITELLM_LOCAL_MODEL_COST_MAP: 'True',
  LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS: 'True',
  LITELLM_MODE: 'PRODUCTION',
};

/**
 * The LiteLLM release ccenv verifies against (its real-proxy tests run it) and the openai SDK installed with it.
 * Source: test/python/requirements.txt and constraints.txt (a unit test keeps them equal). 1.106.0 is the newest
 * release before the suspect 1.107 line that installs from PyPI (1.106.1+ need a newer certifi).
 */
export const PINNED = { litellm: '1.106.0', openai: '2.54.0', source: 'test/python/constraints.txt' } as const;
