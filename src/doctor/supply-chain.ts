import semver from 'semver';
import { ADVISORIES, BAD_PAIRS, REQUIREMENTS, type Advisory } from '../knowledge/advisories.js';
import { CHAT_COMPLETIONS_ROUTING, PINNED } from '../knowledge/litellm.js';
import { matchSignature } from '../knowledge/signatures.js';
import type { Check, CheckResult } from './checks.js';
import type { Facts } from './facts.js';
import { pyVersion, type PythonEnv } from './installs.js';

const inRange = (version: string, range: string) => {
  const v = pyVersion(version);
  return v !== undefined && semver.satisfies(v, range, { includePrerelease: true });
};

/** Advisories that apply to a package version (data: knowledge/advisories.ts). */
export function advisoriesFor(pkg: Advisory['package'], version: string): Advisory[] {
  return ADVISORIES.filter((a) => a.package === pkg && inRange(version, a.affected));
}

const where = (e: PythonEnv) => `${e.root} (${e.source})`;

/** Installed litellm versions to judge: each environment's, and the running proxy's own report. */
function litellmVersions(f: Facts): Array<{ label: string; version: string }> {
  const out = f.installs.filter((e) => e.litellm).map((e) => ({ label: `litellm ${e.litellm!.version} in ${where(e)}`, version: e.litellm!.version }));
  if (f.proxy?.version) out.push({ label: `litellm ${f.proxy.version} (the running proxy at ${f.proxy.url})`, version: f.proxy.version });
  return out;
}

