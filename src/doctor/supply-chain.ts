import semver from 'semver';
import { ADVISORIES, BAD_PAIRS, REQUIREMENTS, type Advisory } from '../knowledge/advisories.js';
import { CHAT_COMPLETIONS_ROUTING, PINNED } from '../knowledge/litellm.js';
import { matchSignature } from '../knowledge/signatures.js';
import { printable } from '../util/text.js';
import { couldNotLook, ok, skip, type Check, type CheckResult } from './check.js';
import { valueOf } from './fact.js';
import { proxyPort, type Facts } from './facts.js';
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

/** Where doctor looks for litellm, for messages that found nothing. */
const LOOKED = 'the profiles file litellm.python, the running proxies, ~/.config/litellm/venv, pipx, uv tools, $VIRTUAL_ENV, python3 on PATH';

/**
 * The environments with litellm to judge, or the result that says why there is nothing to judge: installs that
 * could not be gathered are a warning, none found a skip — never an OK about nothing.
 */
function environments(f: Facts): PythonEnv[] | CheckResult {
  const i = f.installs;
  if (i.state === 'invalid') return couldNotLook('the Python environments', i.error);
  if (i.state === 'absent') return skip(i.why);
  return i.value;
}

/** Installed litellm versions to judge: each environment's, and the running proxy's own report. */
function litellmVersions(f: Facts, envs: readonly PythonEnv[]): Array<{ label: string; version: string }> {
  const out = envs.filter((e) => e.litellm).map((e) => ({ label: `litellm ${e.litellm!.version} in ${where(e)}`, version: e.litellm!.version }));
  const h = valueOf(f.health);
  if (h?.version) out.push({ label: `litellm ${printable(h.version, 40)} (the running proxy at ${h.url})`, version: h.version });
  return out;
}

const nothing = () => skip(`no litellm installation found to check (looked in: ${LOOKED})`);

