import type { Io } from '../cli.js';
import { renderLiteLLMConfig } from '../gen/litellm-config.js';
import { loadProfiles, profilesPath } from '../profiles/load.js';
import { writeFileAtomic } from '../util/write.js';
import { VERSION } from '../version.js';

/**
 * `ccenv gen litellm-config [-o FILE] [--force]`: the LiteLLM config to stdout, or atomically to FILE.
 * Notes (profiles without an upstream, models no profile serves) go to stderr.
 * @throws UserError (exit 2) on a bad profiles file or a refused write; nothing is written then.
 */
export function genLiteLLMConfig(a: { profiles?: string; output?: string; force?: boolean }, io: Io): number {
  const cfg = loadProfiles(profilesPath(a.profiles, io.env).path);
  const { text, notes } = renderLiteLLMConfig(cfg, VERSION);
  for (const note of notes) io.err(`ccenv: note: ${note}\n`);
  if (a.output) writeFileAtomic(a.output, text, { force: a.force });
  else io.out(text);
  return 0;
}
