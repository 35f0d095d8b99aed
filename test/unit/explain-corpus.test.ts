// `ccenv explain` on real pasted texts (test/fixtures/explain-corpus.jsonl: each text with its source and the
// expected code, a third kept out of sight — "holdout" — while the patterns were written). A text counts as right
// when its expected cause is reported and nothing else is (other than the codes it also shows, `also`); a
// harmless text is right when nothing is reported. The rates go to .cache/explain-rate.txt and README.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainText } from '../../src/explain.js';
import { ROOT } from '../helpers/paths.js';

interface Entry {
  text: string;
  code: string;
  also?: string[];
  source: string;
  set: 'dev' | 'holdout' | 'holdout2' | 'holdout3' | 'holdout4' | 'holdout5' | 'holdout6' | 'holdout7' | 'holdout8' | 'holdout9' | 'holdout10';
}
const read = (f: string) => readFileSync(join(ROOT, 'test/fixtures', f), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Entry);
/** The corpus the patterns were written on (dev) and against (holdout, measured at the end)… */
const CORPUS = read('explain-corpus.jsonl');
/** …and a second held-out set gathered from new threads after the patterns were written. */
const HOLDOUT2 = read('explain-corpus-holdout2.jsonl');
/** …and a third, gathered from new threads after the patterns were widened from the second. */
const HOLDOUT3 = read('explain-corpus-holdout3.jsonl');
/** …and a fourth, gathered (by a helper session that never saw the patterns) after the third was folded into dev. */
const HOLDOUT4 = read('explain-corpus-holdout4.jsonl');
/** …and a fifth, gathered the same way after the third and fourth were used to widen the patterns. */
const HOLDOUT5 = read('explain-corpus-holdout5.jsonl');
/** …and a sixth, gathered after the fifth was used to widen the patterns. */
const HOLDOUT6 = read('explain-corpus-holdout6.jsonl');
/** …and a seventh, gathered by two helper sessions after the documented error vocabulary was added (not from any set). */
const HOLDOUT7 = read('explain-corpus-holdout7.jsonl');
/** …and an eighth, gathered the same way after the seventh and the documented vocabulary of the sources were used. */
const HOLDOUT8 = read('explain-corpus-holdout8.jsonl');
/** …and a ninth, gathered the same way after the eighth was used and the topic fallback was added. */
const HOLDOUT9 = read('explain-corpus-holdout9.jsonl');
/** …and a tenth (smaller: the threads left unused are running out), after Claude Code's and older LiteLLMs' words were read. */
const HOLDOUT10 = read('explain-corpus-holdout10.jsonl');

function right(e: Entry): boolean {
  const got = explainText(e.text).map((d) => d.code);
  if (e.code === 'none') return got.length === 0;
  const allowed = new Set([e.code, ...(e.also ?? [])]);
  return got.includes(e.code) && got.every((c) => allowed.has(c));
}

const rate = (xs: Entry[]) => xs.filter(right).length / xs.length;

