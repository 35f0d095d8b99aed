import { createTwoFilesPatch } from 'diff';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Io } from '../util/io.js';
import { renderHook } from '../gen/hook.js';
import { HOOK, renderLiteLLMConfig } from '../gen/litellm-config.js';
import { liteLLMFiles, sameAsGenerated } from '../gen/proxy-folder.js';
import { renderDeployCompose, renderDeployHelm } from '../gen/deploy.js';
import { renderCompose, renderEnv, renderLaunchd, renderRequirements, renderSystemd, serviceDefaults, type ServiceOptions } from '../gen/service.js';
import { secretEnvNames } from '../profiles/derive.js';
import { loadProfiles, profilesPath } from '../profiles/load.js';
import type { ProfilesConfig } from '../profiles/types.js';
import { UserError } from '../util/errors.js';
import { writeFileAtomic, writeFilesAtomic } from '../util/write.js';
import { redact } from '../util/redact.js';
import { printable } from '../util/text.js';
import { VERSION } from '../version.js';
import { GEN_TARGETS, targetForName } from './gen-targets.js';

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
  /** No success line on stderr. */
  quiet?: boolean;
  /** gen deploy: replicas, compose or helm, publish on every interface. */
  replicas?: number;
  format?: 'compose' | 'helm';
  public?: boolean;
}

/** One thing `ccenv gen` can write: its text from the profiles (absent for targets that need none), and notes for stderr. */
type Render = (cfg: ProfilesConfig | undefined, o: ServiceOptions, a: GenArgs) => { text: string; notes?: string[] };

const withProfiles = (f: (cfg: ProfilesConfig, o: ServiceOptions, a: GenArgs) => { text: string; notes?: string[] }): Render => (cfg, o, a) => f(cfg!, o, a);

/** The generator of every `ccenv gen <target>` (names, help and options: gen-targets.ts). */
export const RENDER: Record<string, Render> = {
  'litellm-config': withProfiles((cfg) => {
    const g = renderLiteLLMConfig(cfg, VERSION);
    const notes = g.hooked ? [...g.notes, `this config loads ${HOOK.fileName} from its own folder: write it there with \`ccenv gen hook -o DIR/${HOOK.fileName}\`, or use \`ccenv gen litellm --dir DIR\``] : g.notes;
    return { text: g.text, notes };
  }),
  hook: withProfiles((cfg) => ({ text: renderHook(cfg, VERSION) })),
  env: withProfiles((cfg) => ({ text: renderEnv(cfg, VERSION) })),
  launchd: withProfiles((cfg, o) => ({ text: renderLaunchd(cfg, o, VERSION) })),
  systemd: withProfiles((cfg, o) => ({ text: renderSystemd(cfg, o, VERSION) })),
  compose: withProfiles((cfg, o) => ({ text: renderCompose(cfg, o, VERSION, renderLiteLLMConfig(cfg, VERSION).hooked) })),
  deploy: withProfiles((cfg, o, a) => {
    const replicas = a.replicas ?? 2;
    if (!Number.isInteger(replicas) || replicas < 1 || replicas > 64) throw new UserError(`--replicas takes a whole number from 1 to 64 (got ${printable(String(a.replicas), 40)})`);
    const d = { replicas, public: Boolean(a.public) };
    const notes = replicas === 1 ? ['one replica: LiteLLM runs without sharing state, but the deployment keeps Redis and Postgres so it can grow (--replicas N)'] : [];
    return { text: a.format === 'helm' ? renderDeployHelm(cfg, d, VERSION) : renderDeployCompose(cfg, o, d, VERSION), notes };
  }),
  requirements: () => ({ text: renderRequirements(VERSION) }),
};

function options(cfg: ProfilesConfig | undefined, a: GenArgs): ServiceOptions {
  const d = serviceDefaults(cfg);
  return { ...d, litellm: a.litellm ?? d.litellm, config: a.config ?? d.config, port: a.port ?? d.port, image: a.image ?? d.image };
}

const info = (target: string) => GEN_TARGETS.find((t) => t.name === target)!;

/**
 * `ccenv gen <target> [-o FILE] [--force] [--check FILE]`: the target's text to stdout, or atomically to FILE
 * (parent folders created), or compared with FILE. Targets that do not depend on the profiles (requirements)
 * need no profiles file.
 * @throws UserError (exit 2) on a bad profiles file, an empty -o, or a refused write; nothing is written then.
 */
