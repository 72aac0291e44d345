import type { Rule } from '../engine/rule';

/** Home folders of real people: `/Users/alice/…`, `/home/alice/…`, `C:\Users\alice\…`. */
const HOME_PATH = /(?<![\w.~/-])(\/Users\/|\/home\/|[A-Za-z]:[\\/]Users[\\/])([A-Za-z0-9][\w.-]*)(?=[\\/\s`'")\]]|$)/gm;

/** Account names that are the same on every machine of their kind, not someone's laptop. */
const SHARED_ACCOUNTS = ['user', 'username', 'ubuntu', 'ec2-user', 'centos', 'debian', 'admin', 'runner', 'app', 'node', 'vagrant', 'shared', 'public', 'default', 'me', 'you', 'yourname', 'your-user'];

export const absolutePath: Rule = {
  id: 'absolute-path',
  description: 'A machine-specific path such as /Users/alice/… or C:\\Users\\alice\\….',
  defaultSeverity: 'warning',
  // `~` is the reader's home, not the account's the path names: a person's call.
  fixes: { 'home-to-tilde': 'suggestion' },
  check({ doc, options, report, range }) {
    const allowed = new Set([...SHARED_ACCOUNTS, ...((options.allow as string[] | undefined) ?? [])].map((a) => a.toLowerCase()));
    const from = doc.frontMatter?.end ?? 0;
    for (const match of doc.text.slice(from).matchAll(HOME_PATH)) {
      const account = match[2];
      if (allowed.has(account.toLowerCase())) continue;
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
