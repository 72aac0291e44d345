import type { ShellCommand, ShellWord } from './analysis';

/**
 * Commands that run other commands somewhere else (another machine, a container, another user's
 * login shell) or in a shell of their own: `ssh db1 'df -h'`, `kubectl exec pod -- sh -c '…'`,
 * `knife ssh 'role:db' 'sudo systemctl restart pg'`, `bash -c '…'`. Nothing is run: OpsDocs only
 * reads which words are the inner command, so that the rules see it as the reader's command too,
 * and so that a script it names is not looked up in the reader's workspace.
 */
export interface CommandRun {
  /** How the inner command reaches where it runs ("ssh db1"); undefined: where the outer command runs. */
  via?: string;
  /** The inner command as words of the outer one (`ssh db1 uptime`, `kubectl exec pod -- ls /data`). */
  words?: ShellWord[];
  /** A word that holds the inner command as text (`'sudo rm -rf /data'`). */
  script?: ShellWord;
  /** An interactive shell: the lines after the command run in it (`ssh db1`, `kubectl exec -it pod -- bash`). */
  shell?: boolean;
}

/** Programs that are shells: `-c TEXT` runs TEXT, no operand opens an interactive shell. */
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'mksh', 'fish']);
/** ssh's options that take a value (`-i key`, `-p 2222`, `-o Opt=x`, `-J bastion`). */
const SSH_VALUED = 'BbcDEeFIiJLlmOoPpQRSWw';

/** `kubectl exec`, `docker exec`, `oc rsh`: the tool's verb, its options with a value, and how its inner command is given. */
interface Exec {
  valued: readonly string[];
  /** `dashdash`: after `--` (kubectl); `operand`: after the first operand (docker exec CONTAINER cmd). */
  command: 'dashdash' | 'operand';
  /** When there is no inner command: the verb opens a shell (`oc rsh pod`, `oc debug node/x`), or needs `-i`/`-t` to (`kubectl debug -it`). */
  bare?: 'shell' | 'interactive';
}

const KUBECTL_VALUED = ['-n', '--namespace', '-c', '--container', '--context', '--kubeconfig', '--cluster', '--user', '-l', '--selector', '--image', '--profile', '--target', '--pod-running-timeout', '--shell', '--timeout', '-f', '--filename'];
const DOCKER_EXEC_VALUED = ['-e', '--env', '-u', '--user', '-w', '--workdir', '--env-file', '--detach-keys'];

const EXECS: Record<string, Record<string, Exec>> = {
  kubectl: {
    exec: { valued: KUBECTL_VALUED, command: 'dashdash', bare: 'interactive' },
    debug: { valued: KUBECTL_VALUED, command: 'dashdash', bare: 'interactive' },
    rsh: { valued: KUBECTL_VALUED, command: 'operand', bare: 'shell' },
    attach: { valued: KUBECTL_VALUED, command: 'dashdash', bare: 'interactive' },
  },
  docker: { exec: { valued: DOCKER_EXEC_VALUED, command: 'operand', bare: 'interactive' } },
  podman: { exec: { valued: DOCKER_EXEC_VALUED, command: 'operand', bare: 'interactive' } },
  nerdctl: { exec: { valued: DOCKER_EXEC_VALUED, command: 'operand', bare: 'interactive' } },
  crictl: { exec: { valued: [], command: 'operand', bare: 'interactive' } },
};

/** The command a command runs, and where; undefined when it runs none. `original` is the block's text, for names. */
export function commandRunBy(command: ShellCommand, original: string): CommandRun | undefined {
  const name = command.program.value;
  const text = (word: ShellWord) => original.slice(word.start, word.end);
  // `watch 'kubectl get pods'` runs its argument through `sh -c`.
  if (command.program.quoted && command.wrappers[command.wrappers.length - 1] === 'watch') return { script: command.program };
  if (name === undefined) return undefined;
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (SHELLS.has(base)) return shellRun(command.args);
  if (base === 'eval') return command.args.length === 1 && command.args[0].quoted ? { script: command.args[0] } : undefined;
  if (base === 'ssh') return sshRun(command.args, text);
  if (base === 'su') return suRun(command.args, text);
  if (base === 'sudo' && command.args.length > 0 && command.args.every((arg) => /^-(?:i|-login)$/.test(arg.value ?? ''))) return { via: 'sudo -i', shell: true };
  if (base === 'chroot' && command.args.length === 1) return { via: `chroot ${text(command.args[0])}`, shell: true };
  const verb = firstOperand(command.args, command.tool === 'kubectl' ? KUBECTL_VALUED : []);
  if (base === 'knife' && verb?.value === 'ssh') return knifeRun(command.args.slice(command.args.indexOf(verb) + 1));
  const exec = EXECS[command.tool ?? '']?.[verb?.value ?? ''];
  // `oc debug node/x` opens a shell on the node; `kubectl debug` needs `-it` to.
  const bare = base === 'oc' && verb?.value === 'debug' ? 'shell' : exec?.bare;
  if (exec) return execRun(command.args.slice(command.args.indexOf(verb!) + 1), { ...exec, bare }, `${name} ${verb!.value}`);
  return undefined;
}

