// One dispatcher: the bin tries the fast path (no yargs) for `shell`, `validate`, `doctor` and `explain`, else the
// yargs CLI. For every argv the fast path either defers (undefined) or does exactly what yargs does with it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runYargs } from '../../src/commands/index.js';
import { CLI_FAST_COMMANDS } from '../../src/cli.js';
import { runFastWith } from '../../src/fast-main.js';
import { guarded, type Io } from '../../src/util/io.js';
import { ROOT } from '../helpers/paths.js';

const EXAMPLE = join(ROOT, 'examples/profiles.yaml');
const home = mkdtempSync(join(tmpdir(), 'ccenv-dispatch-'));
const bad = join(home, 'bad.yaml');
writeFileSync(bad, 'profiles:\n  k: { modle: x }\n');
const env = { HOME: home, XDG_CACHE_HOME: join(home, 'cache'), PATH: '/usr/bin:/bin', SHELL: '/bin/zsh' };

function capture(): { io: Io; out: () => { stdout: string; stderr: string } } {
  let stdout = '';
  let stderr = '';
  return { io: { out: (s) => (stdout += s), err: (s) => (stderr += s), env }, out: () => ({ stdout, stderr }) };
}

describe('fast path and yargs agree', () => {
  it.each([
    [['shell', 'bash', '--profiles', EXAMPLE]],
    [['shell', 'zsh', `--profiles=${EXAMPLE}`]],
    [['shell', 'fish', '--profiles', EXAMPLE, '-q']],
    [['shell', '--profiles', EXAMPLE]],
    [['shell', 'bash', '--profiles', bad]],
    [['shell', 'tcsh', '--profiles', EXAMPLE]],
    [['shell', 'bash', 'zsh', '--profiles', EXAMPLE]],
    [['shell', 'bash', '--bogus']],
    [['shell', 'bash', '--profiles']],
    [['validate', EXAMPLE]],
    [['validate', '--json', EXAMPLE]],
    [['validate', '--quiet', EXAMPLE, bad]],
    [['validate', '--list']],
    [['validate', '--bogus', EXAMPLE]],
    [['validate', '--litellm-config']],
    [['doctor', '--list']],
    [['doctor', '--explain', 'Requests with max_tokens > 4096 must have stream=true']],
    [['doctor', '--explain=nothing we know']],
    [['doctor', 'modles', '--offline']],
    [['doctor', '--offline', '--json', 'profiles', 'shell', '--profiles', EXAMPLE]],
    [['doctor', '--offline', '--timeout', '0', '--profiles', EXAMPLE]],
    [['doctor', '--timeout']],
    [['doctor', '--no-json', '--list']],
    [['doctor', '--list', '--list']],
    [['doctor', '--bogus']],
    [['explain', 'Requests with max_tokens > 4096 must have stream=true']],
    [['explain', '--json', 'connect ECONNREFUSED 127.0.0.1:4000']],
    [['explain', 'nothing we know', '-q']],
    [['explain', 'two', 'texts']],
    [['explain', '--json=false', 'x']],
    [['explain', '--bogus', 'x']],
  ])('%j', async (argv) => {
    const fast = capture();
    const code = await runFastWith(CLI_FAST_COMMANDS, argv, fast.io);
    const slow = capture();
    const yCode = await guarded(slow.io, () => runYargs(argv, slow.io));
    if (code === undefined) {
      expect(fast.out()).toEqual({ stdout: '', stderr: '' }); // deferred without a word
      return;
    }
    expect(code).toBe(yCode);
    const norm = (o: { stdout: string; stderr: string }) => ({ ...o, stdout: o.stdout.replace(/"durationMs": \d+/g, '"durationMs": 0').replace(/ \d+ ms/g, ' N ms') });
    expect(norm(fast.out())).toEqual(norm(slow.out()));
  });
});
