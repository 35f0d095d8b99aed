import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/doctor/checks.js';
import type { Facts } from '../../src/doctor/facts.js';
import { parseSse } from '../../src/doctor/http.js';
import { exitCode, renderJson, renderText, runChecks, type Finding } from '../../src/doctor/report.js';
import { redact } from '../../src/util/redact.js';
import { matchSignature, SIGNATURES, upstreamMessage } from '../../src/knowledge/signatures.js';
import { cli as ccenv } from '../helpers/inproc.js';

const facts = { offline: false } as Facts;
const check = (code: string, run: Check['run'], network = false): Check => ({ code, title: code.toUpperCase(), network, run });

describe('runChecks', () => {
  it('keeps declaration order, reports a crashing or hanging check instead of failing, and skips network checks offline', async () => {
    const checks = [
      check('slow', () => new Promise((r) => setTimeout(() => r({ status: 'ok', message: 'late' }), 50)) as never),
      check('boom', () => {
        throw new Error('kaput');
      }),
      check('hang', () => new Promise(() => {}) as never),
      check('many', () => [{ status: 'ok', message: 'a' }, { status: 'warn', message: 'b' }]),
      check('net', () => ({ status: 'ok', message: 'x' }), true),
    ];
    const out = await runChecks(checks, { ...facts, offline: true }, 300);
    expect(out.map((f) => [f.code, f.status, f.message])).toEqual([
      ['slow', 'ok', 'late'],
      ['boom', 'fail', 'check crashed: kaput'],
      ['hang', 'fail', 'check crashed: did not finish within 300 ms'],
      ['many', 'ok', 'a'],
      ['many', 'warn', 'b'],
      ['net', 'skip', 'skipped (--offline)'],
    ]);
  });
});

const findings: Finding[] = [
  { code: 'a', title: 'Alpha', status: 'ok', message: 'fine', durationMs: 1 },
  { code: 'b', title: 'Beta', status: 'warn', message: 'hmm', fix: 'do x', diagnosis: 'beta-warn', durationMs: 2 },
  { code: 'c', title: 'Gamma', status: 'fail', message: 'bad', details: ['answer: nope'], fix: 'do y', diagnosis: 'gamma-bad', durationMs: 3 },
];

describe('report', () => {
  it('exit code: 1 on a failure, warnings only with --strict', () => {
    expect(exitCode(findings, false)).toBe(1);
    expect(exitCode(findings.slice(0, 2), false)).toBe(0);
    expect(exitCode(findings.slice(0, 2), true)).toBe(1);
  });

  it('plain text is ASCII with details, Fix lines and a summary', () => {
    expect(renderText(findings, false)).toBe(
      'OK   Alpha - fine\nWARN Beta - hmm [beta-warn]\n    Fix: do x\nFAIL Gamma - bad [gamma-bad]\n    answer: nope\n    Fix: do y\n\n3 checks: 1 ok, 1 warnings, 1 failed, 0 skipped\n',
    );
    expect(renderText(findings, true).split('\n')[0]).toBe('✔ Alpha — fine');
  });

  it('JSON has a schema version, stable codes, durations and the summary', () => {
    const j = JSON.parse(renderJson(findings, '1.2.3', false));
    expect(j).toMatchObject({ schemaVersion: 2, ccenv: '1.2.3', ok: false, summary: { ok: 1, warn: 1, fail: 1, skip: 0 }, hops: [] });
    expect(j.checks[2]).toEqual({ code: 'c', title: 'Gamma', status: 'fail', diagnosis: 'gamma-bad', profile: null, message: 'bad', details: ['answer: nope'], fix: 'do y', durationMs: 3, latencyMs: null });
  });

  it.each([
    ['a known value', 'token is hunter2-secret here', ['hunter2-secret'], 'token is [redacted] here'],
    ['an sk- key', 'key sk-abc123def456 leaked', [], 'key sk-[redacted] leaked'],
    ['an Anthropic key', 'x sk-ant-api03-AAAAAAAAAA y', [], 'x sk-[redacted] y'],
    ['a bearer token', 'Authorization: Bearer abc.def-ghi', [], 'Authorization: Bearer [redacted]'],
    ['an AWS key id', 'AKIAABCDEFGHIJKLMNOP', [], 'AKIA[redacted]'],
    ['a value under a key-like name (YAML)', '  api_key: f3a9c2e1b7d64e0a', [], '  api_key: [redacted]'],
    ['a filled-in variable (env file)', 'LITELLM_MASTER_KEY=hunter2-hunter2', [], 'LITELLM_MASTER_KEY=[redacted]'],
    ['a JSON header value', '{"x-api-key": "abcd1234"}', [], '{"x-api-key": "[redacted]"}'],
    ['URL credentials', 'proxy http://alice:s3cret@gw.example:4000/v1 down', [], 'proxy http://[redacted]@gw.example:4000/v1 down'],
    ['nothing in an os.environ reference', 'api_key: os.environ/EXAMPLE_API_KEY', [], 'api_key: os.environ/EXAMPLE_API_KEY'],
    ['nothing in a variable name', 'auth_token_env: LITELLM_MASTER_KEY', [], 'auth_token_env: LITELLM_MASTER_KEY'],
    ['nothing in a token count', 'max_tokens: 32000', [], 'max_tokens: 32000'],
    ["nothing in an exception's message (Python's KeyError)", "KeyError: 'choices'", [], "KeyError: 'choices'"],
    ['a value under a key-like name that merely ends in "error"', 'tokenerror: abcd1234', [], 'tokenerror: [redacted]'],
    ['nothing in a URL without credentials', 'http://127.0.0.1:4000/health', [], 'http://127.0.0.1:4000/health'],
  ])('redacts %s', (_n, text, secrets, want) => {
    expect(redact(text, secrets)).toBe(want);
  });
});

