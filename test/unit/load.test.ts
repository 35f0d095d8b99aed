import { describe, expect, it } from 'vitest';
import { parseProfiles, profilesPath } from '../../src/profiles/load.js';
import { UserError } from '../../src/util/errors.js';

/** The problem lines a profiles text produces (empty when it loads). */
function problems(text: string): readonly string[] {
  try {
    parseProfiles(text, 'p.yaml');
    return [];
  } catch (e) {
    if (e instanceof UserError) return e.lines;
    throw e;
  }
}

describe('profilesPath', () => {
  it.each([
    ['flag wins', 'x.yaml', { CCENV_PROFILES: '/e.yaml', HOME: '/h' }, `${process.cwd()}/x.yaml`, 'flag'],
    ['then $CCENV_PROFILES', undefined, { CCENV_PROFILES: '/e.yaml', HOME: '/h' }, '/e.yaml', 'env'],
    ['then XDG_CONFIG_HOME', undefined, { XDG_CONFIG_HOME: '/x', HOME: '/h' }, '/x/ccenv/profiles.yaml', 'default'],
    ['then ~/.config', undefined, { HOME: '/h' }, '/h/.config/ccenv/profiles.yaml', 'default'],
  ])('%s', (_name, flag, env, path, source) => {
    expect(profilesPath(flag, env)).toEqual({ path, source });
  });
});

describe('parseProfiles: defaults', () => {
  it('fills the documented defaults', () => {
    const cfg = parseProfiles('profiles:\n  kimi:\n    model: kimi-k2.5\n', 'p.yaml');
    expect(cfg.proxy).toEqual({ baseUrl: 'http://localhost:4000', baseUrlEnv: undefined, authTokenEnv: 'LITELLM_MASTER_KEY' });
    expect(cfg.defaultProfile).toBe('kimi');
    expect(cfg.profiles[0]).toMatchObject({
      name: 'kimi',
      command: 'claude-kimi',
      model: 'kimi-k2.5',
      smallModel: 'kimi-k2.5',
      subagentModel: 'kimi-k2.5',
      opusModel: 'kimi-k2.5',
      sonnetModel: 'kimi-k2.5',
      env: [],
    });
  });

  it('writes numbers and booleans in env as YAML shows them', () => {
    const cfg = parseProfiles('profiles:\n  a:\n    model: m\n    env: { T: 600000, B: true, S: "x" }\n', 'p.yaml');
    expect(cfg.profiles[0]!.env).toEqual([['T', '600000'], ['B', 'true'], ['S', 'x']]);
  });
});

describe('parseProfiles: one line per problem with file:line:col and the key', () => {
  it.each([
    ['YAML syntax', 'profiles:\n  kimi: [\n', [/^p\.yaml:3:1: YAML: /]],
    ['duplicate keys are a YAML error', 'profiles:\n  a: {model: m}\n  a: {model: n}\n', [/^p\.yaml:3:3: YAML: Map keys must be unique/]],
    ['no profiles', 'proxy: {}\n', ["p.yaml:1:1: missing required key 'profiles'"]],
    ['empty profiles', 'profiles: {}\n', ['p.yaml:1:11: profiles: needs at least one profile']],
    ['unknown key with a suggestion', 'profiles:\n  a:\n    model: m\n    max_output_token: 5\n', ["p.yaml:4:5: profiles.a.max_output_token: unknown key 'max_output_token' (did you mean 'max_output_tokens'?)"]],
    ['a typo of a required key is one problem', 'profiles:\n  a:\n    modle: m\n', ["p.yaml:3:5: profiles.a.modle: unknown key 'modle' (did you mean 'model'?)"]],
    ['wrong type', 'profiles:\n  a:\n    model: m\n    context_window: big\n', ['p.yaml:4:21: profiles.a.context_window: must be integer']],
    ['bad profile name', 'profiles:\n  "a b":\n    model: m\n', [/^p\.yaml:2:3: profiles\.a b: 'a b' is not a valid name/]],
    ['name starting with a dash', 'profiles:\n  -x:\n    model: m\n', [/^p\.yaml:2:3: profiles\.-x: '-x' is not a valid name/]],
    ['bad command', 'profiles:\n  a:\n    model: m\n    command: "rm -rf"\n', [/^p\.yaml:4:14: profiles\.a\.command: is not a valid function name/]],
    ['command shadowing claude', 'profiles:\n  a:\n    model: m\n    command: claude\n', [/^p\.yaml:4:14: profiles\.a\.command: command 'claude' is a reserved word or builtin \(every shell\)/]],
    ['duplicate command', 'profiles:\n  a:\n    model: m\n    command: cx\n  b:\n    model: n\n    command: cx\n', ["p.yaml:7:14: profiles.b.command: command 'cx' is already defined by profile 'a'"]],
    ['default command clash', 'profiles:\n  x:\n    model: m\n  b:\n    model: n\n    command: claude-x\n', ["p.yaml:6:14: profiles.b.command: command 'claude-x' is already defined by profile 'x'"]],
    ['bad env name', 'profiles:\n  a:\n    model: m\n    env: { 1X: y }\n', [/^p\.yaml:4:12: profiles\.a\.env\.1X: '1X' is not a valid environment variable name/]],
    ['env ccenv manages', 'profiles:\n  a:\n    model: m\n    env:\n      ANTHROPIC_API_KEY: k\n', [/^p\.yaml:5:7: profiles\.a\.env\.ANTHROPIC_API_KEY: ccenv sets ANTHROPIC_API_KEY itself/]],
    ['literal api_key in litellm_params', 'profiles:\n  a:\n    model: m\n    upstream:\n      model: openai/m\n      litellm_params: { api_key: sk-x }\n', [/^p\.yaml:6:23: profiles\.a\.upstream\.litellm_params: must not set api_key/]],
    ['bad URL', 'proxy: { base_url: "localhost:4000" }\nprofiles: { a: { model: m } }\n', ['p.yaml:1:20: proxy.base_url: must be an http:// or https:// URL']],
    ['model with spaces', 'profiles:\n  a:\n    model: "kimi k2"\n', ['p.yaml:3:12: profiles.a.model: must be a model id without spaces']],
    ['NUL byte', 'profiles:\n  a:\n    model: m\n    env: { X: "a\\0b" }\n', [/^p\.yaml:4:15: profiles\.a\.env\.X: contains a NUL byte/]],
    ['unknown default_profile', 'default_profile: kimo\nprofiles: { kimi: { model: m } }\n', ["p.yaml:1:18: default_profile: no profile named 'kimo' (did you mean 'kimi'?)"]],
  ])('%s', (_name, text, expected) => {
    const lines = problems(text);
    expect(lines).toHaveLength(expected.length);
    expected.forEach((want, i) => (typeof want === 'string' ? expect(lines[i]).toBe(want) : expect(lines[i]).toMatch(want)));
  });

  it('reports every problem, in file order', () => {
    const lines = problems('profiles:\n  a:\n    model: m\n    colour: red\n  b:\n    model: 3\n');
    expect(lines.map((l) => l.split(':').slice(1, 3).join(':'))).toEqual(['4:5', '6:12']);
  });
});
