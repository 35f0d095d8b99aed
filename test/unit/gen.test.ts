import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildLiteLLMConfig, renderLiteLLMConfig } from '../../src/gen/litellm-config.js';
import { parseProfiles } from '../../src/profiles/load.js';

const cfg = (text: string) => parseProfiles(text, '/p.yaml');

const TWO = cfg(`proxy: { auth_token_env: MY_KEY }
default_profile: glm
profiles:
  kimi:
    model: kimi-k2.5
    upstream: { model: openai/kimi-k2.5, api_base: "https://api.example.com/v1", api_key_env: EXAMPLE_API_KEY }
    max_output_tokens: 4096
    context_window: 262144
  glm:
    model: glm-5
    small_model: glm-5-air
    upstream: { model: openai/glm-5, api_key_env: ZAI_KEY, litellm_params: { timeout: 600, num_retries: 0 } }
  glm-air:
    model: glm-5-air
    upstream: { model: openai/glm-5-air, api_key_env: ZAI_KEY }
`);

describe('buildLiteLLMConfig', () => {
  const { config, notes } = buildLiteLLMConfig(TWO);

  it('writes one deployment per profile model, keys only as os.environ references', () => {
    expect(config.model_list.map((m) => m.model_name)).toEqual(['kimi-k2.5', 'glm-5', 'glm-5-air']);
    expect(config.model_list[0]).toEqual({
      model_name: 'kimi-k2.5',
      litellm_params: { model: 'openai/kimi-k2.5', api_base: 'https://api.example.com/v1', api_key: 'os.environ/EXAMPLE_API_KEY' },
      model_info: { max_input_tokens: 262144, max_output_tokens: 4096, supports_function_calling: true, mode: 'chat' },
    });
    expect(config.model_list[1]!.litellm_params).toEqual({ model: 'openai/glm-5', api_key: 'os.environ/ZAI_KEY', timeout: 600, num_retries: 0 });
    expect(notes).toEqual([]);
  });

  it('sets drop_params, the chat-completions routing key and the master key reference', () => {
    expect(config.litellm_settings).toEqual({ drop_params: true, use_chat_completions_url_for_anthropic_messages: true });
    expect(config.general_settings).toEqual({ master_key: 'os.environ/MY_KEY' });
  });

  it("aliases Claude Code's default ids to the default profile's model and small model", () => {
    expect(config.router_settings?.model_group_alias).toEqual({
      'claude-opus-5-5': 'glm-5',
      'claude-sonnet-5-5': 'glm-5',
      'claude-fable-5-2': 'glm-5',
      'claude-haiku-5-5': 'glm-5-air',
      'claude-haiku-4-5-20251001': 'glm-5-air',
    });
  });

  it('notes profiles without an upstream and slots no profile serves', () => {
    const { config: c, notes: n } = buildLiteLLMConfig(cfg(`profiles:
  a: { model: m-a, small_model: m-small, upstream: { model: openai/a } }
  b: { model: m-b }
`));
    expect(c.model_list.map((m) => m.model_name)).toEqual(['m-a']);
    expect(n).toEqual([
      "profile 'b' has no upstream: its model 'm-b' must already exist on the proxy",
      "profile 'a': small_model 'm-small' is not the model of any profile with an upstream; the proxy must serve it otherwise",
    ]);
  });

  it('two profiles on the same model share one deployment; a conflicting upstream is noted', () => {
    const { config: c, notes: n } = buildLiteLLMConfig(cfg(`profiles:
  a: { model: m, upstream: { model: openai/x } }
  b: { model: m, command: cb, upstream: { model: openai/x } }
  c: { model: m, command: cc, upstream: { model: openai/y } }
`));
    expect(c.model_list).toHaveLength(1);
    expect(n).toEqual(["profile 'c' serves model 'm' like an earlier profile but with another upstream; the first one wins"]);
  });
});

describe('hook wiring', () => {
  it('a config without proxy rules loads no hook', () => {
    const { config, hooked } = buildLiteLLMConfig(TWO);
    expect(hooked).toBe(false);
    expect(config.litellm_settings).not.toHaveProperty('callbacks');
  });

  it('rules load the hook; force_stream adds a hidden deployment on the ccenv_stream provider', () => {
    const { config, hooked } = buildLiteLLMConfig(cfg(`profiles:
  f: { model: fm, force_stream: true, upstream: { model: openai/f-up, api_base: "http://u/v1", api_key_env: K } }
  c: { model: cm, max_tokens_cap: 4096, upstream: { model: openai/c-up } }
`));
    expect(hooked).toBe(true);
    expect(config.litellm_settings).toMatchObject({
      callbacks: 'ccenv_hooks.handler',
      custom_provider_map: [{ provider: 'ccenv_stream', custom_handler: 'ccenv_hooks.stream_forcer' }],
    });
    expect(config.model_list.map((m) => [m.model_name, m.litellm_params.model])).toEqual([
      ['fm', 'openai/f-up'],
      ['cm', 'openai/c-up'],
      ['ccenv-force-stream/fm', 'ccenv_stream/openai/f-up'],
    ]);
    expect(config.model_list[2]!.litellm_params).toMatchObject({ api_base: 'http://u/v1', api_key: 'os.environ/K' });
  });

  it('fix_usage: true written out loads the hook; force_stream without an upstream is an error', () => {
    expect(buildLiteLLMConfig(cfg('profiles:\n  a: { model: m, fix_usage: true }\n')).hooked).toBe(true);
    expect(() => cfg('profiles:\n  a: { model: m, force_stream: true }\n')).toThrow(/p\.yaml:2:32: profiles\.a\.force_stream: force_stream needs an upstream/);
  });
});

describe('renderLiteLLMConfig', () => {
  it('is YAML that parses back to the built config, with a header naming the routing env var with value 1', () => {
    const { text, config } = renderLiteLLMConfig(TWO, '9.9.9');
    expect(parse(text)).toEqual(config);
    expect(text).toMatch(/^# LiteLLM proxy config generated by ccenv 9\.9\.9/);
    expect(text).toContain('LITELLM_USE_CHAT_COMPLETIONS_URL_FOR_ANTHROPIC_MESSAGES=1 litellm --config');
    expect(text).toContain('Keys come from the environment: MY_KEY, EXAMPLE_API_KEY, ZAI_KEY.');
  });

  it('matches the snapshot (beside the behavioural tests above)', () => {
    expect(renderLiteLLMConfig(TWO, '0.0.0').text).toMatchSnapshot();
  });
});
