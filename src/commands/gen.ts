import { createTwoFilesPatch } from 'diff';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Io } from '../cli.js';
import { renderHook } from '../gen/hook.js';
import { HOOK, renderLiteLLMConfig } from '../gen/litellm-config.js';
import { renderCompose, renderEnv, renderLaunchd, renderRequirements, renderSystemd, serviceDefaults, type ServiceOptions } from '../gen/service.js';
import { loadProfiles, profilesPath } from '../profiles/load.js';
import type { ProfilesConfig } from '../profiles/types.js';
import { redact } from '../doctor/report.js';
import { UserError } from '../util/errors.js';
import { writeFileAtomic } from '../util/write.js';
import { VERSION } from '../version.js';

/** Options every `ccenv gen` target takes. */
export interface GenArgs {
  profiles?: string;
  output?: string;
  force?: boolean;
  litellm?: string;
  config?: string;
  port?: number;
  image?: string;
  /** Compare with this file instead of writing. */
  check?: string;
}

/** One thing `ccenv gen` can write: its text from the profiles, and notes for stderr. */
interface Target {
  render: (cfg: ProfilesConfig, o: ServiceOptions) => { text: string; notes?: string[] };
}

/** Every `ccenv gen <target>` (help lines live in commands/index.ts, so help loads no generator). */
export const TARGETS: Record<string, Target> = {
  'litellm-config': {
    render: (cfg) => {
      const g = renderLiteLLMConfig(cfg, VERSION);
      const notes = g.hooked ? [...g.notes, `this config loads ${HOOK.fileName} from its own folder: write it there with \`ccenv gen hook -o DIR/${HOOK.fileName}\`, or use \`ccenv gen litellm --dir DIR\``] : g.notes;
      return { text: g.text, notes };
    },
  },
  hook: { render: (cfg) => ({ text: renderHook(cfg, VERSION) }) },
  env: { render: (cfg) => ({ text: renderEnv(cfg, VERSION) }) },
  launchd: { render: (cfg, o) => ({ text: renderLaunchd(cfg, o, VERSION) }) },
  systemd: { render: (cfg, o) => ({ text: renderSystemd(cfg, o, VERSION) }) },
  compose: { render: (cfg, o) => ({ text: renderCompose(cfg, o, VERSION, renderLiteLLMConfig(cfg, VERSION).hooked) }) },
  requirements: { render: () => ({ text: renderRequirements(VERSION) }) },
};

function options(cfg: ProfilesConfig, a: GenArgs): ServiceOptions {
  const d = serviceDefaults(cfg);
  return { ...d, litellm: a.litellm ?? d.litellm, config: a.config ?? d.config, port: a.port ?? d.port, image: a.image ?? d.image };
}

/**
 * `ccenv gen <target> [-o FILE] [--force]`: the target's text to stdout, or atomically to FILE.
 * @throws UserError (exit 2) on a bad profiles file or a refused write; nothing is written then.
 */
export function genTarget(target: string, a: GenArgs, io: Io): number {
  const cfg = loadProfiles(profilesPath(a.profiles, io.env).path);
  const { text, notes = [] } = TARGETS[target]!.render(cfg, options(cfg, a));
  if (a.check) return checkGenerated(a.check, text, io);
  for (const note of notes) io.err(`ccenv: note: ${note}\n`);
  if (a.output) writeFileAtomic(a.output, text, { force: a.force });
  else io.out(text);
  return 0;
}

/** `--check FILE`: 0 when FILE holds exactly what would be generated, else 1 with a unified diff on stdout. */
function checkGenerated(file: string, text: string, io: Io): number {
  let current: string;
  try {
    current = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (current === text) return 0;
  io.out(redact(createTwoFilesPatch(file, `${file} (generated)`, current, text), []));
  io.err(`ccenv: ${file} differs from what ccenv would generate; regenerate it\n`);
  return 1;
}

/**
 * `ccenv gen litellm --dir DIR [--force]`: config.yaml, ccenv_hooks.py (when the config loads it) and
 * litellm.env side by side in DIR — LiteLLM imports the hook from the config's folder. All texts are rendered
 * before any file is written.
 */
export function genLiteLLMDir(a: GenArgs & { dir: string }, io: Io): number {
  const cfg = loadProfiles(profilesPath(a.profiles, io.env).path);
  const g = renderLiteLLMConfig(cfg, VERSION);
  const files: Array<[string, string]> = [['config.yaml', g.text], ['litellm.env', TARGETS.env!.render(cfg, options(cfg, a)).text]];
  if (g.hooked) files.push([HOOK.fileName, renderHook(cfg, VERSION)]);
  for (const note of g.notes) io.err(`ccenv: note: ${note}\n`);
  mkdirSync(a.dir, { recursive: true });
  for (const [name, text] of files) writeFileAtomic(join(a.dir, name), text, { force: a.force });
  io.err(`ccenv: wrote ${files.map(([n]) => join(a.dir, n)).join(', ')}\n`);
  return 0;
}

/** The `ccenv gen` target that produces a file, by its name (for `ccenv check-generated`). */
export function targetFor(file: string): string {
  const name = basename(file);
  if (name === HOOK.fileName) return 'hook';
  if (name.endsWith('.plist')) return 'launchd';
  if (name.endsWith('.service')) return 'systemd';
  if (/^(docker-)?compose.*\.ya?ml$/.test(name)) return 'compose';
  if (name.endsWith('.env')) return 'env';
  if (/^(constraints|requirements).*\.txt$/.test(name)) return 'requirements';
  return 'litellm-config';
}

/**
 * `ccenv check-generated FILES…` (the pre-commit hook): each file must hold exactly what its `ccenv gen` target
 * would write from the profiles; prints a unified diff per stale file. Exit 1 when any differs.
 */
export function checkGeneratedFiles(files: string[], a: GenArgs, io: Io): number {
  let code = 0;
  for (const file of files) code = Math.max(code, genTarget(targetFor(file), { ...a, check: file }, io));
  return code;
}