/** Supply-chain and version checks (issue 5), appended to doctor's checks. */
export const SUPPLY_CHAIN_CHECKS: readonly Check[] = [
  {
    code: 'litellm-compromised',
    title: 'Compromised litellm',
    network: false,
    run: (f) => {
      const out: CheckResult[] = [];
      const mal = ADVISORIES.filter((a) => a.kind === 'compromised');
      for (const e of f.installs) {
        const hit = e.litellm && mal.find((a) => inRange(e.litellm!.version, a.affected));
        if (!hit && e.pth.length === 0) continue;
        const files = [...e.pth, ...(hit ? [e.litellm!.path] : [])];
        const since = [e.litellm?.installed, ...e.pth.map(() => undefined)].filter(Boolean)[0];
        out.push({
          status: 'fail',
          diagnosis: 'litellm-compromised',
          message: `${where(e)}: ${hit ? `litellm ${e.litellm!.version} is a compromised release` : 'litellm_init.pth is present (the 1.82.8 payload, which survives upgrades)'} — ${mal[0]!.summary}`,
          details: [...files.map((p) => `file: ${p}`), `exposure window: from ${since ?? 'the install'} until removal; the releases were on PyPI 2026-03-24 from 10:39 UTC for about 40 minutes`],
          fix: `${mal[0]!.fix}: rm -rf ${e.root}${e.pth.length ? ` (and ${e.pth.join(', ')})` : ''}`,
        });
      }
      return out.length > 0 ? out : { status: 'ok', message: f.installs.length ? `no compromised release in ${f.installs.length} environment(s)` : 'no litellm installation found' };
    },
  },
  {
    code: 'litellm-advisories',
    title: 'litellm advisories',
    network: false,
    run: (f) => {
      const out: CheckResult[] = [];
      for (const { label, version } of litellmVersions(f)) {
        for (const a of advisoriesFor('litellm', version).filter((x) => x.kind !== 'compromised')) {
          out.push({ status: a.severity === 'critical' || a.severity === 'high' ? (a.kind === 'suspect' ? 'warn' : 'fail') : 'warn', diagnosis: a.id, message: `${label}: ${a.id} (${a.severity}): ${a.summary}`, fix: `${a.fix}${a.fixed ? ` — fixed in ${a.fixed}` : ''}`, details: [`source: ${a.source}`] });
        }
      }
      return out.length > 0 ? out : { status: 'ok', message: 'no known advisory applies' };
    },
  },
  {
    code: 'openai-pair',
    title: 'litellm / openai pair',
    network: false,
    run: (f) => {
      const out: CheckResult[] = [];
      for (const e of f.installs.filter((x) => x.litellm)) {
        const pair = e.openai && BAD_PAIRS.find((p) => inRange(e.litellm!.version, p.litellm) && inRange(e.openai!.version, p.openai));
        if (pair) out.push({ status: 'warn', diagnosis: pair.id, message: `${where(e)}: litellm ${e.litellm!.version} with openai ${e.openai!.version}: ${pair.summary}`, fix: pair.fix, details: [`source: ${pair.source}`] });
        const err = f.imports?.get(e.root);
        const sig = err ? matchSignature(err) : undefined;
        if (err) out.push({ status: 'fail', diagnosis: sig?.code ?? 'import-failed', message: `${where(e)}: import litellm.proxy.proxy_server fails: ${err}`, fix: sig?.fix ?? `reinstall: ${e.python ?? 'python'} -m pip install 'litellm[proxy]==${PINNED.litellm}' 'openai==${PINNED.openai}'` });
        else if (err === null && !pair) out.push({ status: 'ok', message: `${where(e)}: litellm ${e.litellm!.version} with openai ${e.openai?.version ?? '?'} imports` });
      }
      return out.length > 0 ? out : { status: 'ok', message: f.imports ? 'no environment to import' : 'no known-bad pair (--deep also imports the proxy)' };
    },
  },
  {
    code: 'litellm-version',
    title: 'litellm and Python versions',
    network: false,
    run: (f) => {
      const out: CheckResult[] = [];
      const min = REQUIREMENTS.litellmMin;
      for (const e of f.installs.filter((x) => x.litellm)) {
        const v = pyVersion(e.litellm!.version);
        if (v && semver.lt(v, min.version)) out.push({ status: 'warn', diagnosis: 'litellm-too-old', message: `${where(e)}: litellm ${e.litellm!.version} is older than ${min.version}: ${min.why}`, fix: `upgrade: ${e.python ?? 'python'} -m pip install 'litellm[proxy]' -c <(ccenv gen requirements)` });
        const py = e.pythonVersion && semver.coerce(e.pythonVersion)?.version;
        for (const rule of REQUIREMENTS.python) {
          if (v && py && semver.satisfies(v, rule.litellm) && !semver.satisfies(py, rule.python)) {
            out.push({ status: 'fail', diagnosis: 'python-unsupported', message: `${where(e)}: litellm ${e.litellm!.version} on Python ${e.pythonVersion}: ${rule.why}`, fix: `recreate the venv with Python ${rule.python.replace('>=', '≥ ').replace('<', '< ')}` });
          }
        }
      }
      return out.length > 0 ? out : { status: 'ok', message: 'versions fit what ccenv generates' };
    },
  },
  {
    code: 'proxy-process',
    title: 'Routing flag in the running proxy',
    network: false,
    run: (f) => {
      const url = f.proxyUrl;
      let port: number | undefined;
      try {
        if (url) port = Number(new URL(url).port || (url.startsWith('https:') ? 443 : 80));
      } catch {
        port = undefined;
      }
      const mine = f.processes.filter((p) => port === undefined || p.port === port);
      if (mine.length === 0) return { status: 'skip', message: `no running LiteLLM proxy of this user${port ? ` on port ${port}` : ''} (Linux /proc)` };
      return mine.map((p): CheckResult => {
        if (p.routingFlag) return { status: 'ok', message: `pid ${p.pid}: ${CHAT_COMPLETIONS_ROUTING.envVar}=${p.routingFlag}${/^(false|0|no|off)$/i.test(p.routingFlag) ? ' (any non-empty value turns it ON)' : ''}` };
        return { status: 'warn', diagnosis: 'routing-flag-unset', message: `pid ${p.pid} (${p.cmdline.slice(0, 120)}): ${CHAT_COMPLETIONS_ROUTING.envVar} is ${p.routingFlag === '' ? 'empty (which LiteLLM reads as off)' : 'not in its environment'}; fine only if its config sets litellm_settings.${CHAT_COMPLETIONS_ROUTING.settingsKey}`, fix: 'start it with the generated env (ccenv gen env / systemd / launchd / compose), or regenerate its config with ccenv gen litellm-config' };
      });
    },
  },
];
