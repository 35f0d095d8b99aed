import { CLAUDE_ENV, UNSET_FOR_PROXY } from '../knowledge/claude-code.js';
import type { Profile, ProfilesConfig } from '../profiles/types.js';

/** Shells `ccenv shell` emits code for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/**
 * POSIX single-quoting (bash, zsh, sh): `'` becomes `'\''`; nothing else is special inside `'…'`.
 * Any string without NUL round-trips byte for byte. — research/shell-doctor-anchors.md §1.8
 */
export function quotePosix(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * fish single-quoting: inside `'…'` fish treats `\\` and `\'` as escapes, so both are escaped.
 * Reusing the POSIX form lets a trailing backslash inject code (cashapp/hermit#614). — anchors §1.4, §1.8
 */
export function quoteFish(s: string): string {
  return `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/** What one profile function does, independent of the shell that runs it. */
interface CallPlan {
  command: string;
  description: string;
  /** Variables removed from claude's environment. */
  unset: readonly string[];
  /** Variable whose value becomes ANTHROPIC_AUTH_TOKEN; the function refuses to run when it is empty. */
  tokenEnv: string;
  /** Message printed (to stderr) when tokenEnv is empty. */
  missingToken: string;
  /** Proxy URL: from `env` when set and non-empty at call time, else `fallback`. */
  baseUrl: { env?: string; fallback: string };
  /** Literal NAME=value pairs, in order. */
  vars: ReadonlyArray<readonly [string, string]>;
}

/** The variables and literal values a profile's function gives claude, in a stable order. */
export function profileVars(p: Profile): Array<readonly [string, string]> {
  const vars: Array<readonly [string, string]> = [
    [CLAUDE_ENV.model.name, p.model],
    [CLAUDE_ENV.opus.name, p.opusModel],
    [CLAUDE_ENV.sonnet.name, p.sonnetModel],
    [CLAUDE_ENV.fable.name, p.model],
    [CLAUDE_ENV.haiku.name, p.smallModel],
    [CLAUDE_ENV.smallFast.name, p.smallModel],
    [CLAUDE_ENV.subagent.name, p.subagentModel],
  ];
  if (p.maxOutputTokens !== undefined) vars.push([CLAUDE_ENV.maxOutput.name, String(p.maxOutputTokens)]);
  if (p.contextWindow !== undefined) vars.push([CLAUDE_ENV.maxContext.name, String(p.contextWindow)]);
  vars.push(['CCENV_PROFILE', p.name], ...p.env);
  return vars;
}

function plan(cfg: ProfilesConfig, p: Profile): CallPlan {
  const token = cfg.proxy.authTokenEnv;
  return {
    command: p.command,
    description: `Claude Code on ${p.model} via LiteLLM (ccenv profile ${p.name})`,
    unset: UNSET_FOR_PROXY,
    tokenEnv: token,
    missingToken: `${p.command}: ${token} is empty; export the LiteLLM master key or a virtual key in it (proxy.auth_token_env), then retry`,
    baseUrl: { env: cfg.proxy.baseUrlEnv, fallback: cfg.proxy.baseUrl },
    vars: profileVars(p),
  };
}

const HEADER = (shell: Shell) =>
  `# ccenv shell ${shell}: one function per profile. Generated; do not edit. Load with: eval "$(ccenv shell ${shell})"`;

function renderPosixFunction(c: CallPlan): string {
  const assigns = [
    `ANTHROPIC_BASE_URL="$__ccenv_base_url"`,
    `ANTHROPIC_AUTH_TOKEN="$${c.tokenEnv}"`,
    ...c.vars.map(([k, v]) => `${k}=${quotePosix(v)}`),
  ];
  const base = c.baseUrl.env
    ? [`  __ccenv_base_url="\${${c.baseUrl.env}:-}"`, `  [ -n "$__ccenv_base_url" ] || __ccenv_base_url=${quotePosix(c.baseUrl.fallback)}`]
    : [`  __ccenv_base_url=${quotePosix(c.baseUrl.fallback)}`];
  return [
    `unalias ${c.command} 2>/dev/null || true`,
    `function ${c.command} {`,
    `  if [ -z "\${${c.tokenEnv}:-}" ]; then`,
    `    printf '%s\\n' ${quotePosix(c.missingToken)} >&2`,
    `    return 1`,
    `  fi`,
    `  local __ccenv_base_url`,
    ...base,
    `  \\command env ${c.unset.map((u) => `-u ${u}`).join(' ')} \\`,
    ...assigns.map((a) => `    ${a} \\`),
    `    claude "$@"`,
    `}`,
  ].join('\n');
}

function renderFishFunction(c: CallPlan): string {
  const assigns = [
    `ANTHROPIC_BASE_URL="$__ccenv_base_url"`,
    `ANTHROPIC_AUTH_TOKEN="$${c.tokenEnv}"`,
    ...c.vars.map(([k, v]) => `${k}=${quoteFish(v)}`),
  ];
  const base = c.baseUrl.env
    ? [`    set -l __ccenv_base_url "$${c.baseUrl.env}"`, `    test -n "$__ccenv_base_url"; or set __ccenv_base_url ${quoteFish(c.baseUrl.fallback)}`]
    : [`    set -l __ccenv_base_url ${quoteFish(c.baseUrl.fallback)}`];
  return [
    `functions --erase ${c.command}`,
    `function ${c.command} --wraps claude --description ${quoteFish(c.description)}`,
    `    if test -z "$${c.tokenEnv}"`,
    `        printf '%s\\n' ${quoteFish(c.missingToken)} >&2`,
    `        return 1`,
    `    end`,
    ...base,
    `    command env ${c.unset.map((u) => `-u ${u}`).join(' ')} \\`,
    ...assigns.map((a) => `        ${a} \\`),
    `        claude $argv`,
    `end`,
  ].join('\n');
}

/**
 * Shell code defining one function per profile, for `eval "$(ccenv shell <shell>)"`.
 * Each function runs the `claude` found on PATH at call time (through `env`, so aliases and a function
 * named claude are bypassed) with "$@" untouched and the profile's variables scoped to that call only.
 * Also exports CCENV_SHELL=<shell> so `ccenv doctor` can tell the integration is loaded.
 * Pure: same input, same output. Values are quoted per shell; names were validated by the loader.
 */
export function renderShell(shell: Shell, cfg: ProfilesConfig): string {
  const fish = shell === 'fish';
  const fns = cfg.profiles.map((p) => (fish ? renderFishFunction(plan(cfg, p)) : renderPosixFunction(plan(cfg, p))));
  const marker = fish ? `set -gx CCENV_SHELL ${shell}` : `export CCENV_SHELL=${shell}`;
  return [HEADER(shell), marker, ...fns, ''].join('\n');
}

/**
 * Code that only prints one warning line on stderr: what `ccenv shell` emits when it cannot load the
 * profiles, so a shell's startup never breaks.
 */
export function renderWarning(shell: Shell, message: string): string {
  const quote = shell === 'fish' ? quoteFish : quotePosix;
  return `printf '%s\\n' ${quote(`ccenv: ${message}`)} >&2\n`;
}
