// The generated hook module as Python: it compiles, passes ruff, and its pytest suite passes, all in the
// pinned LiteLLM venv (the hook imports litellm).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, VENV } from '../helpers/paths.js';
import { ccenv, run } from '../helpers/run.js';

let hook: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccenv-py-'));
  writeFileSync(
    join(dir, 'profiles.yaml'),
    `profiles:
  capped: { model: capped-model, max_tokens_cap: 4096, drop_params: [top_k, context_management], thinking: drop, upstream: { model: openai/c } }
  forced: { model: forced-model, force_stream: true, upstream: { model: openai/f } }
  plain: { model: plain-model }
  quiet: { model: quiet-model, fix_usage: false }
`,
  );
  hook = join(dir, 'ccenv_hooks.py');
  const r = await ccenv(['gen', 'hook', '--profiles', join(dir, 'profiles.yaml'), '-o', hook]);
  expect(r.code, r.stderr).toBe(0);
});

describe('the generated hook module', () => {
  it('compiles (py_compile)', async () => {
    const r = await run(join(VENV, 'bin/python'), ['-m', 'py_compile', hook]);
    expect(r.code, r.stderr).toBe(0);
  });

  it('passes ruff', async () => {
    const r = await run(join(VENV, 'bin/ruff'), ['check', '--no-cache', '--isolated', '--select', 'E,F,W,B', '--line-length', '120', hook]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('passes its pytest suite', async () => {
    const r = await run(join(VENV, 'bin/python'), ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', join(ROOT, 'test/python/test_hooks.py')], {
      env: { ...process.env, CCENV_HOOK: hook, LITELLM_LOCAL_MODEL_COST_MAP: 'True', LITELLM_MODE: 'PRODUCTION' },
      timeoutMs: 120_000,
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\d+ passed/);
  }, 120_000);
});
