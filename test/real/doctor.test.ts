// `ccenv doctor` against a real LiteLLM proxy whose profiles each sit on a fake upstream with one injected
// fault: every diagnosis is produced for real through LiteLLM, and the healthy profile on the same proxy
// reports nothing (no false alarms). Then hostile fake proxies that must not hang doctor.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { FakeUpstream, type Faults } from '../helpers/fake-upstream.js';
import { startLiteLLM, type Proxy } from '../helpers/litellm.js';
import { CLAUDE } from '../helpers/paths.js';
import { hostileServer } from '../helpers/hostile.js';
import { ccenv, run } from '../helpers/run.js';

const KEY = 'sk-ccenv-doctor-FAKE-key';
const UPSTREAM_KEY = 'FAKE-upstream-secret-value';
const native = { supported_endpoints: ['/v1/messages'] };

/** Profile name → the upstream fault behind it (and extra profile keys). */
const CASES: Record<string, { faults: Faults; profile?: Record<string, unknown>; modelInfo?: Record<string, unknown>; keyEnv?: string }> = {
  healthy: { faults: {}, profile: { fix_usage: true, context_window: 131072, max_output_tokens: 4096 } },
  maxtok: { faults: { maxTokens: 4096 } },
  thinking: { faults: { rejectKeys: ['reasoning_effort'] } },
  param: { faults: { fail: { status: 400, message: 'Extra inputs are not permitted: context_management' } } },
  beta: { faults: { fail: { status: 400, message: '{"message":"invalid beta flag"}' } } },
  importerr: { faults: { fail: { status: 500, message: "ImportError: cannot import name 'path_template' from 'openai._utils'" } } },
  boom: { faults: { fail: { status: 503, message: 'upstream exploded at the seams' } } },
  hang: { faults: { hang: true } },
  nousage: { faults: { usageNull: true }, modelInfo: native, profile: { fix_usage: false } },
  order: { faults: { badOrder: true }, modelInfo: native },
  tool: { faults: { emptyToolInput: true }, modelInfo: native },
  nokey: { faults: {}, keyEnv: 'UNSET_UPSTREAM_KEY' },
  zero: { faults: {}, profile: { fix_usage: false, context_window: 131072 } },
  slot: { faults: {}, profile: { small_model: 'healthy-modle' } },
  window: { faults: {}, profile: { context_window: 200000 }, modelInfo: { max_input_tokens: 8192 } },
  picker: { faults: {}, profile: { picker: true, description: 'The picker one', fix_usage: true, context_window: 131072, max_output_tokens: 4096 } },
};

let dir: string;
let proxy: Proxy;
let routingProxy: Proxy;
const upstreams: FakeUpstream[] = [];
let home: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ccenv-doctor-'));
  home = mkdtempSync(join(tmpdir(), 'ccenv-doctor-home-'));
  const profiles: Record<string, unknown> = {};
  for (const [name, c] of Object.entries(CASES)) {
    const up = new FakeUpstream(`${name} ok`);
    await up.start();
    up.faults = c.faults;
    upstreams.push(up);
    profiles[name] = {
      model: `${name}-model`,
      ...c.profile,
      upstream: { model: `openai/${name}-up`, api_base: up.baseUrl, api_key_env: c.keyEnv ?? 'TEST_UPSTREAM_KEY', litellm_params: { num_retries: 0, timeout: 30 }, ...(c.modelInfo ? { model_info: c.modelInfo } : {}) },
    };
  }
  writeFileSync(join(dir, 'profiles.yaml'), stringify({ proxy: { base_url: 'http://127.0.0.1:9', base_url_env: 'TEST_LITELLM_URL', auth_token_env: 'TEST_KEY' }, default_profile: 'healthy', profiles }));
  const gen = await ccenv(['gen', 'litellm', '--dir', join(dir, 'litellm'), '--profiles', join(dir, 'profiles.yaml')]);
  expect(gen.code, gen.stderr).toBe(0);
  const cfg = parse(readFileSync(join(dir, 'litellm/config.yaml'), 'utf8'));
  delete cfg.litellm_settings.use_chat_completions_url_for_anthropic_messages;
  writeFileSync(join(dir, 'litellm/no-routing.yaml'), stringify(cfg));
  [proxy, routingProxy] = await Promise.all([
    // Started like a user who loads ccenv's generated config but not its env file: the config's routing setting is enough.
    startLiteLLM(join(dir, 'litellm/config.yaml'), { TEST_KEY: KEY, TEST_UPSTREAM_KEY: UPSTREAM_KEY }),
    startLiteLLM(join(dir, 'litellm/no-routing.yaml'), { TEST_KEY: KEY, TEST_UPSTREAM_KEY: UPSTREAM_KEY }),
  ]);
}, 240_000);

