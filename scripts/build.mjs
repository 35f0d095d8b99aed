#!/usr/bin/env node
// `npm run build`: (1) precompile the profiles JSON Schema into a standalone ajv validator
// (src/generated/profiles-validator.js), so loading profiles never compiles a schema at run time;
// (2) type-check with tsc; (3) bundle src/cli.ts with esbuild into dist/, split by dynamic import, so
// `ccenv shell` loads only the loader, yaml and the renderer (its cost: bench/startup.mjs).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMAS, validatorSource } from './validators.mjs';

const root = new URL('..', import.meta.url).pathname;

// A build id: a hash of everything that goes into the bundle, so caches from another build are not trusted.
const hash = createHash('sha256');
for (const dir of ['src', 'templates', 'schema']) {
  for (const f of readdirSync(join(root, dir), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort()) {
    hash.update(f.slice(root.length)).update(readFileSync(f));
  }
}
hash.update(readFileSync(join(root, 'package.json')));
const buildId = hash.digest('hex').slice(0, 16);
const define = { __CCENV_BUILD__: JSON.stringify(buildId) };
// `--if-stale` (npm's prepare, and npm test): nothing to do when dist/ was built from exactly these sources.
const stamp = join(root, 'dist/.build-id');
if (process.argv.includes('--if-stale') && existsSync(stamp) && readFileSync(stamp, 'utf8') === buildId) process.exit(0);

for (const name of SCHEMAS) writeFileSync(join(root, `src/generated/${name}-validator.js`), validatorSource(root, name));

execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(root, 'tsconfig.json'), '--noEmit'], { stdio: 'inherit' });

rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'src/cli.ts')],
  outdir: join(root, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  define,
  // CommonJS dependencies (ajv, undici) call require(); give the ESM chunks one.
  banner: { js: "import { createRequire as __ccenvCreateRequire } from 'node:module'; const require = __ccenvCreateRequire(import.meta.url);" },
});
// The start-up-critical paths (`ccenv shell`, `ccenv validate`) as one CommonJS file: loads without the ESM
// loader or yargs; the profiles loader (yaml, the validators) is inlined but only evaluated when needed.
await build({
  entryPoints: [join(root, 'src/fast-main.ts')],
  outfile: join(root, 'dist/fast.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  logLevel: 'warning',
  define: { ...define, 'import.meta.url': '__ccenvImportMetaUrl' },
  banner: { js: "const __ccenvImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
writeFileSync(stamp, buildId);
