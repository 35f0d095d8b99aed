import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The built CLI (tests run after `npm run build`). */
export const BIN = join(ROOT, 'bin/ccenv.cjs');
/** The real Claude Code CLI from devDependencies. */
export const CLAUDE = join(ROOT, 'node_modules/.bin/claude');
/** The LiteLLM venv made by scripts/test.mjs. */
export const VENV = process.env.CCENV_TEST_VENV ?? join(ROOT, '.venv-litellm');