/** The first word that is no option nor an option's value (`kubectl -n prod exec` → exec). */
function firstOperand(args: ShellWord[], valued: readonly string[]): ShellWord | undefined {
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value ?? '-';
    if (!value.startsWith('-')) return args[i];
    if (valued.includes(value)) i++;
  }
  return undefined;
}

/** `bash -c '…'` (also `-lc`, `-ec`), or an interactive shell when there is no operand. */
function shellRun(args: ShellWord[]): CommandRun | undefined {
  const flag = args.findIndex((arg) => /^-[a-zA-Z]+$/.test(arg.value ?? '') && arg.value!.includes('c'));
  if (flag >= 0) return args[flag + 1] ? { script: args[flag + 1] } : undefined;
  return args.some((arg) => !(arg.value ?? '').startsWith('-')) ? undefined : { shell: true };
}

function sshRun(args: ShellWord[], text: (word: ShellWord) => string): CommandRun | undefined {
  let i = 0;
  let tunnel = false;
  for (; i < args.length; i++) {
    const value = args[i].value ?? '';
    if (!value.startsWith('-') || value === '-') break;
    if (value === '--') {
      i++;
      break;
    }
    // `-N` forwards ports and `-O` talks to a master connection: neither opens a shell.
    if (/^-[a-zA-Z]*[NOWf]/.test(value)) tunnel = true;
    if (takesValue(value, SSH_VALUED)) i++;
  }
  const destination = args[i];
  if (!destination) return undefined;
  const via = `ssh ${text(destination)}`;
  const rest = args.slice(i + 1);
  if (rest.length === 0) return tunnel ? undefined : { via, shell: true };
  return rest.length === 1 && rest[0].quoted ? { via, script: rest[0] } : { via, words: rest };
}

/** Whether a cluster of short options (`-p`, `-At`, `-tti`) ends in one that takes the next word as its value. */
function takesValue(option: string, valued: string): boolean {
  if (option.startsWith('--')) return false;
  for (let i = 1; i < option.length; i++) {
    // `-p2222`: the rest of the word is the value.
    if (valued.includes(option[i])) return i === option.length - 1;
  }
  return false;
}

/** `su -c 'cmd' postgres`, `su - postgres` (a login shell: the lines after it run in the user's home). */
function suRun(args: ShellWord[], text: (word: ShellWord) => string): CommandRun | undefined {
  const login = args.some((arg) => /^(?:-|-l|--login)$/.test(arg.value ?? ''));
  const flag = args.findIndex((arg) => /^(?:-c|--command)$/.test(arg.value ?? ''));
  const user = args.find((arg, i) => !(arg.value ?? '').startsWith('-') && i !== flag + 1);
  const via = login ? `su - ${user ? text(user) : ''}`.trim() : undefined;
  if (flag >= 0) return args[flag + 1] ? { via, script: args[flag + 1] } : undefined;
  return { via: via ?? `su ${user ? text(user) : ''}`.trim(), shell: true };
}

/** `knife ssh QUERY COMMAND`: the command runs on every node the query finds. */
function knifeRun(args: ShellWord[]): CommandRun | undefined {
  const operands = args.filter((arg) => !(arg.value ?? '').startsWith('-'));
  const inner = operands[1];
  if (!inner) return undefined;
  return inner.quoted ? { via: 'knife ssh', script: inner } : { via: 'knife ssh', words: [inner] };
}

function execRun(args: ShellWord[], exec: Exec, via: string): CommandRun | undefined {
  let words: ShellWord[] | undefined;
  if (exec.command === 'dashdash') {
    const dashdash = args.findIndex((arg) => arg.value === '--');
    if (dashdash >= 0) words = args.slice(dashdash + 1);
  } else {
    for (let i = 0; i < args.length; i++) {
      const value = args[i].value ?? '';
      if (value.startsWith('-')) {
        if (exec.valued.includes(value)) i++;
        continue;
      }
      words = args.slice(i + 1);
      break;
    }
  }
  if (words && words.length > 0) return { via, words };
  const interactive = args.some((arg) => /^-[a-zA-Z]*[it]|^--(?:stdin|tty)$/.test(arg.value ?? ''));
  return exec.bare === 'shell' || (exec.bare === 'interactive' && interactive) ? { via, shell: true } : undefined;
}
