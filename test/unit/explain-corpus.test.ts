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
  set: 'dev' | 'holdout';
}
const CORPUS = readFileSync(join(ROOT, 'test/fixtures/explain-corpus.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Entry);

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
    expect(CORPUS.filter((e) => e.code === 'none').length).toBeGreaterThanOrEqual(30);
    for (const e of CORPUS) expect(e.source).toMatch(/^[\w.-]+\/[\w.-]+#\d+$|^https?:\/\//);
  });

  it('names the right cause for nine in ten texts, and raises no alarm on harmless text', () => {
    const errors = (set: string) => CORPUS.filter((e) => e.set === set && e.code !== 'none');
    const harmless = (set: string) => CORPUS.filter((e) => e.set === set && e.code === 'none');
    const falseAlarms = CORPUS.filter((e) => e.code === 'none' && !right(e));
    const lines = [
      `dev: ${(100 * rate(errors('dev'))).toFixed(1)} % of ${errors('dev').length} error texts right`,
      `holdout: ${(100 * rate(errors('holdout'))).toFixed(1)} % of ${errors('holdout').length} error texts right`,
      `harmless: ${falseAlarms.length} false alarms in ${harmless('dev').length + harmless('holdout').length} texts`,
    ];
    mkdirSync(join(ROOT, '.cache'), { recursive: true });
    writeFileSync(join(ROOT, '.cache/explain-rate.txt'), `${lines.join('\n')}\n`);
    process.stdout.write(`\n${lines.join('\n')}\n`);
    expect(rate(errors('dev'))).toBeGreaterThanOrEqual(0.9);
    expect(rate(errors('holdout'))).toBeGreaterThanOrEqual(0.8);
    expect(falseAlarms.map((e) => e.text.slice(0, 80))).toEqual([]);
  });
});
