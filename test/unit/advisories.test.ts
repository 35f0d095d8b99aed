// Advisory matching from OSV records (ranges with introduced / fixed / last_affected events in PEP 440 order,
// explicit versions, withdrawn records), severity (database_specific, else CVSS), aliases shown once, the
// merged data (cache ∪ snapshot ∪ curated) and its age — and the pinned LiteLLM outside every known advisory.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advisoriesFor, dataAgeDays, loadAdvisoryData } from '../../src/advisories/data.js';
import { affects, compareVersions, fixedFor, groupVulnerabilities, severityOf, type OsvRecord } from '../../src/advisories/osv.js';
import { PINNED } from '../../src/knowledge/litellm.js';

const rec = (events: Array<Record<string, string>>, extra: Partial<OsvRecord> = {}, name = 'litellm'): OsvRecord => ({ id: 'GHSA-test', affected: [{ package: { ecosystem: 'PyPI', name }, ranges: [{ type: 'ECOSYSTEM', events }] }], ...extra });

describe('PEP 440 order', () => {
  it.each([
    ['1.82.7', '1.82.10', -1],
    ['1.83.0rc1', '1.83.0', -1],
    ['1.83.0.dev1', '1.83.0rc1', -1],
    ['1.83.0.post1', '1.83.0', 1],
    ['1.108.7', '1.108.7', 0],
    ['0', '0.0.1', -1],
    ['2.0', '2.0.0', 0],
  ])('%s vs %s → %i', (a, b, want) => {
    expect(compareVersions(a, b)).toBe(want);
  });
});

describe('affects(record, package, version)', () => {
  it.each<[string, OsvRecord, string, boolean]>([
    ['introduced 0, fixed 1.83.7: 1.83.6 is in', rec([{ introduced: '0' }, { fixed: '1.83.7' }]), '1.83.6', true],
    ['… 1.83.7 is out', rec([{ introduced: '0' }, { fixed: '1.83.7' }]), '1.83.7', false],
    ['… a pre-release of the fix is in', rec([{ introduced: '0' }, { fixed: '1.83.7' }]), '1.83.7rc1', true],
    ['… a post-release of the fix is out', rec([{ introduced: '0' }, { fixed: '1.83.7' }]), '1.83.7.post1', false],
    ['introduced 1.74.2: 1.74.1 is out', rec([{ introduced: '1.74.2' }, { fixed: '1.83.7' }]), '1.74.1', false],
    ['last_affected 1.82.6: 1.82.6 is in', rec([{ introduced: '1.80.0' }, { last_affected: '1.82.6' }]), '1.82.6', true],
    ['last_affected 1.82.6: 1.82.6.post1 is out', rec([{ introduced: '1.80.0' }, { last_affected: '1.82.6' }]), '1.82.6.post1', false],
    ['two ranges: between them is out', rec([{ introduced: '0' }, { fixed: '1.88.6' }, { introduced: '1.89.0' }, { fixed: '1.89.7' }]), '1.88.9', false],
    ['two ranges: inside the second is in', rec([{ introduced: '0' }, { fixed: '1.88.6' }, { introduced: '1.89.0' }, { fixed: '1.89.7' }]), '1.89.3', true],
    ['versions only', { id: 'MAL-x', affected: [{ package: { ecosystem: 'PyPI', name: 'litellm' }, versions: ['1.82.7', '1.82.8'] }] }, '1.82.8', true],
    ['versions only: others are out', { id: 'MAL-x', affected: [{ package: { ecosystem: 'PyPI', name: 'litellm' }, versions: ['1.82.7', '1.82.8'] }] }, '1.82.9', false],
    ['a withdrawn record affects nothing', rec([{ introduced: '0' }], { withdrawn: '2026-05-01T00:00:00Z' }), '1.0.0', false],
    ['another package', rec([{ introduced: '0' }], {}, 'openai'), '1.0.0', false],
    ['names compare normalised (PEP 503)', rec([{ introduced: '0' }], {}, 'LiteLLM'), '1.0.0', true],
  ])('%s', (_name, r, version, want) => {
    expect(affects(r, 'litellm', version)).toBe(want);
  });

  it('names the fixed version that closes the range the version is in', () => {
    const r = rec([{ introduced: '0' }, { fixed: '1.88.6' }, { introduced: '1.89.0' }, { fixed: '1.89.7' }]);
    expect(fixedFor(r, 'litellm', '1.89.3')).toBe('1.89.7');
    expect(fixedFor(r, 'litellm', '1.80.0')).toBe('1.88.6');
  });
});

