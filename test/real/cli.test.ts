// The built CLI as a user runs it: exit codes, stdout/stderr, files written.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseProfiles } from '../../src/profiles/load.js';
import { BIN, ROOT } from '../helpers/paths.js';
import { ccenv, run } from '../helpers/run.js';

const EXAMPLE = join(ROOT, 'examples/profiles.yaml');
const tmp = () => mkdtempSync(join(tmpdir(), 'ccenv-cli-'));
const env = (extra: NodeJS.ProcessEnv = {}) => ({ PATH: process.env.PATH, HOME: tmp(), ...extra });

describe('gen litellm-config', () => {
  it('writes the config to stdout; keys appear only as os.environ references', async () => {
    const r = await ccenv(['gen', 'litellm-config', '--profiles', EXAMPLE], { env: env() });
    expect(r.code).toBe(0);
    const cfg = parse(r.stdout);
    expect(cfg.model_list.map((m: { model_name: string }) => m.model_name)).toEqual(['kimi-k2.5', 'deepseek-v3p2', 'gemini-3.1-pro']);
    expect(cfg.model_list.every((m: { litellm_params: { api_key: string } }) => m.litellm_params.api_key === 'os.environ/EXAMPLE_API_KEY')).toBe(true);
  });

  it('-o writes the file, refuses to replace it without --force, replaces it with --force, leaves no temp files', async () => {
    const dir = tmp();
    const out = join(dir, 'config.yaml');
    expect((await ccenv(['gen', 'litellm-config', '--profiles', EXAMPLE, '-o', out], { env: env() })).code).toBe(0);
    const first = readFileSync(out, 'utf8');
    writeFileSync(out, 'mine\n');
    const refused = await ccenv(['gen', 'litellm-config', '--profiles', EXAMPLE, '-o', out], { env: env() });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`ccenv: ${out}: already exists; pass --force to replace it\n`);
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
    expect((await ccenv(['gen', 'litellm-config', '--profiles', EXAMPLE, '-o', out, '--force'], { env: env() })).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(first);
    expect(readdirSync(dir)).toEqual(['config.yaml']);
  });

  it('a bad profiles file: exit 2, one line per problem, nothing written, no stack trace', async () => {
    const dir = tmp();
    const bad = join(dir, 'p.yaml');
    writeFileSync(bad, 'profiles:\n  a:\n    model: m\n    colour: red\n  b:\n    model: [x]\n');
    const r = await ccenv(['gen', 'litellm-config', '--profiles', bad, '-o', join(dir, 'c.yaml')], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      `ccenv: ${bad}:4:5: profiles.a.colour: unknown key 'colour'`,
      `ccenv: ${bad}:6:12: profiles.b.model: must be string`,
    ]);
    expect(existsSync(join(dir, 'c.yaml'))).toBe(false);
  });

  it('a missing profiles file names the path and `ccenv init`', async () => {
    const r = await ccenv(['gen', 'litellm-config', '--profiles', '/nonexistent/p.yaml'], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ccenv: /nonexistent/p.yaml: no profiles file here; create one with `ccenv init` or pass --profiles FILE\n');
  });
});

