import yargs, { type Argv, type Options } from 'yargs';
import type { Io } from '../util/io.js';
import { suggestion, UserError } from '../util/errors.js';
import { printable } from '../util/text.js';
import { GEN_OPTION_HELP, GEN_TARGETS } from './gen-targets.js';
import { DOCTOR_OPTIONS, EXPLAIN_OPTIONS, GLOBAL_OPTIONS } from './options.js';
import { VERSION } from '../version.js';


/** Registers every command; each handler lazy-loads its module, so `ccenv list` never loads the generators. */
function build(argv: string[], io: Io, exit: { code: number }): Argv {
  /** A handler that loads its command module only when the command runs, and records the exit code. */
  const lazy =
    <M, A>(load: () => Promise<M>, call: (m: M, a: A) => Promise<number> | number) =>
    async (a: A) => {
      exit.code = await call(await load(), a);
    };
  return yargs(argv)
    .scriptName('ccenv')
    .usage('$0 <command>\n\nDeclarative profiles for running Claude Code on any model through a LiteLLM proxy.')
    .options(GLOBAL_OPTIONS as Record<string, Options>)
    .command(
      'shell [shell]',
      'Print shell functions (one claude-<profile> per profile). Use: eval "$(ccenv shell zsh)"',
      (y) =>
        y
          .positional('shell', { type: 'string', describe: 'bash, zsh or fish (default: from $SHELL; name it in rc files)' })
          .option('cache', { type: 'boolean', describe: 'cached mode: write the code to ~/.cache/ccenv and print a stub for your rc file that sources it without starting Node' })
          .option('write-cache', { type: 'boolean', describe: 'regenerate the cached code (what the stub runs when the profiles changed)' }),
      lazy(() => import('./shell.js'), ({ shellCommand }, a) => shellCommand(a as never, io)),
    )
    .command('gen', 'Generate files for the LiteLLM side from the profiles', (y) => {
      for (const t of GEN_TARGETS) {
        const targetOptions = (yy: Argv) => {
          yy.option('output', { alias: 'o', type: 'string', describe: 'write to FILE (atomically; parent folders created) instead of stdout' })
            .option('force', { type: 'boolean', default: false, describe: 'replace FILE if it exists' })
            .option('check', { type: 'string', describe: 'compare with FILE instead of writing: exit 1 and print a unified diff when it differs' });
          for (const o of t.options) yy.option(o, GEN_OPTION_HELP[o]);
          return yy;
        };
        y.command(t.name, t.describe, targetOptions, lazy(() => import('./gen.js'), ({ genTarget }, a) => genTarget(t.name, a as never, io)));
      }
      return y
        .command(
          'litellm',
          'config.yaml, ccenv_hooks.py and litellm.env side by side in a folder',
          (yy) =>
            yy
              .option('dir', { type: 'string', demandOption: true, describe: 'folder to write into (created if missing)' })
              .option('force', { type: 'boolean', default: false, describe: 'replace existing files' }),
          lazy(() => import('./gen.js'), ({ genLiteLLMDir }, a) => genLiteLLMDir(a as never, io)),
        )
        .demandCommand(1, `name what to generate: ${[...GEN_TARGETS.map((t) => t.name), 'litellm'].join(', ')}`);
    })
    .command(
      'init',
      'Write a commented starter profiles file (never replaces one without --force)',
      (y) =>
        y
          .option('force', { type: 'boolean', default: false, describe: 'replace an existing file' })
          .option('preset', { type: 'string', describe: 'provider preset (no prompt): ccenv init --preset NAME --model ID' })
          .option('model', { type: 'string', describe: 'the model id at the provider, e.g. kimi-k2.5' })
          .option('api-base', { type: 'string', describe: "the provider's base URL (required with --preset openai-compatible)" })
          .option('api-key-env', { type: 'string', describe: "the variable holding the provider's key" })
          .option('name', { type: 'string', describe: 'profile name (default: the model id up to its first -, . or /)' })
          .option('port', { type: 'number', describe: 'the proxy port (default 4000)' })
          .option('context-window', { type: 'number', describe: "the model's context window in tokens" })
          .option('max-output-tokens', { type: 'number', describe: "the model's output limit in tokens" })
          .option('native', { type: 'boolean', default: false, describe: "use the provider's Anthropic Messages API (anthropic/ model) where it serves one" }),
      lazy(() => import('./init.js'), ({ initCommand }, a) => initCommand(a, io)),
    )
    .command(
      'list',
      'Show the profiles and the commands they define',
      (y) => y.option('json', { type: 'boolean', default: false, describe: 'machine-readable output' }),
      lazy(() => import('./list.js'), ({ listCommand }, a) => listCommand(a, io)),
    )
    .command(
      'doctor [codes..]',
      'Diagnose the Claude Code → LiteLLM → upstream path; names the cause and the fix of each known failure. Live probes send tiny Claude Code–shaped requests (a few tokens) to the proxy',
      (y) =>
        y.positional('codes', { type: 'string', array: true, describe: 'run only these checks (see --list)' }).options(DOCTOR_OPTIONS as Record<string, Options>),
      lazy(() => import('./doctor.js'), ({ doctorCommand }, a) => doctorCommand(a as never, io)),
    )
    .command(
      'explain [text]',
      'Name the cause and the fix of a pasted error (a Claude Code screen, API Error lines, a LiteLLM log, a traceback); - or a pipe reads standard input',
      (y) => y.positional('text', { type: 'string', describe: 'the error text; - or nothing with a pipe: standard input' }).options(EXPLAIN_OPTIONS),
      lazy(() => import('./explain.js'), ({ explainCommand }, a) => explainCommand(a as never, io)),
    )
    .command(
      'validate [files..]',
      'Check profiles files and LiteLLM configs (schema, cross-checks, literal secrets); for pre-commit',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, describe: 'files to check (default: the profiles file)' })
          .option('litellm-config', { type: 'string', describe: 'a LiteLLM config to cross-check the profiles against (not itself reported on; repeatable)' })
          .option('json', { type: 'boolean', default: false, describe: 'machine-readable output' })
          .option('list', { type: 'boolean', default: false, describe: 'list the rules, with the files they read' }),
      lazy(() => import('./validate.js'), ({ validateCommand }, a) => validateCommand(a, io)),
    )
    .command(
      'check-generated <files..>',
      'Check that generated files (config.yaml, ccenv_hooks.py, *.service, *.plist, compose, .env, constraints) match the profiles; for pre-commit',
      (y) => {
        y.positional('files', { type: 'string', array: true, describe: 'generated files; the target comes from each name', default: undefined });
        for (const o of ['litellm', 'config', 'port', 'image'] as const) y.option(o, GEN_OPTION_HELP[o]);
        return y;
      },
      lazy(() => import('./gen.js'), ({ checkGeneratedFiles }, a) => checkGeneratedFiles(a.files as string[], a as never, io)),
    )
    .command(
      'advisories',
      'List the litellm/openai advisories doctor checks (OSV records and curated entries), with their date; --update fetches the current OSV records',
      (y) =>
        y
          .option('json', { type: 'boolean', default: false, describe: 'machine-readable output' })
          .option('update', { type: 'boolean', default: false, describe: 'fetch every OSV record for PyPI litellm and openai (CCENV_OSV_URL, default https://api.osv.dev) into ~/.cache/ccenv/advisories.json' })
          .option('timeout', { type: 'number', default: 30, describe: 'seconds the update may take' }),
      lazy(() => import('./advisories.js'), ({ advisoriesCommand }, a) => advisoriesCommand(a, io)),
    )
    .command('proxy', 'Start, stop and look at the LiteLLM proxy the profiles describe (ccenv keeps only a pid file and a log)', (y) => {
      const where = (yy: Argv) =>
        yy
          .option('dir', { type: 'string', describe: 'the proxy folder (default ~/.config/litellm)' })
          .option('venv', { type: 'string', describe: 'the LiteLLM venv (default <dir>/venv)' });
      const service = (yy: Argv) =>
        yy
          .option('service', { type: 'boolean', default: false, describe: 'through the service manager: a systemd user unit, or a launchd agent on macOS' })
          .option('manager', { choices: ['systemd', 'launchd'] as const, describe: 'which service manager --service uses (default: launchd on macOS, else systemd)' });
      return y
        .command(
          'install',
          'Create the LiteLLM venv (default ~/.config/litellm/venv) with the pinned litellm[proxy] and openai, and verify it as doctor does',
          (yy) =>
            where(yy)
              .option('upgrade', { type: 'boolean', default: false, describe: "move an existing venv's older litellm up to this ccenv's pin (never down)" }),
          lazy(() => import('./proxy.js'), ({ proxyInstall }, a) => proxyInstall(a, io)),
        )
        .command(
          'start',
          'Regenerate the proxy folder from the profiles and start LiteLLM on 127.0.0.1 (waits for /health/readiness)',
          (yy) =>
            service(where(yy))
              .option('force', { type: 'boolean', default: false, describe: 'replace files in the proxy folder (or the service file) edited by hand' })
              .option('foreground', { type: 'boolean', default: false, describe: 'run attached, logging to the terminal' })
              .option('timeout', { type: 'number', describe: 'ms to wait for readiness (default 120000)' }),
          lazy(() => import('./proxy.js'), ({ proxyStart }, a) => proxyStart(a, io)),
        )
        .command('stop', 'Stop the LiteLLM that ccenv proxy start started (--service: stop it and remove the service file)', (yy) => service(yy).option('timeout', { type: 'number', describe: 'ms before SIGKILL (default 10000)' }), lazy(() => import('./proxy.js'), ({ proxyStop }, a) => proxyStop(a, io)))
        .command('status', 'Running? pid, URL, LiteLLM version, and whether its config matches the profiles (exit 1: not running)', (yy) => where(yy).option('manager', { choices: ['systemd', 'launchd'] as const, describe: 'the service manager to ask (default: launchd on macOS, else systemd)' }), lazy(() => import('./proxy.js'), ({ proxyStatus }, a) => proxyStatus(a, io)))
        .command(
          'logs',
          "The proxy log's last lines",
          (yy) =>
            yy
              .option('lines', { alias: 'n', type: 'number', describe: 'how many (default 50)' })
              .option('follow', { alias: 'f', type: 'boolean', default: false, describe: 'keep printing what is appended' }),
          lazy(() => import('./proxy.js'), ({ proxyLogs }, a) => proxyLogs(a, io)),
        )
        .demandCommand(1, 'name what to do: install, start, stop, status, logs');
    })
    .command(
      'completion [shell]',
      'Print a completion script for ccenv itself (bash, zsh, fish)',
      (y) => y.positional('shell', { type: 'string', describe: 'bash, zsh or fish (default: from $SHELL; name it in rc files)' }),
      async (a) => {
        const { completionScript } = await import('./completion.js');
        const { pickShell } = await import('./shell.js');
        io.out(completionScript(pickShell(a.shell, io.env)));
      },
    )
    .completion('__complete', false)
    .demandCommand(1, 'name a command (see ccenv --help)')
    .strict()
    .version(VERSION)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      // yargs' choices message spans lines ("Invalid values:\n  Argument: …"): one line, as every usage error.
      throw new UserError(msg ? msg.replace(/\s*\n\s*/g, ' ') : 'bad usage (see ccenv --help)');
    });
}

