// One temporary directory per test run: every test's mkdtemp(tmpdir(), …) lands in it (TMPDIR is set before the
// workers start, and they inherit it), and it is removed when the run ends — a LiteLLM venv the walkthrough installs
// is 750 MB, so directories left behind by each run would fill the disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** vitest globalSetup: points TMPDIR at a fresh directory; the returned teardown removes it. */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'ccenv-test-run-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(dir, { recursive: true, force: true });
  };
}
