import { describe, expect, it } from 'vitest';
import { choiceFromFlags, type InitArgs } from '../../src/commands/init.js';
import { defaultProfileName, renderStarter } from '../../src/gen/starter.js';
import { PRESETS } from '../../src/knowledge/presets.js';
import { parseProfiles } from '../../src/profiles/load.js';
import { UserError } from '../../src/util/errors.js';

const load = (a: InitArgs) => parseProfiles(renderStarter(choiceFromFlags(a), '/schema.json'), '/p/profiles.yaml');

describe('the profile name from a model id (the issue: up to its first -, . or /)', () => {
  it.each([
    ['kimi-k2.5', 'kimi'],
    ['glm-4.6', 'glm'],
    ['deepseek-chat', 'deepseek'],
    ['qwen/qwen3-coder', 'qwen'],
    ['gemini.flash', 'gemini'],
    ['llama3', 'llama3'],
    ['3b-instruct', 'm3b'],
  ])('%s → %s', (model, name) => expect(defaultProfileName(model)).toBe(name));
});

describe('init flags → the profile written (hand-written expectations)', () => {
  it.each<[string, InitArgs, { command: string; model: string; upstream: string; apiBase?: string; keyEnv?: string; maxOutput?: number; forceStream?: boolean; fixUsage: boolean; dropParams?: string[] }]>([
    ['generic host', { preset: 'openai-compatible', model: 'kimi-k2.5', apiBase: 'http://127.0.0.1:9/v1', apiKeyEnv: 'EXAMPLE_API_KEY' }, { command: 'claude-kimi', model: 'kimi-k2.5', upstream: 'openai/kimi-k2.5', apiBase: 'http://127.0.0.1:9/v1', keyEnv: 'EXAMPLE_API_KEY', fixUsage: true }],
    ['ollama: local, no key', { preset: 'ollama', model: 'qwen3:8b' }, { command: 'claude-qwen3', model: 'qwen3:8b', upstream: 'openai/qwen3:8b', apiBase: 'http://localhost:11434/v1', fixUsage: true }],
    ['deepseek: the documented 8192 output limit', { preset: 'deepseek', model: 'deepseek-chat' }, { command: 'claude-deepseek', model: 'deepseek-chat', upstream: 'deepseek/deepseek-chat', apiBase: 'https://api.deepseek.com', keyEnv: 'DEEPSEEK_API_KEY', maxOutput: 8192, fixUsage: true }],
    ['deepseek --native: the anthropic/ form, no usage fix', { preset: 'deepseek', model: 'deepseek-chat', native: true }, { command: 'claude-deepseek', model: 'deepseek-chat', upstream: 'anthropic/deepseek-chat', apiBase: 'https://api.deepseek.com/anthropic', keyEnv: 'DEEPSEEK_API_KEY', maxOutput: 8192, fixUsage: false }],
    ['fireworks: force_stream', { preset: 'fireworks', model: 'kimi-k2p5', name: 'fw' }, { command: 'claude-fw', model: 'kimi-k2p5', upstream: 'fireworks_ai/kimi-k2p5', apiBase: 'https://api.fireworks.ai/inference/v1', keyEnv: 'FIREWORKS_API_KEY', forceStream: true, fixUsage: true }],
    ['gemini: the OpenAI-compatible endpoint', { preset: 'gemini', model: 'gemini-3.1-pro' }, { command: 'claude-gemini', model: 'gemini-3.1-pro', upstream: 'openai/gemini-3.1-pro', apiBase: 'https://generativelanguage.googleapis.com/v1beta/openai', keyEnv: 'GEMINI_API_KEY', fixUsage: true }],
    ['a key variable overrides the preset', { preset: 'groq', model: 'llama-3.3-70b', apiKeyEnv: 'MY_GROQ' }, { command: 'claude-llama', model: 'llama-3.3-70b', upstream: 'groq/llama-3.3-70b', apiBase: 'https://api.groq.com/openai/v1', keyEnv: 'MY_GROQ', fixUsage: true }],
    ['a model id YAML would misread is quoted', { preset: 'openai-compatible', model: 'a#b:c', apiBase: 'https://h/v1', name: 'x' }, { command: 'claude-x', model: 'a#b:c', upstream: 'openai/a#b:c', apiBase: 'https://h/v1', fixUsage: true }],
  ])('%s', (_, args, want) => {
    const cfg = load(args);
    expect(cfg.profiles).toHaveLength(1);
    const p = cfg.profiles[0]!;
    expect(p.command).toBe(want.command);
    expect(p.model).toBe(want.model);
    expect(p.upstream?.model).toBe(want.upstream);
    expect(p.upstream?.apiBase).toBe(want.apiBase);
    expect(p.upstream?.apiKeyEnv).toBe(want.keyEnv);
    expect(p.maxOutputTokens).toBe(want.maxOutput);
    expect(p.rules.force_stream).toBe(want.forceStream ?? false);
    expect(p.rules.fix_usage).toBe(want.fixUsage);
    expect(p.rules.drop_params).toEqual(want.dropParams ?? []);
    expect(p.maxRetries).toBe(2);
    expect(cfg.proxy.baseUrl).toBe('http://localhost:4000');
    expect(cfg.proxy.authTokenEnv).toBe('LITELLM_MASTER_KEY');
  });

  it('--context-window and --max-output-tokens are written; the preset limit is the default', () => {
    const p = load({ preset: 'openai-compatible', model: 'kimi-k2.5', apiBase: 'https://h/v1', contextWindow: 262144, maxOutputTokens: 16384 }).profiles[0]!;
    expect([p.contextWindow, p.maxOutputTokens]).toEqual([262144, 16384]);
    expect(load({ preset: 'deepseek', model: 'deepseek-chat', maxOutputTokens: 4000 }).profiles[0]!.maxOutputTokens).toBe(4000);
    expect(load({ preset: 'ollama', model: 'm' }).profiles[0]!.contextWindow).toBeUndefined();
  });

  it('the port lands in proxy.base_url', () => {
    expect(load({ preset: 'vllm', model: 'qwen', port: 4100 }).proxy.baseUrl).toBe('http://localhost:4100');
  });

  it('every preset writes a file that loads, with the schema modeline first', () => {
    for (const p of PRESETS) {
      const args: InitArgs = { preset: p.name, model: 'some-model', apiBase: p.apiBase ? undefined : 'https://h/v1' };
      const text = renderStarter(choiceFromFlags(args), '/s.json');
      expect(text.split('\n')[0], p.name).toBe('# yaml-language-server: $schema=/s.json');
      expect(parseProfiles(text, '/p.yaml').profiles[0]?.upstream?.model.startsWith(`${p.prefix}/`), p.name).toBe(true);
    }
  });
});

