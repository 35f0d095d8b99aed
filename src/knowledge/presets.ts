/**
 * Provider presets for `ccenv init --preset NAME`: where a provider's OpenAI-compatible API lives, the LiteLLM
 * provider prefix for its models, the variable conventionally holding its key, the native Anthropic Messages base
 * where the provider serves one, and quirks the profile keys express. Each names its source.
 */

/** Profile keys a preset can set for a provider's quirks (see the profiles file reference). */
export interface PresetQuirks {
  force_stream?: boolean;
  max_tokens_cap?: number;
  thinking?: 'drop';
  drop_params?: readonly string[];
  fix_usage?: boolean;
}

/** One provider preset. */
export interface Preset {
  name: string;
  label: string;
  /** LiteLLM provider prefix for `upstream.model` (`<prefix>/<model id>`). */
  prefix: string;
  /** Default api_base; undefined when the user must give one (`--api-base`). */
  apiBase?: string;
  /** The variable that conventionally holds the provider's key; undefined for local servers that need none. */
  keyEnv?: string;
  /** The provider's native Anthropic Messages base, when it serves one (LiteLLM's `anthropic/` provider then). */
  anthropicBase?: string;
  quirks?: PresetQuirks;
  /** Known limits per model id, where the provider documents them (tokens). */
  limits?: Readonly<Record<string, { maxOutput?: number; context?: number }>>;
  source: string;
}

export const PRESETS: readonly Preset[] = [
  { name: 'openai-compatible', label: 'any OpenAI-compatible host (give --api-base)', prefix: 'openai', source: 'https://docs.litellm.ai/docs/providers/openai_compatible' },
  { name: 'ollama', label: 'Ollama (local)', prefix: 'openai', apiBase: 'http://localhost:11434/v1', source: 'https://github.com/ollama/ollama/blob/main/docs/openai.md; https://docs.litellm.ai/docs/providers/ollama' },
  { name: 'vllm', label: 'vLLM (local OpenAI-compatible server)', prefix: 'hosted_vllm', apiBase: 'http://localhost:8000/v1', source: 'https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html; https://docs.litellm.ai/docs/providers/vllm' },
  { name: 'lm-studio', label: 'LM Studio (local)', prefix: 'lm_studio', apiBase: 'http://localhost:1234/v1', source: 'https://lmstudio.ai/docs/app/api/endpoints/openai; https://docs.litellm.ai/docs/providers/lm_studio' },
  { name: 'openrouter', label: 'OpenRouter', prefix: 'openrouter', apiBase: 'https://openrouter.ai/api/v1', keyEnv: 'OPENROUTER_API_KEY', source: 'https://openrouter.ai/docs/api-reference/overview; https://docs.litellm.ai/docs/providers/openrouter' },
  {
    name: 'deepseek',
    label: 'DeepSeek',
    prefix: 'deepseek',
    apiBase: 'https://api.deepseek.com',
    keyEnv: 'DEEPSEEK_API_KEY',
    anthropicBase: 'https://api.deepseek.com/anthropic',
    limits: { 'deepseek-chat': { maxOutput: 8192 } },
    source: 'https://api-docs.deepseek.com/; https://api-docs.deepseek.com/guides/anthropic_api; https://docs.litellm.ai/docs/providers/deepseek; the 8192 limit: anthropics/claude-code#11302 ("Invalid max_tokens value, the valid range of max_tokens is [1, 8192]")',
  },
  { name: 'moonshot', label: 'Moonshot (Kimi)', prefix: 'moonshot', apiBase: 'https://api.moonshot.ai/v1', keyEnv: 'MOONSHOT_API_KEY', anthropicBase: 'https://api.moonshot.ai/anthropic', source: 'https://platform.moonshot.ai/docs; https://docs.litellm.ai/docs/providers/moonshot' },
  { name: 'zhipu', label: 'Zhipu (GLM)', prefix: 'openai', apiBase: 'https://api.z.ai/api/paas/v4', keyEnv: 'ZAI_API_KEY', anthropicBase: 'https://api.z.ai/api/anthropic', source: 'https://docs.z.ai/devpack/tool/claude' },
  {
    name: 'fireworks',
    label: 'Fireworks AI',
    prefix: 'fireworks_ai',
    apiBase: 'https://api.fireworks.ai/inference/v1',
    keyEnv: 'FIREWORKS_API_KEY',
    quirks: { force_stream: true },
    source: 'https://docs.fireworks.ai/api-reference/post-chatcompletions; https://docs.litellm.ai/docs/providers/fireworks_ai; force_stream: BerriAI/litellm#5656 ("Requests with max_tokens > 4096 must have stream=true")',
  },
  { name: 'together', label: 'Together AI', prefix: 'together_ai', apiBase: 'https://api.together.xyz/v1', keyEnv: 'TOGETHERAI_API_KEY', source: 'https://docs.together.ai/docs/openai-api-compatibility; https://docs.litellm.ai/docs/providers/togetherai' },
  { name: 'groq', label: 'Groq', prefix: 'groq', apiBase: 'https://api.groq.com/openai/v1', keyEnv: 'GROQ_API_KEY', source: 'https://console.groq.com/docs/openai; https://docs.litellm.ai/docs/providers/groq' },
  { name: 'gemini', label: "Gemini (Google's OpenAI-compatible endpoint)", prefix: 'openai', apiBase: 'https://generativelanguage.googleapis.com/v1beta/openai', keyEnv: 'GEMINI_API_KEY', source: 'https://ai.google.dev/gemini-api/docs/openai; https://docs.litellm.ai/docs/providers/openai_compatible' },
];

/** The preset of this name. */
export const presetNamed = (name: string) => PRESETS.find((p) => p.name === name);
