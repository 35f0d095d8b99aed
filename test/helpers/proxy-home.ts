// A temporary HOME as `ccenv proxy` tests need it: a profiles file from `ccenv init` (one openai-compatible profile
// on the fake upstream, the proxy on a free port) and `venv` (default: the test venv) as ~/.config/litellm/venv.
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { freePort } from './litellm.js';
import { VENV } from './paths.js';
import { ccenv } from './run.js';

export async function proxyHome(o: { upstream: string; key: string; prefix: string; venv?: string; env?: (home: string) => NodeJS.ProcessEnv }): Promise<{ home: string; port: number; env: NodeJS.ProcessEnv }> {
  const home = mkdtempSync(join(tmpdir(), o.prefix));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, LITELLM_MASTER_KEY: o.key, EXAMPLE_API_KEY: 'FAKE-upstream-key', NO_PROXY: '127.0.0.1,localhost', ...o.env?.(home) };
  const init = await ccenv(['init', '-q', '--preset', 'openai-compatible', '--model', 'kimi-k2.5', '--api-base', o.upstream, '--api-key-env', 'EXAMPLE_API_KEY', '--port', String(port)], { env });
  expect(init.code, init.stderr).toBe(0);
  mkdirSync(join(home, '.config/litellm'), { recursive: true });
  symlinkSync(o.venv ?? VENV, join(home, '.config/litellm/venv'));
  return { home, port, env };
}
