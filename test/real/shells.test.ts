// The generated functions evaluated in real bash, zsh and fish, with a stub `claude` first on PATH that dumps
// its argv and environment: exact environment, argv untouched, nothing leaks, alias collisions, idempotence,
// byte-for-byte values (fast-check), and a bad profiles file that must not break the shell.
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseProfiles } from '../../src/profiles/load.js';
import { plan, planEnv, renderShell, SHELLS } from '../../src/shell/render.js';
import { ccenv } from '../helpers/run.js';
import { callWithArgs, inShell, loadThen, parseStub, stubClaudeDir } from '../helpers/shells.js';

const STUB = stubClaudeDir();
const PATH = `${STUB}:/usr/bin:/bin`;
const baseEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  PATH,
  HOME: tmpdir(),
  LITELLM_MASTER_KEY: 'sk-FAKE-master',
  ANTHROPIC_API_KEY: 'sk-ant-FAKE-parent-key',
  CLAUDE_CODE_USE_BEDROCK: '1',
  CLAUDE_CODE_USE_VERTEX: '1',
  CLAUDE_CODE_USE_FOUNDRY: '1',
  ...extra,
});

const PROFILES = `proxy:
  base_url: http://127.0.0.1:4000
  base_url_env: MY_PROXY_URL
profiles:
  kimi:
    model: kimi-k2.5
    small_model: kimi-small
    subagent_model: kimi-sub
    max_output_tokens: 4096
    context_window: 262144
    env: { API_TIMEOUT_MS: 600000, EXTRA: "it's \\\\ here" }
  glm:
    model: glm-5
    command: cglm
`;
const cfg = parseProfiles(PROFILES, 'profiles.yaml');

/** The environment a claude-kimi call must produce, written out by hand from the profile above. */
const KIMI_ENV = {
  ANTHROPIC_BASE_URL: 'http://127.0.0.1:4000',
  ANTHROPIC_AUTH_TOKEN: 'sk-FAKE-master',
  ANTHROPIC_MODEL: 'kimi-k2.5',
  ANTHROPIC_DEFAULT_OPUS_MODEL: 'kimi-k2.5',
  ANTHROPIC_DEFAULT_SONNET_MODEL: 'kimi-k2.5',
  ANTHROPIC_DEFAULT_FABLE_MODEL: 'kimi-k2.5',
  ANTHROPIC_DEFAULT_HAIKU_MODEL: 'kimi-small',
  ANTHROPIC_SMALL_FAST_MODEL: 'kimi-small',
  CLAUDE_CODE_SUBAGENT_MODEL: 'kimi-sub',
  CLAUDE_CODE_MAX_OUTPUT_TOKENS: '4096',
  CLAUDE_CODE_MAX_CONTEXT_TOKENS: '262144',
  CCENV_PROFILE: 'kimi',
  API_TIMEOUT_MS: '600000',
  EXTRA: "it's \\ here",
};

/** The variables the shell itself adds to every child (PWD, SHLVL, _ …), which are not ccenv's business. */
const SHELL_NOISE = new Set(['PWD', 'OLDPWD', 'SHLVL', '_', 'CODE', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'CCENV_SHELL', 'LOGNAME', 'USER']);
const own = (env: Record<string, string>, parent: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(env).filter(([k]) => !SHELL_NOISE.has(k) && !(k in parent && parent[k] === env[k])));

