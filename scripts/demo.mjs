#!/usr/bin/env node
// `npm run demo`: the main job on the bundled example profiles (examples/profiles.yaml), offline.
// Writes out/demo/config.yaml with `ccenv gen litellm-config`, prints the profiles (`ccenv list`) and the
// zsh functions (`ccenv shell zsh`), then loads the bash functions in a real bash and calls claude-kimi with a
// stand-in `claude` that shows the environment Claude Code would get (no network is used).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const profiles = join(root, 'examples/profiles.yaml');
const out = join(root, 'out/demo');
const ccenv = (...args) => execFileSync(process.execPath, [join(root, 'bin/ccenv.cjs'), ...args, '--profiles', profiles], { encoding: 'utf8' });
const section = (title) => process.stdout.write(`\n=== ${title}\n`);

mkdirSync(out, { recursive: true });
rmSync(join(out, 'config.yaml'), { force: true });
ccenv('gen', 'litellm-config', '-o', join(out, 'config.yaml'));
section('ccenv list');
process.stdout.write(ccenv('list'));
section(`ccenv gen litellm-config -o ${join('out/demo', 'config.yaml')}`);
process.stdout.write(execFileSync('cat', [join(out, 'config.yaml')], { encoding: 'utf8' }));
section('ccenv shell zsh (first function)');
process.stdout.write(`${ccenv('shell', 'zsh').split('unalias claude-deepseek')[0]}…\n`);

section('eval "$(ccenv shell bash)"; claude-kimi -p "hello"   (with a stand-in claude that prints its environment)');
const stub = mkdtempSync(join(tmpdir(), 'ccenv-demo-'));
writeFileSync(join(stub, 'claude'), '#!/bin/sh\necho "claude $*"\nenv | grep -E "^(ANTHROPIC|CLAUDE_CODE|CCENV_PROFILE|API_TIMEOUT)" | sed "s/^ANTHROPIC_AUTH_TOKEN=.*/ANTHROPIC_AUTH_TOKEN=<redacted>/" | sort\n');
chmodSync(join(stub, 'claude'), 0o755);
const shellCode = ccenv('shell', 'bash');
process.stdout.write(
  execFileSync('bash', ['--noprofile', '--norc', '-c', `${shellCode}\nclaude-kimi -p hello`], {
    encoding: 'utf8',
    env: { PATH: `${stub}:${process.env.PATH}`, HOME: stub, LITELLM_MASTER_KEY: 'sk-demo-FAKE', ANTHROPIC_API_KEY: 'sk-ant-demo-FAKE' },
  }),
);
process.stdout.write('\n(ANTHROPIC_API_KEY was set in the calling shell; claude-kimi removed it for this call only.)\n');
rmSync(stub, { recursive: true, force: true });
