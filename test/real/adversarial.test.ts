// The adversarial table: what a careless or hostile world sends ccenv — broken profiles files, shell keywords,
// output paths, numbers, caches, secrets, hostile proxies, pasted text — each as a case with the outcome it must
// have, through the built CLI:
//   clean     one clear line per problem on stderr, exit 2, no stack trace, no raw control character;
//   shell     valid shell code that prints one warning and defines nothing, exit 0;
//   bounded   doctor ends within --timeout + 1 s with a report (and the proxy's words never crash a check);
//   unchanged a refused write leaves every file as it was.
// A new error pattern or input class joins this table.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileServer } from '../helpers/hostile.js';
import { ccenv, run, type Ran } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'ccenv-adv-'));
const home = mkdtempSync(join(tmpdir(), 'ccenv-adv-home-'));
const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ PATH: '/usr/bin:/bin', HOME: home, XDG_CACHE_HOME: join(home, 'cache'), ...extra });
let n = 0;
const file = (content: string | Buffer, name = `p${n++}.yaml`) => {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
};

/** A clean error: exit 2, `lines` lines on stderr each starting `ccenv: `, no stack, no control character. */
function expectClean(r: Ran, message: RegExp, lines = 1): void {
  expect(r.code, r.stderr).toBe(2);
  const out = r.stderr.trimEnd().split('\n');
  expect(out).toHaveLength(lines);
  for (const l of out) expect(l).toMatch(/^ccenv: /);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  expect(r.stderr + r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  expect(r.stderr).toMatch(message);
}

const deep = (depth: number) => `profiles:\n  a:\n    model: m\n    env:\n      X: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;

describe('broken profiles files: one clean line (list), one warning as shell code (shell)', () => {
  it.each<[string, string | Buffer, RegExp]>([
    ['a profile name holding a newline and a forged line', 'profiles:\n  "a\\nccenv: all good":\n    model: m\n', /'a\\nccenv: all good' is not a valid name/],
    ['an unknown key holding terminal escapes', 'profiles:\n  a:\n    model: m\n    "evil\\nccenv: all good\\e[2J": 1\n', /unknown key 'evil\\nccenv: all good\\x1b\[2J'/],
    ['command: fi (bash, zsh keyword)', 'profiles:\n  a: { model: m, command: fi }\n', /command 'fi' is a reserved word or builtin \(bash, zsh\)/],
    ['command: done', 'profiles:\n  a: { model: m, command: done }\n', /'done' is a reserved word/],
    ['command: then', 'profiles:\n  a: { model: m, command: then }\n', /'then' is a reserved word/],
    ['command: time (every shell)', 'profiles:\n  a: { model: m, command: time }\n', /'time' is a reserved word or builtin \(bash, zsh, fish\)/],
    ['command: and (fish keyword)', 'profiles:\n  a: { model: m, command: and }\n', /'and' is a reserved word or builtin \(fish\)/],
    ['command: begin', 'profiles:\n  a: { model: m, command: begin }\n', /'begin' is a reserved word/],
    ['command: switch', 'profiles:\n  a: { model: m, command: switch }\n', /'switch' is a reserved word/],
    ['command: exec', 'profiles:\n  a: { model: m, command: exec }\n', /'exec' is a reserved word/],
    ['max_output_tokens: .inf', 'profiles:\n  a: { model: m, max_output_tokens: .inf }\n', /max_output_tokens: must be a whole number of tokens from 1 to 100000000/],
    ['max_output_tokens: 1e21', 'profiles:\n  a: { model: m, max_output_tokens: 1e21 }\n', /must be a whole number of tokens/],
    ['context_window: 0', 'profiles:\n  a: { model: m, context_window: 0 }\n', /must be a whole number of tokens/],
    ['invalid UTF-8 in a value', Buffer.concat([Buffer.from('profiles:\n  a:\n    model: k'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]), /:3:13: not valid UTF-8 \(byte 0xff\)/],
    ['a truncated UTF-8 sequence at the end', Buffer.concat([Buffer.from('profiles:\n  a: { model: m }\n# \xe2'.replace('\xe2', '')), Buffer.from([0xe2, 0x82])]), /:3:3: not valid UTF-8/],
    ['10k-deep YAML', deep(10_000), /nesting too deep/],
    ['a 2 MB garbage file', Buffer.alloc(2 << 20, 'x: [}{'), /is larger than a profiles file can be \(1048576 bytes\)/],
  ])('%s', async (_name, content, message) => {
    const f = file(content);
    const start = Date.now();
    expectClean(await ccenv(['list', '--profiles', f], { env: env() }), message);
    const sh = await ccenv(['shell', 'bash', '--profiles', f], { env: env() });
    expect(Date.now() - start).toBeLessThan(10_000);
    expect(sh.code).toBe(0);
    const ran = await run('bash', ['--noprofile', '--norc', '-c', 'eval "$1"; type claude-a >/dev/null 2>&1 && echo defined || echo none', 'bash', sh.stdout]);
    expect(ran.stdout).toBe('none\n');
    expect(ran.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(ran.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  }, 30_000);

  it('a path holding a newline is echoed escaped, on one line', async () => {
    expectClean(await ccenv(['list', '--profiles', join(dir, 'no\nccenv: such.yaml')], { env: env() }), /no\\nccenv: such\.yaml: no profiles file here/);
  });
});

describe('usage: numbers and output paths', () => {
  it.each([
    [['doctor', '--offline', '--timeout', 'Infinity'], /--timeout takes a number of seconds from 0\.1 to 3600 \(got Infinity\)/],
    [['doctor', '--offline', '--timeout', '1e9'], /--timeout takes a number of seconds/],
    [['doctor', '--offline', '--timeout', '-1'], /--timeout takes a number of seconds/],
    [['doctor', '--offline', '--timeout', 'abc'], /--timeout takes a number of seconds .*NaN/],
    [['gen', 'systemd', '--port', '70000'], /--port takes a whole number from 1 to 65535/],
    [['gen', 'systemd', '--port', '1.5'], /--port takes a whole number/],
    [['gen', 'litellm-config', '-o', ''], /-o\/--output needs a file name/],
  ])('%j', async (args, message) => {
    expectClean(await ccenv([...args, '--profiles', join(process.cwd(), 'examples/profiles.yaml')], { env: env() }), message);
  });
});

describe('refused writes leave every file as it was', () => {
  const profiles = file('profiles:\n  a: { model: m, max_tokens_cap: 4096, upstream: { model: openai/m, api_key_env: K } }\n');
  it.each<[string, (d: string) => void, RegExp]>([
    ['an existing litellm.env without --force', (d) => writeFileSync(join(d, 'litellm.env'), 'MINE=1\n'), /litellm\.env: already exists/],
    ['a folder where ccenv_hooks.py goes', (d) => mkdirSync(join(d, 'ccenv_hooks.py')), /ccenv_hooks\.py: is a folder/],
  ])('%s', async (_name, prepare, message) => {
    const d = mkdtempSync(join(dir, 'out-'));
    prepare(d);
    const before = Object.fromEntries(readdirSync(d).map((f) => [f, readdirSync(d, { withFileTypes: true }).find((e) => e.name === f)!.isFile() ? readFileSync(join(d, f), 'utf8') : 'dir']));
    expectClean(await ccenv(['gen', 'litellm', '--dir', d, '--profiles', profiles], { env: env() }), message);
    const after = Object.fromEntries(readdirSync(d).map((f) => [f, readdirSync(d, { withFileTypes: true }).find((e) => e.name === f)!.isFile() ? readFileSync(join(d, f), 'utf8') : 'dir']));
    expect(after).toEqual(before);
  });

  it('a --dir that is a regular file', async () => {
    const f = file('x', 'plain');
    expectClean(await ccenv(['gen', 'litellm', '--dir', f, '--profiles', profiles], { env: env() }), /cannot write \(ENOTDIR\)/);
    expect(readFileSync(f, 'utf8')).toBe('x');
  });
});

describe('caches and generated files', () => {
  it('a parse-cache entry of another shape is a miss, never a crash', async () => {
    const profiles = file('profiles:\n  kimi: { model: k }\n');
    const e = env({ XDG_CACHE_HOME: mkdtempSync(join(dir, 'cache-')) });
    expect((await ccenv(['shell', 'bash', '--profiles', profiles], { env: e })).code).toBe(0);
    const cacheDir = join(e.XDG_CACHE_HOME!, 'ccenv');
    const entry = readdirSync(cacheDir).find((f) => f.startsWith('profiles-'))!;
    const parsed = JSON.parse(readFileSync(join(cacheDir, entry), 'utf8'));
    writeFileSync(join(cacheDir, entry), JSON.stringify({ key: parsed.key, config: { ...parsed.config, profiles: [{ name: 'kimi', env: 'not a list' }] } }));
    const r = await ccenv(['shell', 'bash', '--profiles', profiles], { env: e });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('function claude-kimi {');
  });

  it('check-generated: literal keys in the compared file and filled-in secrets never appear; filled secrets are not drift', async () => {
    const profiles = file('proxy: { auth_token_env: MASTER }\nprofiles:\n  a: { model: m, upstream: { model: openai/m, api_key_env: UP_KEY } }\n');
    const d = mkdtempSync(join(dir, 'gen-'));
    expect((await ccenv(['gen', 'litellm', '--dir', d, '--profiles', profiles], { env: env() })).code).toBe(0);
    const envFile = join(d, 'litellm.env');
    writeFileSync(envFile, readFileSync(envFile, 'utf8').replace('# MASTER=', 'MASTER=sk-canary-master-0123456789').replace('# UP_KEY=', 'UP_KEY=canary-upstream-ABCDEF123'));
    const same = await ccenv(['check-generated', '--profiles', profiles, envFile], { env: env() });
    expect(same.code).toBe(0);
    const config = join(d, 'config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('api_key: os.environ/UP_KEY', 'api_key: sk-live-CANARY-0123456789abcdef'));
    const drift = await ccenv(['check-generated', '--profiles', profiles, config], { env: env({ UP_KEY: 'canary-upstream-ABCDEF123' }) });
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain('api_key: [redacted]');
    expect(drift.stdout + drift.stderr).not.toMatch(/CANARY|canary/);
  });
});

describe('pasted text', () => {
  it('a long whitespace run after a real error line is diagnosed in bounded time', async () => {
    const text = `Requests with max_tokens > 4096 must have stream=true${' '.repeat(120_000)}Received Model Group=x`;
    const start = Date.now();
    const r = await ccenv(['doctor', '--explain', text], { env: env() });
    expect(Date.now() - start).toBeLessThan(3_000);
    expect(r.stdout).toMatch(/^max-tokens-rejected: /);
  });

  it.each([
    ['20 MB of log with the error near the end', () => Buffer.from(`${'14:53:09 - LiteLLM Proxy:DEBUG: routed ok\n'.repeat(480_000)}litellm.BadRequestError: invalid beta flag\n`), 0, /^invalid-beta: /],
    ['20 MB of binary garbage', () => Buffer.from(Array.from({ length: 20 << 20 }, (_, i) => (i * 2654435761) % 251)), 1, /^No known diagnosis in that text\./],
    // JSON escapes are undone before matching: a backslash run of any length costs one step per character.
    ['4 MB of backslash runs', () => Buffer.from(`${'\\'.repeat(8000)}x\n`.repeat(500)), 1, /^No known diagnosis in that text\./],
  ])('ccenv explain reading %s from standard input ends in bounded time with a clear answer', async (_name, make, code, message) => {
    const f = join(dir, `big-${n++}.log`);
    writeFileSync(f, make());
    const start = Date.now();
    const r = await run('sh', ['-c', `"$0" "$1" explain < "$2"`, process.execPath, join(process.cwd(), 'bin/ccenv.cjs'), f], { env: env() });
    expect(Date.now() - start).toBeLessThan(8_000);
    expect(r.code).toBe(code);
    expect(r.stdout).toMatch(message);
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  }, 30_000);

  it('a config glob of 18 stars against a long profile model id validates in bounded time', async () => {
    const cfg = file(`model_list:\n  - model_name: "${'*a'.repeat(18)}*b"\n    litellm_params: { model: openai/x }\nlitellm_settings: { drop_params: true }\n`, 'glob-config.yaml');
    const profiles = file(`profiles:\n  a: { model: ${'a'.repeat(3000)} }\n`);
    const start = Date.now();
    const r = await ccenv(['validate', profiles, cfg], { env: env() });
    expect(Date.now() - start).toBeLessThan(5_000);
    expect(r.stdout).toContain('model-missing');
  });
});

// ----- hostile proxies -------------------------------------------------------------------------------------

type Mode = (req: IncomingMessage, res: ServerResponse, timers: Set<NodeJS.Timeout>) => void;
const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};
const healthy = (req: IncomingMessage, res: ServerResponse) => (req.url?.startsWith('/health') ? (json(res, 200, { status: 'healthy' }), true) : false);

const MODES: Record<string, Mode> = {
  'headers then stall': (_q, res) => void res.writeHead(200, { 'content-type': 'application/json' }),
  'a byte a second': (_q, res, timers) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    timers.add(setInterval(() => res.write(' '), 1000));
  },
  'SSE forever': (req, res, timers) => {
    if (healthy(req, res)) return;
    if (!req.url?.startsWith('/v1/messages')) return json(res, 200, { data: [] });
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    timers.add(setInterval(() => res.write('event: ping\ndata: {"type":"ping"}\n\n'), 5));
  },
  '400 with a 1 MB blank message': (req, res) => (healthy(req, res) ? undefined : json(res, 400, { error: { message: ' '.repeat(1 << 20) } })),
  'data not a list, litellm_version an object': (req, res) => (req.url?.startsWith('/health/readiness') ? json(res, 200, { litellm_version: { evil: true } }) : healthy(req, res) ? undefined : req.url?.startsWith('/v1/models') || req.url?.startsWith('/model_group') ? json(res, 200, { data: { not: 'a list' } }) : json(res, 200, { content: null })),
  'null entries and data: null in SSE': (req, res) => {
    if (healthy(req, res)) return;
    if (req.url?.startsWith('/v1/models') || req.url?.startsWith('/model_group')) return json(res, 200, { data: [null, 7, { id: null }] });
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.end('event: message_start\ndata: null\n\nevent: content_block_delta\ndata: {"type":"content_block_delta","index":"x","delta":null}\n\nevent: message_stop\ndata: {"type":"message_stop"}\n\n');
  },
  '200k-deep JSON': (req, res) => (healthy(req, res) ? undefined : json(res, 200, `${'['.repeat(200_000)}${']'.repeat(200_000)}`)),
  'echoes the token with quotes and escapes': (req, res) => (healthy(req, res) ? undefined : json(res, 401, { error: { message: `bad key ${req.headers.authorization}` } })),
  'escapes in an upstream error': (req, res) => (healthy(req, res) ? undefined : json(res, 400, { error: { message: 'nope \u001b]0;pwned\u0007\u001b[2J done' } })),
};

function hostile(mode: Mode): Promise<{ url: string; close: () => Promise<void> }> {
  return hostileServer(mode);
}

const TOKEN = 'sk-canary"quote\\back-slash-0123456789';
let profiles: string;
beforeAll(() => {
  profiles = file('proxy: { base_url: "http://127.0.0.1:9", base_url_env: ADV_URL, auth_token_env: ADV_KEY }\nprofiles:\n  a: { model: m, context_window: 1000, upstream: { model: openai/m, api_key_env: ADV_UP } }\n');
});
afterAll(() => {});

describe('doctor against hostile proxies: bounded, no crash, no leak', () => {
  it.each(Object.keys(MODES))('%s', async (name) => {
    const h = await hostile(MODES[name]!);
    try {
      const start = Date.now();
      const r = await ccenv(['doctor', '--json', '--timeout', '2', '--profiles', profiles], { env: env({ ADV_URL: h.url, ADV_KEY: TOKEN, ADV_UP: 'canary-up-XYZ' }) });
      const elapsed = Date.now() - start;
      expect(elapsed, `${elapsed} ms`).toBeLessThan(2000 + 1000 + 700); // --timeout + 1 s, plus Node's own start
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout) as { checks: Array<{ diagnosis: string | null; message: string }> };
      expect(report.checks.map((c) => c.diagnosis)).not.toContain('check-crashed');
      expect(r.stdout).not.toContain('canary');
      expect(r.stdout).not.toContain('quote\\\\back');
      expect(r.stdout).not.toMatch(/\\u001b|\\u0007/);
    } finally {
      await h.close();
    }
  }, 20_000);

  it('the text report prints no raw control character from an upstream error', async () => {
    const h = await hostile(MODES['escapes in an upstream error']!);
    try {
      const r = await ccenv(['doctor', '--timeout', '2', '--profiles', profiles, 'messages'], { env: env({ ADV_URL: h.url, ADV_KEY: 'sk-x-123456', ADV_UP: 'u' }) });
      expect(r.stdout).toContain('nope \\x1b]0;pwned\\x07\\x1b[2J done');
      expect(r.stdout).not.toMatch(/[\x07\x1b]/);
    } finally {
      await h.close();
    }
  });

  it('a password in the proxy URL is never printed', async () => {
    const r = await ccenv(['doctor', '--json', '--timeout', '1', '--profiles', profiles, 'proxy', 'base-url'], { env: env({ ADV_URL: 'http://alice:s3cret-canary@127.0.0.1:9', ADV_KEY: 'k' }) });
    expect(r.stdout).not.toContain('s3cret-canary');
    expect(r.stdout).toContain('[redacted]@127.0.0.1:9');
  });
});