describe.each(SHELLS)('%s', (shell) => {
  const code = renderShell(shell, cfg);

  it('evaluates silently under strict options', async () => {
    const r = await inShell(shell, code, shell === 'fish' ? 'source $CODE' : 'eval "$(cat "$CODE")"', [], baseEnv());
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('calls claude with exactly the profile environment, the Anthropic key and cloud switches removed, argv untouched', async () => {
    const args = ['-p', 'two words', '--flag=val', '', "it's", '$(id)', 'a\\'];
    const parent = baseEnv();
    const r = await inShell(shell, code, loadThen(shell, callWithArgs(shell, 'claude-kimi')), args, parent);
    expect(r.code, r.stderr).toBe(0);
    const call = parseStub(r.stdout);
    expect(call.argv).toEqual(args);
    expect(own(call.env, parent)).toEqual(KIMI_ENV);
    for (const gone of ['ANTHROPIC_API_KEY', 'CLAUDE_CODE_USE_BEDROCK', 'CLAUDE_CODE_USE_VERTEX', 'CLAUDE_CODE_USE_FOUNDRY']) {
      expect(call.env).not.toHaveProperty(gone);
    }
  });

  it("doctor --e2e's environment (planEnv, from the same call plan) is what this shell's function gives claude", async () => {
    const parent = baseEnv({ MY_PROXY_URL: 'http://10.0.0.9:4001' });
    const r = await inShell(shell, code, loadThen(shell, callWithArgs(shell, 'claude-kimi')), [], parent);
    const call = parseStub(r.stdout);
    const planned = planEnv(plan(cfg, cfg.profiles.find((p) => p.name === 'kimi')!), parent)!;
    expect(own(call.env, parent)).toEqual(own(planned as Record<string, string>, parent));
    expect(Object.keys(parent).filter((k) => !(k in planned)).sort()).toEqual(Object.keys(parent).filter((k) => !(k in call.env)).sort());
    expect(planEnv(plan(cfg, cfg.profiles[0]!), { ...parent, LITELLM_MASTER_KEY: '' })).toBeUndefined();
  });

  it('takes the proxy URL from base_url_env at call time, and a custom command name', async () => {
    const r = await inShell(shell, code, loadThen(shell, 'cglm'), [], baseEnv({ MY_PROXY_URL: 'http://10.0.0.9:4001' }));
    const call = parseStub(r.stdout);
    expect(call.env.ANTHROPIC_BASE_URL).toBe('http://10.0.0.9:4001');
    expect(call.env.ANTHROPIC_MODEL).toBe('glm-5');
    expect(call.env.ANTHROPIC_DEFAULT_HAIKU_MODEL).toBe('glm-5');
  });

  it('leaks nothing into the calling shell', async () => {
    const check = shell === 'fish'
      ? 'claude-kimi >/dev/null; and set -q ANTHROPIC_MODEL; or set -q ANTHROPIC_AUTH_TOKEN; or set -q __ccenv_base_url; or echo clean $ANTHROPIC_API_KEY'
      : 'claude-kimi >/dev/null; [ -z "${ANTHROPIC_MODEL+x}${ANTHROPIC_AUTH_TOKEN+x}${__ccenv_base_url+x}" ] && echo clean "$ANTHROPIC_API_KEY"';
    const r = await inShell(shell, code, loadThen(shell, check), [], baseEnv());
    expect(r.stdout.trim()).toBe('clean sk-ant-FAKE-parent-key');
  });

  it('refuses to run claude when the token variable is empty, saying which variable', async () => {
    const call = shell === 'fish' ? 'claude-kimi; echo rc=$status' : 'claude-kimi || echo rc=$?';
    const r = await inShell(shell, code, loadThen(shell, call), [], baseEnv({ LITELLM_MASTER_KEY: '' }));
    expect(r.stdout).toBe('rc=1\n');
    expect(r.stderr).toMatch(/^claude-kimi: LITELLM_MASTER_KEY is empty/);
  });

  it('re-evaluates idempotently over an alias of the same name', async () => {
    const script = shell === 'fish'
      ? 'alias claude-kimi "echo ALIAS"; source $CODE; and source $CODE; and claude-kimi x'
      : `${shell === 'bash' ? 'shopt -s expand_aliases; ' : ''}alias claude-kimi='echo ALIAS'; eval "$(cat "$CODE")"; eval "$(cat "$CODE")"; claude-kimi x`;
    const r = await inShell(shell, code, script, [], baseEnv());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(parseStub(r.stdout)).toMatchObject({ before: '', argv: ['x'] });
  });

  it('evaluated unquoted (the classic mistake), it defines nothing and says so in one line', async () => {
    const load = shell === 'fish' ? 'eval (cat $CODE); functions -q claude-kimi; or echo undefined' : 'eval $(cat "$CODE"); type claude-kimi >/dev/null 2>&1 || echo undefined';
    const r = await inShell(shell, code, load, [], baseEnv());
    expect(r.stdout).toBe('undefined\n');
    const use = shell === 'fish' ? 'ccenv shell fish | source' : `eval "$(ccenv shell ${shell})"`;
    expect(r.stderr).toBe(`ccenv: the output of ccenv shell was evaluated unquoted, so nothing was defined; use: ${use}\n`);
  });

  it('the real `ccenv shell` output with a bad profiles file prints one warning and defines nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccenv-bad-'));
    const bad = join(dir, 'profiles.yaml');
    writeFileSync(bad, 'profiles:\n  kimi:\n    modle: x\n');
    const out = await ccenv(['shell', shell, '--profiles', bad]);
    expect(out.code).toBe(0);
    const probe = shell === 'fish' ? 'source $CODE; and functions -q claude-kimi; or echo undefined' : 'eval "$(cat "$CODE")"; type claude-kimi >/dev/null 2>&1 || echo undefined';
    const r = await inShell(shell, out.stdout, probe, [], baseEnv());
    expect(r.stdout).toBe('undefined\n');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${bad}:3:5: profiles.kimi.modle: unknown key 'modle' (did you mean 'model'?)`);
  });

  it('any string a YAML value can hold reaches claude byte for byte (property)', async () => {
    const tricky = fc.constantFrom('', "'", '"', '\\', 'a\\', "\\'", '$HOME', '`id`', '$(id)', '!', '*', '~', '%', ';', '#', '\n', '\t', 'é', '\u2019', "' ; echo INJECTED ; #", '--', '-u');
    const str = fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 12 }), fc.array(tricky, { maxLength: 4 }).map((a) => a.join(''))).filter((s) => !s.includes('\0'));
    const modelId = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 10 }).filter((s) => /^\S+$/.test(s));
    await fc.assert(
      fc.asyncProperty(modelId, str, str, fc.array(str, { maxLength: 4 }), async (model, value, baseUrlTail, args) => {
        const file = stringify({
          proxy: { base_url: `http://h/${baseUrlTail}` },
          profiles: { p: { model, env: { V: value } } },
        });
        const profile = parseProfiles(file, 'p.yaml');
        const r = await inShell(shell, renderShell(shell, profile), loadThen(shell, callWithArgs(shell, 'claude-p')), args, baseEnv());
        expect(r.stderr).toBe('');
        const call = parseStub(r.stdout);
        expect(call.before).toBe('');
        expect(call.argv).toEqual(args);
        expect(call.env.V).toBe(value);
        expect(call.env.ANTHROPIC_MODEL).toBe(model);
        expect(call.env.ANTHROPIC_BASE_URL).toBe(`http://h/${baseUrlTail}`);
      }),
      { numRuns: 25 },
    );
  });
});

