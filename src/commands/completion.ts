import type { Shell } from '../shell/render.js';

/**
 * A completion script for ccenv itself. All three ask ccenv (yargs' `--get-yargs-completions`) for candidates,
 * so they stay in step with the commands. bash and zsh follow yargs' own templates; fish uses `complete -a`.
 */
export function completionScript(shell: Shell): string {
  switch (shell) {
    case 'bash':
      return `# ccenv completion for bash. Load with: eval "$(ccenv completion bash)"
_ccenv_completions() {
  local cur_word type_list
  cur_word="\${COMP_WORDS[COMP_CWORD]}"
  type_list=$(ccenv --get-yargs-completions "\${COMP_WORDS[@]:0:COMP_CWORD+1}" 2>/dev/null)
  mapfile -t COMPREPLY < <(compgen -W "\${type_list}" -- "\${cur_word}")
  return 0
}
complete -o bashdefault -o default -F _ccenv_completions ccenv
`;
    case 'zsh':
      return `# ccenv completion for zsh. Load (after compinit) with: eval "$(ccenv completion zsh)"
_ccenv_completions() {
  local reply
  local si=$IFS
  IFS=$'\\n' reply=($(SHELL=zsh COMP_CWORD="$((CURRENT-1))" COMP_LINE="$BUFFER" COMP_POINT="$CURSOR" ccenv --get-yargs-completions "\${words[@]:0:$CURRENT}" 2>/dev/null))
  IFS=$si
  _describe 'values' reply
}
compdef _ccenv_completions ccenv
`;
    case 'fish':
      return `# ccenv completion for fish. Load with: ccenv completion fish | source
complete -c ccenv -f -a '(ccenv --get-yargs-completions (commandline -opc) (commandline -ct) 2>/dev/null)'
`;
  }
}