describe('severity and aliases', () => {
  it.each<[string, Partial<OsvRecord>, string | undefined]>([
    ["GitHub's MODERATE", { database_specific: { severity: 'MODERATE' } }, 'medium'],
    ['a CVSS 3.1 vector (9.8)', { severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] }, 'critical'],
    ['a CVSS 4.0 vector (HIGH)', { severity: [{ type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:L/SI:L/SA:N' }] }, 'high'],
    ['a CVSS 3.1 vector (6.5)', { severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N' }] }, 'medium'],
    ['nothing', {}, undefined],
  ])('%s', (_n, extra, want) => {
    expect(severityOf({ id: 'X', ...extra })).toBe(want);
  });

  it('records that name each other are one vulnerability, shown by its CVE', () => {
    const v = groupVulnerabilities([
      { id: 'PYSEC-2026-391', aliases: ['CVE-2026-42208', 'GHSA-r75f-5x8p-qvmc'] },
      { id: 'GHSA-r75f-5x8p-qvmc', aliases: ['CVE-2026-42208'] },
      { id: 'GHSA-other' },
      { id: 'GHSA-gone', withdrawn: '2026-01-01' },
    ]);
    expect(v.map((x) => [x.id, x.aliases])).toEqual([['CVE-2026-42208', ['GHSA-r75f-5x8p-qvmc', 'PYSEC-2026-391']], ['GHSA-other', []]]);
  });
});

describe('the merged data', () => {
  const data = loadAdvisoryData({ HOME: mkdtempSync(join(tmpdir(), 'ccenv-adv-')), XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'ccenv-adv-cache-')) });

  it('ships a snapshot of OSV records, with its date', () => {
    expect(data.sources).toEqual([expect.objectContaining({ kind: 'snapshot', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}/) })]);
    expect(data.records.length).toBeGreaterThan(30);
  });

  it.each<[string, string[]]>([
    ['1.82.7', ['MAL-2026-2144', 'CVE-2026-42208', 'CVE-2026-42271']],
    ['1.83.0', ['CVE-2026-42208', 'CVE-2026-42203', 'CVE-2026-40217']],
    ['1.83.9', ['CVE-2026-40217', 'CVE-2026-47102', 'CVE-2026-47101', 'CVE-2026-49468']],
    ['1.107.0rc1', ['LITELLM-1.107-SUSPECT']],
  ])('litellm %s is inside (at least) %j', (version, ids) => {
    const got = advisoriesFor(data, 'litellm', version).map((h) => h.id);
    for (const id of ids) expect(got).toContain(id);
    expect(new Set(got).size).toBe(got.length); // each vulnerability once
  });

  it('the pinned LiteLLM is outside every range in the snapshot, and so is its openai', () => {
    expect(advisoriesFor(data, 'litellm', PINNED.litellm)).toEqual([]);
    expect(advisoriesFor(data, 'openai', PINNED.openai)).toEqual([]);
    expect(PINNED.litellm).not.toMatch(/^1\.82\.[78]$|^1\.107\./);
  });

  it('a cache from --update is merged over the snapshot; the age counts from the newest data', () => {
    const cacheHome = mkdtempSync(join(tmpdir(), 'ccenv-adv-cache-'));
    mkdirSync(join(cacheHome, 'ccenv'));
    writeFileSync(join(cacheHome, 'ccenv/advisories.json'), JSON.stringify({ fetched: '2027-03-01T00:00:00Z', source: 'http://127.0.0.1/v1/query', records: [rec([{ introduced: '0' }], { id: 'GHSA-new-one', summary: 'a new one' })] }));
    const merged = loadAdvisoryData({ XDG_CACHE_HOME: cacheHome });
    expect(merged.sources.map((s) => s.kind)).toEqual(['snapshot', 'cache']);
    expect(advisoriesFor(merged, 'litellm', PINNED.litellm).map((h) => h.id)).toEqual(['GHSA-new-one']);
    expect(dataAgeDays(merged, Date.parse('2027-03-11T00:00:00Z'))).toBe(10);
  });
});