// A shared gateway's three ways to carry the virtual key, in each real shell, written out by hand.
describe.each(SHELLS)('%s: the auth modes of a shared gateway', (shell) => {
  const CANARY = 'sk-canary-FAKE-virtual-key-0042';
  const gateway = (proxy: string) => parseProfiles(`proxy:\n  base_url: https://llm.corp.example\n  auth_token_env: TEAM_KEY\n${proxy}profiles:\n  kimi: { model: kimi-k2.5 }\n`, 'profiles.yaml');
  const parent = (extra: NodeJS.ProcessEnv = {}) => baseEnv({ TEAM_KEY: CANARY, ANTHROPIC_AUTH_TOKEN: 'sk-FAKE-parent-token', ...extra });

  it('key_header: the key goes in ANTHROPIC_CUSTOM_HEADERS after the headers the user already has; the token is left out', async () => {
    const code = renderShell(shell, gateway('  key_header: x-litellm-api-key\n'));
    expect(code).not.toContain(CANARY);
    const r = await inShell(shell, code, loadThen(shell, callWithArgs(shell, 'claude-kimi')), ['-p', 'hi'], parent({ ANTHROPIC_CUSTOM_HEADERS: 'X-Team: platform\nX-Trace: on' }));
    expect(r.code, r.stderr).toBe(0);
    const call = parseStub(r.stdout);
    expect(call.argv).toEqual(['-p', 'hi']);
    expect(call.env.ANTHROPIC_CUSTOM_HEADERS).toBe(`X-Team: platform\nX-Trace: on\nx-litellm-api-key: Bearer ${CANARY}`);
    expect(call.env).not.toHaveProperty('ANTHROPIC_AUTH_TOKEN');
    expect(call.env).not.toHaveProperty('ANTHROPIC_API_KEY');
    const alone = parseStub((await inShell(shell, code, loadThen(shell, callWithArgs(shell, 'claude-kimi')), [], parent())).stdout);
    expect(alone.env.ANTHROPIC_CUSTOM_HEADERS).toBe(`x-litellm-api-key: Bearer ${CANARY}`);
    const empty = await inShell(shell, code, loadThen(shell, callWithArgs(shell, 'claude-kimi')), [], parent({ TEAM_KEY: '' }));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toBe('claude-kimi: TEAM_KEY is empty; export the LiteLLM master key or a virtual key in it (proxy.auth_token_env), then retry\n');
  });

  it("token_command: Claude Code's apiKeyHelper for this call (--settings before the user's arguments), no token, no key", async () => {
    const command = `printf '%s' "$(cat "$HOME/.team key")" # it's \\ odd`;
    const code = renderShell(shell, gateway(`  token_command: ${JSON.stringify(command)}\n`));
    const r = await inShell(shell, code, loadThen(shell, callWithArgs(shell, 'claude-kimi')), ['-p', 'two words'], parent());
    expect(r.code, r.stderr).toBe(0);
    const call = parseStub(r.stdout);
    expect(call.argv).toEqual(['--settings', `{"apiKeyHelper":${JSON.stringify(command)}}`, '-p', 'two words']);
    expect(call.env).not.toHaveProperty('ANTHROPIC_AUTH_TOKEN');
    expect(call.env).not.toHaveProperty('ANTHROPIC_API_KEY');
    expect(call.env.ANTHROPIC_BASE_URL).toBe('https://llm.corp.example');
  });

  it("token_command whose program is not on PATH: one line naming it, claude not run", async () => {
    const code = renderShell(shell, gateway('  token_command: lite auth print-token\n'));
    const r = await inShell(shell, code, loadThen(shell, callWithArgs(shell, 'claude-kimi')), [], parent());
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'claude-kimi: lite not found on PATH (proxy.token_command prints the proxy token); install it or fix the command, then retry\n' });
  });
});
