import type { ShellWord } from './analysis';

/**
 * The five CLIs runbooks use most, as their current documentation has them, for what Fig's specs
 * (cliSpecs.ts) lack: git's and docker's many commands, kubectl's global options, newer
 * subcommands (`kubectl events`, `kubectl auth whoami`), and which of them take plugins.
 * A subcommand maps to its own subcommands when OpsDocs checks those as a closed set, else to `true`.
 */
export interface CommandLineTool {
  subcommands: Record<string, readonly string[] | true>;
  /** Global options that take a value in the next word (`kubectl -n prod get pods`). */
  valuedOptions: readonly string[];
  /** Global options that take none; any other option before the subcommand makes OpsDocs keep quiet. */
  flagOptions: readonly string[];
  /**
   * Plugins add subcommands (`kubectl krew`, `git lfs`, `docker compose`, `helm diff`): then only a
   * word close to a known subcommand is reported, as the typo it most likely is.
   */
  extensible: boolean;
}

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);
const table = (entries: Record<string, string | true>): Record<string, readonly string[] | true> =>
  Object.fromEntries(Object.entries(entries).map(([name, subs]) => [name, subs === true ? true : words(subs)]));
const plain = (names: string): Record<string, true> => Object.fromEntries(words(names).map((name) => [name, true]));

const kubectl: CommandLineTool = {
  subcommands: table({
    ...plain(`alpha annotate api-resources api-versions apply attach autoscale cluster-info completion cp create
      debug delete describe diff drain edit events exec explain expose get kustomize label logs options patch
      port-forward proxy replace run scale taint uncordon cordon version wait krew ctx ns neat tree`),
    rollout: 'history pause restart resume status undo',
    config: `current-context delete-cluster delete-context delete-user get-clusters get-contexts get-users
      rename-context set set-cluster set-context set-credentials unset use-context use view`,
    auth: 'can-i reconcile whoami',
    certificate: 'approve deny',
    top: 'node nodes no pod pods po',
    set: 'env image resources selector serviceaccount sa subject',
    plugin: 'list',
  }),
  valuedOptions: words(`-n --namespace --context --kubeconfig --cluster --user -s --server --token --as --as-group
    --as-uid --request-timeout --certificate-authority --client-certificate --client-key --cache-dir -v --v --tls-server-name`),
  flagOptions: words('--insecure-skip-tls-verify --match-server-version --warnings-as-errors -h --help'),
  extensible: true,
};

const docker: CommandLineTool = {
  subcommands: table({
    ...plain(`attach build builder buildx commit config cp create debug diff events exec export history images import
      info init inspect kill load login logout logs manifest node pause plugin port ps pull push rename restart rm
      rmi run save sbom scan scout search secret service stack start stats stop swarm tag top trust unpause update
      version wait`),
    container: `attach commit cp create diff exec export inspect kill logs ls list pause port prune rename restart
      rm run start stats stop top unpause update wait`,
    image: 'build history import inspect load ls list prune pull push rm save tag',
    network: 'connect create disconnect inspect ls list prune rm',
    volume: 'create inspect ls list prune rm update',
    system: 'df events info prune dial-stdio',
    context: 'create export import inspect ls list rm show update use',
    compose: `alpha attach build commit config cp create down events exec export images kill logs ls pause port ps
      pull push restart rm run scale start stats stop top unpause up version wait watch`,
  }),
  valuedOptions: words('-H --host -c --context --config -l --log-level --tlscacert --tlscert --tlskey'),
  flagOptions: words('-D --debug --tls --tlsverify -h --help -v --version'),
  extensible: true,
};

const git: CommandLineTool = {
  subcommands: table({
    ...plain(`add am annotate apply archive bisect blame branch bundle cat-file checkout cherry cherry-pick citool
      clean clone commit config count-objects describe diff difftool fetch filter-branch for-each-ref format-patch
      fsck gc grep gui hash-object help init instaweb log ls-files ls-remote ls-tree maintenance merge merge-base
      mergetool mv notes prune pull push range-diff rebase reflog repack replace request-pull reset restore revert
      rev-list rev-parse rm send-email shortlog show show-branch show-ref sparse-checkout status switch symbolic-ref
      tag update-index update-ref verify-commit verify-tag whatchanged lfs flow crypt secret`),
    remote: 'add get-url prune remove rename rm set-branches set-head set-url show update',
    stash: 'apply branch clear create drop list pop push save show store',
    worktree: 'add list lock move prune remove repair unlock',
    submodule: 'absorbgitdirs add deinit foreach init set-branch set-url status summary sync update',
  }),
  valuedOptions: words('-C -c --git-dir --work-tree --namespace --exec-path --config-env'),
  flagOptions: words('--no-pager -p --paginate -P --bare --no-replace-objects --literal-pathspecs -h --help --version'),
  extensible: true,
};

const systemctl: CommandLineTool = {
  subcommands: plain(`start stop reload restart try-restart reload-or-restart try-reload-or-restart condrestart
    force-reload kill clean freeze thaw is-active is-failed status show cat set-property help reset-failed
    list-dependencies list-units list-sockets list-timers list-jobs list-unit-files list-automounts list-paths
    list-machines enable disable reenable preset preset-all is-enabled mask unmask link revert add-wants add-requires
    edit get-default set-default isolate daemon-reload daemon-reexec log-level log-target service-watchdogs
    show-environment set-environment unset-environment import-environment default rescue emergency halt poweroff
    reboot kexec soft-reboot suspend hibernate hybrid-sleep suspend-then-hibernate switch-root is-system-running
    whoami bind mount-image`),
  valuedOptions: words(`-H --host -M --machine -t --type -p --property -s --signal --state --root -n --lines -o
    --output --kill-whom --kill-value --job-mode --what --timestamp --image`),
  flagOptions: words(`--user --system --global --now --no-pager -l --full -a --all -q --quiet --no-block --failed
    -f --force --runtime --no-reload --no-ask-password --show-types --plain --no-legend -r --recursive -i
    --ignore-inhibitors --no-wall --dry-run -h --help --version`),
  extensible: false,
};

const helm: CommandLineTool = {
  subcommands: table({
    ...plain(`completion create delete del env fetch help history inspect install lint list ls package pull push
      rollback status template test uninstall un upgrade verify version diff secrets unittest mapkubeapis`),
    repo: 'add index list ls remove rm update up',
    get: 'all hooks manifest metadata notes values',
    dependency: 'build list update',
    dep: 'build list update',
    show: 'all chart crds readme values',
    plugin: 'install list ls uninstall update',
    search: 'hub repo',
    registry: 'login logout',
  }),
  valuedOptions: words(`-n --namespace --kube-context --kubeconfig --repository-config --registry-config
    --repository-cache --kube-apiserver --kube-as-user --kube-as-group --kube-ca-file --kube-token --burst-limit --qps`),
  flagOptions: words('--debug --kube-insecure-skip-tls-verify -h --help'),
  extensible: true,
};

export const COMMAND_LINE_TOOLS: Record<string, CommandLineTool> = { kubectl, docker, git, systemctl, helm };

/** Where the subcommand is, past global options; undefined when an option of unknown arity comes first. */
export function subcommandIndex(tool: CommandLineTool, args: readonly ShellWord[]): number | undefined {
  let i = 0;
  while (i < args.length) {
    const value = args[i].value;
    if (value === undefined) return undefined;
    if (!value.startsWith('-')) return i;
    const option = value.split('=')[0];
    if (tool.valuedOptions.includes(option)) i += value.includes('=') ? 1 : 2;
    else if (tool.flagOptions.includes(option)) i += 1;
    else return undefined;
  }
  return undefined;
}
