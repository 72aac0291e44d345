import { changeTo, closest, DID_YOU_MEAN } from '../engine/closest';
import { anchorsOf, localLinks, MARKDOWN_FILE, splitDestination, targetDocument } from '../engine/document/links';
import { slugFlavourFor } from '../engine/document/slugs';
import type { Rule } from '../engine/rule';
import { resolveTarget } from './link-broken';

export const linkAnchor: Rule = {
  id: 'link-anchor',
  description: "A #fragment that names no heading of its target (the slug rules of the host that renders it: GitHub, GitLab, MkDocs or Hugo).",
  defaultSeverity: 'warning',
  fixes: { [DID_YOU_MEAN]: 'suggestion' },
  check(context) {
    const { doc, fs, config, range, report } = context;
    for (const link of localLinks(doc)) {
      const { file, fragment } = splitDestination(link.url);
      if (!fragment || (file && !MARKDOWN_FILE.test(file))) continue;
      const targetPath = file ? resolveTarget(context, file) : doc.path;
      const target = targetPath === doc.path ? doc : targetDocument(fs, targetPath);
      if (!target) continue; // a missing file is link-broken's finding
      const anchors = anchorsOf(target, slugFlavourFor(config, targetPath, fs));
      if (anchors.some((anchor) => anchor.toLowerCase() === fragment.toLowerCase())) continue;
      const written = doc.text.slice(link.start, link.end);
      const start = link.start + written.indexOf('#') + 1;
      // `#rollback` for `#rollback-plan`: a heading that grew words since the link was written.
      const suggestion = closest(fragment, anchors) ?? anchors.find((anchor) => anchor.startsWith(fragment.toLowerCase()));
      const where = file ? `"${file}"` : 'this document';
      report({
        message: `No heading of ${where} has the anchor "#${fragment}"${suggestion ? `; did you mean "#${suggestion}"?` : ''}`,
        range: range(start, link.end),
        fixes: changeTo(range(start, link.end), suggestion, `#${suggestion}`),
      });
    }
  },
};
