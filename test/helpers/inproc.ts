import { main } from '../../src/cli.js';
import type { Ran } from './run.js';

/**
 * Run the ccenv CLI in this process (no build, no child process): `main(argv)` with captured stdout and
 * stderr. For the unit project; the real project runs the built bin instead (helpers/run.ts `ccenv`).
 */
export async function cli(argv: string[], opts: { env?: NodeJS.ProcessEnv } = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (s) => (stdout += s), err: (s) => (stderr += s), env: opts.env ?? process.env });
  return { code, stdout, stderr };
}
