import { createInterface } from 'node:readline/promises';
import { defaultProfileName, renderStarter, type StarterChoice } from '../gen/starter.js';
import { presetNamed, PRESETS } from '../knowledge/presets.js';
import { profilesPath } from '../profiles/load.js';
import { parseProfiles } from '../profiles/load.js';
import { refreshSchemaCopy } from '../profiles/schema-copy.js';
import { LOAD_LINE } from '../shell/render.js';
import { UserError } from '../util/errors.js';
import type { Io } from '../util/io.js';
import { printable } from '../util/text.js';
import { writeFileAtomic } from '../util/write.js';
import { checkPort } from './gen.js';
import { pickShell } from './shell.js';

/** Arguments of `ccenv init`. */
export interface InitArgs {
  profiles?: string;
  force?: boolean;
  quiet?: boolean;
  preset?: string;
  model?: string;
  apiBase?: string;
  apiKeyEnv?: string;
  name?: string;
  port?: number;
  native?: boolean;
  /** Tokens; default: the preset's documented limit for the model, else left commented out. */
  contextWindow?: number;
  maxOutputTokens?: number;
}

const USAGE = `ccenv init needs a terminal to ask, or flags: --preset NAME --model ID [--api-base URL] [--api-key-env VAR] [--name PROFILE] [--port N] [--context-window TOKENS] [--max-output-tokens TOKENS] [--native] (presets: ${PRESETS.map((p) => p.name).join(', ')})`;

/**
 * The choice from flags, checked: a known preset, a model id, an api_base where the preset has none, a valid
 * variable and profile name, a port.
 * @throws UserError (exit 2) naming what is wrong
 */
export function choiceFromFlags(a: InitArgs): StarterChoice {
  const preset = presetNamed(a.preset ?? '');
  if (!preset) throw new UserError(`unknown preset '${printable(a.preset ?? '', 60)}'; choose one of: ${PRESETS.map((p) => p.name).join(', ')}`);
  if (!a.model || !/^[\x21-\x7e]{1,200}$/.test(a.model)) throw new UserError('--model takes the model id at the provider, e.g. --model kimi-k2.5');
  if (a.native && !preset.anthropicBase) throw new UserError(`--native: ${preset.label} serves no Anthropic Messages API ccenv knows of; presets that do: ${PRESETS.filter((p) => p.anthropicBase).map((p) => p.name).join(', ')}`);
  const apiBase = a.apiBase ?? (a.native ? preset.anthropicBase : preset.apiBase);
  if (!apiBase) throw new UserError(`--preset ${preset.name} needs --api-base URL (the provider's OpenAI-compatible base, e.g. https://host/v1)`);
  if (!/^https?:\/\//.test(apiBase)) throw new UserError(`--api-base must be an http:// or https:// URL (got ${printable(apiBase, 100)})`);
  const keyEnv = a.apiKeyEnv ?? preset.keyEnv;
  if (keyEnv !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(keyEnv)) throw new UserError(`--api-key-env must be a variable name (got ${printable(keyEnv, 60)})`);
  const name = a.name ?? defaultProfileName(a.model);
  if (!/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(name)) throw new UserError(`--name must be a letter or _ then letters, digits, - or _ (got ${printable(name, 60)})`);
  checkPort(a.port);
  const port = a.port ?? 4000;
  const tokens = (flag: string, v: number | undefined) => {
    if (v !== undefined && (!Number.isInteger(v) || v < 1 || v > 1e8)) throw new UserError(`${flag} takes a whole number of tokens from 1 to 100000000`);
    return v;
  };
  const lim = preset.limits?.[a.model];
  return {
    preset,
    model: a.model,
    name,
    apiBase,
    keyEnv,
    port,
    native: Boolean(a.native),
    contextWindow: tokens('--context-window', a.contextWindow) ?? lim?.context,
    maxOutputTokens: tokens('--max-output-tokens', a.maxOutputTokens) ?? lim?.maxOutput,
  };
}

/** Ask for the choice on a terminal: preset, model id, api_base, key variable, port (defaults in brackets). */
async function ask(io: Io): Promise<StarterChoice> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    io.err('ccenv init: a profile for one model on your LiteLLM proxy. Presets:\n');
    PRESETS.forEach((p, i) => io.err(`  ${String(i + 1).padStart(2)}. ${p.name.padEnd(18)} ${p.label}\n`));
    const pick = (await rl.question('Preset (number or name) [1]: ')).trim() || '1';
    const preset = PRESETS[Number(pick) - 1] ?? presetNamed(pick);
    if (!preset) throw new UserError(`unknown preset '${printable(pick, 60)}'`);
    const model = (await rl.question('Model id at the provider (e.g. kimi-k2.5): ')).trim();
    const apiBase = (await rl.question(`api_base${preset.apiBase ? ` [${preset.apiBase}]` : ''}: `)).trim() || preset.apiBase;
    const keyEnv = (await rl.question(`Variable holding the provider's key${preset.keyEnv ? ` [${preset.keyEnv}]` : ' (empty: none)'}: `)).trim() || preset.keyEnv;
    const lim = preset.limits?.[model];
    const num = async (prompt: string, dflt?: number) => {
      const t = (await rl.question(`${prompt}${dflt ? ` [${dflt}]` : ' (empty: decide later)'}: `)).trim();
      return t ? Number(t) : dflt;
    };
    const contextWindow = await num('Context window in tokens', lim?.context);
    const maxOutputTokens = await num('Max output tokens', lim?.maxOutput);
    const port = Number((await rl.question('Proxy port [4000]: ')).trim() || '4000');
    return choiceFromFlags({ preset: preset.name, model, apiBase, apiKeyEnv: keyEnv, port, contextWindow, maxOutputTokens });
  } finally {
    rl.close();
  }
}

/**
 * `ccenv init`: write a commented profiles file at the profiles path — from flags (`--preset NAME --model ID …`,
 * for scripts), or by asking on a terminal; with no flags and no terminal, a usage error naming the flags. The
 * file carries a yaml-language-server modeline pointing at the schema copy ccenv keeps current. Never replaces an
 * existing file without --force.
 * @throws UserError (exit 2) when the file exists, cannot be written, or the input is wrong.
 */
export async function initCommand(a: InitArgs, io: Io, stdinIsTTY = Boolean(process.stdin.isTTY)): Promise<number> {
  const { path } = profilesPath(a.profiles, io.env);
  const flagged = a.preset !== undefined || a.model !== undefined;
  if (!flagged && !stdinIsTTY) throw new UserError(USAGE);
  const choice = flagged ? choiceFromFlags(a) : await ask(io);
  const schema = refreshSchemaCopy(io.env, true);
  const text = renderStarter(choice, schema);
  parseProfiles(text, path); // what init writes always loads
  writeFileAtomic(path, text, { force: a.force });
  if (!a.quiet) {
    let load = 'eval "$(ccenv shell zsh)" in ~/.zshrc, eval "$(ccenv shell bash)" in ~/.bashrc, or ccenv shell fish | source in config.fish';
    try {
      const shell = pickShell(undefined, io.env);
      load = `${LOAD_LINE[shell]}${shell === 'fish' ? ' (in ~/.config/fish/config.fish)' : ` (in ~/.${shell}rc)`}`;
    } catch {
      /* $SHELL unset or unsupported: name all three */
    }
    io.err(`ccenv: wrote ${printable(path)} (profile ${choice.name}: claude-${choice.name}); next: ccenv proxy install, ccenv proxy start, then add to your shell's rc file: ${load}\n`);
  }
  return 0;
}
