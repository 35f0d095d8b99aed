// The cached mode (`ccenv shell SHELL --cache`) in real bash, zsh and fish: the rc-file stub sources the cached
// functions without starting ccenv (Node) while the cache is fresh, regenerates it when the profiles change,
// gives claude the same environment as the plain output, and never breaks a shell's start-up.
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHELLS } from '../../src/shell/render.js';
import { BIN } from '../helpers/paths.js';
import { ccenv, run } from '../helpers/run.js';
import { parseStub, stubClaudeDir } from '../helpers/shells.js';

const STUB_CLAUDE = stubClaudeDir();

/** A home with a profiles file, a counting `ccenv` wrapper on PATH, and the stub printed by `--cache`. */
async function setup(shell: string) {
  const home = mkdtempSync(join(tmpdir(), `ccenv-cached-${shell}-`));
  const profiles = join(home, 'profiles.yaml');
  writeFileSync(profiles, "proxy: { base_url: 'http://127.0.0.1:4000' }\nprofiles:\n  kimi: { model: kimi-k2.5, small_model: kimi-small, max_output_tokens: 4096, env: { EXTRA: \"it's \\\\ here\" } }\n");
  const bin = mkdtempSync(join(tmpdir(), 'ccenv-bin-'));
  const log = join(home, 'ccenv-calls.log');
  writeFileSync(join(bin, 'ccenv'), `#!/bin/sh\necho "$*" >> '${log}'\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
  const env = { PATH: `${bin}:${STUB_CLAUDE}:/usr/bin:/bin`, HOME: home, XDG_CACHE_HOME: join(home, '.cache'), XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local'), LITELLM_MASTER_KEY: 'sk-FAKE' };
  const printed = await ccenv(['shell', shell, '--cache', '--profiles', profiles], { env });
  expect(printed.code).toBe(0);
  const rc = join(home, `rc.${shell}`);
  writeFileSync(rc, printed.stdout);
  const calls = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : []);
  /** A new shell that loads the rc stub, then runs `cmd`. */
  const newShell = (cmd: string) =>
    shell === 'fish'
      ? run('fish', ['--no-config', '--private', '-c', `source '${rc}'; ${cmd}`], { env })
      : run(shell, shell === 'bash' ? ['--noprofile', '--norc', '-c', `. '${rc}'; ${cmd}`] : ['-f', '-c', `. '${rc}'; ${cmd}`], { env });
  return { home, profiles, env, rc, calls, newShell, log };
}

describe.each(SHELLS)('%s cached mode', (shell) => {
  it('a fresh cache: functions defined without starting ccenv, and claude gets the same environment', async () => {
    const s = await setup(shell);
    expect(existsSync(join(s.home, '.cache/ccenv', `init.${shell}`))).toBe(true);
    const plain = await ccenv(['shell', shell, '--profiles', s.profiles], { env: s.env });
    expect(readFileSync(join(s.home, '.cache/ccenv', `init.${shell}`), 'utf8')).toBe(plain.stdout);
    const r = await s.newShell(shell === 'fish' ? 'claude-kimi -p "two words"' : 'claude-kimi -p "two words"');
    expect(r.stderr).toBe('');
    const call = parseStub(r.stdout);
    expect(call.argv).toEqual(['-p', 'two words']);
    expect(call.env).toMatchObject({ ANTHROPIC_MODEL: 'kimi-k2.5', ANTHROPIC_DEFAULT_HAIKU_MODEL: 'kimi-small', CLAUDE_CODE_MAX_OUTPUT_TOKENS: '4096', ANTHROPIC_AUTH_TOKEN: 'sk-FAKE', EXTRA: "it's \\ here" });
    expect(s.calls()).toEqual([]);
  });

  it('a profiles change regenerates the cache once, then it is fresh again', async () => {
    const s = await setup(shell);
    writeFileSync(s.profiles, readFileSync(s.profiles, 'utf8').replace('model: kimi-k2.5', 'model: kimi-k3'));
    const later = new Date(Date.now() + 5_000);
    utimesSync(s.profiles, later, later);
    const first = await s.newShell('claude-kimi');
    expect(parseStub(first.stdout).env.ANTHROPIC_MODEL).toBe('kimi-k3');
    expect(s.calls()).toEqual([`shell ${shell} --write-cache --profiles ${s.profiles}`]);
    const future = new Date(Date.now() + 10_000);
    utimesSync(join(s.home, '.cache/ccenv', `init.${shell}`), future, future);
    await s.newShell('claude-kimi');
    expect(s.calls()).toHaveLength(1);
  });

  it('a broken profiles file: one warning line, the shell goes on', async () => {
    const s = await setup(shell);
    writeFileSync(s.profiles, 'profiles:\n  kimi: { modle: x }\n');
    const later = new Date(Date.now() + 5_000);
    utimesSync(s.profiles, later, later);
    const r = await s.newShell('echo still-here');
    expect(r.stdout).toBe('still-here\n');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("unknown key 'modle'");
  });

  it('a stub printed without --profiles follows $CCENV_PROFILES at each shell start, even to an older file', async () => {
    const s = await setup(shell);
    const other = join(s.home, 'other.yaml');
    writeFileSync(other, 'profiles:\n  glm: { model: glm-5 }\n');
    const past = new Date(Date.now() - 60_000);
    utimesSync(other, past, past); // older than any cache: only the key's path comparison can catch the switch
    const env = { ...s.env, CCENV_PROFILES: s.profiles };
    const printed = await ccenv(['shell', shell, '--cache'], { env });
    expect(printed.stdout.split('\n').filter(Boolean)).toHaveLength(shell === 'fish' ? 10 : 8);
    writeFileSync(s.rc, printed.stdout);
    const start = (e: NodeJS.ProcessEnv, cmd: string) =>
      shell === 'fish' ? run('fish', ['--no-config', '--private', '-c', `source '${s.rc}'; ${cmd}`], { env: e }) : run(shell, shell === 'bash' ? ['--noprofile', '--norc', '-c', `. '${s.rc}'; ${cmd}`] : ['-f', '-c', `. '${s.rc}'; ${cmd}`], { env: e });
    const kimi = await start(env, 'claude-kimi');
    expect(parseStub(kimi.stdout).env.ANTHROPIC_MODEL).toBe('kimi-k2.5');
    const callsBefore = s.calls().length;
    const glm = await start({ ...env, CCENV_PROFILES: other }, 'claude-glm');
    expect(parseStub(glm.stdout).env.ANTHROPIC_MODEL).toBe('glm-5');
    expect(s.calls().slice(callsBefore)).toEqual([`shell ${shell} --write-cache --profiles ${other}`]);
    const again = await start({ ...env, CCENV_PROFILES: other }, 'claude-glm');
    expect(parseStub(again.stdout).env.ANTHROPIC_MODEL).toBe('glm-5');
    expect(s.calls().length).toBe(callsBefore + 1);
  });

  it('no ccenv on PATH and no cache: nothing breaks', async () => {
    const s = await setup(shell);
    const env = { ...s.env, PATH: '/usr/bin:/bin', XDG_CACHE_HOME: join(s.home, 'empty-cache') };
    const cmd = `echo still-here`;
    const r = shell === 'fish' ? await run('fish', ['--no-config', '--private', '-c', `source '${s.rc}'; ${cmd}`], { env }) : await run(shell, shell === 'bash' ? ['--noprofile', '--norc', '-c', `. '${s.rc}'; ${cmd}`] : ['-f', '-c', `. '${s.rc}'; ${cmd}`], { env });
    expect(r).toMatchObject({ code: 0, stdout: 'still-here\n', stderr: '' });
  });
});
