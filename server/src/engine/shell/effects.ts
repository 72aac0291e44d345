import type { ShellCommand, ShellWord } from './analysis';
import { COMMAND_LINE_TOOLS } from './subcommands';

/**
 * What a command does to the system it runs on, as far as a reader can tell from its words:
 * destroys, changes, or only looks. Used by command-destructive and procedure-unverified.
 */

/** The program and its leading non-option words: `kubectl delete pod` → ["kubectl", "delete", "pod"]. */
function verbs(command: ShellCommand, count = 2): string[] {
  const words = [command.tool ?? ''];
  const valued = COMMAND_LINE_TOOLS[words[0]]?.valuedOptions ?? [];
  for (let i = 0; i < command.args.length && words.length <= count; i++) {
    const value = command.args[i].value ?? '';
    if (!value.startsWith('-')) words.push(value);
    else if (valued.includes(value)) i++; // `kubectl -n prod delete`: prod is the option's value
  }
  return words;
}

/** The program as the reader typed it: `oc`, not the `kubectl` it is to the rules. */
export function typedName(command: ShellCommand): string {
  return command.program.value ?? command.tool ?? '';
}

/** The program and its subcommand as the reader typed them ("kubectl apply", "oc apply"), with the last word's end. */
export function actionOf(command: ShellCommand): { name: string; end: number } {
  const [program, verb] = verbs(command, 1);
  const verbWord = verb && COMMAND_LINE_TOOLS[program] ? command.args.find((arg) => arg.value === verb) : undefined;
  return verbWord ? { name: `${typedName(command)} ${verb}`, end: verbWord.end } : { name: typedName(command), end: command.program.end };
}

function flags(command: ShellCommand): string[] {
  return command.args.map((arg) => arg.value ?? '').filter((value) => value.startsWith('-'));
}

function hasShortFlag(command: ShellCommand, letter: string): boolean {
  return flags(command).some((flag) => /^-[A-Za-z]+$/.test(flag) && flag.includes(letter));
}

/** `--dry-run`, `--dry-run=client`, `terraform plan`, `kubectl diff`, `helm diff`: a rehearsal of a change. */
export function isDryRun(command: ShellCommand): boolean {
  const [program, verb] = verbs(command);
  return flags(command).some((flag) => /^--dry-run(?:=(?!none$).*)?$/.test(flag) || flag === '--check' || flag === '--noop' || flag === '--what-if')
    || (program === 'terraform' && verb === 'plan') || (program === 'kubectl' && verb === 'diff') || (program === 'helm' && verb === 'diff');
}

/**
 * Kubernetes objects whose deletion loses no data: a controller makes a new one (a pod, a
 * ServiceAccount's token), or they are access rules and classes applied again from their
 * manifests. Deleting a pod is how a reader restarts it.
 */
const KUBERNETES_REBUILT = /^(?:pods?|po|replicasets?|rs|events?|ev|endpoints|ep|endpointslices?|leases?|serviceaccounts?|sa|roles?|rolebindings?|clusterroles?|clusterrolebindings?|storageclass(?:es)?|sc|certificatesigningrequests?|csr)(?:\.[\w.-]+)?(?:\/|$)/i;

/**
 * The destructive action of a command, named as the reader typed it ("rm -rf", "oc delete"),
 * with the words that make it so; undefined for anything else.
 */
export function destructiveAction(command: ShellCommand): { name: string; words: ShellWord[] } | undefined {
  if (isDryRun(command)) return undefined;
  const [tool, verb] = verbs(command);
  const program = typedName(command);
  const verbWord = command.args.find((arg) => arg.value === verb);
  const named = (name: string, ...words: Array<ShellWord | undefined>) => ({ name, words: [command.program, ...words.filter((w): w is ShellWord => !!w)] });
  const flag = (pattern: RegExp) => command.args.find((arg) => pattern.test(arg.value ?? ''));
  switch (tool) {
    case 'rm': {
      const recursive = hasShortFlag(command, 'r') || hasShortFlag(command, 'R') || flags(command).includes('--recursive');
      const force = hasShortFlag(command, 'f') || flags(command).includes('--force');
      return recursive && force ? named('rm -rf', ...command.args.filter((arg) => (arg.value ?? '').startsWith('-'))) : undefined;
    }
    case 'kubectl':
      if (verb === 'delete' && !KUBERNETES_REBUILT.test(verbs(command, 3)[2] ?? '')) return named(`${program} delete`, verbWord);
      if (verb === 'replace' && flag(/^--force$/)) return named(`${program} replace --force`, verbWord);
      return undefined;
    case 'helm':
      return ['uninstall', 'delete', 'del', 'un'].includes(verb) ? named(`${program} ${verb}`, verbWord) : undefined;
    case 'terraform':
      if (verb === 'destroy') return named('terraform destroy', verbWord);
      return verb === 'apply' && flag(/^-destroy$/) ? named('terraform apply -destroy', verbWord) : undefined;
    case 'dd':
      return flag(/^of=/) ? named('dd of=', flag(/^of=/)) : undefined;
    case 'git':
      if (verb === 'push' && flag(/^(?:--force|-f|--force-with-lease(?:=.*)?|--mirror|--delete)$/)) return named('git push --force', verbWord);
      if (verb === 'reset' && flag(/^--hard$/)) return named('git reset --hard', verbWord);
      if (verb === 'clean' && hasShortFlag(command, 'f')) return named('git clean -f', verbWord);
      return undefined;
    case 'docker':
      if (verb === 'system' || verb === 'volume' || verb === 'image' || verb === 'container') {
        const action = verbs(command, 3)[2];
        if (action === 'prune' || action === 'rm') return named(`${program} ${verb} ${action}`, verbWord);
      }
      return undefined;
    case 'redis-cli':
      return command.args.find((arg) => /^flush(?:all|db)$/i.test(arg.value ?? '')) ? named('redis-cli flushall') : undefined;
    case 'wipefs':
    case 'shred':
      return named(tool);
    case 'aws':
    case 'gcloud':
    case 'az': {
      // `aws s3 rb`, `aws ec2 terminate-instances`, `gcloud compute instances delete`, `az group delete`.
      const words = verbs(command, 4).slice(1);
      const action = words.find((word) => /^(?:delete|terminate|rb|purge|destroy)(?:-|$)/.test(word) || (word === 'rm' && flag(/^--recursive$/)));
      return action ? named(`${tool} … ${action}`, command.args.find((arg) => arg.value === action)) : undefined;
    }
    default:
      return /^mkfs(?:\.\w+)?$/.test(tool) ? named(tool) : undefined;
  }
}

