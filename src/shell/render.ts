import { CLAUDE_ENV, UNSET_FOR_PROXY } from '../knowledge/claude-code.js';
import { profileVars } from '../profiles/derive.js';
import type { Profile, ProfilesConfig } from '../profiles/types.js';

/** Shells `ccenv shell` emits code for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/**
 * POSIX single-quoting (bash, zsh, sh): `'` becomes `'\''`; nothing else is special inside `'…'`.
 * Any string without NUL round-trips byte for byte (POSIX.1-2017 Shell Command Language §2.2.2).
 */
export function quotePosix(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * fish single-quoting: inside `'…'` fish treats `\\` and `\'` as escapes, so both are escaped.
 * Reusing the POSIX form lets a trailing backslash inject code (cashapp/hermit#614; https://fishshell.com/docs/current/language.html#quotes).
 */
export function quoteFish(s: string): string {
  return `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/**
 * How the function hands Claude Code the proxy credential (proxy.key_header / proxy.token_command in the
 * profiles): `token` sets ANTHROPIC_AUTH_TOKEN (sent as `Authorization: Bearer`); `header` adds
 * `<header>: Bearer <key>` to ANTHROPIC_CUSTOM_HEADERS (one `Name: Value` per line, after any the user has) and
 * leaves the token alone, so a claude.ai login keeps working; `command` passes Claude Code's own `apiKeyHelper`
 * for this call only (`--settings`), which caches its output and runs it again on a 401 (knowledge/claude-code.ts
 * GATEWAY_AUTH).
 */
export type CallAuth = { mode: 'token'; tokenEnv: string } | { mode: 'header'; tokenEnv: string; header: string } | { mode: 'command'; command: string };

/** What one profile function does, independent of the shell that runs it. */
export interface CallPlan {
  command: string;
  description: string;
  /** Variables removed from claude's environment. */
  unset: readonly string[];
  auth: CallAuth;
  /**
   * What the function checks before it runs claude, and the line it prints (stderr) when that fails: the token
   * variable is non-empty (token, header), or the helper command's program is on PATH (command).
   */
  guard: { kind: 'env'; name: string; message: string } | { kind: 'program'; name: string; message: string } | undefined;
  /** Proxy URL: from `env` when set and non-empty at call time, else `fallback`. */
  baseUrl: { env?: string; fallback: string };
  /** Literal NAME=value pairs, in order. */
  vars: ReadonlyArray<readonly [string, string]>;
  /** Arguments put before the user's (the per-call --settings of the command mode). */
  args: readonly string[];
}

/** How the profiles' functions hand over the proxy credential (the same for every profile: it is the proxy's). */
export function callAuth(cfg: ProfilesConfig): CallAuth {
  const { authTokenEnv: tokenEnv, keyHeader, tokenCommand } = cfg.proxy;
  return tokenCommand ? { mode: 'command', command: tokenCommand } : keyHeader ? { mode: 'header', tokenEnv, header: keyHeader } : { mode: 'token', tokenEnv };
}

/** The call plan of profile `p`: what its `claude-<name>` function does (rendered per shell below; run by `doctor --e2e`). */
export function plan(cfg: ProfilesConfig, p: Profile): CallPlan {
  const token = cfg.proxy.authTokenEnv;
  const auth = callAuth(cfg);
  const program = auth.mode === 'command' && /^[A-Za-z0-9_./+-]+(?=\s|$)/.exec(auth.command)?.[0];
  const guard: CallPlan['guard'] =
    auth.mode === 'command'
      ? program
        ? { kind: 'program', name: program, message: `${p.command}: ${program} not found on PATH (proxy.token_command prints the proxy token); install it or fix the command, then retry` }
        : undefined
      : { kind: 'env', name: token, message: `${p.command}: ${token} is empty; export the LiteLLM master key or a virtual key in it (proxy.auth_token_env), then retry` };
  return {
    command: p.command,
    description: `Claude Code on ${p.model} via LiteLLM (ccenv profile ${p.name})`,
    // The token and the Anthropic key would win over the header login and over apiKeyHelper: not for those modes.
    unset: auth.mode === 'token' ? UNSET_FOR_PROXY : [...UNSET_FOR_PROXY, CLAUDE_ENV.authToken.name],
    auth,
    guard,
    baseUrl: { env: cfg.proxy.baseUrlEnv, fallback: cfg.proxy.baseUrl },
    vars: profileVars(p),
    args: auth.mode === 'command' ? ['--settings', JSON.stringify({ apiKeyHelper: auth.command })] : [],
  };
}

/** The header line the `header` mode adds: `<header>: Bearer <key>` (LiteLLM reads x-litellm-api-key first). */
export const headerLine = (header: string, key: string) => `${header}: Bearer ${key}`;

/**
 * The environment `claude` gets from the plan's function when it is called in `env`: the plan's variables
 * removed, ANTHROPIC_BASE_URL (the base_url_env value when set and non-empty, else base_url), the credential as
 * the mode hands it over, and the literal pairs set — what each rendered function does, as data (its arguments
 * come first: `c.args`). Undefined when the guard's variable is empty (the function then refuses to run).
 */
export function planEnv(c: CallPlan, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv | undefined {
  if (c.guard?.kind === 'env' && !env[c.guard.name]) return undefined;
  const out: NodeJS.ProcessEnv = { ...env };
  for (const u of c.unset) delete out[u];
  out.ANTHROPIC_BASE_URL = (c.baseUrl.env && env[c.baseUrl.env]) || c.baseUrl.fallback;
  if (c.auth.mode === 'token') out[CLAUDE_ENV.authToken.name] = env[c.auth.tokenEnv];
  if (c.auth.mode === 'header') {
    const mine = headerLine(c.auth.header, env[c.auth.tokenEnv]!);
    out[CLAUDE_ENV.customHeaders.name] = env[CLAUDE_ENV.customHeaders.name] ? `${env[CLAUDE_ENV.customHeaders.name]}\n${mine}` : mine;
  }
  for (const [k, v] of c.vars) out[k] = v;
  return out;
}

/** How the output is meant to be loaded, per shell (the header says so). */
export const LOAD_LINE: Record<Shell, string> = {
  bash: 'eval "$(ccenv shell bash)"',
  zsh: 'eval "$(ccenv shell zsh)"',
  fish: 'ccenv shell fish | source',
};

const HEADER = (shell: Shell) => `# ccenv shell ${shell}: one function per profile. Generated; do not edit. Load with: ${LOAD_LINE[shell]}`;

/**
 * The first lines of every output: they print one line on stderr when the code was evaluated unquoted
 * (`eval $(ccenv shell bash)`, fish `eval (ccenv shell fish)`). Unquoted, the shell splits the output into words
 * and eval joins them with spaces: the newline inside the quotes of `__ccenv_nl` becomes a space, and the whole
 * output is one line whose first `#` turns the rest into a comment — so without this nothing would be defined,
 * silently. Every statement here ends in `;` and holds no glob character, so the joined form still runs.
 */
function unquotedGuard(shell: Shell): string {
  const message = `ccenv: the output of ccenv shell was evaluated unquoted, so nothing was defined; use: ${LOAD_LINE[shell]}`;
  if (shell === 'fish') {
    return `set -g __ccenv_nl '\n'; if test "$__ccenv_nl" = ' '; printf '%s\\n' ${quoteFish(message)} >&2; end; set -e __ccenv_nl;`;
  }
  return `__ccenv_nl='\n'; case "$__ccenv_nl" in ' ') printf '%s\\n' ${quotePosix(message)} >&2;; esac; unset __ccenv_nl;`;
}

function renderPosixFunction(c: CallPlan): string {
  const assigns = [
    `ANTHROPIC_BASE_URL="$__ccenv_base_url"`,
    ...(c.auth.mode === 'token' ? [`${CLAUDE_ENV.authToken.name}="$${c.auth.tokenEnv}"`] : []),
    ...(c.auth.mode === 'header' ? [`${CLAUDE_ENV.customHeaders.name}="$__ccenv_headers"`] : []),
    ...c.vars.map(([k, v]) => `${k}=${quotePosix(v)}`),
  ];
  const base = c.baseUrl.env
    ? [`  __ccenv_base_url="\${${c.baseUrl.env}:-}"`, `  [ -n "$__ccenv_base_url" ] || __ccenv_base_url=${quotePosix(c.baseUrl.fallback)}`]
    : [`  __ccenv_base_url=${quotePosix(c.baseUrl.fallback)}`];
  const guard = !c.guard
    ? []
    : [
        c.guard.kind === 'env' ? `  if [ -z "\${${c.guard.name}:-}" ]; then` : `  if ! command -v ${quotePosix(c.guard.name)} >/dev/null 2>&1; then`,
        `    printf '%s\\n' ${quotePosix(c.guard.message)} >&2`,
        `    return 1`,
        `  fi`,
      ];
  // The header mode: the user's own ANTHROPIC_CUSTOM_HEADERS first, then ours, one per line.
  const headers =
    c.auth.mode === 'header'
      ? [`  local __ccenv_headers=${quotePosix(headerLine(c.auth.header, ''))}"$${c.auth.tokenEnv}"`, `  [ -z "\${${CLAUDE_ENV.customHeaders.name}:-}" ] || __ccenv_headers="$${CLAUDE_ENV.customHeaders.name}"'\n'"$__ccenv_headers"`]
      : [];
  return [
    `unalias ${c.command} 2>/dev/null || true`,
    `function ${c.command} {`,
    ...guard,
    `  local __ccenv_base_url`,
    ...base,
    ...headers,
    `  \\command env ${c.unset.map((u) => `-u ${u}`).join(' ')} \\`,
    ...assigns.map((a) => `    ${a} \\`),
    `    claude ${c.args.map(quotePosix).join(' ')}${c.args.length ? ' ' : ''}"$@"`,
    `}`,
  ].join('\n');
}

function renderFishFunction(c: CallPlan): string {
  const assigns = [
    `ANTHROPIC_BASE_URL="$__ccenv_base_url"`,
    ...(c.auth.mode === 'token' ? [`${CLAUDE_ENV.authToken.name}="$${c.auth.tokenEnv}"`] : []),
    ...(c.auth.mode === 'header' ? [`${CLAUDE_ENV.customHeaders.name}="$__ccenv_headers"`] : []),
    ...c.vars.map(([k, v]) => `${k}=${quoteFish(v)}`),
  ];
  const base = c.baseUrl.env
    ? [`    set -l __ccenv_base_url "$${c.baseUrl.env}"`, `    test -n "$__ccenv_base_url"; or set __ccenv_base_url ${quoteFish(c.baseUrl.fallback)}`]
    : [`    set -l __ccenv_base_url ${quoteFish(c.baseUrl.fallback)}`];
  const guard = !c.guard
    ? []
    : [
        c.guard.kind === 'env' ? `    if test -z "$${c.guard.name}"` : `    if not command -q ${quoteFish(c.guard.name)}`,
        `        printf '%s\\n' ${quoteFish(c.guard.message)} >&2`,
        `        return 1`,
        `    end`,
      ];
  const headers =
    c.auth.mode === 'header'
      ? [`    set -l __ccenv_headers ${quoteFish(headerLine(c.auth.header, ''))}"$${c.auth.tokenEnv}"`, `    test -z "$${CLAUDE_ENV.customHeaders.name}"; or set __ccenv_headers "$${CLAUDE_ENV.customHeaders.name}"\\n"$__ccenv_headers"`]
      : [];
  return [
    `functions --erase ${c.command}`,
    `function ${c.command} --wraps claude --description ${quoteFish(c.description)}`,
    ...guard,
    ...base,
    ...headers,
    `    command env ${c.unset.map((u) => `-u ${u}`).join(' ')} \\`,
    ...assigns.map((a) => `        ${a} \\`),
    `        claude ${c.args.map(quoteFish).join(' ')}${c.args.length ? ' ' : ''}$argv`,
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
  return [unquotedGuard(shell), HEADER(shell), marker, ...fns, ''].join('\n');
}

/**
 * Code that only prints one warning line on stderr: what `ccenv shell` emits when it cannot load the
 * profiles, so a shell's startup never breaks.
 */
export function renderWarning(shell: Shell, message: string): string {
  const quote = shell === 'fish' ? quoteFish : quotePosix;
  return `printf '%s\\n' ${quote(`ccenv: ${message}`)} >&2\n`;
}

/**
 * The rc-file stub of the cached mode (`ccenv shell SHELL --cache`). It sources
 * `${XDG_CACHE_HOME:-~/.cache}/ccenv/init.SHELL` when that is fresh, else runs `ccenv shell SHELL --write-cache`
 * first. Fresh means: its key file (`init.SHELL.key`: the profiles path it was made from, and the folder of the
 * ccenv that made it) names the same profiles path the stub computes now, and the cache is newer than the
 * profiles file, than that ccenv folder and than its package.json (an upgrade or a move of ccenv regenerates it).
 * The profiles path is `profiles` when given, else computed at each shell start like ccenv does
 * (`$CCENV_PROFILES`, else `${XDG_CONFIG_HOME:-~/.config}/ccenv/profiles.yaml`). It uses builtins only: the
 * common case starts no process. Without ccenv on PATH and without a cache it does nothing.
 */
export function renderStub(shell: Shell, profiles?: string): string {
  if (shell === 'fish') {
    const p = profiles === undefined ? `$CCENV_PROFILES\ntest -n "$__ccenv_p"; or set __ccenv_p (set -q XDG_CONFIG_HOME; and echo $XDG_CONFIG_HOME; or echo $HOME/.config)/ccenv/profiles.yaml` : quoteFish(profiles);
    return `# ccenv (cached): the claude-* functions from ~/.cache/ccenv/init.fish, regenerated when the profiles or ccenv change
set -l __ccenv_c (set -q XDG_CACHE_HOME; and echo $XDG_CACHE_HOME; or echo $HOME/.cache)/ccenv/init.fish
set -l __ccenv_p ${p}
set -l __ccenv_k
test -r $__ccenv_c.key; and while read -l __ccenv_l; set -a __ccenv_k $__ccenv_l; end < $__ccenv_c.key
if test (count $__ccenv_k) -ne 2; or test "$__ccenv_k[1]" != "$__ccenv_p"; or not test -s $__ccenv_c; or not test $__ccenv_c -nt $__ccenv_p; or not test -e $__ccenv_k[2]/package.json; or not test $__ccenv_c -nt $__ccenv_k[2]; or not test $__ccenv_c -nt $__ccenv_k[2]/package.json
    command -q ccenv; and ccenv shell fish --write-cache --profiles $__ccenv_p
end
test -s $__ccenv_c; and source $__ccenv_c
`;
  }
  const p = profiles === undefined ? '"${CCENV_PROFILES:-${XDG_CONFIG_HOME:-$HOME/.config}/ccenv/profiles.yaml}"' : quotePosix(profiles);
  return `# ccenv (cached): the claude-* functions from ~/.cache/ccenv/init.${shell}, regenerated when the profiles or ccenv change
__ccenv_c="\${XDG_CACHE_HOME:-$HOME/.cache}/ccenv/init.${shell}" __ccenv_p=${p} __ccenv_f= __ccenv_r=
[ -r "$__ccenv_c.key" ] && { read -r __ccenv_f; read -r __ccenv_r; } < "$__ccenv_c.key"
if [ "$__ccenv_f" != "$__ccenv_p" ] || [ ! -s "$__ccenv_c" ] || [ ! "$__ccenv_c" -nt "$__ccenv_p" ] || [ ! -e "$__ccenv_r/package.json" ] || [ ! "$__ccenv_c" -nt "$__ccenv_r" ] || [ ! "$__ccenv_c" -nt "$__ccenv_r/package.json" ]; then
  command -v ccenv >/dev/null 2>&1 && ccenv shell ${shell} --write-cache --profiles "$__ccenv_p"
fi
[ -s "$__ccenv_c" ] && . "$__ccenv_c"
unset __ccenv_c __ccenv_p __ccenv_f __ccenv_r
`;
}
