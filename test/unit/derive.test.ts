// One derivation from a profile to what Claude Code gets: the variables per slot, and the ones that depend on
// what Claude Code does with the id (context window), retries and the /model picker.
import { describe, expect, it } from 'vitest';
import { buildLiteLLMConfig } from '../../src/gen/litellm-config.js';
import { contextWindowIgnored, profileVars, sentIds } from '../../src/profiles/derive.js';
import { parseProfiles } from '../../src/profiles/load.js';

const profile = (yaml: string) => parseProfiles(`profiles:\n  p: ${yaml}\n`, '/p.yaml').profiles[0]!;
const vars = (yaml: string) => Object.fromEntries(profileVars(profile(yaml)));

describe('profileVars', () => {
  it.each<[string, string, Record<string, string | undefined>]>([
    ['an id Claude Code does not know: the window as CLAUDE_CODE_MAX_CONTEXT_TOKENS', '{ model: kimi-k2.5, context_window: 262144 }', { CLAUDE_CODE_MAX_CONTEXT_TOKENS: '262144', CLAUDE_CODE_AUTO_COMPACT_WINDOW: undefined }],
    ['an id it knows: the window as CLAUDE_CODE_AUTO_COMPACT_WINDOW (it ignores MAX_CONTEXT_TOKENS there)', '{ model: claude-sonnet-5-5, context_window: 200000 }', { CLAUDE_CODE_MAX_CONTEXT_TOKENS: undefined, CLAUDE_CODE_AUTO_COMPACT_WINDOW: '200000' }],
    ['max_retries', '{ model: k, max_retries: 2 }', { CLAUDE_CODE_MAX_RETRIES: '2' }],
    ['picker', '{ model: k, picker: true }', { CLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY: '1' }],
    ['no picker by default', '{ model: k }', { CLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY: undefined, CLAUDE_CODE_MAX_RETRIES: undefined }],
  ])('%s', (_n, yaml, want) => {
    const got = vars(yaml);
    for (const [k, v] of Object.entries(want)) expect(got[k], k).toBe(v);
  });

  it('a window Claude Code cannot honour for an id it knows is named', () => {
    expect(contextWindowIgnored(profile('{ model: claude-haiku-5-5, context_window: 64000 }'))).toMatch(/cannot go below 100000/);
    expect(contextWindowIgnored(profile('{ model: kimi, context_window: 64000 }'))).toBeUndefined();
  });

  it('each distinct id once, named by the key that set it', () => {
    expect(sentIds(profile('{ model: k, small_model: s, subagent_model: k }'))).toEqual([
      { id: 'k', slots: ['model', 'opus_model', 'sonnet_model', 'subagent_model'], setBy: 'model' },
      { id: 's', slots: ['small_model'], setBy: 'small_model' },
    ]);
  });

  it('picker profiles get a display_name in the generated config', () => {
    const cfg = parseProfiles('picker: true\nprofiles:\n  kimi: { model: kimi-k2.5, description: Kimi K2.5, upstream: { model: openai/k } }\n  glm: { model: glm-5, picker: false, upstream: { model: openai/g } }\n', '/p.yaml');
    const list = buildLiteLLMConfig(cfg).config.model_list;
    expect(list.map((m) => m.model_info?.display_name)).toEqual(['Kimi K2.5', undefined]);
  });
});
