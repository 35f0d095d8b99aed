#!/usr/bin/env node
// Thin bin (CommonJS: no ESM loader start-up for the commands that run often). Enables Node's on-disk compile
// cache, runs `ccenv shell` and `ccenv validate` from the small dist/fast.cjs, everything else from dist/cli.js.
// Without a Node it supports, or without the bundle (a clean checkout: `npm run build` makes it), it says so in
// one line and exits 2 — for `ccenv shell`, as shell code that prints that line (exit 0), so no shell start breaks.
'use strict';
const argv = process.argv.slice(2);
const dist = require('node:path').join(__dirname, '..', 'dist');
const major = Number(process.versions.node.split('.')[0]);
const problem =
  major < 22
    ? `ccenv needs Node.js 22 or newer; this is Node.js ${process.versions.node} (${process.execPath})`
    : !require('node:fs').existsSync(require('node:path').join(dist, 'cli.js'))
      ? `ccenv is not built (${dist} is missing): run \`npm ci && npm run build\` in ${require('node:path').dirname(__dirname)}, or install the tarball \`npm pack\` makes`
      : undefined;
if (problem !== undefined) {
  const safe = problem.replace(/[\x00-\x1f\x7f]/g, '?');
  if (argv[0] === 'shell' && !argv.includes('--help')) {
    const fish = argv.includes('fish') || (!argv.some((a) => a === 'bash' || a === 'zsh') && /fish$/.test(process.env.SHELL || ''));
    const quoted = fish ? `'${safe.replace(/[\\']/g, (c) => `\\${c}`)}'` : `'${safe.replace(/'/g, `'\\''`)}'`;
    process.stdout.write(`printf '%s\\n' ${quoted} >&2\n`);
  } else {
    process.stderr.write(`ccenv: ${safe}\n`);
    process.exitCode = 2;
  }
} else {
  try {
    require('node:module').enableCompileCache?.();
  } catch {
    /* the cache is an optimisation only */
  }
  (async () => {
    if (argv[0] === 'shell' || argv[0] === 'validate') {
      const code = await require('../dist/fast.cjs').runFast(argv);
      if (code !== undefined) return (process.exitCode = code);
    }
    const { main } = await import('../dist/cli.js');
    process.exitCode = await main(argv);
  })();
}
