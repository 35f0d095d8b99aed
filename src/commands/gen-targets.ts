/**
 * The `ccenv gen` targets as data: name, help line, the options each takes, whether it reads the profiles file,
 * and which file names `ccenv check-generated` maps to it. Kept apart from the generators so `--help` and the
 * option parser load none of them.
 */

/** Options a gen target can take beyond `-o/--output`, `--force` and `--check`. */
export type GenOption = 'litellm' | 'config' | 'port' | 'image' | 'replicas' | 'format' | 'public';

/** One `ccenv gen <target>`. */
export interface GenTargetInfo {
  name: string;
  describe: string;
  options: readonly GenOption[];
  /** False when the output does not depend on the profiles (it then works without a profiles file). */
  profiles: boolean;
  /** File names `check-generated` compares against this target. */
  files: RegExp;
}

export const GEN_TARGETS: readonly GenTargetInfo[] = [
  { name: 'litellm-config', describe: 'LiteLLM proxy config.yaml (model_list, routing setting, master key, aliases, hook wiring)', options: [], profiles: true, files: /^(?!.*\.(?:env|txt|service|plist|py)$).*$/ },
  { name: 'hook', describe: 'the LiteLLM hook module (ccenv_hooks.py): request rules and stream usage repair', options: [], profiles: true, files: /^ccenv_hooks\.py$/ },
  { name: 'env', describe: 'a .env for the proxy process: routing flag, offline settings, secret names', options: [], profiles: true, files: /\.env$/ },
  { name: 'launchd', describe: 'a macOS LaunchAgent plist that runs the proxy with the routing flag', options: ['litellm', 'config', 'port'], profiles: true, files: /\.plist$/ },
  { name: 'systemd', describe: 'a systemd user unit that runs the proxy with the routing flag', options: ['litellm', 'config', 'port'], profiles: true, files: /\.service$/ },
  { name: 'compose', describe: 'docker compose for the LiteLLM image, config and hook mounted', options: ['port', 'image'], profiles: true, files: /^(docker-)?compose.*\.ya?ml$/ },
  { name: 'deploy', describe: 'a team deployment: N LiteLLM replicas on Postgres and Redis behind one port (compose), or values for the Helm chart', options: ['replicas', 'format', 'public', 'port'], profiles: true, files: /(?!)/ },
  { name: 'requirements', describe: 'pip constraints: the verified litellm and its openai pin', options: [], profiles: false, files: /^(constraints|requirements).*\.txt$/ },
];

/** Help text of each extra option. */
export const GEN_OPTION_HELP: Record<GenOption, { type: 'string' | 'number' | 'boolean'; describe: string; choices?: readonly string[] }> = {
  litellm: { type: 'string', describe: 'path of the litellm executable (absolute or ~/…; default ~/.config/litellm/venv/bin/litellm)' },
  config: { type: 'string', describe: 'path of config.yaml (absolute or ~/…; default ~/.config/litellm/config.yaml)' },
  port: { type: 'number', describe: 'port (default: from proxy.base_url, else 4000)' },
  image: { type: 'string', describe: 'LiteLLM container image' },
  replicas: { type: 'number', describe: 'LiteLLM replicas, one worker each (default 2)' },
  format: { type: 'string', choices: ['compose', 'helm'], describe: 'docker compose file (default), or values for the official Helm chart' },
  public: { type: 'boolean', describe: 'publish the port on every interface (default: 127.0.0.1 only)' },
};

/** The target that produces a file, by its base name (for `ccenv check-generated`): the first whose pattern matches. */
export function targetForName(base: string): GenTargetInfo {
  const specific = GEN_TARGETS.filter((t) => t.name !== 'litellm-config').find((t) => t.files.test(base));
  return specific ?? GEN_TARGETS[0]!;
}
