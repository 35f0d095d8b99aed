/**
 * Facts about the Claude Code client that ccenv relies on. Knowledge is data: every entry names its source — a URL,
 * an `owner/repo#N` reference, or "observed with <tool> <version>" (a unit test holds the form).
 */

/** Where a fact comes from: a URL, `owner/repo#N`, or `observed with <tool> <version> …`. */
export type Source = string;

/** Observed by ccenv's real-component tests (test/real/e2e.test.ts: a logging fake endpoint) and by hand. */
const CC_OBS: Source = 'observed with @anthropic-ai/claude-code 2.1.330 against a local logging Messages endpoint';
const CC_ENV_DOCS: Source = 'https://code.claude.com/docs/en/env-vars';
const CC_MODEL_DOCS: Source = 'https://code.claude.com/docs/en/model-config';

/** A Claude Code environment variable and what it does, with its source. */
export interface EnvVarFact {
  readonly name: string;
  readonly meaning: string;
  readonly source: Source;
}

/** Environment variables a `claude-<profile>` function sets or unsets, by name (Claude Code's names, verbatim). */
export const CLAUDE_ENV = {
  baseUrl: { name: 'ANTHROPIC_BASE_URL', meaning: 'Messages API base URL (the proxy, without /v1)', source: CC_ENV_DOCS },
  authToken: { name: 'ANTHROPIC_AUTH_TOKEN', meaning: 'sent as `authorization: Bearer <token>`', source: CC_ENV_DOCS },
  customHeaders: { name: 'ANTHROPIC_CUSTOM_HEADERS', meaning: 'extra request headers, `Name: Value`, one per line', source: CC_ENV_DOCS },
  apiKey: {
    name: 'ANTHROPIC_API_KEY',
    meaning: 'sent as x-api-key next to the token when both are set ("Auth conflict"); must be unset for a proxy',
    source: CC_ENV_DOCS,
  },
  model: { name: 'ANTHROPIC_MODEL', meaning: 'main model id', source: CC_ENV_DOCS },
  opus: { name: 'ANTHROPIC_DEFAULT_OPUS_MODEL', meaning: 'model id behind the `opus` alias', source: CC_ENV_DOCS },
  sonnet: { name: 'ANTHROPIC_DEFAULT_SONNET_MODEL', meaning: 'model id behind the `sonnet` alias', source: CC_ENV_DOCS },
  haiku: {
    name: 'ANTHROPIC_DEFAULT_HAIKU_MODEL',
    meaning: 'model id behind the `haiku` alias and background work',
    source: CC_ENV_DOCS,
  },
  fable: { name: 'ANTHROPIC_DEFAULT_FABLE_MODEL', meaning: 'model id behind the `fable` alias', source: CC_ENV_DOCS },
  smallFast: {
    name: 'ANTHROPIC_SMALL_FAST_MODEL',
    meaning: 'older name of the haiku slot, still read',
    source: CC_ENV_DOCS,
  },
  subagent: { name: 'CLAUDE_CODE_SUBAGENT_MODEL', meaning: 'model id for subagents', source: CC_ENV_DOCS },
  maxOutput: {
    name: 'CLAUDE_CODE_MAX_OUTPUT_TOKENS',
    meaning: 'caps the max_tokens Claude Code sends (tokens)',
    source: CC_ENV_DOCS,
  },
  maxContext: {
    name: 'CLAUDE_CODE_MAX_CONTEXT_TOKENS',
    meaning: 'context window (tokens) of a model id Claude Code does not know; drives auto-compaction',
    source: CC_ENV_DOCS,
  },
  useBedrock: { name: 'CLAUDE_CODE_USE_BEDROCK', meaning: 'routes to Bedrock instead of the base URL', source: CC_ENV_DOCS },
  useVertex: { name: 'CLAUDE_CODE_USE_VERTEX', meaning: 'routes to Vertex AI instead of the base URL', source: CC_ENV_DOCS },
  useFoundry: { name: 'CLAUDE_CODE_USE_FOUNDRY', meaning: 'routes to Foundry instead of the base URL', source: CC_ENV_DOCS },
} as const satisfies Record<string, EnvVarFact>;

/** Variables a profile function removes from claude's environment (scoped to that call). */
export const UNSET_FOR_PROXY: readonly string[] = [
  CLAUDE_ENV.apiKey.name,
  CLAUDE_ENV.useBedrock.name,
  CLAUDE_ENV.useVertex.name,
  CLAUDE_ENV.useFoundry.name,
];

/** A model id Claude Code requests when no model variable overrides the slot. */
export interface DefaultModelId {
  readonly id: string;
  /** Which model slot the id fills: the profile's `model` or its `small_model` answers it. */
  readonly slot: 'main' | 'small';
  readonly source: Source;
}

