/** The deployment behind a profile's model: what `ccenv gen litellm-config` writes as litellm_params. */
export interface Upstream {
  /** litellm_params.model, provider-prefixed (e.g. `openai/kimi-k2.5`). */
  model: string;
  /** litellm_params.api_base (an http(s) URL). */
  apiBase?: string;
  /** Name of the variable holding the upstream key; written as `api_key: os.environ/<name>`. */
  apiKeyEnv?: string;
  /** Further litellm_params, copied as they are. Never contains api_key (the schema forbids it). */
  litellmParams: Record<string, unknown>;
  /** Further model_info, merged over what ccenv derives. */
  modelInfo: Record<string, unknown>;
}

/**
 * What the generated LiteLLM hook does for a profile's model (templates/ccenv_hooks.py), in the hook's own
 * JSON shape (snake_case, as in the profiles file).
 */
export interface ProxyRules {
  /** The profile's model group; where force_stream sends non-streaming requests (with a prefix). */
  model: string;
  /** Tokens; max_tokens above it are lowered to it. */
  max_tokens_cap?: number;
  force_stream: boolean;
  /** Anthropic request keys removed before the upstream sees them. */
  drop_params: string[];
  thinking: 'keep' | 'drop';
  fix_usage: boolean;
}

/** One profile, defaults applied: a model on the proxy and the `claude-<name>` function that uses it. */
export interface Profile {
  name: string;
  description?: string;
  /** Shell function name (validated: `^[A-Za-z_][A-Za-z0-9_-]*$`). */
  command: string;
  /** model_name (model group) on the proxy → ANTHROPIC_MODEL. */
  model: string;
  /** Haiku slot → ANTHROPIC_DEFAULT_HAIKU_MODEL and ANTHROPIC_SMALL_FAST_MODEL. */
  smallModel: string;
  subagentModel: string;
  opusModel: string;
  sonnetModel: string;
  /** The slot keys besides `model` written in the file (the others default to `model`; profiles/derive.ts). */
  declared: ReadonlyArray<'opus_model' | 'sonnet_model' | 'small_model' | 'subagent_model'>;
  upstream?: Upstream;
  /** Tokens → CLAUDE_CODE_MAX_OUTPUT_TOKENS. */
  maxOutputTokens?: number;
  /** Tokens → CLAUDE_CODE_MAX_CONTEXT_TOKENS (ids Claude Code does not know) or CLAUDE_CODE_AUTO_COMPACT_WINDOW (ids it knows). */
  contextWindow?: number;
  /** → CLAUDE_CODE_MAX_RETRIES. */
  maxRetries?: number;
  /** List the model in Claude Code's /model picker (gateway model discovery). */
  picker: boolean;
  /** Extra variables, in file order, values as strings. */
  env: ReadonlyArray<readonly [string, string]>;
  rules: ProxyRules;
  /** True when a rule is set (or fix_usage: true written out), so the config must load the hook. */
  needsHook: boolean;
}

/** A loaded profiles file. */
export interface ProfilesConfig {
  /** Absolute path it was read from (for messages and generated headers). */
  file: string;
  proxy: {
    /** Fallback proxy URL (default http://localhost:4000). */
    baseUrl: string;
    /** Variable that, when non-empty at call time, overrides baseUrl. */
    baseUrlEnv?: string;
    /** Variable whose value becomes ANTHROPIC_AUTH_TOKEN at call time (default LITELLM_MASTER_KEY). */
    authTokenEnv: string;
    /** proxy.key_header: send the key as `<keyHeader>: Bearer <key>` in ANTHROPIC_CUSTOM_HEADERS instead of ANTHROPIC_AUTH_TOKEN. */
    keyHeader?: string;
    /** proxy.token_command: a command printing a fresh token, passed per call as Claude Code's apiKeyHelper. */
    tokenCommand?: string;
  };
  /** The proxy's python interpreter, when the profiles file names it (litellm.python; `~` expanded). */
  litellmPython?: string;
  /** Profile whose models answer Claude Code's default model ids (default: the first). */
  defaultProfile: string;
  profiles: Profile[];
}
