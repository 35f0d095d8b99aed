import type { Io } from '../util/io.js';
import { loadProfiles, profilesPath } from '../profiles/load.js';

/**
 * `ccenv list [--json]`: each profile with the command it defines, its models and its upstream.
 * JSON shape: `{ file, proxy: {base_url, base_url_env, auth_token_env}, default_profile, profiles: [{name, command,
 * model, small_model, subagent_model, opus_model, sonnet_model, upstream_model, max_output_tokens, context_window}] }`.
 */
export function listCommand(a: { profiles?: string; json?: boolean }, io: Io): number {
  const cfg = loadProfiles(profilesPath(a.profiles, io.env).path);
  const rows = cfg.profiles.map((p) => ({
    name: p.name,
    command: p.command,
    model: p.model,
    small_model: p.smallModel,
    subagent_model: p.subagentModel,
    opus_model: p.opusModel,
    sonnet_model: p.sonnetModel,
    upstream_model: p.upstream?.model ?? null,
    max_output_tokens: p.maxOutputTokens ?? null,
    context_window: p.contextWindow ?? null,
  }));
  if (a.json) {
    const proxy = { base_url: cfg.proxy.baseUrl, base_url_env: cfg.proxy.baseUrlEnv ?? null, auth_token_env: cfg.proxy.authTokenEnv };
    io.out(`${JSON.stringify({ file: cfg.file, proxy, default_profile: cfg.defaultProfile, profiles: rows }, null, 2)}\n`);
    return 0;
  }
  const table = [['COMMAND', 'PROFILE', 'MODEL', 'SMALL MODEL', 'UPSTREAM'], ...rows.map((r) => [r.command, r.name, r.model, r.small_model, r.upstream_model ?? '-'])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const row of table) io.out(`${row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()}\n`);
  io.out(`\n${cfg.profiles.length} profile(s) from ${cfg.file}; proxy ${cfg.proxy.baseUrlEnv ? `$${cfg.proxy.baseUrlEnv} or ` : ''}${cfg.proxy.baseUrl}, token from $${cfg.proxy.authTokenEnv}\n`);
  return 0;
}