describe('init flags that are wrong → one line, exit 2', () => {
  it.each<[string, InitArgs, RegExp]>([
    ['unknown preset', { preset: 'nope', model: 'm' }, /^unknown preset 'nope'; choose one of: openai-compatible, ollama/],
    ['no model', { preset: 'ollama' }, /^--model takes the model id/],
    ['a model with a space', { preset: 'ollama', model: 'a b' }, /^--model takes the model id/],
    ['generic host without --api-base', { preset: 'openai-compatible', model: 'm' }, /^--preset openai-compatible needs --api-base URL/],
    ['api_base not a URL', { preset: 'openai-compatible', model: 'm', apiBase: 'h/v1' }, /^--api-base must be an http/],
    ['key variable not a name', { preset: 'ollama', model: 'm', apiKeyEnv: '1$X' }, /^--api-key-env must be a variable name/],
    ['profile name not a name', { preset: 'ollama', model: 'm', name: 'a;b' }, /^--name must be a letter/],
    ['port out of range', { preset: 'ollama', model: 'm', port: 70000 }, /^--port takes a whole number/],
    ['a window of no tokens', { preset: 'ollama', model: 'm', contextWindow: 0 }, /^--context-window takes a whole number of tokens from 1 to 100000000$/],
    ['an output limit that is not a number', { preset: 'ollama', model: 'm', maxOutputTokens: Number.NaN }, /^--max-output-tokens takes a whole number/],
    ['--native where the provider serves no Messages API', { preset: 'groq', model: 'm', native: true }, /^--native: Groq serves no Anthropic Messages API ccenv knows of; presets that do: deepseek, moonshot, zhipu$/],
  ])('%s', (_, args, message) => {
    let err: unknown;
    try {
      choiceFromFlags(args);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(message);
  });
});
