import { Document } from 'yaml';
import { DEFAULT_MODEL_IDS } from '../knowledge/claude-code.js';
import { CHAT_COMPLETIONS_ROUTING, OS_ENVIRON_PREFIX } from '../knowledge/litellm.js';
import { sentIds } from '../profiles/derive.js';
import type { Profile, ProfilesConfig } from '../profiles/types.js';

/** Names that tie the generated config to the generated hook module (templates/ccenv_hooks.py). */
export const HOOK = {
  /** File name; LiteLLM loads `callbacks: ccenv_hooks.handler` from `<config dir>/ccenv_hooks.py` — https://docs.litellm.ai/docs/proxy/call_hooks */
  fileName: 'ccenv_hooks.py',
  callback: 'ccenv_hooks.handler',
  forceStreamProvider: 'ccenv_stream',
  forceStreamHandler: 'ccenv_hooks.stream_forcer',
  forceStreamGroupPrefix: 'ccenv-force-stream/',
} as const;

/** A LiteLLM `model_list` entry: one deployment of a model group. */
export interface ModelListEntry {
  model_name: string;
  litellm_params: Record<string, unknown>;
  model_info?: Record<string, unknown>;
}

/** The LiteLLM proxy config ccenv generates (the subset of keys it writes). */
export interface LiteLLMConfig {
  model_list: ModelListEntry[];
  litellm_settings: Record<string, unknown>;
  router_settings?: { model_group_alias: Record<string, string> };
  general_settings: { master_key: string };
}

/** Result of generation: the config plus notes for stderr (profiles that could not be served, and why). */
export interface GeneratedConfig {
  config: LiteLLMConfig;
  notes: string[];
  /** True when the config loads the hook module (it must then sit beside config.yaml). */
  hooked: boolean;
}

/**
 * Build the LiteLLM config for a profiles file.
 * - one model_list entry per distinct profile `model` with an `upstream` (litellm_params from it; the api key
 *   only as `os.environ/<api_key_env>`; model_info with the profile's limits so /model_group/info reports them —
 *   https://docs.litellm.ai/docs/proxy/model_management);
 * - `litellm_settings.drop_params: true` and the chat-completions routing key (knowledge/litellm.ts: without
 *   it LiteLLM ≥ 1.82.0 sends openai/ models' /v1/messages to the upstream's /v1/responses);
 * - `general_settings.master_key: os.environ/<proxy.auth_token_env>`;
 * - `router_settings.model_group_alias` mapping the model ids Claude Code sends by default
 *   (knowledge/claude-code.ts) to the default profile's model / small_model.
 * - when a profile has proxy rules: `litellm_settings.callbacks: ccenv_hooks.handler`, and for force_stream
 *   profiles a hidden deployment `ccenv-force-stream/<model>` on the `ccenv_stream` custom provider
 *   (`litellm_settings.custom_provider_map`), both served by the generated hook module (gen/hook.ts).
 * Pure; never writes a secret.
 */
