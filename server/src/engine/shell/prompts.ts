/**
 * The prompts a transcript shows before what the reader types. A shell prompt starts a command;
 * another program's prompt (`postgres=# `, `mysql> `) starts a line that is not shell at all.
 */

/**
 * `$ `, `% `, `❯ `, `$> `; `user@host:~$ `, `root@pod:/# `; `[root@host dir]# `, `[ceph: root@host /]# `, `[cluster-1]$ `;
 * `sh-5.1# `, `bash-4.4$ `; `mbp:~ user$ `, `mon-a# `; each optionally after a virtualenv's `(venv) `.
 */
const SHELL_PROMPT = /^[ \t]*(?:\([\w.-]+\)[ \t]+)?(?:\$>?|%|❯|[\w.-]+@[\w.-]+(?::[^\s$#]*)?[$#]|\[[^\]\n]+\][$#]|(?:ba|z|k|da)?sh-\d+(?:\.\d+)*[$#]|[\w.-]+:\S* [\w.-]+[$#]|[\w.-]*\w[$#](?=[ \t]))(?:[ \t]|$)/;

/**
 * `# ` at the start of a line, or after a host's name (`external-console # rbd status`): root's
 * prompt in a console transcript when what follows reads as a command, else a comment.
 */
const ROOT_PROMPT = /^[ \t]*(?:[\w.-]+ )?#(?:[ \t]|$)/;

/**
 * Prompts of programs other than the shell: psql (`postgres=# `, `db=> `, `db-# `), `mysql> `,
 * `sqlite> `, redis (`127.0.0.1:6379> `), `irb(main):001:0> `, `gpg/card> `, mongo (`rs0:PRIMARY> `),
 * `MariaDB [(none)]> `, `(gdb) `, python's `>>> `, PowerShell's `PS C:\> `.
 */
const OTHER_PROMPT = /^[ \t]*(?:[\w.-]+[=\-('"][#>]|(?!\d+>)[\w.:/@-]*(?:\([\w.:]*\)[\w.:]*)?[\w)\]]>|MariaDB \[[^\]\n]*\]>|\((?:gdb|lldb|[Pp]db|cmd)\)|>>>|(?:PS )?[A-Za-z]:\\[^>\n]*>)(?:[ \t]|$)/;

export type Prompt = { kind: 'shell' | 'root'; length: number } | { kind: 'other' };

/** The prompt a line starts with, if any; `root` is a `# ` that only a console transcript reads as a prompt. */
export function promptOf(line: string): Prompt | undefined {
  const shell = SHELL_PROMPT.exec(line);
  if (shell) return { kind: 'shell', length: shell[0].length };
  const root = ROOT_PROMPT.exec(line);
  if (root) return { kind: 'root', length: root[0].length };
  if (OTHER_PROMPT.test(line)) return { kind: 'other' };
  return undefined;
}
