/**
 * Option tables shared by the yargs CLI (commands/index.ts) and the fast path (fast-main.ts), so both parse a
 * command the same way (test/unit/dispatch.test.ts). Kept free of imports: the fast path loads it.
 */

/** One option: its type, help line, and default. */
export interface OptionSpec {
  type: 'boolean' | 'string' | 'number';
  describe: string;
  default?: boolean | number;
  alias?: string;
}

/** `ccenv doctor` options. */
export const DOCTOR_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  json: { type: 'boolean', default: false, describe: 'one JSON document (schemaVersion 2: hops and checks)' },
  strict: { type: 'boolean', default: false, describe: 'warnings fail too' },
  profile: { type: 'string', describe: 'live probes for this profile only' },
  offline: { type: 'boolean', default: false, describe: 'no network: skip proxy and live checks' },
  timeout: { type: 'number', default: 10, describe: 'seconds the gatherers and all network probes together may take' },
  list: { type: 'boolean', default: false, describe: 'list the checks and diagnoses' },
  explain: { type: 'string', describe: 'diagnose a pasted error message instead' },
  deep: { type: 'boolean', default: false, describe: 'also import litellm.proxy.proxy_server in each litellm environment found' },
  e2e: { type: 'boolean', default: false, describe: 'also run the real claude -p once per profile with its function\'s environment (one real request each)' },
  cwd: { type: 'string', describe: 'where --e2e runs claude (default: here, so this project\'s settings apply)' },
  html: { type: 'string', describe: 'also write the report as one self-contained HTML page to FILE' },
};

/** `ccenv explain` options. */
export const EXPLAIN_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  json: { type: 'boolean', default: false, describe: 'one JSON document (schemaVersion 1)' },
};

/** Options every command takes (besides --help and --version). */
export const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  profiles: { type: 'string', describe: 'profiles file (default: $CCENV_PROFILES, else ${XDG_CONFIG_HOME:-~/.config}/ccenv/profiles.yaml)' },
  quiet: { type: 'boolean', alias: 'q', describe: 'no success line on stderr (wrote …, no problems)' },
};

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Parse `args` by option tables the way yargs does for the simple forms — `--flag`, `--name value`,
 * `--name=value`, `-q`, positionals — and nothing else: any other form (`--no-x`, `--`, an unknown option, a
 * missing value, a repeated string option) returns undefined, so the full parser decides and reports.
 */
export function parseSimple(args: readonly string[], ...tables: Array<Readonly<Record<string, OptionSpec>>>): { options: Record<string, unknown>; positionals: string[] } | undefined {
  const spec: Record<string, OptionSpec> = Object.assign({}, ...tables);
  const byAlias = new Map(Object.entries(spec).flatMap(([k, o]) => (o.alias ? [[o.alias, k] as const] : [])));
  const options: Record<string, unknown> = {};
  for (const [k, o] of Object.entries(spec)) if (o.default !== undefined) options[camel(k)] = o.default;
  const seen = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const m = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg) ?? (/^-([a-z])$/.exec(arg) ? [arg, byAlias.get(arg.slice(1)), undefined] : null);
    const name = m?.[1];
    const o = name !== undefined ? spec[name] : undefined;
    if (!o || seen.has(name!)) return undefined;
    seen.add(name!);
    if (o.type === 'boolean') {
      if (m![2] !== undefined) return undefined;
      options[camel(name!)] = true;
      continue;
    }
    const value = m![2] ?? (i + 1 < args.length && !args[i + 1]!.startsWith('-') ? args[++i] : undefined);
    if (value === undefined) return undefined;
    options[camel(name!)] = o.type === 'number' ? Number(value) : value;
  }
  return { options, positionals };
}