describe('explain on the corpus of real pasted texts', () => {
  it('has at least 150 real texts and 30 harmless ones, each with a source', () => {
    expect(CORPUS.filter((e) => e.code !== 'none').length).toBeGreaterThanOrEqual(150);
    expect(HOLDOUT2.every((e) => e.set === 'holdout2')).toBe(true);
    expect(CORPUS.filter((e) => e.code === 'none').length).toBeGreaterThanOrEqual(30);
    for (const e of [...CORPUS, ...HOLDOUT2, ...HOLDOUT3, ...HOLDOUT4, ...HOLDOUT5, ...HOLDOUT6, ...HOLDOUT7, ...HOLDOUT8, ...HOLDOUT9, ...HOLDOUT10]) expect(e.source).toMatch(/^[\w.-]+\/[\w.-]+#\d+$|^https?:\/\//);
  });

  it('names the right cause for nine in ten texts, and raises no alarm on harmless text', () => {
    const all = [...CORPUS, ...HOLDOUT2, ...HOLDOUT3, ...HOLDOUT4, ...HOLDOUT5, ...HOLDOUT6, ...HOLDOUT7, ...HOLDOUT8, ...HOLDOUT9, ...HOLDOUT10];
    const errors = (set: string) => all.filter((e) => e.set === set && e.code !== 'none');
    const harmless = all.filter((e) => e.code === 'none');
    const falseAlarms = harmless.filter((e) => !right(e));
    const lines = [
      `dev: ${(100 * rate(errors('dev'))).toFixed(1)} % of ${errors('dev').length} error texts right`,
      `holdout: ${(100 * rate(errors('holdout'))).toFixed(1)} % of ${errors('holdout').length} error texts right`,
      `holdout2: ${(100 * rate(errors('holdout2'))).toFixed(1)} % of ${errors('holdout2').length} error texts right`,
      `holdout3: ${(100 * rate(errors('holdout3'))).toFixed(1)} % of ${errors('holdout3').length} error texts right`,
      `holdout4: ${(100 * rate(errors('holdout4'))).toFixed(1)} % of ${errors('holdout4').length} error texts right`,
      `holdout5: ${(100 * rate(errors('holdout5'))).toFixed(1)} % of ${errors('holdout5').length} error texts right`,
      `holdout6: ${(100 * rate(errors('holdout6'))).toFixed(1)} % of ${errors('holdout6').length} error texts right`,
      `holdout7: ${(100 * rate(errors('holdout7'))).toFixed(1)} % of ${errors('holdout7').length} error texts right`,
      `holdout8: ${(100 * rate(errors('holdout8'))).toFixed(1)} % of ${errors('holdout8').length} error texts right`,
      `holdout9: ${(100 * rate(errors('holdout9'))).toFixed(1)} % of ${errors('holdout9').length} error texts right`,
      `holdout10: ${(100 * rate(errors('holdout10'))).toFixed(1)} % of ${errors('holdout10').length} error texts right`,
      `harmless: ${falseAlarms.length} false alarms in ${harmless.length} texts`,
    ];
    mkdirSync(join(ROOT, '.cache'), { recursive: true });
    writeFileSync(join(ROOT, '.cache/explain-rate.txt'), `${lines.join('\n')}\n`);
    process.stdout.write(`\n${lines.join('\n')}\n`);
    expect(rate(errors('dev'))).toBeGreaterThanOrEqual(0.9);
    expect(rate(errors('holdout'))).toBeGreaterThanOrEqual(0.8);
    expect(rate(errors('holdout2'))).toBeGreaterThanOrEqual(0.9);
    // holdout3 (77.3 % when first measured) and holdout4 (57.6 %, 2026-12-02) have since been used to widen the
    // patterns: floors against regressions now, no longer measures of unseen text.
    expect(rate(errors('holdout3'))).toBeGreaterThanOrEqual(0.9);
    expect(rate(errors('holdout4'))).toBeGreaterThanOrEqual(0.8);
    // holdout5: 61.1 % when first measured (2026-12-02), since used to widen the patterns.
    expect(rate(errors('holdout5'))).toBeGreaterThanOrEqual(0.8);
    // holdout6: 62.6 % when first measured (2026-12-02), since used to widen the patterns.
    expect(rate(errors('holdout6'))).toBeGreaterThanOrEqual(0.8);
    // holdout7: 63.3 % when first measured (2026-12-02, at 6b66ab5), since used to widen the patterns.
    expect(rate(errors('holdout7'))).toBeGreaterThanOrEqual(0.85);
    // holdout8: 70.0 % when first measured (2026-12-02, at a5d0ce6), since used to widen the patterns.
    expect(rate(errors('holdout8'))).toBeGreaterThanOrEqual(0.85);
    // holdout9: 61.5 % when first measured (2026-12-02, at 3d94386), since used to widen the patterns.
    expect(rate(errors('holdout9'))).toBeGreaterThanOrEqual(0.75);
    // holdout10: 74.0 % of 50 when first measured (2026-12-02, at cc1a80f), since used to widen the patterns.
    expect(rate(errors('holdout10'))).toBeGreaterThanOrEqual(0.8);
    expect(falseAlarms.length).toBeLessThanOrEqual(1);
  });
});
