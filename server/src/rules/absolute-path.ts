import { visit } from 'unist-util-visit';
import type { OpsDocument } from '../engine/document/parse';
import type { Rule } from '../engine/rule';

/** Home folders of real people: `/Users/alice/…`, `/home/alice/…`, `C:\Users\alice\…`. */
const HOME_PATH = /(?<![\w.~/-])(\/Users\/|\/home\/|[A-Za-z]:[\\/]Users[\\/])([A-Za-z0-9][\w.-]*)(?=[\\/\s`'")\]]|$)/gm;

/** Account names that are the same on every machine of their kind (cloud images, CI runners, packaged services), not someone's laptop. */
const SHARED_ACCOUNTS = [
  'user', 'username', 'ubuntu', 'ec2-user', 'centos', 'debian', 'fedora', 'rocky', 'admin', 'azureuser', 'cloud-user', 'opc', 'core', 'pi',
  'runner', 'app', 'node', 'vagrant', 'shared', 'public', 'default', 'me', 'you', 'yourname', 'your-user',
  'git', 'www-data', 'nobody', 'postgres', 'mysql', 'redis', 'jenkins', 'gitlab-runner', 'deploy', 'ansible',
];

/** Names a service account is given: `svc-backup`, `deploy-bot`, `build-agent`, `app_user`. */
const SERVICE_NAME = /^svc[-_.]|[-_.](?:svc|service|bot|agent|runner|daemon|deploy|ci|user)$/i;

/**
 * Where a document names an account that a server runs, rather than a person: `sudo -u git`,
 * `su - postgres`, `useradd -m deploy`, `chown argocd:argocd`, `runuser -u app`, `--user nginx`,
 * `User=grafana` (systemd), `USER app` (Dockerfile), `ssh deploy@host`.
 */
const ACCOUNT_IDIOMS = [
  /\bsudo[ \t]+(?:-\S+[ \t]+)*-u[ \t]*["']?([\w.-]+)/g,
  /\bsu[ \t]+(?:-[a-z]*[ \t]+|--login[ \t]+)*([a-z_][\w.-]*)/g,
  /\b(?:useradd|adduser|usermod|userdel)\b[^\n]*?[ \t]([a-z_][\w.-]*)[ \t]*$/gm,
  /\brunuser[ \t]+-u[ \t]+([\w.-]+)/g,
  /\bchown[ \t]+(?:-\S+[ \t]+)*([\w.-]+)[:. \t]/g,
  /--user(?:=|[ \t]+)["']?([a-z_][\w.-]*)/g,
  /^[ \t]*(?:User|Group)[ \t]*=[ \t]*([\w.-]+)/gm,
  /^[ \t]*USER[ \t]+([\w.-]+)/gm,
  /\b(?:ssh|scp|rsync|sftp)\b[^\n]*?[ \t]([a-z_][\w.-]*)@[\w.-]+/g,
];

export const absolutePath: Rule = {
  id: 'absolute-path',
  description: "A machine-specific path such as /Users/alice/… or C:\\Users\\alice\\… (a server account's home under /home is not one).",
  defaultSeverity: 'warning',
  // `~` is the reader's home, not the account's the path names: a person's call.
  fixes: { 'home-to-tilde': 'suggestion' },
  check({ doc, options, report, range }) {
    const allowed = new Set([...SHARED_ACCOUNTS, ...((options.allow as string[] | undefined) ?? [])].map((a) => a.toLowerCase()));
    const from = doc.frontMatter?.end ?? 0;
    let server: ServerAccounts | undefined;
    for (const match of doc.text.slice(from).matchAll(HOME_PATH)) {
      const account = match[2];
      if (allowed.has(account.toLowerCase())) continue;
      // `/home/<account>` on a server or in a container: the account the service runs as.
      if (match[1] === '/home/') {
        server ??= serverAccounts(doc);
        if (server.isServerAccount(account)) continue;
      }
      const start = from + match.index!;
      const end = start + match[0].length;
      report({
        message: `Machine-specific path "${match[0]}" will not exist on a reader's machine; use a path relative to the repository`,
        range: range(start, end),
        fixes: match[1].startsWith('/') ? [{ id: 'home-to-tilde', title: `Replace "${match[0]}" with "~"`, edits: [{ range: range(start, end), newText: '~' }] }] : [],
      });
    }
  },
};

interface ServerAccounts {
  isServerAccount(account: string): boolean;
}

/**
 * A home under /home belongs to a server account when the name looks like one (`svc-…`, `…-bot`),
 * when the document uses it as an account (ACCOUNT_IDIOMS), or when the document runs or names a
 * program of that name in its code (`/home/argocd` in a page of `argocd` commands: the account the
 * image runs its program as). A person's name does not turn up in commands.
 */
function serverAccounts(doc: OpsDocument): ServerAccounts {
  const text = doc.text;
  const accounts = new Set<string>();
  for (const idiom of ACCOUNT_IDIOMS) for (const match of text.matchAll(idiom)) accounts.add(match[1].toLowerCase());
  let code: string | undefined;
  const codeText = () => {
    if (code === undefined) {
      const parts: string[] = [];
      visit(doc.tree, ['code', 'inlineCode'], (node) => {
        if ('value' in node && typeof node.value === 'string') parts.push(node.value);
      });
      // The home paths themselves do not count as naming their account.
      code = parts.join('\n').replace(/\/(?:home|Users)\/[\w.-]+/g, ' ');
    }
    return code;
  };
  return {
    isServerAccount(account) {
      const name = account.toLowerCase();
      if (SERVICE_NAME.test(name) || accounts.has(name)) return true;
      return new RegExp(`(?<![\\w.-])${escapeRegExp(name)}(?![\\w])`, 'i').test(codeText());
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
