/**
 * Words a `claude-<profile>` function may not be named, per supported shell: each shell's reserved words (a
 * function of that name is never called, or cannot be defined) and the builtins the generated code itself calls
 * or that a function must not shadow. Each list names its source.
 */

/** Reserved words and protected builtins of one shell. */
export interface ShellWords {
  reserved: readonly string[];
  builtins: readonly string[];
  source: string;
}

export const SHELL_WORDS: Readonly<Record<'bash' | 'zsh' | 'fish', ShellWords>> = {
  bash: {
    reserved: ['!', 'case', 'coproc', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in', 'select', 'then', 'until', 'while', '{', '}', 'time', '[[', ']]'],
    builtins: ['builtin', 'command', 'declare', 'eval', 'exec', 'exit', 'export', 'local', 'printf', 'return', 'set', 'shift', 'source', 'test', 'type', 'typeset', 'unalias', 'unset', 'alias', 'cd', 'echo', 'hash', 'read', 'trap', 'true', 'false'],
    source: 'https://www.gnu.org/software/bash/manual/bash.html#Reserved-Words',
  },
  zsh: {
    reserved: ['do', 'done', 'esac', 'then', 'elif', 'else', 'fi', 'for', 'case', 'if', 'while', 'function', 'repeat', 'time', 'until', 'select', 'coproc', 'nocorrect', 'foreach', 'end', '!', '[[', '{', '}', 'declare', 'export', 'float', 'integer', 'local', 'readonly', 'typeset'],
    builtins: ['builtin', 'command', 'eval', 'exec', 'exit', 'printf', 'return', 'set', 'shift', 'source', 'test', 'type', 'unalias', 'unset', 'unfunction', 'alias', 'cd', 'echo', 'hash', 'read', 'trap', 'true', 'false', 'emulate', 'setopt'],
    source: 'https://zsh.sourceforge.io/Doc/Release/Shell-Grammar.html#Reserved-Words',
  },
  fish: {
    reserved: ['and', 'argparse', 'begin', 'break', 'builtin', 'case', 'command', 'continue', 'else', 'end', 'eval', 'exec', 'for', 'function', 'if', 'not', 'or', 'read', 'return', 'set', 'status', 'string', 'switch', 'test', 'time', 'while'],
    builtins: ['functions', 'printf', 'source', 'type', 'cd', 'echo', 'exit', 'contains', 'count', 'true', 'false'],
    source: 'https://fishshell.com/docs/current/cmds/function.html; observed with fish 3.6.0 ("function: and: cannot use reserved keyword as function name")',
  },
};

/** Names no profile command may take in any shell: the program the function runs, the tools it calls, ccenv. */
export const PROTECTED_COMMANDS: readonly string[] = ['claude', 'env', 'ccenv'];

/** Every refused command name → the shells that refuse it (for the message). */
export const REFUSED_COMMANDS: ReadonlyMap<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const [shell, w] of Object.entries(SHELL_WORDS)) for (const word of [...w.reserved, ...w.builtins]) m.set(word, [...(m.get(word) ?? []), shell]);
  for (const word of PROTECTED_COMMANDS) m.set(word, ['every shell']);
  return m;
})();