/**
 * Model ids Claude Code sends by default. ccenv aliases each to a profile's model on the proxy
 * (`router_settings.model_group_alias`) so a plain `claude` pointed at the proxy, or a `--model opus`,
 * still resolves.
 */
export const DEFAULT_MODEL_IDS: readonly DefaultModelId[] = [
  { id: 'claude-opus-5-5', slot: 'main', source: `${CC_OBS}: default main model and the \`opus\` alias` },
  { id: 'claude-sonnet-5-5', slot: 'main', source: `${CC_OBS}: the \`sonnet\` alias` },
  { id: 'claude-fable-5-2', slot: 'main', source: `${CC_OBS}: the \`fable\` alias` },
  { id: 'claude-haiku-5-5', slot: 'small', source: `${CC_OBS}: the \`haiku\` alias` },
  { id: 'claude-haiku-4-5-20251001', slot: 'small', source: 'background work of older releases, as users report it: farion1231/cc-switch#3250' },
];

/**
 * The default max_tokens Claude Code sends (tokens): 128000 for models it knows, 32000 for others — and, when an
 * answer stops at max_tokens, 128000 for its continuation whatever the model (without CLAUDE_CODE_MAX_OUTPUT_TOKENS,
 * which holds every request to its value).
 */
export const DEFAULT_MAX_TOKENS = { known: 128_000, unknown: 32_000, source: `${CC_OBS} (max_tokens 128000 for claude-opus-5-5, 32000 for kimi-k2.5 and gpt-4o, then 128000 for kimi-k2.5's continuations after a stop_reason "max_tokens", 8192 throughout with CLAUDE_CODE_MAX_OUTPUT_TOKENS=8192); ${CC_ENV_DOCS} (CLAUDE_CODE_MAX_OUTPUT_TOKENS)` } as const;

/**
 * The context window (tokens) Claude Code assumes for a model id it does not recognise, when
 * CLAUDE_CODE_MAX_CONTEXT_TOKENS is unset: it prints "Claude Code doesn't recognize the model …, so it assumes a
 * context window of 1m tokens".
 */
export const UNKNOWN_MODEL_WINDOW = {
  tokens: 1_000_000,
  source: `observed with @anthropic-ai/claude-code 2.1.330 (\`-p /context\` shows "Tokens: … / 1m" for gpt-4o and kimi-k2.5, with the notice "… assumes a context window of 1m tokens", and 200k only with CLAUDE_CODE_DISABLE_1M_CONTEXT); ${CC_MODEL_DOCS}#correct-the-window-for-a-gateway-or-custom-model-id`,
} as const;

/**
 * The request Claude Code sends for a turn, reduced to one short message: `POST /v1/messages?beta=true` with
 * adaptive thinking, context_management, output_config, a system block with cache_control, a tool, metadata and
 * its max_tokens; headers `anthropic-version`, `anthropic-beta` (its betas), `x-app: cli`. doctor's live probes
 * send this shape, so the proxy and the upstream see what they will see from Claude Code.
 */
export const CLAUDE_CODE_REQUEST = {
  path: '/v1/messages?beta=true',
  anthropicVersion: '2023-06-01',
  betas: ['claude-code-20250219', 'interleaved-thinking-2025-05-14', 'context-management-2025-06-27'],
  thinking: { type: 'adaptive' },
  contextManagement: { edits: [{ type: 'clear_thinking_20251015', keep: 'all' }] },
  outputConfig: { effort: 'high' },
  source: `${CC_OBS} (body keys model, messages, system, tools, metadata, max_tokens, thinking, context_management, output_config, stream, and the first three of its anthropic-beta values)`,
} as const;

/**
 * What Claude Code does with a user, project or local settings file it cannot parse: it rejects the whole file
 * (its env, apiKeyHelper, hooks and permissions do not apply) and says "These settings did not load, so nothing in
 * them is in effect …: <file>: Invalid or malformed JSON".
 */
export const CLAUDE_SETTINGS_INVALID = {
  effect: 'Claude Code rejects a settings file it cannot parse as a whole, so nothing in it applies (env, apiKeyHelper, hooks, permissions)',
  source: 'observed with @anthropic-ai/claude-code 2.1.330 (a trailing comma after apiKeyHelper: "These settings did not load, so nothing in them is in effect"); https://code.claude.com/docs/en/settings',
} as const;

/** Where Claude Code reads its user files: `~/.claude.json` (login state, `primaryApiKey`) and `~/.claude/settings.json`. */
export const CLAUDE_FILES = {
  state: '.claude.json',
  userSettings: '.claude/settings.json',
  source: 'https://code.claude.com/docs/en/settings',
} as const;

/** Variables that route Claude Code's traffic through an HTTP proxy, and the one that bypasses it. */
export const HTTP_PROXY_VARS = {
  proxy: ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'],
  bypass: ['NO_PROXY', 'no_proxy'],
  source: 'https://code.claude.com/docs/en/network-config',
} as const;


