import { spawn } from 'node:child_process';
import { BIN } from './paths.js';

/** Result of a finished child process. */
export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run a program to completion with an optional stdin and a hard timeout (ms; the child is killed after it).
 * Never rejects on a non-zero exit.
 */
export function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string; timeoutMs?: number } = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (child.stdin) {
      child.stdin.on('error', () => {}); // a child that exits before reading its input is not an error here
      child.stdin.end(opts.input);
    }
  });
}

/** Run the built `ccenv` with `args` under the Node running the tests. */
export function ccenv(args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): Promise<Ran> {
  return run(process.execPath, [BIN, ...args], opts);
}

/** Whether process `pid` exists: the same test `ccenv proxy` uses. */
export { processAlive as alive } from '../../src/gen/proxy-folder.js';