describe('shell', () => {
  it('takes the shell from $SHELL when not given', async () => {
    const r = await ccenv(['shell', '--profiles', EXAMPLE], { env: env({ SHELL: '/usr/bin/fish' }) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('function claude-kimi --wraps claude');
  });

  it('an unsupported shell is a usage error naming the supported ones', async () => {
    const r = await ccenv(['shell', '--profiles', EXAMPLE], { env: env({ SHELL: '/bin/tcsh' }) });
    expect(r).toEqual({ code: 2, stdout: '', stderr: "ccenv: unsupported shell 'tcsh' (from $SHELL); ccenv shell supports bash, zsh, fish\n" });
  });

  it('reads $CCENV_PROFILES, and with no profiles file at all still exits 0 with a warning', async () => {
    const home = tmp();
    const ok = await ccenv(['shell', 'bash'], { env: { PATH: process.env.PATH, HOME: home, CCENV_PROFILES: EXAMPLE } });
    expect(ok.stdout).toContain('function claude-gemini {');
    const none = await ccenv(['shell', 'bash'], { env: { PATH: process.env.PATH, HOME: home } });
    expect(none.code).toBe(0);
    const warned = await run('bash', ['--norc', '-c', none.stdout]);
    expect(warned.stderr).toBe(`ccenv: ${home}/.config/ccenv/profiles.yaml: no profiles file here; create one with \`ccenv init\` or pass --profiles FILE; no claude-* functions defined\n`);
  });
});

describe('init and list', () => {
  it('init from flags writes a starter file that loads, with a schema modeline, and never overwrites without --force', async () => {
    const home = tmp();
    const e = { PATH: process.env.PATH, HOME: home, SHELL: '/bin/zsh' };
    const flags = ['init', '--preset', 'openai-compatible', '--model', 'kimi-k2.5', '--api-base', 'http://127.0.0.1:9/v1', '--api-key-env', 'EXAMPLE_API_KEY'];
    const r = await ccenv(flags, { env: e });
    expect(r.code).toBe(0);
    const path = join(home, '.config/ccenv/profiles.yaml');
    const text = readFileSync(path, 'utf8');
    // The modeline names the schema copy ccenv keeps current (it survives moving or upgrading ccenv).
    const copy = join(home, '.local/share/ccenv/profiles.schema.json');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${copy}`);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(join(ROOT, 'schema/profiles.schema.json'), 'utf8'));
    expect(r.stderr).toBe(
      `ccenv: wrote ${path} (profile kimi: claude-kimi); next: ccenv proxy install, ccenv proxy start, then add to your shell's rc file: eval "$(ccenv shell zsh)" (in ~/.zshrc)\n`,
    );
    const p = parseProfiles(text, path).profiles;
    expect(p.map((x) => [x.command, x.model, x.upstream?.model, x.upstream?.apiBase, x.upstream?.apiKeyEnv])).toEqual([
      ['claude-kimi', 'kimi-k2.5', 'openai/kimi-k2.5', 'http://127.0.0.1:9/v1', 'EXAMPLE_API_KEY'],
    ]);
    // What init writes passes validate and generates a config naming the key by variable only.
    expect((await ccenv(['validate'], { env: e })).code).toBe(0);
    const cfg = parse((await ccenv(['gen', 'litellm-config'], { env: e })).stdout);
    expect(cfg.model_list[0].litellm_params).toMatchObject({ model: 'openai/kimi-k2.5', api_base: 'http://127.0.0.1:9/v1', api_key: 'os.environ/EXAMPLE_API_KEY' });
    writeFileSync(path, 'mine\n');
    expect((await ccenv(flags, { env: e })).code).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe('mine\n');
    expect((await ccenv([...flags, '--force'], { env: e })).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('init with no flags and no terminal: a usage error naming the flags, nothing written', async () => {
    const home = tmp();
    const r = await ccenv(['init'], { env: { PATH: process.env.PATH, HOME: home }, input: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ccenv: ccenv init needs a terminal to ask, or flags: --preset NAME --model ID \[--api-base URL\] \[--api-key-env VAR\] \[--name PROFILE\] \[--port N\] \[--context-window TOKENS\] \[--max-output-tokens TOKENS\] \[--native\] \(presets: openai-compatible, ollama, vllm, lm-studio, openrouter, deepseek, moonshot, zhipu, fireworks, together, groq, gemini\)\n$/);
    expect(existsSync(join(home, '.config/ccenv'))).toBe(false);
  });

  it('init on a terminal asks (a real pty via script(1)), answering each prompt as it appears', async () => {
    const home = tmp();
    const answers: Array<[string, string]> = [
      ['Preset (number or name) [1]: ', 'deepseek'],
      ['Model id at the provider (e.g. kimi-k2.5): ', 'deepseek-chat'],
      ['api_base [https://api.deepseek.com]: ', ''],
      ["Variable holding the provider's key [DEEPSEEK_API_KEY]: ", 'DS_KEY'],
      ['Context window in tokens (empty: decide later): ', '131072'],
      ['Max output tokens [8192]: ', ''],
      ['Proxy port [4000]: ', '4100'],
    ];
    const child = spawn('script', ['-qec', `${process.execPath} ${BIN} init`, '/dev/null'], { env: { PATH: process.env.PATH, HOME: home, TERM: 'dumb' } });
    let seen = '';
    let next = 0;
    const done = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`init did not finish; saw: ${seen}`));
      }, 20_000);
      child.stdout.on('data', (d: Buffer) => {
        seen += d.toString();
        while (next < answers.length && seen.includes(answers[next]![0])) {
          seen = seen.slice(seen.indexOf(answers[next]![0]) + answers[next]![0].length);
          child.stdin.write(`${answers[next]![1]}\r`);
          next++;
        }
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve(code ?? -1);
      });
    });
    expect(await done).toBe(0);
    expect(next).toBe(answers.length);
    const path = join(home, '.config/ccenv/profiles.yaml');
    const cfg = parseProfiles(readFileSync(path, 'utf8'), path);
    expect(cfg.proxy.baseUrl).toBe('http://localhost:4100');
    expect(cfg.profiles.map((x) => [x.command, x.upstream?.model, x.upstream?.apiBase, x.upstream?.apiKeyEnv, x.maxOutputTokens, x.contextWindow])).toEqual([
      ['claude-deepseek', 'deepseek/deepseek-chat', 'https://api.deepseek.com', 'DS_KEY', 8192, 131072],
    ]);
  });

  it('list --json shows each profile and its command', async () => {
    const r = await ccenv(['list', '--json', '--profiles', EXAMPLE], { env: env() });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.profiles.map((p: { command: string; model: string }) => [p.command, p.model])).toEqual([
      ['claude-kimi', 'kimi-k2.5'],
      ['claude-deepseek', 'deepseek-v3p2'],
      ['claude-gemini', 'gemini-3.1-pro'],
    ]);
    expect(j.proxy).toEqual({ base_url: 'http://localhost:4000', base_url_env: 'LITELLM_BASE_URL', auth_token_env: 'LITELLM_MASTER_KEY' });
  });

  it('list prints a table', async () => {
    const r = await ccenv(['list', '--profiles', EXAMPLE], { env: env() });
    expect(r.stdout.split('\n')[1]).toMatch(/^claude-kimi\s+kimi\s+kimi-k2\.5\s+kimi-k2\.5\s+openai\/kimi-k2\.5$/);
  });
});