/**
 * The settings files Claude Code reads, highest precedence first, and where each lives. Observed order with
 * 2.1.330: managed > `--settings` > project local > project shared > user > the exported environment — an `env`
 * block in any of these files beats the variables a claude-<profile> function exports.
 * Not visible to ccenv: `--settings` on a command line, MDM profiles, server-managed settings.
 */
export const SETTINGS_LAYERS = {
  managed: { linux: '/etc/claude-code/managed-settings.json', darwin: '/Library/Application Support/ClaudeCode/managed-settings.json' },
  /** Relative to each folder from the working directory up to the repository root. */
  projectLocal: '.claude/settings.local.json',
  project: '.claude/settings.json',
  /** Under $CLAUDE_CONFIG_DIR when set (it replaces ~/.claude), else ~/.claude. */
  user: 'settings.json',
  source: `observed with @anthropic-ai/claude-code 2.1.330 (two fake endpoints: the settings' ANTHROPIC_BASE_URL won over the exported one, managed over local over project over user); https://code.claude.com/docs/en/settings#settings-precedence`,
} as const;

/**
 * Keys of a settings file's `env` block that override what a claude-<profile> function sets, and what each
 * breaks: `route` (the request goes elsewhere, or with another credential — every profile fails) or `model` (an
 * id the proxy may not serve is sent).
 */
export const SETTINGS_ENV_OVERRIDES: Readonly<Record<string, 'route' | 'model'>> = {
  [CLAUDE_ENV.baseUrl.name]: 'route',
  [CLAUDE_ENV.authToken.name]: 'route',
  [CLAUDE_ENV.apiKey.name]: 'route',
  ANTHROPIC_CUSTOM_HEADERS: 'route',
  [CLAUDE_ENV.useBedrock.name]: 'route',
  [CLAUDE_ENV.useVertex.name]: 'route',
  [CLAUDE_ENV.useFoundry.name]: 'route',
  [CLAUDE_ENV.model.name]: 'model',
  [CLAUDE_ENV.opus.name]: 'model',
  [CLAUDE_ENV.sonnet.name]: 'model',
  [CLAUDE_ENV.haiku.name]: 'model',
  [CLAUDE_ENV.fable.name]: 'model',
  [CLAUDE_ENV.smallFast.name]: 'model',
  [CLAUDE_ENV.subagent.name]: 'model',
};

/**
 * Top-level settings keys that matter behind a proxy: `apiKeyHelper` (its output is sent in both Authorization and
 * x-api-key, in place of the proxy token), a managed `forceLoginMethod` (forces a login the proxy token cannot
 * satisfy), and a persisted `model` (no effect: an exported ANTHROPIC_MODEL wins over it — observed).
 */
export const SETTINGS_KEYS = {
  apiKeyHelper: 'route',
  forceLoginMethod: 'route',
  model: 'none',
  source: 'observed with @anthropic-ai/claude-code 2.1.330 (apiKeyHelper via --settings sent Authorization and x-api-key, and a settings model lost to an exported ANTHROPIC_MODEL); https://code.claude.com/docs/en/llm-gateway-connect',
} as const;

/**
 * The ways Claude Code can carry a shared gateway's virtual key: ANTHROPIC_AUTH_TOKEN (Authorization: Bearer); a
 * header in ANTHROPIC_CUSTOM_HEADERS, which leaves a claude.ai login in place (LiteLLM reads `x-litellm-api-key`
 * before Authorization); or `apiKeyHelper`, a command whose output is sent as Authorization and x-api-key, cached
 * and run again after CLAUDE_CODE_API_KEY_HELPER_TTL_MS (default 5 minutes) or on a 401 — and which
 * ANTHROPIC_AUTH_TOKEN / ANTHROPIC_API_KEY override. LiteLLM's CLI prints a token for it: `lite auth print-token`.
 */
export const GATEWAY_AUTH = {
  litellmKeyHeader: 'x-litellm-api-key',
  helperTtlVar: 'CLAUDE_CODE_API_KEY_HELPER_TTL_MS',
  liteLLMTokenCommand: 'lite auth print-token',
  source:
    'https://code.claude.com/docs/en/settings (apiKeyHelper); https://code.claude.com/docs/en/authentication (precedence, refresh); https://docs.litellm.ai/docs/tutorials/claude_code_max_subscription (x-litellm-api-key); https://pypi.org/project/litellm/1.108.7/ (litellm/proxy/auth/user_api_key_auth.py get_api_key: the header order, and litellm/proxy/client/cli/commands/auth.py: print-token)',
} as const;

