import { readResource } from '../util/resource.js';
import type { ProfilesConfig, ProxyRules } from '../profiles/types.js';
import { defaultModelAliases, HOOK } from './litellm-config.js';

export { HOOK };

/**
 * The hook's rules keyed by the model group name a client sends: each profile's model (profiles without rules
 * set still get fix_usage) and the default Claude Code ids aliased to it.
 */
export function hookRules(cfg: ProfilesConfig): Record<string, ProxyRules> {
  const rules: Record<string, ProxyRules> = {};
  for (const p of cfg.profiles) rules[p.model] ??= p.rules;
  for (const [alias, target] of Object.entries(defaultModelAliases(cfg, new Set(Object.keys(rules))))) {
    if (rules[target]) rules[alias] = rules[target]!;
  }
  return rules;
}

/**
 * The hook module's Python source: templates/ccenv_hooks.py with the rules embedded as base64 JSON (no
 * profile value is ever spliced into code) and ccenv's version.
 */
export function renderHook(cfg: ProfilesConfig, version: string): string {
  const template = readResource('templates/ccenv_hooks.py');
  const b64 = Buffer.from(JSON.stringify(hookRules(cfg)), 'utf8').toString('base64');
  if (!/^[0-9A-Za-z.+-]+$/.test(version)) throw new Error(`unexpected version string ${version}`);
  const lines = (b64.match(/.{1,76}/g) ?? ['']).map((chunk) => `    "${chunk}"`).join('\n');
  return template.replace('{{RULES_B64}}', lines).replace('{{VERSION}}', version);
}
