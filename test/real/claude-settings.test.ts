// What doctor's settings check rests on, with the real Claude Code: an `env` block in ~/.claude/settings.json
// beats the variables the process was started with (as a claude-<profile> function starts it), and a settings
// file that does not parse is rejected as a whole. Two fake Messages endpoints on 127.0.0.1 tell which won.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpstream } from '../helpers/fake-upstream.js';
import { CLAUDE } from '../helpers/paths.js';
import { run } from '../helpers/run.js';

let exported: FakeUpstream;
let fromSettings: FakeUpstream;
beforeAll(async () => {
  exported = new FakeUpstream('from the exported base URL');
  fromSettings = new FakeUpstream('from the settings base URL');
  await Promise.all([exported.start(), fromSettings.start()]);
});
afterAll(async () => {
  await Promise.all([exported.stop(), fromSettings.stop()]);
});

function claudeHome(settings: string): string {
  const home = mkdtempSync(join(tmpdir(), 'ccenv-cc-home-'));
  mkdirSync(join(home, '.claude'));
  writeFileSync(join(home, '.claude/settings.json'), settings);
  writeFileSync(join(home, '.claude.json'), JSON.stringify({ hasCompletedOnboarding: true }));
  return home;
}

const call = (home: string, format: 'json' | 'text' = 'json') =>
  run(CLAUDE, ['-p', 'Say ok only', '--output-format', format], {
    env: {
      PATH: '/usr/bin:/bin',
      HOME: home,
      ANTHROPIC_BASE_URL: exported.baseUrl.replace(/\/v1$/, ''),
      ANTHROPIC_AUTH_TOKEN: 'sk-FAKE',
      ANTHROPIC_MODEL: 'exported-model',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      CLAUDE_CODE_MAX_RETRIES: '0',
    },
    timeoutMs: 60_000,
  });

describe('Claude Code settings layers (real Claude Code)', () => {
  it('an env block in the user settings beats the exported ANTHROPIC_BASE_URL and ANTHROPIC_MODEL', async () => {
    const home = claudeHome(JSON.stringify({ env: { ANTHROPIC_BASE_URL: fromSettings.baseUrl.replace(/\/v1$/, ''), ANTHROPIC_MODEL: 'settings-model' } }));
    const before = { a: exported.seen.length, b: fromSettings.seen.length };
    const r = await call(home);
    const posts = fromSettings.seen.slice(before.b).filter((s) => s.method === 'POST' && s.url.startsWith('/v1/messages'));
    expect(posts.length, r.stdout + r.stderr).toBeGreaterThan(0);
    expect(posts.map((p) => p.body?.model)).toContain('settings-model');
    expect(exported.seen.slice(before.a).filter((s) => s.url.startsWith('/v1/messages'))).toEqual([]);
  }, 90_000);

  it('a settings file with a trailing comma is rejected as a whole: the exported values apply, and Claude Code says so', async () => {
    const home = claudeHome(`{\n  "env": { "ANTHROPIC_BASE_URL": "${fromSettings.baseUrl.replace(/\/v1$/, '')}" },\n}\n`);
    const before = exported.seen.length;
    const r = await call(home, 'text'); // the notice is printed in text mode
    expect(exported.seen.slice(before).some((s) => s.method === 'POST' && s.url.startsWith('/v1/messages'))).toBe(true);
    expect(r.stdout + r.stderr).toContain('These settings did not load, so nothing in them is in effect');
  }, 90_000);
});