/** Every command name (yargs' own `__complete` included), for the unknown-command message. */
export const COMMANDS = ['shell', 'gen', 'init', 'list', 'doctor', 'explain', 'validate', 'check-generated', 'advisories', 'proxy', 'completion', '__complete'] as const;

/**
 * A first word that names no command (or a `gen` word that names no target) is a usage error that says so,
 * with the nearest name: `'foo' is not a ccenv command (did you mean 'gen'?)`.
 * @throws UserError (exit 2)
 */
function unknownCommand(argv: readonly string[]): void {
  const [first, second] = argv;
  if (first !== undefined && !first.startsWith('-') && !(COMMANDS as readonly string[]).includes(first)) {
    throw new UserError(`'${printable(first, 80)}' is not a ccenv command${suggestion(first, COMMANDS.filter((c) => !c.startsWith('_')))}; see ccenv --help`);
  }
  const targets = [...GEN_TARGETS.map((t) => t.name), 'litellm'];
  if (first === 'gen' && second !== undefined && !second.startsWith('-') && !targets.includes(second)) {
    throw new UserError(`'${printable(second, 80)}' is not a gen target${suggestion(second, targets)}; choose one of: ${targets.join(', ')}`);
  }
}

/** Parse `argv` with yargs and run the command. Help and version go to `io.out`. Returns the exit code. */
export async function runYargs(argv: string[], io: Io): Promise<number> {
  unknownCommand(argv);
  const exit = { code: 0 };
  let output = '';
  await build(argv, io, exit).parseAsync(argv, {}, (_err, _argv, out) => {
    output = out;
  });
  if (output) io.out(output.endsWith('\n') ? output : `${output}\n`);
  return exit.code;
}
