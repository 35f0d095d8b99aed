// `npm run bench:doctor` also runs this: 1 MB adversarial inputs through every pattern ccenv applies to outside
// text (error signatures and the router-suffix split, redaction, glob matching, secret scanning, SSE parsing),
// timed and printed. Each must stay linear: a few milliseconds per MB, never seconds (issue 12). Not a timed test
// of the suite: the numbers go to .cache/bench-adversarial.txt.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseSse } from '../src/doctor/http.js';
import { explainText } from '../src/explain.js';
import { matchSignature, SIGNATURES, upstreamMessage } from '../src/knowledge/signatures.js';
import { matchGlob } from '../src/util/glob.js';
import { redact } from '../src/util/redact.js';
import { credentialKind } from '../src/validate/rules.js';

const MB = 1 << 20;
/** 4 MB of lines that each hold a keyword of some signature (explain tries those lines): its worst text, short of patterns. */
const KEYWORD_LINES = (() => {
  const words = SIGNATURES.flatMap((s) => s.keywords);
  const lines: string[] = [];
  for (let i = 0, size = 0; size < 4 * MB; i++, size += lines.at(-1)!.length + 1) lines.push(`note ${i}: the word ${words[i % words.length]} in passing`);
  return lines.join('\n');
})();
const cases: Array<[string, () => unknown]> = [
  ['upstreamMessage: 1 MB of spaces, then the router suffix', () => upstreamMessage(`${' '.repeat(MB)}Received Model Group=x`)],
  ['matchSignature: 1 MB blank error body', () => matchSignature(' '.repeat(MB))],
  ['matchSignature: 1 MB of "max_tokens" without a verdict', () => matchSignature('max_tokens '.repeat(MB / 11))],
  ['matchSignature: a real line after 1 MB of spaces', () => matchSignature(`${' '.repeat(MB)}Requests with max_tokens > 4096 must have stream=true`)],
  ['redact: 1 MB of key-like names without values', () => redact('api_key_token_secret'.repeat(MB / 20), ['sk-secret-value'])],
  ['redact: 1 MB of a.b.c URL-ish text', () => redact('http://a:b'.repeat(MB / 10), [])],
  ['matchGlob: 18 stars against 1 MB', () => matchGlob(`${'*a'.repeat(18)}*b`, 'a'.repeat(MB))],
  ['credentialKind: 1 MB value with many "<"', () => credentialKind('api_key', '<'.repeat(MB))],
  ['parseSse: 1 MB of empty frames', () => parseSse('\n\n'.repeat(MB / 2))],
  ['explainText: 4 MB, a keyword on every line', () => explainText(KEYWORD_LINES)],
];

it('1 MB adversarial inputs stay linear', () => {
  const lines: string[] = [];
  for (const [name, fn] of cases) {
    const t = performance.now();
    fn();
    const ms = performance.now() - t;
    lines.push(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
    expect(ms, name).toBeLessThan(2000);
  }
  process.stdout.write(`\n${lines.join('\n')}\n`);
  writeFileSync(join(process.cwd(), '.cache/bench-adversarial.txt'), `${lines.join('\n')}\n`);
});
