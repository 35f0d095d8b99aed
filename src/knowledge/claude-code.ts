/**
 * Facts about the Claude Code client that ccenv relies on. Knowledge is data: every entry names its source.
 *
 * Sources:
 * - CC_OBS: observed with `@anthropic-ai/claude-code@2.1.330` (`claude --model <alias> -p … --output-format json`
 *   against a local logging server, 2026-11-23) — the pinned test version, see package.json.
 * - CC_RESEARCH: shared/research/claude-code-client.md (variable table read from the 2.1.328 binary).
 * - SEED_001: shared/seeds/001 ("Using Claude Code with any model", the hand-written recipe ccenv replaces).
 */

/** Where a fact comes from: a short citation a reader can follow. */
export type Source = string;

const CC_OBS: Source = 'observed: @anthropic-ai/claude-code 2.1.330 against a logging server (ccenv test/real)';
const CC_RESEARCH: Source = 'shared/research/claude-code-client.md (2.1.328 variable table)';
const SEED_001: Source = 'shared/seeds/001 (Using Claude Code with any model, 2026-03)';

/** A Claude Code environment variable and what it does, with its source. */
export interface EnvVarFact {
  readonly name: string;
  readonly meaning: string;
  readonly source: Source;
}

/** Environment variables a `claude-<profile>` function sets or unsets, by name (Claude Code's names, verbatim). */
export const CLAUDE_ENV = {
  baseUrl: { name: 'ANTHROPIC_BASE_URL', meaning: 'Messages API base URL (the proxy, without /v1)', source: CC_RESEARCH },
  authToken: { name: 'ANTHROPIC_AUTH_TOKEN', meaning: 'sent as `authorization: Bearer <token>`', source: CC_RESEARCH },
  apiKey: {
    name: 'ANTHROPIC_API_KEY',
    meaning: 'sent as x-api-key next to the token when both are set ("Auth conflict"); must be unset for a proxy',
    source: CC_RESEARCH,
  },
  model: { name: 'ANTHROPIC_MODEL', meaning: 'main model id', source: CC_RESEARCH },
  opus: { name: 'ANTHROPIC_DEFAULT_OPUS_MODEL', meaning: 'model id behind the `opus` alias', source: CC_RESEARCH },
  sonnet: { name: 'ANTHROPIC_DEFAULT_SONNET_MODEL', meaning: 'model id behind the `sonnet` alias', source: CC_RESEARCH },
  haiku: {
    name: 'ANTHROPIC_DEFAULT_HAIKU_MODEL',
    meaning: 'model id behind the `haiku` alias and background work',
    source: CC_RESEARCH,
  },
  fable: { name: 'ANTHROPIC_DEFAULT_FABLE_MODEL', meaning: 'model id behind the `fable` alias', source: CC_RESEARCH },
  smallFast: {
    name: 'ANTHROPIC_SMALL_FAST_MODEL',
    meaning: 'older name of the haiku slot, still read',
    source: CC_RESEARCH,
  },
  subagent: { name: 'CLAUDE_CODE_SUBAGENT_MODEL', meaning: 'model id for subagents', source: `${CC_RESEARCH}; ${SEED_001}` },
  maxOutput: {
    name: 'CLAUDE_CODE_MAX_OUTPUT_TOKENS',
    meaning: 'caps the max_tokens Claude Code sends (tokens)',
    source: CC_RESEARCH,
  },
  maxContext: {
    name: 'CLAUDE_CODE_MAX_CONTEXT_TOKENS',
    meaning: 'context window (tokens) of a model id Claude Code does not know; drives auto-compaction',
    source: CC_RESEARCH,
  },
  useBedrock: { name: 'CLAUDE_CODE_USE_BEDROCK', meaning: 'routes to Bedrock instead of the base URL', source: CC_RESEARCH },
  useVertex: { name: 'CLAUDE_CODE_USE_VERTEX', meaning: 'routes to Vertex AI instead of the base URL', source: CC_RESEARCH },
  useFoundry: { name: 'CLAUDE_CODE_USE_FOUNDRY', meaning: 'routes to Foundry instead of the base URL', source: CC_RESEARCH },
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
  { id: 'claude-haiku-4-5-20251001', slot: 'small', source: `${SEED_001}: background work of older releases` },
];

/** The default max_tokens Claude Code sends (tokens): 128000 for models it knows, 32000 for others. */
export const DEFAULT_MAX_TOKENS = { known: 128_000, unknown: 32_000, source: `${CC_OBS}; ${CC_RESEARCH}` } as const;