describe('usage errors', () => {
  it.each([
    [['frobnicate'], /^ccenv: 'frobnicate' is not a ccenv command; see ccenv --help\n$/],
    [['valdate'], /^ccenv: 'valdate' is not a ccenv command \(did you mean 'validate'\?\); see ccenv --help\n$/],
    [['gen', 'litellm-conf'], /^ccenv: 'litellm-conf' is not a gen target \(did you mean 'litellm-config'\?\)/],
    [['gen', 'litellm-config', '-o', ''], /^ccenv: -o\/--output needs a file name/],
    [['gen'], /name what to generate: litellm-config/],
    [['list', '--bogus'], /Unknown argument: bogus/],
    [['proxy', 'status', '--manager', 'upstart'], /^ccenv: Invalid values: Argument: manager, Given: "upstart", Choices: "systemd", "launchd"\n$/],
  ])('%j exits 2 with one clear line', async (args, message) => {
    const r = await ccenv(args, { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('completion (real shells)', () => {
  const withBin = async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'ccenv'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin/ccenv.cjs')}" "$@"\n`, { mode: 0o755 });
    return { PATH: `${dir}:${process.env.PATH}`, HOME: tmp() };
  };

  it('bash completes sub-commands', async () => {
    const e = await withBin();
    const script = await ccenv(['completion', 'bash'], { env: e });
    const r = await run('bash', ['--norc', '-c', `${script.stdout}\nCOMP_WORDS=(ccenv ge); COMP_CWORD=1; _ccenv_completions; printf '%s\\n' "\${COMPREPLY[@]}"`], { env: e });
    expect(r.stdout).toBe('gen\n');
  });

  it('fish completes sub-commands', async () => {
    const e = await withBin();
    const script = await ccenv(['completion', 'fish'], { env: e });
    const r = await run('fish', ['--no-config', '-c', `${script.stdout}\ncomplete -C 'ccenv gen li'`], { env: e });
    expect(r.stdout.trim().split('\n').map((l) => l.split('\t')[0]).sort()).toEqual(['litellm', 'litellm-config']);
  });

  it('zsh: the script loads after compinit and defines the completer; ccenv answers in zsh format', async () => {
    const e = await withBin();
    const script = await ccenv(['completion', 'zsh'], { env: e });
    const r = await run('zsh', ['-f', '-c', `autoload -Uz compinit && compinit -u -D\n${script.stdout}\nprint -r -- $_comps[ccenv]`], { env: e });
    expect(r.stdout).toBe('_ccenv_completions\n');
    const answers = await run('ccenv', ['--get-yargs-completions', 'ccenv', ''], { env: { ...e, SHELL: 'zsh' } });
    expect(answers.stdout).toMatch(/^gen:Generate files/m);
  });
});