/** Variables Claude Code documents as deprecated, and what replaces them (still read by 2.1.330). */
export const DEPRECATED_VARS: Readonly<Record<string, { use: string; note: string }>> = {
  [CLAUDE_ENV.smallFast.name]: {
    use: CLAUDE_ENV.haiku.name,
    note: 'still read by 2.1.330, where it wins over ANTHROPIC_DEFAULT_HAIKU_MODEL for background calls; ccenv sets both to the same id',
  },
};
export const DEPRECATED_SOURCE = `${CC_MODEL_DOCS}; observed with @anthropic-ai/claude-code 2.1.330 (a WebFetch summary request used ANTHROPIC_SMALL_FAST_MODEL over ANTHROPIC_DEFAULT_HAIKU_MODEL)`;

/**
 * How Claude Code sizes the context window: CLAUDE_CODE_MAX_CONTEXT_TOKENS applies to model ids it does not know
 * (its catalog decides, not a `claude-` prefix, in 2.1.330) and is ignored for ids it knows unless DISABLE_COMPACT
 * is set; CLAUDE_CODE_AUTO_COMPACT_WINDOW (tokens, or `200k`) sets when it compacts, at least 100k and at most the
 * window. So a profile whose model id is one Claude Code knows cannot lower the window with context_window.
 */
export const CONTEXT_FACTS = {
  maxContextVar: CLAUDE_ENV.maxContext.name,
  autoCompactVar: 'CLAUDE_CODE_AUTO_COMPACT_WINDOW',
  autoCompactMin: 100_000,
  /** Id prefixes of models Claude Code knows (its own catalog of Claude models). */
  knownIdPrefixes: ['claude-opus-', 'claude-sonnet-', 'claude-haiku-', 'claude-fable-', 'claude-3'],
  source: `observed with @anthropic-ai/claude-code 2.1.330 (\`-p /context\`: CLAUDE_CODE_MAX_CONTEXT_TOKENS=128000 gave 128k for gpt-4o and claude-foo-bar, and was ignored for claude-sonnet-4-5 unless DISABLE_COMPACT=1, while CLAUDE_CODE_AUTO_COMPACT_WINDOW="1000" is read as the 100k minimum); ${CC_ENV_DOCS}`,
} as const;

/** Retries: Claude Code retries a failed request (default 10 times, with backoff), so a proxy that is down shows nothing for minutes. */
export const RETRIES = {
  variable: 'CLAUDE_CODE_MAX_RETRIES',
  default: 10,
  /** Measured with the proxy down: seconds until `-p` fails, by CLAUDE_CODE_MAX_RETRIES. */
  observedSeconds: { 0: 0.65, 1: 1.2, 2: 2.3, 4: 9.4, 6: 37.6 },
  source: 'observed with @anthropic-ai/claude-code 2.1.330 (proxy down: "API Error: Connection refused … (ECONNREFUSED)" after 0.65 s with 0 retries, nothing for over 150 s with the default); https://code.claude.com/docs/en/errors',
} as const;

/**
 * The `[claude-code:unrecognized_model] {"model":…}` line `-p` prints on stderr for a model id it does not know.
 * Only a settings mapping of the id (`modelOverrides`, or `modelPicker` with `behavesAs`) stops it, and that also
 * makes Claude Code treat the model as the Claude model named there (its window and capabilities), so ccenv does not
 * set one; CLAUDE_CODE_MAX_CONTEXT_TOKENS (context_window) removes the longer notice that comes with it.
 */
export const UNRECOGNIZED_MODEL_LINE = {
  text: '[claude-code:unrecognized_model]',
  source: 'observed with @anthropic-ai/claude-code 2.1.330 (ANTHROPIC_DEFAULT_*_MODEL_NAME and _SUPPORTED_CAPABILITIES did not stop it, modelOverrides did); https://github.com/anthropics/claude-code/blob/main/CHANGELOG.md (2.1.233)',
} as const;

/**
 * Gateway model discovery (CLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY=1): before the first message Claude Code sends
 * `GET /v1/models?limit=1000` with its credential, keeps the ids matching /claude|anthropic/i for the /model picker,
 * and skips discovery when the only credential is in ANTHROPIC_CUSTOM_HEADERS.
 */
export const MODEL_DISCOVERY = {
  variable: 'CLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY',
  path: '/v1/models?limit=1000',
  keeps: /claude|anthropic/i,
  source: 'observed with @anthropic-ai/claude-code 2.1.330 (--debug: "[gatewayDiscovery] skipped: no credential" with only ANTHROPIC_CUSTOM_HEADERS); https://code.claude.com/docs/en/llm-gateway-protocol#model-discovery',
} as const;

/** The Claude Code release ccenv's facts about Claude Code were observed with (the devDependency its tests run). */
export const CLAUDE_CODE_VERIFIED = { version: '2.1.330', source: CC_OBS } as const;
