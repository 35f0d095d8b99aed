#!/usr/bin/env node
// Thin bin: enable Node's on-disk compile cache (Node ≥ 22.1), then hand over to the CLI.
import module from 'node:module';
try { module.enableCompileCache?.(); } catch { /* cache is an optimisation only */ }
// A closed pipe (`ccenv … | head`) is a normal end, not a crash.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); throw e; });
const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
