import type { Rule } from '../engine/rule';

interface SecretPattern {
  kind: string;
  pattern: RegExp;
  /** Index of the capture group holding the secret itself (0: the whole match). */
  group: number;
  /** A check of the shape that the pattern alone would need backtracking for. */
  shaped?: (value: string) => boolean;
}

/** Credentials with a recognisable shape; each matched value is checked against `isPlaceholder`. */
const PATTERNS: SecretPattern[] = [
  { kind: 'AWS access key id', pattern: /\b((?:AKIA|ASIA)[0-9A-Z]{16})\b/g, group: 1 },
  { kind: 'AWS secret access key', pattern: /aws_secret_access_key["']?\s*[=:]\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi, group: 1 },
  { kind: 'private key', pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----/g, group: 0 },
  { kind: 'GitHub token', pattern: /\b(gh[pousr]_[A-Za-z0-9]{36,})\b/g, group: 1 },
  { kind: 'Slack token', pattern: /\b(xox[baprs]-[A-Za-z0-9-]{10,})\b/g, group: 1 },
  { kind: 'Google API key', pattern: /\b(AIza[0-9A-Za-z_-]{35})\b/g, group: 1 },
  { kind: 'Stripe secret key', pattern: /\b((?:sk|rk)_live_[0-9A-Za-z]{16,})\b/g, group: 1 },
  { kind: 'JSON Web Token', pattern: /(?<![\w.-])(eyJ[\w.-]+)/g, group: 1, shaped: isJsonWebToken },
  { kind: 'bearer token', pattern: /\bBearer\s+([A-Za-z0-9._~+/-]{20,}=*)/g, group: 1 },
  { kind: 'password in a URL', pattern: /(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:/@'"`]{1,256}:([^\s@/'"`]{1,256})@/gi, group: 1 },
];

/** `export DB_PASSWORD=…`, `API_TOKEN="…"` in shell. */
const ASSIGNMENT = /\b(?:export\s+)?([A-Z][A-Z0-9_]*(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS|PWD|CREDENTIALS?))=(["']?)([^\s"'`]{8,})\2/g;
/** Any `export X=value` whose value looks random enough to be a credential. */
const EXPORT = /\bexport\s+([A-Za-z_][A-Za-z0-9_]*)=(["']?)([^\s"'`]{20,})\2/g;

export const secret: Rule = {
  id: 'secret',
  description: 'A credential pasted into the document (reported masked, never echoed).',
  defaultSeverity: 'error',
  // The masked value changes the command; the real remedy (rotating the credential) is a person's.
  fixes: { 'mask-secret': 'suggestion' },
  check({ doc, report, range }) {
    const seen = new Set<number>();
    const found = (kind: string, value: string, at: number) => {
      if (seen.has(at) || isPlaceholder(value)) return;
      seen.add(at);
      report({
        message: `Possible ${kind} in the document: ${mask(value)}; move it to a secret store and reference it instead`,
        range: range(at, at + value.length),
        fixes: [{ id: 'mask-secret', title: 'Replace the value with a placeholder', edits: [{ range: range(at, at + value.length), newText: `<${placeholderName(kind)}>` }] }],
      });
    };
    for (const { kind, pattern, group, shaped } of PATTERNS) {
      for (const match of doc.text.matchAll(pattern)) {
        const value = kind === 'private key' ? wholeKeyBlock(doc.text, match.index!, match[0]) : match[group];
        if (!value || (shaped && !shaped(value)) || (kind === 'password in a URL' && isPlainValue(value))) continue;
        found(kind, value, match.index! + match[0].indexOf(match[group]));
      }
    }
    for (const match of doc.text.matchAll(ASSIGNMENT)) {
      if (!isPlainValue(match[3], match[1])) found(`secret in ${match[1]}`, match[3], match.index! + match[0].lastIndexOf(match[3]));
    }
    for (const match of doc.text.matchAll(EXPORT)) {
      const value = match[3];
      if (entropy(value) >= 4 && /\d/.test(value) && /[a-z]/i.test(value) && !isPlainValue(value, match[1]) && !isHash(value)) {
        found(`secret in ${match[1]}`, value, match.index! + match[0].lastIndexOf(value));
      }
    }
  },
};

/**
 * From the BEGIN line through its END line (a string search: no regex runs over the key); a lone
 * header is no key, nor is a block whose body was cut out (`(snip)`, `...`): too little base64 to be one.
 */
function wholeKeyBlock(text: string, start: number, header: string): string | undefined {
  const footer = header.replace('BEGIN', 'END');
  const end = text.indexOf(footer, start + header.length);
  if (end < 0 || end - start > 16_384) return undefined;
  const body = text.slice(start + header.length, end);
  return (body.match(/[A-Za-z0-9+/=]/g)?.length ?? 0) < MIN_KEY_BODY ? undefined : text.slice(start, end + footer.length);
}

/** The shortest private key (an Ed25519 OpenSSH key) has some 250 base64 characters; a cut-down example far fewer. */
const MIN_KEY_BODY = 64;

/**
 * Values that name something rather than hold a credential: a path (`/etc/app/key.pem`,
 * `~/.ssh/id_rsa`), a web address, a host and port, a plain word or words (`changeit` is a
 * documented default, not a leaked secret), a value of a variable that says it holds a hash,
 * file, path, address or name (`KEY_FILE`, `TOKEN_URL`, `SECRET_NAME`, `SIGNING_KEY_SHA`).
 */
function isPlainValue(value: string, name = ''): boolean {
  if (/(?:^|_)(?:FILE|PATH|DIR|URL|URI|HOST|ENDPOINT|NAME|ID|REF|SHA\d*|HASH|DIGEST|CHECKSUM|FINGERPRINT|COMMIT|REVISION|VERSION)(?:_|$)/.test(name.toUpperCase())) return true;
  if (/^(?:~|\.{1,2})?\/[\w.@%+-]+(?:\/[\w.@%+-]*)*$/.test(value)) return true; // an absolute or home path
  if (/^[\w.-]+(?:\/[\w.-]+)+$/.test(value) && /\.[a-z]{2,5}$|\/$/i.test(value)) return true; // a relative path to a file or folder
  if (/^[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+(?:[:/]|$)/i.test(value)) return true; // a web address without credentials
  if (/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b|\.(?:svc|local|internal|com|net|org|io)(?::\d+)?$/.test(value)) return true; // a host
  return /^[A-Za-z]+(?:[-_.][A-Za-z]+)*$/.test(value);
}

/** A git commit, a checksum or a digest: hexadecimal of a hash's length, or `sha256:…`. */
function isHash(value: string): boolean {
  return /^(?:sha\d+|md5):[0-9a-f]+$/i.test(value) || (/^[0-9a-f]+$/i.test(value) && [7, 8, 10, 12, 32, 40, 64, 128].includes(value.length));
}

/** Values a writer put there on purpose: variables, fill-ins, documented examples, redactions. */
function isPlaceholder(value: string): boolean {
  if (/^[$<{[(%]|\$\(|\$\{|\{\{|<[^<>]*>/.test(value)) return true;
  if (/example|sample|dummy|fake|placeholder|changeme|redacted|your[-_]?|xxxx|\*\*\*|\.\.\./i.test(value)) return true;
  if (/^(.)\1+$/.test(value)) return true;
  // Documentation's sample values count up: `xoxb-1234567890-…`, `0123456789abcdef`.
  if (/0123456789|1234567890|abcdefgh/i.test(value)) return true;
  return /^(password|secret|token|pass|pwd|passw0rd|admin|root|user)$/i.test(value);
}

/** Three base64url parts, the first two JSON objects (`eyJ` is `{"`), none empty or huge. */
function isJsonWebToken(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 3 && parts[1].startsWith('eyJ') && parts.every((part) => part.length >= 10 && part.length <= 8192);
}

/** Bits per character: random keys score above 4, words and paths below. */
function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Enough to find it, not enough to use it. */
export function mask(value: string): string {
  if (value.startsWith('-----BEGIN')) return `${value.split(/\r?\n/)[0]}… (${value.length} characters)`;
  return `${value.slice(0, Math.min(4, Math.floor(value.length / 4)))}… (${value.length} characters)`;
}

function placeholderName(kind: string): string {
  return kind.replace(/^secret in /, '').toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}
