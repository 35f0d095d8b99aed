#!/usr/bin/env node
// `npm run advisories:snapshot`: build data/osv-snapshot.json, the OSV records ccenv ships (used when there is no
// fresher `ccenv advisories --update` cache). Two sources:
//   --from DIR   a folder of OSV JSON records assembled from public records, with a MANIFEST.tsv giving each
//                record's public URL (data/osv-records: this machine cannot reach OSV; the default)
//   --api URL    OSV's query API (POST URL/v1/query for PyPI litellm and openai, following next_page_token)
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const api = arg('--api');
const from = arg('--from') ?? join(root, 'data/osv-records');
const PACKAGES = ['litellm', 'openai'];

async function fromApi(base) {
  const records = [];
  for (const name of PACKAGES) {
    let token;
    for (let page = 0; page < 50; page++) {
      const res = await fetch(`${base.replace(/\/+$/, '')}/v1/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ package: { name, ecosystem: 'PyPI' }, ...(token ? { page_token: token } : {}) }), signal: AbortSignal.timeout(60_000) });
      if (!res.ok) throw new Error(`${base}: HTTP ${res.status}`);
      const body = await res.json();
      records.push(...(body.vulns ?? []));
      token = body.next_page_token;
      if (!token) break;
    }
  }
  return { records, from: `${base}/v1/query`, urls: {} };
}

function fromFolder(dir) {
  const urls = Object.fromEntries(readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t').slice(0, 2)));
  const records = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  for (const r of records) if (!urls[r.id]) throw new Error(`${r.id}: no URL in ${dir}/MANIFEST.tsv`);
  return { records, from: 'data/osv-records (public OSV records; each record\'s URL in sources)', urls };
}

const { records, from: origin, urls } = api ? await fromApi(api) : fromFolder(from);
const byId = new Map(records.map((r) => [r.id, r]));
const out = {
  schemaVersion: 1,
  generated: new Date().toISOString().slice(0, 10),
  from: origin,
  sources: Object.fromEntries([...byId.keys()].sort().map((id) => [id, urls[id] ?? `https://osv.dev/vulnerability/${id}`])),
  records: [...byId.values()].sort((a, b) => a.id.localeCompare(b.id)),
};
const target = join(root, 'data/osv-snapshot.json');
writeFileSync(`${target}.tmp`, `${JSON.stringify(out, null, 1)}\n`);
renameSync(`${target}.tmp`, target);
process.stdout.write(`wrote ${target}: ${out.records.length} records from ${origin}\n`);