/** Supply-chain and version checks, appended to doctor's checks. */
export const SUPPLY_CHAIN_CHECKS: readonly Check[] = [
  {
    code: 'litellm-compromised',
    title: 'Compromised litellm',
    network: false,
    run: (f) => {
      const envs = environments(f);
      if (!Array.isArray(envs)) return envs;
      if (envs.length === 0) return nothing();
      const out: CheckResult[] = [];
      const mal = ADVISORIES.filter((a) => a.kind === 'compromised');
      for (const e of envs) {
        const hit = e.litellm && mal.find((a) => inRange(e.litellm!.version, a.affected));
        if (!hit && e.pth.length === 0) continue;
        const about = hit ?? mal[0]!; // a stray litellm_init.pth is the payload of that compromised release
        const files = [...e.pth, ...(hit ? [e.litellm!.path] : [])];
        const since = e.litellm?.installed || undefined;
        out.push({
          status: 'fail',
          diagnosis: 'litellm-compromised',
          message: `${where(e)}: ${hit ? `litellm ${e.litellm!.version} is a compromised release` : 'litellm_init.pth is present (the 1.82.8 payload, which survives upgrades)'} — ${about.summary}`,
          details: [...files.map((p) => `file: ${p}`), `exposure window: from ${since ?? 'the install'} until removal; the releases were on PyPI 2026-03-24 from 10:39 UTC for about 40 minutes`],
          fix: `${about.fix}: rm -rf ${e.root}${e.pth.length ? ` (and ${e.pth.join(', ')})` : ''}`,
        });
      }
      return out.length > 0 ? out : ok(`no compromised release in ${envs.length} environment(s)`);
    },
  },
  {
    code: 'litellm-advisories',
    title: 'litellm advisories',
    network: false,
    run: (f) => {
      const envs = environments(f);
      if (!Array.isArray(envs)) return envs;
      const versions = litellmVersions(f, envs);
      if (versions.length === 0) return nothing();
      const out: CheckResult[] = [];
      for (const { label, version } of versions) {
        for (const a of advisoriesFor('litellm', version).filter((x) => x.kind !== 'compromised')) {
          out.push({ status: a.severity === 'critical' || a.severity === 'high' ? (a.kind === 'suspect' ? 'warn' : 'fail') : 'warn', diagnosis: a.id, message: `${label}: ${a.id} (${a.severity}): ${a.summary}`, fix: `${a.fix}${a.fixed ? ` — fixed in ${a.fixed}` : ''}`, details: [`source: ${a.source}`] });
        }
      }
      return out.length > 0 ? out : ok(`no known advisory applies to ${versions.map((v) => v.version).join(', ')}`);
    },
  },
  {
    code: 'openai-pair',
    title: 'litellm / openai pair',
    network: false,
    run: (f) => {
      const envs = environments(f);
      if (!Array.isArray(envs)) return envs;
      const withLitellm = envs.filter((x) => x.litellm);
      if (withLitellm.length === 0) return nothing();
      const imports = valueOf(f.imports);
      const out: CheckResult[] = [];
      for (const e of withLitellm) {
        const pair = e.openai && BAD_PAIRS.find((p) => inRange(e.litellm!.version, p.litellm) && inRange(e.openai!.version, p.openai));
        if (pair) out.push({ status: 'warn', diagnosis: pair.id, message: `${where(e)}: litellm ${e.litellm!.version} with openai ${e.openai!.version}: ${pair.summary}`, fix: pair.fix, details: [`source: ${pair.source}`] });
        const err = imports?.get(e.root);
        const sig = err ? matchSignature(err) : undefined;
        if (err) out.push({ status: 'fail', diagnosis: sig?.code ?? 'import-failed', message: `${where(e)}: import litellm.proxy.proxy_server fails: ${printable(err, 300)}`, fix: sig?.fix ?? `reinstall: ${e.python ?? 'python'} -m pip install 'litellm[proxy]==${PINNED.litellm}' 'openai==${PINNED.openai}'` });
        else if (err === null && !pair) out.push(ok(`${where(e)}: litellm ${e.litellm!.version} with openai ${e.openai?.version ?? '?'} imports`));
      }
      if (out.length > 0) return out;
      return ok(`no known-bad litellm/openai pair in ${withLitellm.length} environment(s)${imports ? '' : ' (--deep also imports the proxy)'}`);
    },
  },
  {
    code: 'litellm-version',
    title: 'litellm and Python versions',
    network: false,
    run: (f) => {
      const envs = environments(f);
      if (!Array.isArray(envs)) return envs;
      const withLitellm = envs.filter((x) => x.litellm);
      if (withLitellm.length === 0) return nothing();
      const out: CheckResult[] = [];
      const min = REQUIREMENTS.litellmMin;
      for (const e of withLitellm) {
        const v = pyVersion(e.litellm!.version);
        if (v && semver.lt(v, min.version)) out.push({ status: 'warn', diagnosis: 'litellm-too-old', message: `${where(e)}: litellm ${e.litellm!.version} is older than ${min.version}: ${min.why}`, fix: `upgrade: ${e.python ?? 'python'} -m pip install 'litellm[proxy]' -c <(ccenv gen requirements)` });
        const py = e.pythonVersion && semver.coerce(e.pythonVersion)?.version;
        for (const rule of REQUIREMENTS.python) {
          if (v && py && semver.satisfies(v, rule.litellm) && !semver.satisfies(py, rule.python)) {
            out.push({ status: 'fail', diagnosis: 'python-unsupported', message: `${where(e)}: litellm ${e.litellm!.version} on Python ${e.pythonVersion}: ${rule.why}`, fix: `recreate the venv with Python ${rule.python.replace('>=', '≥ ').replace('<', '< ')}` });
          }
        }
      }
      return out.length > 0 ? out : ok(`versions fit what ccenv generates (${withLitellm.length} environment(s))`);
    },
  },
  {
    code: 'proxy-process',
    title: 'Routing flag in the running proxy',
    network: false,
    run: (f) => {
      const procs = f.processes;
      if (procs.state !== 'ok') return procs.state === 'absent' ? skip(procs.why) : couldNotLook('the running processes', procs.error);
      const port = proxyPort(f.proxyUrl);
      const mine = procs.value.filter((p) => port === undefined || p.port === port);
      if (mine.length === 0) return skip(`no running LiteLLM proxy of this user${port ? ` on port ${port}` : ''} (Linux /proc)`);
      return mine.map((p): CheckResult => {
        const flag = CHAT_COMPLETIONS_ROUTING.envVar;
        if (p.routingFlag) return ok(`pid ${p.pid}: ${flag}=${printable(p.routingFlag, 40)}${/^(false|0|no|off)$/i.test(p.routingFlag) ? ' (any non-empty value turns it ON)' : ''}`);
        if (p.config?.routing === true) return ok(`pid ${p.pid}: its config ${p.config.path} sets litellm_settings.${CHAT_COMPLETIONS_ROUTING.settingsKey}: true`);
        const env = p.routingFlag === '' ? 'empty (which LiteLLM reads as off)' : 'not in its environment';
        const cfg = p.config ? (p.config.routing === false ? `and its config ${p.config.path} does not set litellm_settings.${CHAT_COMPLETIONS_ROUTING.settingsKey}` : `and its config ${p.config.path} cannot be read to tell`) : 'and it was started without --config';
        return { status: 'warn', diagnosis: 'routing-flag-unset', message: `pid ${p.pid} (${printable(p.cmdline, 120)}): ${flag} is ${env}, ${cfg}: /v1/messages for openai/ models goes to the upstream's /v1/responses`, fix: 'start it with the generated env (ccenv gen env / systemd / launchd / compose), or regenerate its config with ccenv gen litellm --dir DIR' };
      });
    },
  },
];
