#!/usr/bin/env node
// Thin bin (CommonJS: no ESM loader start-up for the commands that run often). Enables Node's on-disk compile
// cache, runs `ccenv shell` and `ccenv validate` from the small dist/fast.cjs, everything else from dist/cli.js.
'use strict';
try {
  require('node:module').enableCompileCache?.();
} catch {
  /* the cache is an optimisation only */
}
const argv = process.argv.slice(2);
(async () => {
  if (argv[0] === 'shell' || argv[0] === 'validate') {
    const code = await require('../dist/fast.cjs').runFast(argv);
    if (code !== undefined) return (process.exitCode = code);
  }
  const { main } = await import('../dist/cli.js');
  process.exitCode = await main(argv);
})();
