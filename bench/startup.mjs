#!/usr/bin/env node
// `npm run bench`: start-up costs side by side in ONE hyperfine run (apt: hyperfine), as ratios against Node's
// own start-up, with the targets of issue 7:
//   ccenv shell zsh                      ≤ 1.25 × node -e 0
//   cached stub sourced in a fresh zsh -f ≤ 5 ms over zsh -f -c exit
//   ccenv validate on the examples       ≤ 1.5 × node -e 0
//   ccenv validate, file changed (cold)  (reported: no parse cache)
//   ccenv doctor --offline               ≤ 150 ms beyond node -e 0 (difference of medians; issue 11)
//   ccenv explain < a 1 MB log           ≤ 300 ms beyond node -e 0 (both through sh, for the redirect; issue 13)
//   ccenv proxy install, nothing to do   ≤ 1 s (issue 16: the venv's stamp, no pip, no import), on the test venv
// Medians of 40 runs after 5 warm-ups. `--check` exits 1 when a target is missed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const node = process.execPath;
const bin = join(root, 'bin/ccenv.cjs');
const profiles = join(root, 'examples/profiles.yaml');
if (spawnSync('hyperfine', ['--version']).error) {
  process.stderr.write('bench: hyperfine is not installed (apt-get install hyperfine)\n');
  process.exit(2);
}
const home = mkdtempSync(join(tmpdir(), 'ccenv-bench-'));
// Removed however the run ends (a step that throws included).
process.on('exit', () => rmSync(home, { recursive: true, force: true }));
const env = { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, '.cache'), NO_COLOR: '1' };
const sh = (cmd) => `'${cmd.replace(/'/g, `'\\''`)}'`;

// The cached stub as a user's .zshrc holds it (and a warm cache, as after the first terminal).
const stub = execFileSync(node, [bin, 'shell', 'zsh', '--cache', '--profiles', profiles], { env, encoding: 'utf8' });
writeFileSync(join(home, 'stub.zsh'), stub);
execFileSync(node, [bin, 'shell', 'zsh', '--profiles', profiles], { env }); // warm the parse cache too

// A 1 MB LiteLLM debug log with one real error line in it.
const log = join(home, 'litellm.log');
const logLines = Array.from({ length: 10_000 }, (_, i) => `14:53:${String(i % 60).padStart(2, '0')} - LiteLLM Proxy:DEBUG: proxy_server.py:${2000 + (i % 900)} - request ${i} routed to deployment kimi-k2.5 ok`);
logLines.splice(7_000, 0, 'litellm.BadRequestError: OpenAIException - Requests with max_tokens > 4096 must have stream=true. Received Model Group=kimi');
writeFileSync(log, `${logLines.join('\n')}\n`);

// A verified venv for `proxy install` with nothing to do: the test venv (npm test creates it), verified once here.
const venv = join(root, '.venv-litellm');
const haveVenv = existsSync(join(venv, 'bin/python'));
if (haveVenv) execFileSync(node, [bin, 'proxy', 'install', '-q', '--venv', venv], { env, stdio: ['ignore', 'ignore', 'inherit'] });

const commands = [
  ['node -e 0', `${sh(node)} -e 0`],
  ['ccenv shell zsh', `${sh(node)} ${sh(bin)} shell zsh --profiles ${sh(profiles)}`],
  ['ccenv validate examples', `${sh(node)} ${sh(bin)} validate ${sh(profiles)}`],
  ['ccenv validate (cold)', `env XDG_CACHE_HOME=/dev/null/none ${sh(node)} ${sh(bin)} validate ${sh(profiles)}`],
  ['ccenv doctor --offline', `${sh(node)} ${sh(bin)} doctor --offline --profiles ${sh(profiles)}`],
  ['zsh -f -c exit', `zsh -f -c exit`],
  ['sh: node -e 0', `sh -c ${sh(`${sh(node)} -e 0 < ${sh(log)}`)}`],
  ['sh: ccenv explain < 1 MB log', `sh -c ${sh(`${sh(node)} ${sh(bin)} explain < ${sh(log)}`)}`],
  ['cached stub in zsh -f', `zsh -f -c ${sh(`. ${join(home, 'stub.zsh')}; exit`)}`],
  ...(haveVenv ? [['ccenv proxy install (nothing to do)', `${sh(node)} ${sh(bin)} proxy install -q --venv ${sh(venv)}`]] : []),
];
const out = join(home, 'hyperfine.json');
execFileSync('hyperfine', ['-N', '-i', '-w', '5', '-r', '40', '--export-json', out, ...commands.flatMap(([name, cmd]) => ['-n', name, cmd])], { env, stdio: ['ignore', 'ignore', 'inherit'] });
const results = Object.fromEntries(JSON.parse(readFileSync(out, 'utf8')).results.map((r) => [r.command, r.median * 1000]));
const base = results['node -e 0'];
const ratio = (name) => results[name] / base;
const rows = [
  ['ccenv shell zsh', `${ratio('ccenv shell zsh').toFixed(2)} × node -e 0`, ratio('ccenv shell zsh') <= 1.25, '≤ 1.25 ×'],
  ['cached stub in zsh -f', `+${(results['cached stub in zsh -f'] - results['zsh -f -c exit']).toFixed(1)} ms over zsh -f -c exit`, results['cached stub in zsh -f'] - results['zsh -f -c exit'] <= 5, '≤ 5 ms'],
  ['ccenv validate examples', `${ratio('ccenv validate examples').toFixed(2)} × node -e 0`, ratio('ccenv validate examples') <= 1.5, '≤ 1.5 ×'],
  ['ccenv validate (cold)', `${ratio('ccenv validate (cold)').toFixed(2)} × node -e 0`, true, '(reported: a changed file)'],
  ['ccenv explain < 1 MB log', `+${(results['sh: ccenv explain < 1 MB log'] - results['sh: node -e 0']).toFixed(0)} ms over node -e 0`, results['sh: ccenv explain < 1 MB log'] - results['sh: node -e 0'] <= 300, '≤ 300 ms'],
  ['ccenv doctor --offline', `+${(results['ccenv doctor --offline'] - base).toFixed(0)} ms over node -e 0 (${ratio('ccenv doctor --offline').toFixed(2)} ×)`, results['ccenv doctor --offline'] - base <= 150, '≤ 150 ms'],
  ...(haveVenv ? [['proxy install, nothing to do', `${results['ccenv proxy install (nothing to do)'].toFixed(0)} ms (${ratio('ccenv proxy install (nothing to do)').toFixed(2)} × node -e 0)`, results['ccenv proxy install (nothing to do)'] <= 1000, '≤ 1000 ms']] : []),
];
process.stdout.write(`\nmedians: ${Object.entries(results).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join('; ')}\n`);
for (const [name, value, ok, target] of rows) process.stdout.write(`${ok ? 'OK  ' : 'MISS'} ${name.padEnd(24)} ${value.padEnd(30)} target ${target}\n`);
if (process.argv.includes('--check') && rows.some(([, , ok]) => !ok)) process.exit(1);
