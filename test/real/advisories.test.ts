// `ccenv advisories --update` against a fake OSV server on 127.0.0.1 that speaks OSV's query API with records in
// OSV's schema (shapes of the real records in data/osv-records): paging by next_page_token, a last_affected
// range, a versions-only record, a withdrawn record — and the failures (bad JSON, a hang, a 500), which leave the
// previous data in place with one line and exit 1. Then doctor judges an install by the fetched records.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PINNED } from '../../src/knowledge/litellm.js';
import { freePort } from '../helpers/litellm.js';
import { ccenv } from '../helpers/run.js';

const pkg = (name: string) => ({ ecosystem: 'PyPI', name });
/** Records in OSV's schema. The pinned version is affected only by the last_affected one and the versions-only one. */
const RECORDS: Record<string, Array<Record<string, unknown>>> = {
  litellm: [
    { id: 'GHSA-fake-0001', modified: '2026-11-20T00:00:00Z', aliases: ['CVE-2026-90001'], summary: 'an old one, fixed long ago', database_specific: { severity: 'HIGH' }, affected: [{ package: pkg('litellm'), ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.50.0' }] }] }] },
    { id: 'GHSA-fake-0002', modified: '2026-11-21T00:00:00Z', aliases: ['CVE-2026-90002', 'PYSEC-2026-9002'], summary: 'last_affected reaches the pin', severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }], affected: [{ package: pkg('litellm'), ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.100.0' }, { last_affected: PINNED.litellm }] }] }] },
    { id: 'PYSEC-2026-9002', modified: '2026-11-21T00:00:00Z', aliases: ['CVE-2026-90002', 'GHSA-fake-0002'], summary: 'the same, from PyPA', affected: [{ package: pkg('litellm'), ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.100.0' }, { last_affected: PINNED.litellm }] }] }] },
    { id: 'MAL-2026-9003', modified: '2026-11-22T00:00:00Z', summary: 'malicious code in two releases', affected: [{ package: pkg('litellm'), versions: ['1.99.1', '1.99.2'] }] },
    { id: 'GHSA-fake-0004', modified: '2026-11-23T00:00:00Z', withdrawn: '2026-11-24T00:00:00Z', summary: 'withdrawn: not a vulnerability after all', database_specific: { severity: 'CRITICAL' }, affected: [{ package: pkg('litellm'), ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }] },
  ],
  openai: [{ id: 'GHSA-fake-0005', modified: '2026-11-25T00:00:00Z', summary: 'an openai one', database_specific: { severity: 'LOW' }, affected: [{ package: pkg('openai'), ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0.0' }] }] }] }],
};

type Mode = 'ok' | 'bad json' | 'hang' | '500';
let mode: Mode = 'ok';
const seen: Array<Record<string, unknown>> = [];
let server: Server;
let url: string;
const sockets = new Set<Socket>();

function handle(req: IncomingMessage, res: ServerResponse): void {
  let raw = '';
  req.setEncoding('utf8').on('data', (d) => (raw += d));
  req.on('end', () => {
    if (mode === 'hang') return;
    if (mode === '500') return void res.writeHead(500).end('oops');
    if (req.method !== 'POST' || req.url !== '/v1/query') return void res.writeHead(404).end();
    const body = JSON.parse(raw) as { package: { name: string; ecosystem: string }; page_token?: string };
    seen.push(body);
    res.writeHead(200, { 'content-type': 'application/json' });
    if (mode === 'bad json') return void res.end('{"vulns": [');
    const all = RECORDS[body.package.name] ?? [];
    // Two records a page: OSV pages large answers and hands back next_page_token.
    const start = body.page_token ? Number(body.page_token) : 0;
    const page = all.slice(start, start + 2);
    res.end(JSON.stringify({ vulns: page, ...(start + 2 < all.length ? { next_page_token: String(start + 2) } : {}) }));
  });
}

beforeAll(async () => {
  server = createServer(handle);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  sockets.forEach((s) => s.destroy());
  await new Promise((r) => server.close(r));
});

const home = mkdtempSync(join(tmpdir(), 'ccenv-osv-'));
const env = (extra: NodeJS.ProcessEnv = {}) => ({ PATH: '/usr/bin:/bin', HOME: home, XDG_CACHE_HOME: join(home, 'cache'), CCENV_OSV_URL: url, ...extra });
const cacheFile = () => join(home, 'cache/ccenv/advisories.json');

describe('ccenv advisories --update', () => {
  it('fetches every record for litellm and openai, following next_page_token, into the cache with the time fetched', async () => {
    mode = 'ok';
    seen.length = 0;
    const r = await ccenv(['advisories', '--update', '--json'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`ccenv: wrote ${cacheFile()}: 6 OSV records for litellm, openai\n`);
    expect(seen).toEqual([
      { package: { name: 'litellm', ecosystem: 'PyPI' } },
      { package: { name: 'litellm', ecosystem: 'PyPI' }, page_token: '2' },
      { package: { name: 'litellm', ecosystem: 'PyPI' }, page_token: '4' },
      { package: { name: 'openai', ecosystem: 'PyPI' } },
    ]);
    const cache = JSON.parse(readFileSync(cacheFile(), 'utf8'));
    expect(Date.now() - Date.parse(cache.fetched)).toBeLessThan(60_000);
    const doc = JSON.parse(r.stdout);
    expect(doc.sources.map((s: { kind: string }) => s.kind)).toEqual(['snapshot', 'cache']);
    const ids = doc.vulnerabilities.map((v: { id: string }) => v.id);
    expect(ids).toContain('CVE-2026-90002'); // GHSA and PYSEC records of one CVE, shown once
    expect(ids.filter((id: string) => id === 'CVE-2026-90002')).toHaveLength(1);
    expect(ids).not.toContain('GHSA-fake-0004'); // withdrawn
  });

  it.each<[Mode, RegExp]>([
    ['bad json', /the answer is not JSON/],
    ['500', /HTTP 500/],
    ['hang', /no answer within 2 s|no complete answer within 2 s/],
  ])('%s: the previous data stays, one line, exit 1, within the timeout', async (m, message) => {
    mode = m;
    const before = readFileSync(cacheFile(), 'utf8');
    const start = Date.now();
    const r = await ccenv(['advisories', '--update', '--timeout', '2'], { env: env() });
    expect(Date.now() - start).toBeLessThan(5_000);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^ccenv: advisories not updated from ${url.replace(/[.]/g, '\\.')}: ${message.source}; the previous data stays in use\\n$`));
    expect(readFileSync(cacheFile(), 'utf8')).toBe(before);
    mode = 'ok';
  }, 15_000);

  it('no network at all (nothing listens): one line, exit 1, the shipped snapshot still used', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const r = await ccenv(['advisories', '--update', '--timeout', '2'], { env: env({ CCENV_OSV_URL: closed, XDG_CACHE_HOME: join(home, 'empty-cache') }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot reach it \(ECONNREFUSED\)/);
    expect(existsSync(join(home, 'empty-cache/ccenv/advisories.json'))).toBe(false);
    const list = await ccenv(['advisories'], { env: env({ XDG_CACHE_HOME: join(home, 'empty-cache') }) });
    expect(list.stdout).toMatch(/^Data: shipped OSV snapshot of \d{4}-\d{2}-\d{2}/);
  });
});

describe('doctor judges installs by the fetched records', () => {
  /** A throwaway ~/.config/litellm/venv with the given litellm and openai. */
  function venv(h: string, litellm: string, openai: string): void {
    const site = join(h, '.config/litellm/venv/lib/python3.11/site-packages');
    mkdirSync(site, { recursive: true });
    writeFileSync(join(h, '.config/litellm/venv/pyvenv.cfg'), 'version = 3.11.7\n');
    for (const [name, v] of [['litellm', litellm], ['openai', openai]]) {
      mkdirSync(join(site, `${name}-${v}.dist-info`));
      writeFileSync(join(site, `${name}-${v}.dist-info/METADATA`), `Name: ${name}\nVersion: ${v}\n`);
    }
  }

  it('a record fetched after the snapshot (last_affected reaching the pin) fails the pinned install; the snapshot alone passes it', async () => {
    const h = mkdtempSync(join(tmpdir(), 'ccenv-osv-home-'));
    venv(h, PINNED.litellm, PINNED.openai);
    const withCache = await ccenv(['doctor', '--offline', '--json', 'litellm-advisories'], { env: env({ HOME: h }) });
    // Only the results about this venv: doctor also judges the install behind any LiteLLM proxy running on the
    // machine (another test file's, when files run in parallel).
    const checks = (JSON.parse(withCache.stdout).checks as Array<{ status: string; diagnosis: string; message: string }>).filter((c) => c.message.includes(h));
    expect(checks.map((c) => [c.status, c.diagnosis])).toEqual([['fail', 'CVE-2026-90002']]);
    expect(checks[0]!.message).toContain('CVE-2026-90002 (GHSA-fake-0002, PYSEC-2026-9002) (critical)');
    const snapshotOnly = await ccenv(['doctor', '--offline', '--json', 'litellm-advisories'], { env: env({ HOME: h, XDG_CACHE_HOME: join(h, 'no-cache') }) });
    expect(JSON.parse(snapshotOnly.stdout).checks.map((c: { status: string }) => c.status)).toEqual(['ok']);
  });

  it('a versions-only malware record makes that release compromised', async () => {
    const h = mkdtempSync(join(tmpdir(), 'ccenv-osv-home-'));
    venv(h, '1.99.2', PINNED.openai);
    const r = await ccenv(['doctor', '--offline', '--json', 'litellm-compromised'], { env: env({ HOME: h }) });
    expect(JSON.parse(r.stdout).checks).toMatchObject([{ status: 'fail', diagnosis: 'litellm-compromised', message: expect.stringContaining('MAL-2026-9003') }]);
  });

  it('old data is a warning past 90 days (the clock injected), never a failure by date alone', async () => {
    const h = mkdtempSync(join(tmpdir(), 'ccenv-osv-home-'));
    venv(h, '1.50.0', PINNED.openai);
    const later = await ccenv(['doctor', '--offline', '--json', 'litellm-advisories'], { env: env({ HOME: h, XDG_CACHE_HOME: join(h, 'no-cache'), CCENV_NOW: '2030-01-01T00:00:00Z' }) });
    const checks = JSON.parse(later.stdout).checks as Array<{ status: string; diagnosis: string; fix: string }>;
    expect(checks.find((c) => c.diagnosis === 'advisories-stale')).toMatchObject({ status: 'warn', fix: expect.stringContaining('ccenv advisories --update') });
  });
});
