import semver from 'semver';
import { advisoriesFor, dataAgeDays, STALE_AFTER_DAYS, type AdvisoryData, type AdvisoryHit } from '../advisories/data.js';
import { withinSpan } from '../advisories/osv.js';
import { BAD_PAIRS, REQUIREMENTS } from '../knowledge/advisories.js';
import { CHAT_COMPLETIONS_ROUTING, PINNED } from '../knowledge/litellm.js';
import { matchSignature } from '../knowledge/signatures.js';
import { printable } from '../util/text.js';
import { couldNotLook, ok, skip, type Check, type CheckResult } from './check.js';
import { valueOf } from './fact.js';
import { proxyPort, type Facts } from './facts.js';
import { pyVersion, type PythonEnv } from './installs.js';

/** Which advisory data was used, and how old it is (for messages). */
function provenance(d: AdvisoryData, now: number): string {
  return `advisory data: ${d.sources.map((x) => `${x.kind === 'cache' ? 'OSV fetch' : 'shipped OSV snapshot'} of ${x.date.slice(0, 10)} (${x.records} records)`).join(' + ') || 'none'}, ${dataAgeDays(d, now)} days old, and ${d.curated.length} curated entries`;
}

const idOf = (h: AdvisoryHit) => `${h.id}${h.aliases.length ? ` (${h.aliases.join(', ')})` : ''}`;

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
      const data = valueOf(f.advisories);
      if (!data) return couldNotLook('the advisory data', f.advisories.state === 'invalid' ? f.advisories.error : 'none');
      const out: CheckResult[] = [];
      const payload = data.curated.find((a) => a.kind === 'compromised')!; // a stray litellm_init.pth is its payload
      for (const e of envs) {
        const hit = e.litellm && advisoriesFor(data, 'litellm', e.litellm.version).find((h) => h.kind === 'compromised');
        if (!hit && e.pth.length === 0) continue;
        const files = [...e.pth, ...(hit ? [e.litellm!.path] : [])];
        const since = e.litellm?.installed || undefined;
        const about = hit ?? { summary: payload.summary, fix: payload.fix };
        out.push({
          status: 'fail',
          diagnosis: 'litellm-compromised',
          message: `${where(e)}: ${hit ? `litellm ${e.litellm!.version} is a compromised release (${idOf(hit)})` : 'litellm_init.pth is present (the 1.82.8 payload, which survives upgrades)'} — ${about.summary}`,
          details: [...files.map((p) => `file: ${p}`), `exposure window: from ${since ?? 'the install'} until removal; the releases were on PyPI 2026-03-24 from 10:39 UTC for about 40 minutes`],
          fix: `${about.fix}: rm -rf ${e.root}${e.pth.length ? ` (and ${e.pth.join(', ')})` : ''}`,
        });
      }
      return out.length > 0 ? out : ok(`no compromised release in ${envs.length} environment(s)`);
    },
  },
  {
    code: 'litellm-advisories',
    title: 'litellm / openai advisories',
    network: false,
    run: (f) => {
      const envs = environments(f);
      if (!Array.isArray(envs)) return envs;
      const data = valueOf(f.advisories);
      if (!data) return couldNotLook('the advisory data', f.advisories.state === 'invalid' ? f.advisories.error : 'none');
      const versions = litellmVersions(f, envs);
      const openai = envs.filter((e) => e.openai).map((e) => ({ label: `openai ${e.openai!.version} in ${where(e)}`, version: e.openai!.version }));
      if (versions.length === 0) return nothing();
      const out: CheckResult[] = [];
      const checked = [...versions.map((v) => ({ ...v, pkg: 'litellm' as const })), ...openai.map((v) => ({ ...v, pkg: 'openai' as const }))];
      for (const { label, version, pkg } of checked) {
        for (const h of advisoriesFor(data, pkg, version).filter((x) => x.kind !== 'compromised')) {
          const status = h.kind === 'suspect' ? 'warn' : h.severity === 'critical' || h.severity === 'high' ? 'fail' : 'warn';
          out.push({ status, diagnosis: h.id, message: `${label}: ${idOf(h)} (${h.severity}${h.kind === 'suspect' ? ', unconfirmed' : ''}): ${printable(h.summary, 300)}`, fix: h.fix, details: [`source: ${h.source}`] });
        }
      }
      const age = dataAgeDays(data, f.now);
      if (age > STALE_AFTER_DAYS) out.push({ status: 'warn', diagnosis: 'advisories-stale', message: `the advisory data is ${age} days old (older than ${STALE_AFTER_DAYS}): advisories published since are not known here`, details: [provenance(data, f.now)], fix: 'ccenv advisories --update (fetches the current OSV records for litellm and openai)' });
      return out.length > 0 ? out : ok(`no known advisory applies to ${versions.map((v) => `litellm ${v.version}`).concat(openai.map((v) => `openai ${v.version}`)).join(', ')}`, { details: [provenance(data, f.now)] });
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
        const pair = e.openai && BAD_PAIRS.find((p) => withinSpan(e.litellm!.version, p.litellm) && withinSpan(e.openai!.version, p.openai));
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
  {
    code: 'proxy-started',
    title: 'The proxy ccenv proxy start started',
    network: false,
    run: (f) => {
      const s = f.started;
      if (s.state !== 'ok') return s.state === 'absent' ? skip(s.why) : couldNotLook('the pid file of ccenv proxy start', s.error);
      const p = s.value;
      const who = `pid ${p.pid}${p.how === 'service' ? ' (under the service manager)' : ''}`;
      if (!p.running) return { status: 'warn', diagnosis: 'proxy-stopped', message: `${p.pidFile} names pid ${p.pid}, which no longer runs LiteLLM: the proxy ccenv started has stopped`, fix: 'ccenv proxy logs shows why; ccenv proxy start starts it again' };
      const port = proxyPort(f.proxyUrl);
      if (p.port !== undefined && port !== undefined && p.port !== port) return { status: 'warn', diagnosis: 'proxy-port-mismatch', message: `${who} listens on port ${p.port}, but the profiles' proxy is on ${port}`, fix: `ccenv proxy stop${p.how === 'service' ? ' --service' : ''} && ccenv proxy start${p.how === 'service' ? ' --service' : ''}` };
      if (p.drift === undefined) return skip(`${who} runs; its config cannot be read here to compare with the profiles (Linux /proc)`);
      if (p.drift.length > 0) return { status: 'warn', diagnosis: 'proxy-config-drift', message: `${who} serves ${printable(p.config!)}, but ${p.drift.join(', ')} in its folder differ from what the profiles generate now`, fix: `ccenv proxy stop${p.how === 'service' ? ' --service' : ''} && ccenv proxy start${p.how === 'service' ? ' --service' : ''} (regenerates the folder and restarts it)` };
      return ok(`${who} serves ${printable(p.config!)}, which matches the profiles`);
    },
  },
];