afterAll(async () => {
  await Promise.all([proxy?.stop(), routingProxy?.stop(), ...upstreams.map((u) => u.stop())]);
});

interface Report {
  schemaVersion: number;
  ok: boolean;
  hops: Array<{ id: string; kind: string; label: string; status: string; latencyMs: number | null; diagnosis: string | null; details: string[]; profile: string | null }>;
  checks: Array<{ code: string; status: string; diagnosis: string | null; message: string; details: string[]; fix: string | null; profile: string | null }>;
}

/** A user's environment where everything but the case under test is right. */
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: `${dirname(CLAUDE)}:/usr/bin:/bin`, HOME: home, CCENV_SHELL: 'bash', TEST_LITELLM_URL: proxy.url, TEST_KEY: KEY, ...extra };
}

async function doctor(args: string[], e: NodeJS.ProcessEnv = env()): Promise<{ code: number | null; report: Report; raw: string }> {
  const r = await ccenv(['doctor', '--json', '--profiles', join(dir, 'profiles.yaml'), ...args], { env: e });
  expect(r.stderr).toBe('');
  return { code: r.code, report: JSON.parse(r.stdout) as Report, raw: r.stdout };
}

const problems = (r: Report) => r.checks.filter((c) => c.status === 'fail' || c.status === 'warn');

describe('doctor on a healthy profile', () => {
  it('reports no failure and no warning (--strict exits 0), with a JSON schema version', async () => {
    const { code, report } = await doctor(['--profile', 'healthy', '--strict']);
    expect(problems(report)).toEqual([]);
    expect(code).toBe(0);
    expect(report.schemaVersion).toBe(2);
    expect(report.checks.filter((c) => c.code === 'messages' || c.code === 'stream').map((c) => c.status)).toEqual(['ok', 'ok']);
  });
});