/** Verbs that change a system, per tool; the destructive ones count too. */
const MUTATING: Record<string, readonly string[]> = {
  kubectl: ['apply', 'create', 'delete', 'patch', 'scale', 'set', 'edit', 'replace', 'drain', 'cordon', 'uncordon', 'label', 'annotate', 'taint', 'rollout', 'autoscale', 'expose', 'run', 'cp'],
  helm: ['install', 'upgrade', 'rollback', 'uninstall', 'delete', 'del', 'un'],
  systemctl: ['start', 'stop', 'restart', 'reload', 'reload-or-restart', 'try-restart', 'enable', 'disable', 'mask', 'unmask', 'kill', 'isolate'],
  service: [],
  docker: ['run', 'rm', 'stop', 'restart', 'kill', 'start', 'compose', 'system', 'volume', 'pull', 'update'],
  terraform: ['apply', 'destroy', 'import', 'taint'],
  git: ['push', 'merge', 'reset', 'revert', 'rebase', 'clean'],
  psql: [],
};

/** Read-only verbs of kubectl rollout: `kubectl rollout status` looks, `rollout restart` changes. */
const ROLLOUT_READS = ['status', 'history'];

export function isMutating(command: ShellCommand): boolean {
  if (isDryRun(command)) return false;
  if (destructiveAction(command)) return true;
  const [program, verb, object] = verbs(command);
  if (program === 'service') return ['start', 'stop', 'restart', 'reload'].includes(object);
  if (program === 'kubectl' && verb === 'rollout') return !ROLLOUT_READS.includes(object);
  if (program === 'docker' && verb === 'compose') return ['up', 'down', 'restart', 'stop', 'rm', 'start', 'pull'].includes(verbs(command, 3)[2]);
  // `docker run --rm image tool …` uses a container as a tool: what changes is the tool's business.
  if ((program === 'docker' || program === 'podman') && verb === 'run' && command.args.some((arg) => arg.value === '--rm')) return false;
  return MUTATING[program]?.includes(verb) ?? false;
}

/** Verbs that only look, per tool: a reader runs these to see that a change worked. */
const CHECKS: Record<string, readonly string[]> = {
  kubectl: ['get', 'describe', 'logs', 'top', 'wait', 'events', 'diff', 'auth'],
  helm: ['status', 'list', 'ls', 'history', 'get', 'test'],
  systemctl: ['status', 'is-active', 'is-enabled', 'is-failed', 'show', 'list-units'],
  docker: ['ps', 'logs', 'inspect', 'stats', 'top', 'images'],
  git: ['status', 'log', 'show', 'diff'],
  terraform: ['plan', 'show', 'output', 'state'],
};

/** Programs that only look, whatever their arguments. */
const CHECK_PROGRAMS = new Set(['curl', 'wget', 'http', 'ping', 'dig', 'nslookup', 'pg_isready', 'journalctl', 'watch', 'promtool', 'amtool', 'nc', 'openssl', 'test', 'grep', 'jq', 'ss', 'netstat', 'tail', 'cat', 'df', 'du', 'free', 'ps', 'top', 'uptime', 'redis-cli', 'psql', 'mysql', 'etcdctl', 'patronictl', 'aws', 'gcloud', 'az']);
/** Words in the name of a workspace script that checks: `./scripts/post_deploy_validate.sh`, `check-health.sh`. */
const CHECK_SCRIPT_WORDS = ['verify', 'validat', 'check', 'health', 'smoke', 'status', 'test'];

export function isCheck(command: ShellCommand): boolean {
  if (isMutating(command)) return false;
  const [program, verb, object] = verbs(command);
  if (program === 'kubectl' && verb === 'rollout') return ROLLOUT_READS.includes(object);
  if (program === 'service') return object === 'status';
  if (CHECKS[program]) return CHECKS[program].includes(verb);
  const scriptName = program.slice(program.lastIndexOf('/') + 1).toLowerCase();
  return CHECK_PROGRAMS.has(program) || (program.includes('/') && CHECK_SCRIPT_WORDS.some((word) => scriptName.includes(word)));
}
