import { stringify } from 'yaml';
import type { Preset } from '../knowledge/presets.js';

/** What `ccenv init` writes a profile from. */
export interface StarterChoice {
  preset: Preset;
  /** The model id at the provider, e.g. kimi-k2.5; also the model_name on the proxy. */
  model: string;
  /** The profile name (the command is claude-<name>). */
  name: string;
  apiBase?: string;
  /** The variable holding the upstream key (none for local servers). */
  keyEnv?: string;
  /** The proxy's port (proxy.base_url http://localhost:<port>). */
  port: number;
  /** Tokens, when known (flags or the preset's documented limits); otherwise the key is written commented out. */
  contextWindow?: number;
  maxOutputTokens?: number;
  /** Use the provider's Anthropic Messages API (`anthropic/<model>` at `preset.anthropicBase`), no translation. */
  native?: boolean;
}

/** A profile name from a model id: up to its first `-`, `.` or `/` (kimi-k2.5 → kimi, so claude-kimi). */
export function defaultProfileName(model: string): string {
  const head = model.split(/[-./:]/)[0] ?? model;
  const name = head.replace(/[^A-Za-z0-9_-]/g, '');
  return /^[A-Za-z_]/.test(name) ? name : `m${name}`;
}

/** One YAML scalar, quoted by the yaml library only where YAML would misread it plain. */
const q = (s: string) => stringify(s, { lineWidth: 0 }).trimEnd();

/**
 * The commented starter profiles file for one provider and model, with the schema modeline (`schema` is the
 * path of the schema copy). YAML written by hand so the comments explain each key; values are quoted when needed.
 */
export function renderStarter(c: StarterChoice, schema: string): string {
  const quirks = c.preset.quirks ?? {};
  /** One line, its comment (if any) at column 40 or one space after a long value. */
  const l = (text: string, note?: string) => (note ? `${text.padEnd(38)} # ${note}` : text);
  const lines = [
    `# yaml-language-server: $schema=${schema}`,
    '# ccenv profiles: each profile is a model on your LiteLLM proxy, and a claude-<profile> function runs Claude Code',
    '# on it. Load the functions in ~/.zshrc with eval "$(ccenv shell zsh)" (bash: eval "$(ccenv shell bash)" in',
    '# ~/.bashrc; fish: ccenv shell fish | source in config.fish). Proxy: ccenv proxy install; ccenv proxy start',
    'proxy:',
    l(`  base_url: http://localhost:${c.port}`, 'where the proxy listens (without /v1)'),
    "  # The variable holding the proxy's master key (or a virtual key); it becomes ANTHROPIC_AUTH_TOKEN.",
    '  auth_token_env: LITELLM_MASTER_KEY',
    '',
    'profiles:',
    l(`  ${c.name}:`, `→ command claude-${c.name}`),
    l(`    model: ${q(c.model)}`, 'model_name on the proxy → ANTHROPIC_MODEL'),
    `    description: ${q(`${c.preset.label}: ${c.model}`)}`,
    l('    upstream:', "→ this model's litellm_params in config.yaml"),
    l(`      model: ${q(`${c.native ? 'anthropic' : c.preset.prefix}/${c.model}`)}`, c.native ? "the provider's Anthropic Messages API (no translation)" : undefined),
    ...(c.apiBase ? [`      api_base: ${q(c.apiBase)}`] : []),
    ...(c.keyEnv ? [l(`      api_key_env: ${c.keyEnv}`, `→ api_key: os.environ/${c.keyEnv} (never the key itself)`)] : []),
    ...(c.native
      ? [`      # its OpenAI-compatible form: model: ${c.preset.prefix}/${c.model}, api_base: ${c.preset.apiBase ?? '(its /v1 URL)'}`]
      : c.preset.anthropicBase
        ? [`      # ${c.preset.label} also serves the Anthropic Messages API (ccenv init --native): model: anthropic/${c.model}, api_base: ${c.preset.anthropicBase}`]
        : []),
    c.maxOutputTokens
      ? l(`    max_output_tokens: ${c.maxOutputTokens}`, "→ CLAUDE_CODE_MAX_OUTPUT_TOKENS (the model's output limit)")
      : l('    # max_output_tokens: 16384', "→ CLAUDE_CODE_MAX_OUTPUT_TOKENS: set it to the model's output limit"),
    c.contextWindow
      ? l(`    context_window: ${c.contextWindow}`, "the model's window (Claude Code compacts by it)")
      : l('    # context_window: 131072', "set it to the model's window (Claude Code assumes 1M)"),
    c.native
      ? l('    fix_usage: false', "the usage fix is for LiteLLM's OpenAI translation (its adapter reports 0 tokens)")
      : l('    fix_usage: true', "the proxy hook reports token usage in the stream (LiteLLM's adapter sends 0)"),
    l('    max_retries: 2', "→ CLAUDE_CODE_MAX_RETRIES (Claude Code's 10 retries hide a down proxy for minutes)"),
    ...(quirks.force_stream ? [l('    force_stream: true', 'the provider takes large max_tokens only when streaming')] : []),
    ...(quirks.max_tokens_cap ? [`    max_tokens_cap: ${quirks.max_tokens_cap}`] : []),
    ...(quirks.thinking ? [`    thinking: ${quirks.thinking}`] : []),
    ...(quirks.drop_params?.length ? [`    drop_params: [${quirks.drop_params.join(', ')}]`] : []),
    l('    # picker: true', "list this model in Claude Code's /model picker"),
    '',
  ];
  return lines.join('\n');
}