export function buildLiteLLMConfig(cfg: ProfilesConfig): GeneratedConfig {
  const notes: string[] = [];
  const entries = new Map<string, ModelListEntry>();
  for (const p of cfg.profiles) {
    if (!p.upstream) {
      notes.push(`profile '${p.name}' has no upstream: its model '${p.model}' must already exist on the proxy`);
      continue;
    }
    const existing = entries.get(p.model);
    const entry = modelEntry(p);
    if (existing && JSON.stringify(existing) !== JSON.stringify(entry)) {
      notes.push(`profile '${p.name}' serves model '${p.model}' like an earlier profile but with another upstream; the first one wins`);
      continue;
    }
    entries.set(p.model, existing ?? entry);
  }
  for (const p of cfg.profiles) {
    for (const { id, setBy } of sentIds(p)) {
      if (id !== p.model && !entries.has(id) && cfg.profiles.some((q) => q.upstream)) {
        notes.push(`profile '${p.name}': ${setBy} '${id}' is not the model of any profile with an upstream; the proxy must serve it otherwise`);
      }
    }
  }
  const alias = defaultModelAliases(cfg, new Set(entries.keys()));
  const settings: Record<string, unknown> = { drop_params: true, [CHAT_COMPLETIONS_ROUTING.settingsKey]: true };
  const hooked = cfg.profiles.some((p) => p.needsHook);
  if (hooked) settings.callbacks = HOOK.callback;
  const forced = cfg.profiles.filter((p) => p.rules.force_stream && p.upstream && entries.get(p.model) !== undefined);
  for (const p of forced) {
    const entry = entries.get(p.model)!;
    entries.set(`${HOOK.forceStreamGroupPrefix}${p.model}`, {
      model_name: `${HOOK.forceStreamGroupPrefix}${p.model}`,
      litellm_params: { ...entry.litellm_params, model: `${HOOK.forceStreamProvider}/${String(entry.litellm_params.model)}` },
      ...(entry.model_info ? { model_info: entry.model_info } : {}),
    });
  }
  if (forced.length > 0) settings.custom_provider_map = [{ provider: HOOK.forceStreamProvider, custom_handler: HOOK.forceStreamHandler }];
  const config: LiteLLMConfig = {
    model_list: [...entries.values()],
    litellm_settings: settings,
    ...(Object.keys(alias).length > 0 ? { router_settings: { model_group_alias: alias } } : {}),
    general_settings: { master_key: `${OS_ENVIRON_PREFIX}${cfg.proxy.authTokenEnv}` },
  };
  return { config, notes: [...new Set(notes)], hooked };
}

/**
 * `router_settings.model_group_alias`: each model id Claude Code sends by default (knowledge/claude-code.ts)
 * → the default profile's model (haiku ids → its small_model), except ids that are served models themselves.
 */
export function defaultModelAliases(cfg: ProfilesConfig, served: ReadonlySet<string>): Record<string, string> {
  const def = cfg.profiles.find((p) => p.name === cfg.defaultProfile)!;
  const alias: Record<string, string> = {};
  for (const { id, slot } of DEFAULT_MODEL_IDS) {
    const target = slot === 'small' ? def.smallModel : def.model;
    if (!served.has(id) && id !== target) alias[id] = target;
  }
  return alias;
}

function modelEntry(p: Profile): ModelListEntry {
  const u = p.upstream!;
  const params: Record<string, unknown> = { model: u.model };
  if (u.apiBase !== undefined) params.api_base = u.apiBase;
  if (u.apiKeyEnv !== undefined) params.api_key = `${OS_ENVIRON_PREFIX}${u.apiKeyEnv}`;
  Object.assign(params, u.litellmParams);
  const info: Record<string, unknown> = {};
  if (p.contextWindow !== undefined) info.max_input_tokens = p.contextWindow;
  if (p.maxOutputTokens !== undefined) info.max_output_tokens = p.maxOutputTokens;
  info.supports_function_calling = true;
  info.mode = 'chat';
  // The /model picker (gateway model discovery) labels each listed model with its display_name.
  if (p.picker) info.display_name = p.description ?? `${p.name} (${p.model})`;
  Object.assign(info, u.modelInfo);
  return { model_name: p.model, litellm_params: params, model_info: info };
}

/**
 * The config as YAML text with a header comment that says how to start the proxy.
 * `version` is ccenv's version, for the header.
 */
export function renderLiteLLMConfig(cfg: ProfilesConfig, version: string): GeneratedConfig & { text: string } {
  const generated = buildLiteLLMConfig(cfg);
  const doc = new Document(generated.config);
  doc.commentBefore = [
    ` LiteLLM proxy config generated by ccenv ${version} from your profiles file. Do not edit: regenerate.`,
    ` Start the proxy with the routing flag in its environment (any non-empty value enables it; never "false"):`,
    `   ${CHAT_COMPLETIONS_ROUTING.envVar}=${CHAT_COMPLETIONS_ROUTING.envValue} litellm --config config.yaml --port 4000`,
    ` Keys come from the environment: ${[...new Set([cfg.proxy.authTokenEnv, ...cfg.profiles.flatMap((p) => (p.upstream?.apiKeyEnv ? [p.upstream.apiKeyEnv] : []))])].join(', ')}.`,
  ].join('\n');
  return { ...generated, text: doc.toString({ lineWidth: 0 }) };
}