describe('the path as a picture, and the real client end to end', () => {
  it('a healthy profile: every hop green, with the versions and the measured latencies; --e2e runs the real claude and passes', async () => {
    const { code, report } = await doctor(['--profile', 'healthy', '--e2e', '--timeout', '60']);
    expect(problems(report)).toEqual([]);
    expect(code).toBe(0);
    const hops = Object.fromEntries(report.hops.map((h) => [h.id, h]));
    expect(report.hops.map((h) => `${h.id}=${h.status}`)).toEqual(['shell=ok', 'client=ok', 'proxy=ok', 'env:healthy=ok', 'model-group:healthy=ok', 'upstream:healthy=ok', 'e2e:healthy=ok']);
    expect(hops.client!.label).toMatch(/^claude \d+\.\d+\.\d+$/);
    expect(hops.proxy!.label).toBe('litellm 1.108.7');
    expect(hops['upstream:healthy']!.label).toBe(`127.0.0.1:${new URL(upstreams[0]!.baseUrl).port}`);
    for (const id of ['proxy', 'upstream:healthy', 'e2e:healthy']) expect(hops[id]!.latencyMs, id).toBeGreaterThan(0);
    expect(hops['upstream:healthy']!.details[0]).toMatch(/^non-streaming: HTTP 200 in \d+ ms \(LiteLLM's headers: model call [\d.]+ ms, LiteLLM overhead [\d.]+ ms\)$/);
    const e2e = report.checks.find((c) => c.code === 'e2e')!;
    expect(e2e).toMatchObject({ status: 'ok', profile: 'healthy' });
    expect(e2e.message).toMatch(/^claude-healthy -p ok --output-format json --max-turns 1: answered in \d+ ms \(healthy ok\)$/);
  });

  it('--e2e through a failing upstream: the real claude fails, diagnosed by the same signatures, on the e2e hop and the upstream hop', async () => {
    const { code, report } = await doctor(['--profile', 'maxtok', '--e2e', '--timeout', '60']);
    expect(code).toBe(1);
    const e2e = report.checks.find((c) => c.code === 'e2e')!;
    expect(e2e.status).toBe('fail');
    expect(e2e.diagnosis).toBe('max-tokens-rejected');
    expect(report.hops.find((h) => h.id === 'upstream:maxtok')).toMatchObject({ status: 'fail', diagnosis: 'max-tokens-rejected' });
    expect(report.hops.find((h) => h.id === 'e2e:maxtok')).toMatchObject({ status: 'fail', diagnosis: 'max-tokens-rejected' });
    expect(report.hops.find((h) => h.id === 'proxy')!.status).toBe('ok');
  });

  it('the text report starts with the chain, ASCII and no colour when piped, within 80 columns', async () => {
    const r = await ccenv(['doctor', '--profiles', join(dir, 'profiles.yaml'), '--profile', 'slot'], { env: env() });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Path:');
    // The slot profile has no context_window (a warning on its function's hop) and a typo in small_model.
    expect(`${lines[1]}\n${lines[2]}`).toMatch(/^  \+ bash > ! claude-slot > \+ claude [\d.]+ > \+ litellm 1\.108\.7 \d+ms >\n    \[X slot-model\] > \+ 127\.0\.0\.1:\d+ \d+ms$/);
    expect(lines.slice(3).join('\n')).toMatch(/^    ! claude-slot: slot: no context_window[^]*\n    X slot-model: slot: not on the proxy/);
    for (const l of lines.slice(0, lines.indexOf(''))) expect([...l].length, l).toBeLessThanOrEqual(80);
    expect(lines.slice(0, lines.indexOf('')).join('\n')).toMatch(/^[\x20-\x7e\n]*$/);
  });
});

describe('doctor --html, checked in a real headless Chromium', () => {
  const hasChromium = spawnSync('sh', ['-c', 'command -v chromium']).status === 0;
  // The upstream key (not key-shaped on purpose: only redaction by value can hide it), exported in the user's shell
  // as people who start the proxy from it do, and echoed back by the upstream in its error.
  const CANARY = UPSTREAM_KEY;
  it.skipIf(!hasChromium && !process.env.CI)('one self-contained page: each hop with its status in the DOM, a non-blank screenshot, no network reference, no secret', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ccenv-html-')), 'report.html');
    upstreams[Object.keys(CASES).indexOf('boom')]!.faults = { fail: { status: 503, message: `upstream exploded; token ${CANARY} rejected` } };
    const e = env({ TEST_UPSTREAM_KEY: UPSTREAM_KEY });
    const r = await ccenv(['doctor', '--profiles', join(dir, 'profiles.yaml'), '--html', out], { env: e });
    upstreams[Object.keys(CASES).indexOf('boom')]!.faults = CASES.boom!.faults;
    expect(r.stderr).toBe(`ccenv: wrote ${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toContain(CANARY);
    expect(html).toContain('upstream exploded; token [redacted] rejected');
    expect(html).not.toContain(KEY);
    expect(html).not.toContain(UPSTREAM_KEY);
    // Static: nothing that loads anything (no script, link, img, iframe, src/href attribute, CSS url() or @import).
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|\bsrc\s*=|\bhref\s*=|url\(|@import/i);
    const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dirname(out), 'chromium')}`];
    const dom = await run('chromium', [...flags, '--dump-dom', `file://${out}`], { timeoutMs: 60_000 });
    expect(dom.code, dom.stderr.slice(-500)).toBe(0);
    const hops = [...dom.stdout.matchAll(/data-hop="([^"]+)" data-status="([a-z]+)"/g)].map((m) => `${m[1]}=${m[2]}`);
    // The matrix's openai-import-error profile marks the shared proxy hop (that fault sits in the proxy's venv).
    expect(hops).toContain('proxy=fail');
    expect(hops).toContain('client=ok');
    expect(hops).toContain('upstream:healthy=ok');
    expect(hops).toContain('upstream:boom=fail');
    expect(hops).toContain('model-group:slot=fail');
    expect(dom.stdout).not.toContain(CANARY);
    const shot = join(dirname(out), 'shot.png');
    const s = await run('chromium', [...flags, `--screenshot=${shot}`, '--window-size=1200,900', `file://${out}`], { timeoutMs: 60_000 });
    expect(s.code, s.stderr.slice(-500)).toBe(0);
    const png = readFileSync(shot);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // Non-blank: against a screenshot of an empty page taken the same way, the report's pixels hold many more
    // distinct byte values (decoded with Python's zlib: PNG IDAT, 8-bit RGB(A)) — an empty page gives a handful.
    const blankPage = join(dirname(out), 'blank.html');
    writeFileSync(blankPage, '<!doctype html><html><body></body></html>');
    const blankShot = join(dirname(out), 'blank.png');
    expect((await run('chromium', [...flags, `--screenshot=${blankShot}`, '--window-size=1200,900', `file://${blankPage}`], { timeoutMs: 60_000 })).code).toBe(0);
    const colours = (f: string) => Number(spawnSync('python3', ['-c', PNG_COLOURS, f], { encoding: 'utf8' }).stdout.trim());
    expect(colours(blankShot)).toBeLessThanOrEqual(8);
    expect(colours(shot)).toBeGreaterThan(colours(blankShot) + 40);
  }, 180_000);
});

/** Count the distinct pixel values of a PNG (no filter decoding needed for a rough count: distinct bytes of the raw rows). */
const PNG_COLOURS = `
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
pos, idat = 8, b''
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    if kind == b'IDAT': idat += data[pos + 8:pos + 8 + n]
    pos += 12 + n
print(len(set(zlib.decompress(idat))))
`;

describe('the /model picker through a real LiteLLM', () => {
  it("a picker profile is listed for Claude Code's gateway model discovery under LiteLLM's picker id", async () => {
    const { report } = await doctor(['--profile', 'picker', 'models']);
    const hex = Buffer.from('picker-model').toString('hex');
    expect(report.checks).toMatchObject([{ code: 'models', status: 'ok', message: `picker: all model ids are served, and /model lists it as claude-router-${hex}` }]);
  });
});

describe('doctor names each fault produced through a real LiteLLM proxy', () => {
  it.each([
    ['maxtok', 'messages', 'max-tokens-rejected', 'upstream'],
    ['thinking', 'messages', 'thinking-rejected', 'upstream'],
    ['param', 'messages', 'param-rejected', 'upstream'],
    ['beta', 'messages', 'invalid-beta', 'upstream'],
    ['importerr', 'messages', 'openai-import-error', 'proxy'],
    ['boom', 'messages', 'upstream-error', 'upstream'],
    ['nousage', 'stream', 'usage-missing', 'upstream'],
    ['zero', 'stream', 'usage-zero', 'upstream'],
    ['order', 'stream', 'stream-order', 'upstream'],
    ['tool', 'stream', 'tool-input-empty', 'upstream'],
    ['nokey', 'messages', 'upstream-credentials', 'upstream'],
    ['slot', 'models', 'unknown-model', 'model-group'],
    ['window', 'context-window', 'context-window-mismatch', 'model-group'],
  ])('%s → %s: %s, marking the %s hop', async (profile, check, diagnosis, hop) => {
    const { code, report } = await doctor(['--profile', profile]);
    const marked = report.hops.find((h) => h.kind === hop && (h.profile === null || h.profile === profile))!;
    expect(marked.status).toBe(report.checks.find((c) => c.diagnosis === diagnosis)!.status);
    expect(report.hops.filter((h) => h.status === 'fail').every((h) => h.kind === hop || report.checks.some((c) => c.status === 'fail' && c.diagnosis !== diagnosis)), JSON.stringify(report.hops)).toBe(true);
    const found = report.checks.filter((c) => c.code === check);
    expect(found.map((c) => c.diagnosis), JSON.stringify(found)).toContain(diagnosis);
    expect(found.find((c) => c.diagnosis === diagnosis)!.fix).toBeTruthy();
    expect(code).toBe(found.some((c) => c.status === 'fail') ? 1 : 0);
  });

  it("re-labels 'Received Model Group=' with the upstream's own message", async () => {
    const { report } = await doctor(['--profile', 'boom', 'messages']);
    const c = report.checks.find((x) => x.code === 'messages')!;
    expect(c.details.join('\n')).toContain('upstream exploded at the seams');
    expect(c.details.join('\n')).not.toMatch(/Received Model Group|model group 'boom-model' failed/);
  });

  it('a hanging upstream ends at the timeout with a clear message', async () => {
    const start = Date.now();
    const { report } = await doctor(['--profile', 'hang', '--timeout', '2', 'messages', 'stream']);
    expect(Date.now() - start).toBeLessThan(9_000);
    expect(report.checks.map((c) => c.diagnosis)).toEqual(['timeout', 'timeout']);
    expect(report.checks[0]!.message).toContain('no complete answer within 2 s');
    expect(report.hops.find((h) => h.id === 'upstream:hang')!.status).toBe('fail');
    expect(report.hops.find((h) => h.id === 'proxy')!.status).not.toBe('fail');
  });

  it('Responses-API routing: the proxy without the routing setting', async () => {
    const { code, report } = await doctor(['--profile', 'healthy', 'messages', 'stream'], env({ TEST_LITELLM_URL: routingProxy.url }));
    expect(code).toBe(1);
    expect(report.checks.map((c) => c.diagnosis), JSON.stringify(report.checks)).toEqual(['responses-routing', 'responses-routing']);
    expect(report.checks[0]!.fix).toContain('LITELLM_USE_CHAT_COMPLETIONS_URL_FOR_ANTHROPIC_MESSAGES=1');
    expect(report.hops.find((h) => h.id === 'proxy')).toMatchObject({ status: 'fail', diagnosis: 'responses-routing' });
    expect(report.hops.find((h) => h.id === 'upstream:healthy')!.status).not.toBe('fail');
  });

  it('a wrong key: LiteLLM without a DB answers 400 no_db_connection, doctor says wrong key', async () => {
    const { report } = await doctor(['key'], env({ TEST_KEY: 'sk-wrong-FAKE-key' }));
    expect(report.checks[0]).toMatchObject({ code: 'key', status: 'fail', diagnosis: 'wrong-key' });
    expect(report.hops.find((h) => h.id === 'proxy')).toMatchObject({ status: 'fail', diagnosis: 'wrong-key' });
  });

  it('never prints a secret: the proxy key and upstream key are redacted in text and JSON', async () => {
    const e = env({ TEST_UPSTREAM_KEY: UPSTREAM_KEY, ANTHROPIC_AUTH_TOKEN: KEY, ANTHROPIC_API_KEY: 'sk-ant-api03-FAKE-secret-key' });
    const json = await doctor(['--profile', 'nokey'], e);
    const text = await ccenv(['doctor', '--profiles', join(dir, 'profiles.yaml'), '--profile', 'nokey'], { env: e });
    for (const out of [json.raw, text.stdout]) {
      expect(out).not.toContain(KEY);
      expect(out).not.toContain(UPSTREAM_KEY);
      expect(out).not.toContain('sk-ant-api03-FAKE-secret-key');
    }
    expect(text.stdout).toMatch(/^FAIL Auth conflict - ANTHROPIC_API_KEY and ANTHROPIC_AUTH_TOKEN are both exported/m);
  });
});

describe('the running proxy processes (Linux /proc)', () => {
  it("reads the routing setting from each proxy process: its environment, else the --config on its command line", async () => {
    const generated = await doctor(['--offline', 'proxy-process']);
    expect(generated.report.checks).toMatchObject([{ status: 'ok', message: `pid ${proxy.pid}: its config ${join(dir, 'litellm/config.yaml')} sets litellm_settings.use_chat_completions_url_for_anthropic_messages: true` }]);
    const without = await doctor(['--offline', 'proxy-process'], env({ TEST_LITELLM_URL: routingProxy.url }));
    expect(without.report.checks).toMatchObject([{ status: 'warn', diagnosis: 'routing-flag-unset' }]);
    expect(without.report.checks[0]!.message).toContain(`pid ${routingProxy.pid} `);
  });
});

describe('honest verdicts', () => {
  it('only live checks selected, proxy down: the proxy failure is reported once as the cause, and the run fails', async () => {
    const { code, report } = await doctor(['--profile', 'healthy', '--timeout', '2', 'messages', 'stream'], env({ TEST_LITELLM_URL: 'http://127.0.0.1:9' }));
    expect(code).toBe(1);
    expect(report.checks.map((c) => [c.code, c.status, c.diagnosis])).toEqual([
      ['proxy', 'fail', 'unreachable'],
      ['messages', 'skip', 'prerequisite-failed'],
      ['stream', 'skip', 'prerequisite-failed'],
    ]);
  });

  it('a dangling litellm-*.dist-info symlink in a site-packages: a full JSON report, the version still read from the name', async () => {
    const h = mkdtempSync(join(tmpdir(), 'ccenv-home-'));
    const site = join(h, '.config/litellm/venv/lib/python3.11/site-packages');
    mkdirSync(site, { recursive: true });
    writeFileSync(join(h, '.config/litellm/venv/pyvenv.cfg'), 'version = 3.11.7\n');
    symlinkSync(join(h, 'gone/litellm-1.82.8.dist-info'), join(site, 'litellm-1.82.8.dist-info'));
    const { code, report } = await doctor(['--offline', 'litellm-compromised', 'litellm-version'], env({ HOME: h, PATH: '/usr/bin:/bin' }));
    expect(code).toBe(1);
    expect(report.checks[0]).toMatchObject({ code: 'litellm-compromised', status: 'fail', diagnosis: 'litellm-compromised' });
  });

  it('an invalid ~/.claude/settings.json (a trailing comma) is a warning with file:line:col, never OK', async () => {
    const h = mkdtempSync(join(tmpdir(), 'ccenv-home-'));
    mkdirSync(join(h, '.claude'));
    writeFileSync(join(h, '.claude/settings.json'), '{\n  "apiKeyHelper": "~/bin/key.sh",\n}\n');
    const { report } = await doctor(['--offline', 'settings'], env({ HOME: h }));
    expect(report.checks).toMatchObject([{ code: 'settings', status: 'warn', diagnosis: 'settings-invalid' }]);
    expect(report.checks[0]!.message).toMatch(new RegExp(`^${join(h, '.claude/settings.json')}:3:1: .*rejects a settings file it cannot parse as a whole`));
  });

  it('a claude whose native binary is missing is reported broken, with its own words', async () => {
    const pkg = mkdtempSync(join(tmpdir(), 'ccenv-claude-'));
    mkdirSync(join(pkg, 'node_modules/@anthropic-ai/claude-code/bin'), { recursive: true });
    writeFileSync(join(pkg, 'node_modules/@anthropic-ai/claude-code/package.json'), JSON.stringify({ name: '@anthropic-ai/claude-code', version: '2.1.330' }));
    // The shape of the package's placeholder, which its postinstall replaces with the native binary.
    writeFileSync(join(pkg, 'node_modules/@anthropic-ai/claude-code/bin/claude.exe'), '#!/bin/sh\necho "Error: claude native binary not installed." >&2\nexit 1\n', { mode: 0o755 });
    mkdirSync(join(pkg, 'bin'));
    symlinkSync('../node_modules/@anthropic-ai/claude-code/bin/claude.exe', join(pkg, 'bin/claude'));
    const { report } = await doctor(['--offline', 'claude'], env({ PATH: `${join(pkg, 'bin')}:/usr/bin:/bin` }));
    expect(report.checks).toMatchObject([{ code: 'claude', status: 'fail', diagnosis: 'claude-broken' }]);
    expect(report.checks[0]!.message).toContain('Error: claude native binary not installed.');
  });

  it('the real Claude Code version is read from its package, without starting it', async () => {
    const { report } = await doctor(['--offline', 'claude']);
    expect(report.checks[0]).toMatchObject({ code: 'claude', status: 'ok' });
    expect(report.checks[0]!.message).toMatch(/^claude 2\.1\.\d+ /);
  });
});

describe('doctor output on a terminal', () => {
  it('shows live progress and symbols on a TTY (a real pty via script), none of it when piped', async () => {
    const cmd = `${process.execPath} ${join(dirname(CLAUDE), '../../bin/ccenv.cjs')} doctor --profiles ${join(dir, 'profiles.yaml')} --profile healthy`;
    const tty = await run('script', ['-qec', cmd, '/dev/null'], { env: { ...env(), TERM: 'xterm' } });
    expect(tty.stdout).toContain('healthy: POST /v1/messages (stream)');
    expect(tty.stdout).toMatch(/\x1b\[\d+A/);
    expect(tty.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/✔ Live request \(streaming\) — /);
    // The chain on a terminal: symbols and arrows, in colour; with NO_COLOR on the same terminal, plain ASCII.
    const plainTty = tty.stdout.replace(/\x1b\[[0-9;]*m/g, '');
    expect(plainTty).toMatch(/Path:\r?\n {2}✔ bash → ✔ claude-healthy → ✔ claude [\d.]+ → ✔ litellm 1\.108\.7 \d+ms →/);
    expect(tty.stdout).toMatch(/\x1b\[32m✔ bash\x1b\[39m/);
    const noColour = await run('script', ['-qec', cmd, '/dev/null'], { env: { ...env(), TERM: 'xterm', NO_COLOR: '1' } });
    expect(noColour.stdout).toMatch(/Path:\r?\n {2}\+ bash > \+ claude-healthy > /);
    expect(noColour.stdout).not.toMatch(/\x1b\[3\dm|✔|→/);
    const piped = await ccenv(['doctor', '--profiles', join(dir, 'profiles.yaml'), '--profile', 'healthy'], { env: env() });
    expect(piped.stdout + piped.stderr).not.toMatch(/\x1b|✔|POST \/v1\/messages \(stream\)/);
    expect(piped.stdout).toMatch(/^OK   Live request \(streaming\) - /m);
  });
});

describe('doctor environment checks', () => {
  it.each([
    ['base-url', { ANTHROPIC_BASE_URL: 'http://localhost:4000/v1' }, 'base-url-suffix', 'fail'],
    ['http-proxy', { HTTPS_PROXY: 'http://corp:3128' }, 'http-proxy-no-bypass', 'warn'],
    ['claude', { PATH: '/usr/bin:/bin' }, 'claude-missing', 'fail'],
    ['shell', { CCENV_SHELL: '' }, 'shell-not-loaded', 'warn'],
  ])('%s', async (check, extra, diagnosis, status) => {
    const { report } = await doctor(['--offline', check], env(extra));
    expect(report.checks).toMatchObject([{ code: check, status, diagnosis }]);
  });

  it('a console login key in ~/.claude.json is an auth-conflict warning', async () => {
    const h = mkdtempSync(join(tmpdir(), 'ccenv-home-'));
    writeFileSync(join(h, '.claude.json'), JSON.stringify({ primaryApiKey: 'sk-ant-api03-FAKE' }));
    mkdirSync(join(h, '.claude'));
    writeFileSync(join(h, '.claude/settings.json'), JSON.stringify({ env: { ANTHROPIC_BASE_URL: 'http://elsewhere' } }));
    const auth = await doctor(['--offline', 'auth-conflict'], env({ HOME: h }));
    expect(auth.report.checks.map((c) => c.diagnosis)).toEqual(['auth-conflict-login']);
    const settings = await doctor(['--offline', 'settings'], env({ HOME: h }));
    expect(settings.report.checks).toMatchObject([{ code: 'settings', status: 'fail', diagnosis: 'settings-override' }]);
    expect(settings.report.checks[0]!.message).toContain(`${join(h, '.claude/settings.json')} (user settings) "env" sets ANTHROPIC_BASE_URL=http://elsewhere`);
  });
});

/** A fake "proxy" that misbehaves in one way on every path. */
function hostile(mode: string): Promise<{ url: string; close: () => Promise<void> }> {
  return hostileServer((req, res, timers) => {
    const isMessages = req.url?.startsWith('/v1/messages');
    switch (mode) {
      case 'no answer':
        return;
      case 'drip': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const t = setInterval(() => res.write(' '), 1000);
        timers.add(t);
        return;
      }
      case 'endless stream': {
        if (!isMessages) return void res.end(JSON.stringify({ status: 'healthy', data: [] }));
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const t = setInterval(() => res.write('event: ping\ndata: {"type": "ping"}\n\n'), 5);
        timers.add(t);
        return;
      }
      case '20 MB body':
        res.writeHead(200, { 'content-type': isMessages ? 'text/event-stream' : 'application/json' });
        return void res.end(`[${'"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",'.repeat(400_000)}0]`);
      case 'invalid JSON':
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"this is": not json');
      case 'connection reset':
        return void req.socket.destroy();
    }
  });
}

describe('doctor against hostile proxies ends within the timeout with a clear message', () => {
  it.each([
    ['no answer', /no complete answer within 2 s/],
    ['drip', /no complete answer within 2 s/],
    ['endless stream', /no complete answer within 2 s|size limit/],
    ['20 MB body', /size limit|not an Anthropic message/],
    ['invalid JSON', /not an Anthropic message|refuses the key/],
    ['connection reset', /connection reset/],
  ])('%s', async (mode, message) => {
    const h = await hostile(mode);
    try {
      const start = Date.now();
      const r = await ccenv(['doctor', '--json', '--timeout', '2', '--profiles', join(dir, 'profiles.yaml'), '--profile', 'healthy'], { env: env({ TEST_LITELLM_URL: h.url }) });
      const elapsed = Date.now() - start;
      expect(elapsed).toBeLessThan(2 * 2000 + 4000);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout) as Report;
      expect(problems(report).map((c) => c.message).join('\n')).toMatch(message);
    } finally {
      await h.close();
    }
  }, 20_000);
});
