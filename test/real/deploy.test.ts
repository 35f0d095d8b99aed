// `ccenv gen deploy` with the real components this machine can run: a real redis-server (apt) and two real
// LiteLLM replicas started from the generated deployment config (Postgres left out: LiteLLM's Prisma engines
// download from a host this machine cannot reach). The router state is shared through Redis: a deployment's rpm
// limit holds across both replicas — and, as the control, does not without the Redis settings.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { FakeUpstream } from '../helpers/fake-upstream.js';
import { freePort, startLiteLLM, type Proxy } from '../helpers/litellm.js';
import { ccenv } from '../helpers/run.js';

const KEY = 'sk-deploy-FAKE-master';
const REDIS_PASSWORD = 'FAKE-redis-password';
const hasRedis = spawnSync('sh', ['-c', 'command -v redis-server']).status === 0;

let dir: string;
let upstream: FakeUpstream;
let redis: ChildProcess | undefined;
let redisPort: number;
let config: Record<string, any>;

beforeAll(async () => {
  if (!hasRedis && !process.env.CI) return;
  dir = mkdtempSync(join(tmpdir(), 'ccenv-deploy-'));
  upstream = new FakeUpstream('ok from a replica');
  await upstream.start();
  redisPort = await freePort();
  redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--requirepass', REDIS_PASSWORD, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    if (redisCli('ping').trim() === 'PONG') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  // One deployment limited to 2 requests a minute (litellm_params.rpm, passed through from the profile).
  writeFileSync(join(dir, 'profiles.yaml'), `proxy: { auth_token_env: DEPLOY_KEY }\nprofiles:\n  kimi: { model: kimi-k2.5, fix_usage: false, upstream: { model: openai/kimi-up, api_base: "${upstream.baseUrl}", api_key_env: DEPLOY_UPSTREAM, litellm_params: { rpm: 2, num_retries: 0 } } }\n`);
  const r = await ccenv(['gen', 'deploy', '--replicas', '2', '--profiles', join(dir, 'profiles.yaml')]);
  expect(r.code, r.stderr).toBe(0);
  const compose = parse(r.stdout) as Record<string, any>;
  expect(compose.services.litellm.deploy.replicas).toBe(2);
  config = parse(String(compose.configs['litellm-config'].content).replace(/\$\$/g, '$')) as Record<string, any>;
  delete config.general_settings.database_url; // no Prisma engines here (see above)
}, 120_000);

afterAll(async () => {
  redis?.kill('SIGTERM');
  await upstream?.stop();
});

/** Two replicas from `cfg`, with the environment the compose file gives them (Redis on this machine). */
async function replicas(cfg: Record<string, any>, name: string, withRedis = true): Promise<[Proxy, Proxy]> {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, stringify(cfg));
  // The deployment's master key is LITELLM_MASTER_KEY (not the profiles' DEPLOY_KEY, a developer's own key variable).
  const env = { LITELLM_MASTER_KEY: KEY, DEPLOY_UPSTREAM: 'FAKE-up', LITELLM_SALT_KEY: 'sk-FAKE-salt', ...(withRedis ? { REDIS_HOST: '127.0.0.1', REDIS_PORT: String(redisPort), REDIS_PASSWORD } : {}) };
  return Promise.all([startLiteLLM(file, env, 180_000), startLiteLLM(file, env, 180_000)]);
}

async function ask(p: Proxy): Promise<number> {
  const r = await fetch(`${p.url}/v1/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
    body: JSON.stringify({ model: 'kimi-k2.5', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] }),
    signal: AbortSignal.timeout(30_000),
  });
  await r.text();
  return r.status;
}

const redisCli = (...args: string[]) => spawnSync('redis-cli', ['-p', String(redisPort), '-a', REDIS_PASSWORD, '--no-auth-warning', ...args], { encoding: 'utf8' }).stdout;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The largest rpm count in Redis once it reaches `n`, polled up to `ms`: LiteLLM 1.108.7 counts a request in its
 * success callback, after the answer is sent (router.py deployment_callback_on_success, a Redis pipeline increment of
 * `…:rpm:<UTC %H-%M>`), so the count lands a moment after the client has its 200.
 */
async function rpmCount(n: number, ms: number): Promise<number> {
  let most = 0;
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
    const keys = redisCli('--scan', '--pattern', '*rpm*').split('\n').filter(Boolean);
    most = Math.max(0, ...keys.map((k) => Number(redisCli('get', k).trim()) || 0));
    if (most >= n) break;
  }
  return most;
}

describe.skipIf(!hasRedis && !process.env.CI)('two real LiteLLM replicas from the generated deployment config', () => {
  it("share the router's state through Redis: the deployment's rpm limit (2) holds across both", async () => {
    const [a, b] = await replicas(config, 'shared');
    try {
      // The count is per UTC minute: the three requests must fall in one (not in the last 15 s of a minute).
      const s = new Date().getUTCSeconds();
      if (s > 45) await sleep((61 - s) * 1000);
      expect([await ask(a), await ask(a)]).toEqual([200, 200]);
      expect(await rpmCount(2, 10_000)).toBe(2);
      // The third request of the minute, to the other replica: refused there too.
      expect(await ask(b)).toBe(429);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 400_000);

  it('the control: without Redis (settings and REDIS_* variables, which LiteLLM also falls back to) each replica counts alone', async () => {
    redisCli('flushall');
    const alone = structuredClone(config);
    for (const k of ['redis_host', 'redis_port', 'redis_password']) delete alone.router_settings[k];
    delete alone.litellm_settings.cache;
    delete alone.litellm_settings.cache_params;
    const [a, b] = await replicas(alone, 'alone', false);
    try {
      expect([await ask(a), await ask(a)]).toEqual([200, 200]);
      expect(await ask(b)).toBe(200);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 400_000);
});
