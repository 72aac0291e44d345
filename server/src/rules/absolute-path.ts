import { visit } from '../engine/document/visit';
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

/** A user name as Unix tools take it. */
const ACCOUNT = /^[a-z_][\w.-]*$/i;
const LINE_MAX = 1_000;

/**
 * The accounts a document names as accounts that a server runs, rather than people: `sudo -u git`,
 * `su - postgres`, `useradd -m deploy`, `runuser -u app`, `chown argocd:argocd`, `--user nginx`,
 * `User=grafana` (systemd), `USER app` (Dockerfile), `ssh deploy@host`. Read word by word (no
 * regular expression backtracks over a long line).
 */
function namedAccounts(text: string): Set<string> {
  const accounts = new Set<string>();
  const add = (name: string | undefined) => {
    if (name && ACCOUNT.test(name)) accounts.add(name.toLowerCase());
  };
  for (const line of text.split('\n')) {
    if (line.length > LINE_MAX) continue;
    const words = line.trim().split(/[ \t]+/).map(unquote);
    const first = words[0] ?? '';
    if (/^(?:User|Group)=/.test(first)) add(first.slice(first.indexOf('=') + 1));
    if (first === 'USER') add(words[1]);
    words.forEach((word, i) => {
      const next = words[i + 1];
      if (word === '--user' || word === '-u') add(next);
      else if (word.startsWith('--user=')) add(word.slice('--user='.length));
      else if (word === 'su') add(words.slice(i + 1).find((w) => !w.startsWith('-')));
      else if (word === 'chown') add(words.slice(i + 1).find((w) => !w.startsWith('-'))?.split(/[:.]/)[0]);
      else if (/^(?:useradd|adduser|usermod|userdel)$/.test(word)) add(words[words.length - 1]);
      else if (/^(?:ssh|scp|rsync|sftp)$/.test(word)) for (const later of words.slice(i + 1)) if (later.includes('@')) add(later.slice(0, later.indexOf('@')));
    });
  }
  return accounts;
}

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
 * when the document uses it as an account (namedAccounts), or when the document runs or names a
 * program of that name in its code (`/home/argocd` in a page of `argocd` commands: the account the
 * image runs its program as). A person's name does not turn up in commands.
 */
function serverAccounts(doc: OpsDocument): ServerAccounts {
  const text = doc.text;
  const accounts = namedAccounts(text);
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

/** A word without the quotes, brackets and punctuation around it. */
function unquote(word: string): string {
  const edge = '"\'`();,';
  let start = 0;
  let end = word.length;
  while (start < end && edge.includes(word[start])) start++;
  while (end > start && edge.includes(word[end - 1])) end--;
  return word.slice(start, end);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
