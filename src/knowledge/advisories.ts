/**
 * What ccenv knows about the Python packages behind the proxy that OSV's records cannot say (the OSV records
 * themselves are data/osv-snapshot.json and the `ccenv advisories --update` cache, read by advisories/data.ts):
 * the compromised litellm releases with their indicator file and exposure window, the unconfirmed 1.107.x report,
 * known-bad litellm/openai pairs, and the floors of what ccenv generates. Version spans are PEP 440 (`from`
 * inclusive, `before` exclusive, or exact `versions`). Every entry names its source; a unit test holds the form.
 */

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** A span of versions: exact `versions`, or `from` (inclusive) … `before` (exclusive), either end open. */
export interface VersionSpan {
  versions?: readonly string[];
  from?: string;
  before?: string;
}

/** One curated advisory. */
export interface Advisory {
  id: string;
  /** Other ids of the same thing (an OSV record with one of these is shown through this entry). */
  aliases?: readonly string[];
  package: 'litellm' | 'openai';
  affected: VersionSpan;
  severity: Severity;
  /** compromised: malicious code was published; suspect: reported, unconfirmed. */
  kind: 'compromised' | 'suspect';
  summary: string;
  fixed?: string;
  fix: string;
  source: string;
}

export const CURATED: readonly Advisory[] = [
  {
    id: 'MAL-2026-2144',
    aliases: ['PYSEC-2026-2', 'GHSA-92x9-889m-jgmw'],
    package: 'litellm',
    affected: { versions: ['1.82.7', '1.82.8'] },
    severity: 'critical',
    kind: 'compromised',
    summary:
      'compromised PyPI releases (2026-03-24, live from 10:39 UTC for about 40 minutes): a payload that harvests credentials (.env files, shell profiles, tokens) and sends them to models.litellm.cloud / checkmarx.zone; 1.82.8 adds litellm_init.pth, which runs at every Python start and survives upgrades',
    fix: 'delete that environment (and any litellm_init.pth), reinstall a clean release (ccenv gen requirements), and rotate every credential the machine held since the install',
    source: 'https://osv.dev/vulnerability/MAL-2026-2144; https://docs.litellm.ai/blog/security-update-march-2026; BerriAI/litellm#24512; BerriAI/litellm#24518',
  },
  {
    id: 'LITELLM-1.107-SUSPECT',
    package: 'litellm',
    affected: { from: '1.107.0.dev0', before: '1.108.0.dev0' },
    severity: 'high',
    kind: 'suspect',
    summary: '1.107.x is reported compromised (unconfirmed: a third-party audit tool names it; PyPI serves no 1.107 release, only development builds)',
    fix: 'move to the release ccenv verifies (ccenv gen requirements) and review the machine for credential exposure',
    source: 'https://pypi.org/project/litellm-check/0.1.0/ (its summary names 1.107.x); observed with pip 23.2 (PyPI lists only 1.107.0 development and release-candidate builds, 2026-12-01)',
  },
];

/** A litellm/openai combination known (or reported) not to import or not to work, and the pin that does. */
export interface BadPair {
  id: string;
  litellm: VersionSpan;
  openai: VersionSpan;
  summary: string;
  fix: string;
  source: string;
}

export const BAD_PAIRS: readonly BadPair[] = [
  {
    id: 'openai-1.100-ResponseTextConfig',
    litellm: { before: '1.76.0' },
    openai: { from: '1.100.0', before: '2.0.0' },
    summary: 'openai 1.100.0 removed ResponseTextConfig and `import litellm` fails (the affected litellm range is approximate: releases before the August 2025 fix)',
    fix: "pin openai below 1.100 (pip install 'openai<1.100') or upgrade litellm",
    source: 'BerriAI/litellm#13711; openai/openai-python#2564; jentic/standard-agent#55; trycua/cua#356',
  },
];

/** Floors for what ccenv generates. */
export const REQUIREMENTS = {
  /** The chat-completions routing flag and setting exist from 1.82.0; 1.83.7 fixes CVE-2026-42208. */
  litellmMin: { version: '1.83.7', why: 'the routing setting ccenv writes exists from 1.82.0, and 1.83.7 fixes CVE-2026-42208', source: 'https://docs.litellm.ai/release_notes/v1.82.0; https://github.com/advisories/GHSA-r75f-5x8p-qvmc' },
  /** litellm ≥ 1.97 fails to import on Python 3.10; 1.92+ declares <3.14. */
  python: [
    { litellm: '>=1.97.0', python: '>=3.11.0', why: 'litellm ≥ 1.97 fails to import on Python 3.10 (PydanticUserError, typing.NotRequired)', source: 'BerriAI/litellm#36384; BerriAI/litellm#38076' },
    { litellm: '>=1.92.0', python: '<3.14.0', why: 'litellm 1.92+ declares requires-python <3.14', source: 'https://pypi.org/project/litellm/1.92.0/ (Requires-Python)' },
  ],
} as const;
