import { CLAUDE_ENV, CONTEXT_FACTS, MODEL_DISCOVERY, RETRIES } from '../knowledge/claude-code.js';
import type { Profile, ProfilesConfig } from './types.js';

/**
 * What a profile means for Claude Code, derived in one place: the model slots it fills (the ids Claude Code
 * sends), the variables its function sets, the variables ccenv manages, and the secrets the proxy needs. Shell
 * rendering, the loader, validate, doctor, `ccenv list` and config generation all use these.
 */

/** A model slot of a profile, by its key in the profiles file. */
export type SlotKey = 'model' | 'opus_model' | 'sonnet_model' | 'small_model' | 'subagent_model';

/** One slot: its profiles-file key, the Profile field holding its id, and the Claude Code variables it sets. */
export interface SlotInfo {
  key: SlotKey;
  field: 'model' | 'opusModel' | 'sonnetModel' | 'smallModel' | 'subagentModel';
  /** Claude Code variables that carry the slot's id (knowledge/claude-code.ts). */
  vars: readonly string[];
  /** What Claude Code uses the slot for, for messages. */
  use: string;
}

export const SLOTS: readonly SlotInfo[] = [
  { key: 'model', field: 'model', vars: [CLAUDE_ENV.model.name, CLAUDE_ENV.fable.name], use: 'main model (and the fable alias)' },
  { key: 'opus_model', field: 'opusModel', vars: [CLAUDE_ENV.opus.name], use: 'the opus alias' },
  { key: 'sonnet_model', field: 'sonnetModel', vars: [CLAUDE_ENV.sonnet.name], use: 'the sonnet alias' },
  { key: 'small_model', field: 'smallModel', vars: [CLAUDE_ENV.haiku.name, CLAUDE_ENV.smallFast.name], use: 'the haiku alias and background work' },
  { key: 'subagent_model', field: 'subagentModel', vars: [CLAUDE_ENV.subagent.name], use: 'subagents' },
];

/** One model id a profile makes Claude Code send, and which key of the profile set it. */
export interface SentId {
  id: string;
  /** The slots that send this id. */
  slots: SlotKey[];
  /** The key the user wrote that gives this id: the first of `slots` written in the file, else `model` (defaults come from it). */
  setBy: SlotKey;
}

/** The distinct model ids a profile sends, in slot order, each with the key that set it. */
export function sentIds(p: Profile): SentId[] {
  const out = new Map<string, SentId>();
  for (const s of SLOTS) {
    const id = p[s.field];
    const written = s.key === 'model' || p.declared.includes(s.key);
    const entry = out.get(id);
    if (!entry) out.set(id, { id, slots: [s.key], setBy: written ? s.key : 'model' });
    else {
      entry.slots.push(s.key);
      if (entry.setBy === 'model' && written && !entry.slots.includes('model')) entry.setBy = s.key;
    }
  }
  return [...out.values()];
}

/** The variables and literal values a profile's function gives claude, in a stable order. */
export function profileVars(p: Profile): Array<readonly [string, string]> {
  const vars: Array<readonly [string, string]> = [];
  for (const s of SLOTS) for (const v of s.vars) vars.push([v, p[s.field]]);
  if (p.maxOutputTokens !== undefined) vars.push([CLAUDE_ENV.maxOutput.name, String(p.maxOutputTokens)]);
  if (p.contextWindow !== undefined) {
    // Claude Code ignores CLAUDE_CODE_MAX_CONTEXT_TOKENS for ids it knows: there the compaction window takes effect.
    if (!knownToClaudeCode(p.model)) vars.push([CLAUDE_ENV.maxContext.name, String(p.contextWindow)]);
    else if (p.contextWindow >= CONTEXT_FACTS.autoCompactMin) vars.push([CONTEXT_FACTS.autoCompactVar, String(p.contextWindow)]);
  }
  if (p.maxRetries !== undefined) vars.push([RETRIES.variable, String(p.maxRetries)]);
  if (p.picker) vars.push([MODEL_DISCOVERY.variable, '1']);
  vars.push(['CCENV_PROFILE', p.name], ...p.env);
  return vars;
}

/** Variables a profile function sets itself → the profile key to use instead (a profile's `env` may not set them). */
export const MANAGED_ENV: Readonly<Record<string, string>> = {
  [CLAUDE_ENV.baseUrl.name]: 'proxy.base_url',
  [CLAUDE_ENV.authToken.name]: 'proxy.auth_token_env',
  [CLAUDE_ENV.apiKey.name]: 'proxy.auth_token_env (ccenv unsets ANTHROPIC_API_KEY on purpose)',
  ...Object.fromEntries(SLOTS.flatMap((s) => s.vars.map((v) => [v, s.key]))),
  [CLAUDE_ENV.maxOutput.name]: 'max_output_tokens',
  [CLAUDE_ENV.maxContext.name]: 'context_window',
  [CONTEXT_FACTS.autoCompactVar]: 'context_window',
  [RETRIES.variable]: 'max_retries',
  [MODEL_DISCOVERY.variable]: 'picker',
};

/** Whether Claude Code knows a model id (its own catalog): then CLAUDE_CODE_MAX_CONTEXT_TOKENS is ignored for it. */
export function knownToClaudeCode(id: string): boolean {
  return CONTEXT_FACTS.knownIdPrefixes.some((prefix) => id.startsWith(prefix));
}

/**
 * What of a profile's context_window cannot take effect, in words (for validate and doctor), or undefined: for an
 * id Claude Code knows, a window below the compaction minimum (100k) cannot be honoured.
 */
export function contextWindowIgnored(p: Profile): string | undefined {
  if (p.contextWindow === undefined || !knownToClaudeCode(p.model) || p.contextWindow >= CONTEXT_FACTS.autoCompactMin) return undefined;
  return `Claude Code knows '${p.model}', so it ignores ${CLAUDE_ENV.maxContext.name} for it, and ${CONTEXT_FACTS.autoCompactVar} cannot go below ${CONTEXT_FACTS.autoCompactMin}: context_window ${p.contextWindow} has no effect`;
}

/** Variables holding secrets the proxy and the functions need: the proxy token and every upstream key. Names only. */
export function secretEnvNames(cfg: ProfilesConfig): string[] {
  return [...new Set([cfg.proxy.authTokenEnv, ...cfg.profiles.flatMap((p) => (p.upstream?.apiKeyEnv ? [p.upstream.apiKeyEnv] : []))])];
}

/**
 * The proxy URL a claude-<profile> function uses when called in `env`: proxy.base_url_env's value when set and
 * non-empty, else proxy.base_url — with where it came from (`$NAME` or `proxy.base_url`), for messages.
 */
export function proxyUrlOf(cfg: ProfilesConfig, env: NodeJS.ProcessEnv): { url: string; from: string } {
  const fromEnv = cfg.proxy.baseUrlEnv ? env[cfg.proxy.baseUrlEnv] : undefined;
  return fromEnv ? { url: fromEnv, from: `$${cfg.proxy.baseUrlEnv}` } : { url: cfg.proxy.baseUrl, from: 'proxy.base_url' };
}
