#!/usr/bin/env node
// Thin bin: enable Node's on-disk compile cache (Node ≥ 22.1), then hand over to the CLI.
import module from 'node:module';
try { module.enableCompileCache?.(); } catch { /* cache is an optimisation only */ }
const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
