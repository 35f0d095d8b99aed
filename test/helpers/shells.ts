import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type Ran } from './run.js';

/**
 * A folder holding a stub `claude` (POSIX sh) that prints its argv and environment NUL-separated:
 * `ARGV\0arg1\0…ENV\0K=V\0…`. Put it first on PATH to see exactly what a profile function passes.
 */
export function stubClaudeDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ccenv-stub-'));
  const stub = join(dir, 'claude');
  writeFileSync(stub, `#!/bin/sh\nprintf 'ARGV\\0'\nfor a in "$@"; do printf '%s\\0' "$a"; done\nprintf 'ENV\\0'\nexec env -0\n`);
  chmodSync(stub, 0o755);
  return dir;
}

/** What the stub saw. */
export interface StubCall {
  argv: string[];
  env: Record<string, string>;
}

/** Parse the stub's output; everything printed before `ARGV\0` is returned as `before`. */
export function parseStub(stdout: string): StubCall & { before: string } {
  const at = stdout.indexOf('ARGV\0');
  if (at < 0) throw new Error(`stub claude did not run; stdout: ${JSON.stringify(stdout)}`);
  const [argvPart, envPart = ''] = stdout.slice(at + 5).split('ENV\0');
  const argv = argvPart!.split('\0').slice(0, -1);
  const env: Record<string, string> = {};
  for (const entry of envPart.split('\0').slice(0, -1)) {
    const eq = entry.indexOf('=');
    env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return { before: stdout.slice(0, at), argv, env };
}

/**
 * Run `script` in a real shell with strict options (bash -euo pipefail, zsh -f -eu -o pipefail,
 * fish --no-config --private), with `code` available as the file $CODE and extra positional arguments.
 * In bash/zsh the arguments are "$@"; in fish $argv.
 */
export async function inShell(shell: 'bash' | 'zsh' | 'fish', code: string, script: string, args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  const dir = mkdtempSync(join(tmpdir(), 'ccenv-code-'));
  const file = join(dir, `init.${shell}`);
  writeFileSync(file, code);
  const fullEnv = { ...env, CODE: file };
  switch (shell) {
    case 'bash':
      return run('bash', ['--noprofile', '--norc', '-euo', 'pipefail', '-c', script, 'bash', ...args], { env: fullEnv });
    case 'zsh':
      return run('zsh', ['-f', '-eu', '-o', 'pipefail', '-c', script, 'zsh', ...args], { env: fullEnv });
    case 'fish':
      return run('fish', ['--no-config', '--private', '-c', script, '--', ...args], { env: { ...fullEnv, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir } });
  }
}

/** Per shell: load the code from $CODE the way a user does (eval / source), then run `call`. */
export function loadThen(shell: 'bash' | 'zsh' | 'fish', call: string): string {
  return shell === 'fish' ? `source $CODE; and ${call}` : `eval "$(cat "$CODE")"; ${call}`;
}

/** Call `fn` with the script's own arguments, per shell. */
export function callWithArgs(shell: 'bash' | 'zsh' | 'fish', fn: string): string {
  return shell === 'fish' ? `${fn} $argv` : `${fn} "$@"`;
}
