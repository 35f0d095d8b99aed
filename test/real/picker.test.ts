// The /model picker with the real Claude Code in a real terminal (tmux): two profiles with `picker: true` on a
// real LiteLLM proxy started from the generated config, the session started through the generated function in
// bash. /model lists the profiles' models by their display names ("From gateway"); picking the second one for
// the session makes the next request reach that profile's upstream.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpstream } from '../helpers/fake-upstream.js';
import { startLiteLLM, type Proxy } from '../helpers/litellm.js';
import { BIN, CLAUDE } from '../helpers/paths.js';
import { ccenv } from '../helpers/run.js';

const hasTmux = spawnSync('sh', ['-c', 'command -v tmux']).status === 0;
const KEY = 'sk-picker-FAKE';
const session = `ccenv-picker-${process.pid}`;
let kimi: FakeUpstream;
let glm: FakeUpstream;
let proxy: Proxy;
let home: string;
let work: string;

const tmux = (...args: string[]) => spawnSync('tmux', args, { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', session).stdout;
async function waitFor(pred: (s: string) => boolean, ms: number): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const s = screen();
    if (pred(s) || Date.now() > end) return s;
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  if (!hasTmux) return;
  home = mkdtempSync(join(tmpdir(), 'ccenv-picker-'));
  work = join(home, 'work');
  mkdirSync(work);
  kimi = new FakeUpstream('ok from kimi');
  glm = new FakeUpstream('ok from glm');
  await Promise.all([kimi.start(), glm.start()]);
  const profiles = join(home, 'profiles.yaml');
  writeFileSync(profiles, `proxy: { base_url: "http://127.0.0.1:9", base_url_env: PICKER_URL, auth_token_env: PICKER_KEY }
picker: true
profiles:
  kimi: { model: kimi-k2.5, description: Kimi K2.5, context_window: 262144, max_output_tokens: 4096, max_retries: 0, upstream: { model: openai/kimi-up, api_base: "${kimi.baseUrl}", api_key_env: UP } }
  glm: { model: glm-5, description: GLM 5, context_window: 131072, max_output_tokens: 4096, upstream: { model: openai/glm-up, api_base: "${glm.baseUrl}", api_key_env: UP } }
`);
  expect((await ccenv(['gen', 'litellm', '--dir', join(home, 'lite'), '--profiles', profiles])).code).toBe(0);
  proxy = await startLiteLLM(join(home, 'lite/config.yaml'), { PICKER_KEY: KEY, UP: 'FAKE', LITELLM_USE_CHAT_COMPLETIONS_URL_FOR_ANTHROPIC_MESSAGES: '1' });
  // A throwaway Claude Code state: onboarding done and the folder trusted, so nothing blocks the prompt.
  writeFileSync(join(home, '.claude.json'), JSON.stringify({ hasCompletedOnboarding: true, projects: { [work]: { hasTrustDialogAccepted: true } } }));
  const bin = join(home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'ccenv'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
  const env = [`HOME=${home}`, `PATH=${bin}:${dirname(CLAUDE)}:/usr/bin:/bin`, `PICKER_URL=${proxy.url}`, `PICKER_KEY=${KEY}`, `CCENV_PROFILES=${profiles}`, 'CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1', 'TERM=xterm-256color'];
  const r = tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '90', `env -i ${env.join(' ')} bash --noprofile --norc -c 'cd ${work} && eval "$(ccenv shell bash)" && claude-kimi'`);
  expect(r.status, r.stderr).toBe(0);
}, 240_000);

afterAll(async () => {
  if (!hasTmux) return;
  tmux('kill-session', '-t', session);
  await Promise.all([proxy?.stop(), kimi?.stop(), glm?.stop()]);
});

describe.skipIf(!hasTmux)('the /model picker in an interactive Claude Code (tmux)', () => {
  it("lists the profiles' models by display name; a pick sends the next request to that profile's upstream", async () => {
    const ready = await waitFor((s) => s.includes('❯') && s.includes('kimi-k2.5'), 30_000);
    expect(ready).toContain('Claude Code');
    await new Promise((r) => setTimeout(r, 2_000)); // the prompt takes input a moment after it is drawn
    tmux('send-keys', '-t', session, '/model');
    await new Promise((r) => setTimeout(r, 800));
    tmux('send-keys', '-t', session, 'Enter');
    const picker = await waitFor((s) => s.includes('Select model') && s.includes('Kimi K2.5'), 20_000);
    expect(picker).toMatch(/Kimi K2\.5\s+From gateway/);
    // Move down until GLM 5 (listed after Kimi K2.5, possibly scrolled into view) is selected; pick it for this session ("s").
    let selected = '';
    for (let i = 0; i < 20 && !/❯[^\n]*GLM 5/.test(selected); i++) {
      tmux('send-keys', '-t', session, 'Down');
      await new Promise((r) => setTimeout(r, 200));
      selected = screen();
    }
    expect(selected).toMatch(/❯[^\n]*GLM 5\s+From gateway/);
    tmux('send-keys', '-t', session, 's');
    await waitFor((s) => s.includes('Set model to GLM 5'), 10_000);
    const before = glm.chatRequests.length;
    tmux('send-keys', '-t', session, 'Say ok only');
    await new Promise((r) => setTimeout(r, 300));
    tmux('send-keys', '-t', session, 'Enter');
    const answered = await waitFor((s) => s.includes('ok from glm'), 30_000);
    expect(answered).toContain('ok from glm');
    expect(glm.chatRequests.slice(before).map((q) => q.body?.model)).toContain('glm-up');
  }, 120_000);
});
