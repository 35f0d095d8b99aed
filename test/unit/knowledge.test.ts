// Knowledge is data, each entry with a source a user can open: a URL, an owner/repo#N reference, or
// "observed with <tool> <version>". Never a notes file the package does not ship.
import { describe, expect, it } from 'vitest';
import * as advisories from '../../src/knowledge/advisories.js';
import * as claudeCode from '../../src/knowledge/claude-code.js';
import * as litellm from '../../src/knowledge/litellm.js';
import * as presets from '../../src/knowledge/presets.js';
import * as signatures from '../../src/knowledge/signatures.js';

/** Every `source` string anywhere inside the exported values, with where it was found. */
function sources(mod: Record<string, unknown>, name: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object' && !(v instanceof RegExp)) {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'source') out.push([`${path}.source`, String(x)]);
        else walk(x, `${path}.${k}`);
      }
    }
  };
  for (const [k, v] of Object.entries(mod)) walk(v, `${name}.${k}`);
  return out;
}

const ALL = [...sources(advisories, 'advisories'), ...sources(claudeCode, 'claude-code'), ...sources(litellm, 'litellm'), ...sources(presets, 'presets'), ...sources(signatures, 'signatures')];
/** One part of a source (they are joined with "; "). */
const OPENABLE = /(https?:\/\/[^\s;]+|\b[\w.-]+\/[\w.-]+#\d+\b|\bobserved with [\w@./-]+ v?\d+(\.\d+)*)/;
const UNSHIPPED = /research\/|shared\/|seeds\/|peers\.md|litellm\.md|§/;

describe('knowledge sources', () => {
  it('there are sources to check', () => {
    expect(ALL.length).toBeGreaterThan(40);
  });

  it.each(ALL)('%s names something a user can open', (_where, source) => {
    expect(source).not.toMatch(UNSHIPPED);
    for (const part of source.split(/;\s+/)) expect(part, part).toMatch(OPENABLE);
  });

  it('the source-form test itself rejects what it should', () => {
    expect('research/litellm.md §6.2').toMatch(UNSHIPPED);
    expect('LiteLLM blog').not.toMatch(OPENABLE);
    expect('BerriAI/litellm#24512').toMatch(OPENABLE);
    expect('observed with LiteLLM 1.106.0 (x)').toMatch(OPENABLE);
  });
});
