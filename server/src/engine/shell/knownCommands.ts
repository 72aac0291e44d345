/**
 * What a shell block may run without OpsDocs asking about it. Every list is fixed, so
 * that `command-unknown` says the same on a writer's laptop and in CI; PATH only widens it.
 * Programs come from Debian's packages and Fig's specs (programData.ts); the shell's own
 * builtins are here.
 */

/** Bash and POSIX shell builtins and keywords. */
export const SHELL_BUILTINS = new Set(`
  . : [ [[ ]] { } ! alias bg bind break builtin caller case cd command compgen complete compopt continue
  declare dirs disown do done echo elif else enable esac eval exec exit export false fc fg fi for function
  getopts hash help history if in jobs kill let local logout mapfile popd printf pushd pwd read readarray
  readonly return select set shift shopt source suspend test then time times trap true type typeset ulimit
  umask unalias unset until wait while
  setopt unsetopt autoload bindkey emulate zmodload rehash
`.split(/\s+/).filter(Boolean));