describe('parseSse', () => {
  it('parses event names and JSON data, keeps non-JSON raw, skips comments', () => {
    const ev = parseSse('event: message_start\ndata: {"type":"message_start"}\n\n: comment\n\ndata: not json\n\n');
    expect(ev).toEqual([
      { event: 'message_start', data: { type: 'message_start' }, raw: '{"type":"message_start"}' },
      { event: undefined, data: undefined, raw: 'not json' },
    ]);
  });
});

describe('error signatures (--explain)', () => {
  it('every signature has a source, a cause and a fix', () => {
    for (const s of SIGNATURES) {
      expect(s.source.length, s.code).toBeGreaterThan(5);
      expect(s.cause && s.fix, s.code).toBeTruthy();
    }
  });

  // Exact strings users paste; the threads they come from are the sources of the matching entries in
  // src/knowledge/signatures.ts.
  it.each([
    ['Requests with max_tokens > 4096 must have stream=true', 'max-tokens-rejected'],
    ['Range of max_tokens should be [1, 8192]', 'max-tokens-rejected'],
    ["Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", 'max-tokens-rejected'],
    ["thinking: Input tag 'adaptive' found using 'type' does not match expected tags: 'enabled', 'disabled'", 'thinking-rejected'],
    ['API Error: 400 {"error":{"message":"{\\"message\\":\\"invalid beta flag\\"}. Received Model Group=claude-opus-4-5-20251101\\nAvailable Model Group Fallbacks=None"}}', 'invalid-beta'],
    ['completion: Invalid model name passed in model=claude-3-5-haiku-20241022', 'unknown-model'],
    ['litellm.NotFoundError: 404 page not found at /v1/responses', 'responses-routing'],
    ["undefined is not an object (evaluating '_.input_tokens')", 'usage-missing'],
    ['[ERROR] Error streaming, falling back to non-streaming mode: Content block not found', 'stream-order'],
    ["ImportError: cannot import name 'path_template' from 'openai._utils'", 'openai-import-error'],
    ['{"error":{"message":"No connected db.","type":"no_db_connection","param":null,"code":"400"}}', 'wrong-key'],
    ['Authentication Error, No api key passed in.', 'auth-rejected'],
    ['max_tokens: 21333 > 4096, which is the maximum allowed number of output tokens for claude-3-opus-20240229 … Received Model Group=claude-haiku-4-5-20251001', 'max-tokens-rejected'],
    ['Something odd. Received Model Group=kimi\nAvailable Model Group Fallbacks=None', 'upstream-error'],
  ])('%s → %s', (text, code) => {
    expect(matchSignature(text)?.code).toBe(code);
  });

  it('prefers the upstream message over the router suffix', () => {
    expect(upstreamMessage("boom\n\nLiteLLM: model group 'g' failed with the error above.")).toBe('boom');
    expect(upstreamMessage('boom. Received Model Group=g')).toBe('boom');
    expect(matchSignature('nothing we know')).toBeUndefined();
  });
});

describe('doctor CLI', () => {
  it('--explain prints the diagnosis and fix; unknown text exits 1', async () => {
    const r = await ccenv(['doctor', '--explain', 'Requests with max_tokens > 4096 must have stream=true']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^max-tokens-rejected: /);
    expect(r.stdout).toContain('Fix: ');
    expect((await ccenv(['doctor', '--explain', 'all good here'])).code).toBe(1);
  });

  it('--list names every check; an unknown check code is a usage error with a suggestion', async () => {
    const list = await ccenv(['doctor', '--list']);
    expect(list.stdout.split('\n').slice(0, 13).map((l) => l.split(/\s+/)[0])).toEqual(['profiles', 'auth-conflict', 'settings', 'base-url', 'http-proxy', 'claude', 'shell', 'proxy', 'key', 'models', 'context-window', 'messages', 'stream']);
    const bad = await ccenv(['doctor', 'modles']);
    expect(bad).toMatchObject({ code: 2, stderr: "ccenv: unknown check 'modles' (did you mean 'models'?); see ccenv doctor --list\n" });
  });
});
