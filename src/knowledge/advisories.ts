/**
 * Security advisories and known-bad version combinations for the Python packages behind the proxy.
 * Ranges use npm semver syntax over PyPI versions (X.Y.Z; see `pyVersion` in doctor/installs.ts for the
 * coercion of pre-releases). Every entry names its source; a unit test holds that.
 */

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** One advisory against a package version range. */
export interface Advisory {
  id: string;
  package: 'litellm' | 'openai';
  /** semver range of affected versions. */
  affected: string;
  severity: Severity;
  /** compromised: malicious code was published; suspect: reported, unconfirmed; vulnerability: a CVE/GHSA. */
  kind: 'compromised' | 'suspect' | 'vulnerability';
  summary: string;
  /** First version without it, when there is one. */
  fixed?: string;
  fix: string;
  source: string;
}

export const ADVISORIES: readonly Advisory[] = [
  {
    id: 'MAL-2026-2144',
    package: 'litellm',
    affected: '1.82.7 || 1.82.8',
    severity: 'critical',
    kind: 'compromised',
    summary:
      'compromised PyPI releases (2026-03-24, live from 10:39 UTC for about 40 minutes): a payload that harvests credentials (.env files, shell profiles, tokens) and sends them to models.litellm.cloud / checkmarx.zone; 1.82.8 adds litellm_init.pth, which runs at every Python start and survives upgrades',
    fix: 'delete that environment (and any litellm_init.pth), reinstall a clean release (ccenv gen requirements), and rotate every credential the machine held since the install',
    source: 'https://docs.litellm.ai/blog/security-update-march-2026; BerriAI/litellm#24512; BerriAI/litellm#24518; https://osv.dev/vulnerability/MAL-2026-2144',
  },
  {
    id: 'LITELLM-1.107-SUSPECT',
    package: 'litellm',
    affected: '>=1.107.0 <1.108.0',
    severity: 'high',
    kind: 'suspect',
    summary: '1.107.x is reported compromised (unconfirmed: a third-party audit tool names it; PyPI no longer lists 1.107 releases)',
    fix: 'move to the release ccenv verifies (ccenv gen requirements) and review the machine for credential exposure',
    source: 'https://pypi.org/project/litellm-check/0.1.0/ (its summary names 1.107.x); observed with pip 23.2 (the PyPI simple index listed no 1.107 release, 2026-11-23)',
  },
  {
    id: 'CVE-2026-42208',
    package: 'litellm',
    affected: '>=1.81.16 <1.83.7',
    severity: 'critical',
    kind: 'vulnerability',
    summary: 'unauthenticated SQL injection through the Authorization header in key verification (GHSA-r75f-5x8p-qvmc); reachable when the proxy has a database',
    fixed: '1.83.7',
    fix: 'upgrade litellm to ≥ 1.83.7 (ccenv gen requirements)',
    source: 'https://github.com/advisories/GHSA-r75f-5x8p-qvmc; https://osv.dev/vulnerability/PYSEC-2026-391',
  },
  {
    id: 'CVE-2026-35030',
    package: 'litellm',
    affected: '<1.83.0',
    severity: 'critical',
    kind: 'vulnerability',
    summary: 'authentication bypass through the JWT/OIDC cache (only with enable_jwt_auth)',
    fixed: '1.83.0',
    fix: 'upgrade litellm to ≥ 1.83.0',
    source: 'https://docs.litellm.ai/blog/security_hardening_april_2026',
  },
  {
    id: 'CVE-2026-35029',
    package: 'litellm',
    affected: '<1.83.0',
    severity: 'high',
    kind: 'vulnerability',
    summary: 'privilege escalation through /config/update',
    fixed: '1.83.0',
    fix: 'upgrade litellm to ≥ 1.83.0',
    source: 'https://docs.litellm.ai/blog/security_hardening_april_2026',
  },
  {
    id: 'GHSA-69x8-hrgq-fjj8',
    package: 'litellm',
    affected: '<1.83.0',
    severity: 'medium',
    kind: 'vulnerability',
    summary: 'password hash exposure',
    fixed: '1.83.0',
    fix: 'upgrade litellm to ≥ 1.83.0',
    source: 'https://docs.litellm.ai/blog/security_hardening_april_2026',
  },
  {
    id: 'CVE-2026-30623',
    package: 'litellm',
    affected: '<1.83.7',
    severity: 'high',
    kind: 'vulnerability',
    summary: 'command injection through MCP stdio servers (authenticated)',
    fixed: '1.83.7',
    fix: 'upgrade litellm to ≥ 1.83.7',
    source: 'https://docs.litellm.ai/blog (2026-04-21 security update)',
  },
];

/** A litellm/openai combination known (or reported) not to import or not to work, and the pin that does. */
export interface BadPair {
  id: string;
  litellm: string;
  openai: string;
  summary: string;
  fix: string;
  source: string;
}

export const BAD_PAIRS: readonly BadPair[] = [
  {
    id: 'openai-1.100-ResponseTextConfig',
    litellm: '<1.76.0',
    openai: '>=1.100.0 <2.0.0',
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
