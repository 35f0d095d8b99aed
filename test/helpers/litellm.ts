import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { VENV } from './paths.js';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A running real LiteLLM proxy started by a test. */
export interface Proxy {
  url: string;
  pid: number;
  logs: () => string;
  stop: () => Promise<void>;
}

/**
 * Start the pinned LiteLLM proxy (the venv from scripts/test.mjs) on 127.0.0.1 with `config`, offline
 * (LITELLM_LOCAL_MODEL_COST_MAP=True, no DATABASE_URL, LITELLM_MODE=PRODUCTION so no .env is read —
 * https://docs.litellm.ai/docs/proxy/prod), and wait until /health/liveliness answers (at most `timeoutMs`).
 * `env` is added to a minimal environment (PATH, HOME); nothing else of the caller's leaks in.
 */
export async function startLiteLLM(config: string, env: Record<string, string>, timeoutMs = 120_000): Promise<Proxy> {
  const port = await freePort();
  let out = '';
  const child: ChildProcess = spawn(join(VENV, 'bin/litellm'), ['--config', config, '--host', '127.0.0.1', '--port', String(port), '--num_workers', '1'], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      LITELLM_LOCAL_MODEL_COST_MAP: 'True',
      LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS: 'True',
      LITELLM_MODE: 'PRODUCTION',
      NO_PROXY: '127.0.0.1,localhost',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.setEncoding('utf8').on('data', (d) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`litellm exited with ${child.exitCode}:\n${out.slice(-4000)}`);
    try {
      const r = await fetch(`${url}/health/liveliness`, { signal: AbortSignal.timeout(1_000) });
      if (r.ok) return { url, pid: child.pid!, logs: () => out, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`litellm did not answer /health/liveliness within ${timeoutMs} ms:\n${out.slice(-4000)}`);
}