export function genTarget(target: string, a: GenArgs, io: Io): number {
  if (a.output === '') throw new UserError('-o/--output needs a file name (omit it to write to stdout)');
  checkPort(a.port);
  const cfg = info(target).profiles ? loadProfiles(profilesPath(a.profiles, io.env).path) : undefined;
  const { text, notes = [] } = RENDER[target]!(cfg, options(cfg, a), a);
  if (a.check !== undefined) return checkGenerated(a.check, text, regenerateCommand(target, a, a.check), secretValues(cfg, io.env), io, a.quiet, (current) => sameAsGenerated(target, cfg, current, text));
  for (const note of notes) io.err(`ccenv: note: ${note}\n`);
  if (a.output) {
    writeFileAtomic(a.output, text, { force: a.force });
    if (!a.quiet) io.err(`ccenv: wrote ${printable(a.output)}\n`);
  } else io.out(text);
  return 0;
}

/** `--port` must be a whole number from 1 to 65535. @throws UserError (exit 2) */
export function checkPort(port: unknown): void {
  if (port !== undefined && !(typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535)) throw new UserError(`--port takes a whole number from 1 to 65535 (got ${printable(String(port), 40)})`);
}

/** The values of the variables the profiles name as secret (to redact in diffs). */
function secretValues(cfg: ProfilesConfig | undefined, env: NodeJS.ProcessEnv): string[] {
  return cfg ? secretEnvNames(cfg).map((k) => env[k]).filter((v): v is string => !!v) : [];
}

/** The command that regenerates `file` for `target` with the same options (named in drift messages). */
function regenerateCommand(target: string, a: GenArgs, file: string): string {
  const q = (s: string) => (/^[A-Za-z0-9_./:=@+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const extra = info(target).options.flatMap((o) => (a[o] !== undefined ? [`--${o}`, q(String(a[o]))] : []));
  return ['ccenv', 'gen', target, ...(a.profiles ? ['--profiles', q(a.profiles)] : []), ...extra, '-o', q(file), '--force'].join(' ');
}

/** `--check FILE`: 0 when FILE holds what would be generated (`same`), else 1 with a redacted unified diff. */
function checkGenerated(file: string, text: string, regenerate: string, secrets: readonly string[], io: Io, quiet: boolean | undefined, same: (current: string) => boolean): number {
  let current: string;
  try {
    current = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`${printable(file)}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (same(current)) {
    if (!quiet) io.err(`ccenv: ${printable(file)} matches the profiles\n`);
    return 0;
  }
  io.out(redact(createTwoFilesPatch(file, `${file} (generated)`, current, text), secrets));
  io.err(`ccenv: ${printable(file)} differs from what ccenv would generate; regenerate it: ${printable(regenerate)}\n`);
  return 1;
}

/**
 * `ccenv gen litellm --dir DIR [--force]`: config.yaml, ccenv_hooks.py (when the config loads it) and
 * litellm.env side by side in DIR — LiteLLM imports the hook from the config's folder. All texts are rendered
 * and every target checked before any file is written; then all are written or none.
 */
export function genLiteLLMDir(a: GenArgs & { dir: string }, io: Io): number {
  if (a.dir === '') throw new UserError('--dir needs a folder name');
  const { files, notes } = liteLLMFiles(loadProfiles(profilesPath(a.profiles, io.env).path));
  for (const note of notes) io.err(`ccenv: note: ${note}\n`);
  writeFilesAtomic(files.map(([name, text]) => ({ path: join(a.dir, name), text })), { force: a.force });
  if (!a.quiet) io.err(`ccenv: wrote ${files.map(([n]) => printable(join(a.dir, n))).join(', ')}\n`);
  return 0;
}

/**
 * `ccenv check-generated FILES…` (the pre-commit hook): each file must hold what its `ccenv gen` target (by file
 * name, gen-targets.ts) would write from the profiles; prints a unified diff per stale file. Exit 1 when any differs.
 */
export function checkGeneratedFiles(files: string[], a: GenArgs, io: Io): number {
  checkPort(a.port);
  let code = 0;
  for (const file of files) code = Math.max(code, genTarget(targetForName(basename(file)).name, { ...a, check: file }, io));
  return code;
}
