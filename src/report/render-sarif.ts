import type { Rule } from '../rules/rule.js';
import { headline, type Severity } from './finding.js';
import type { Report } from './report.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0, with regions on every located finding so code-scanning UIs annotate the line.
 * `uriPrefix` is the checked directory's path inside the repository, because code-scanning
 * services resolve artifact URIs from the repository root, not from where hctl was pointed.
 */
export function renderSarif(report: Report, rules: readonly Rule[], uriPrefix = ''): string {
  const prefix = uriPrefix === '' || uriPrefix.endsWith('/') ? uriPrefix : `${uriPrefix}/`;
  const ruleIndex = new Map(rules.map((rule, index) => [rule.meta.id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'hctl',
            version: report.tool.version,
            rules: rules.map((rule) => ({
              id: rule.meta.id,
              name: rule.meta.id,
              shortDescription: { text: rule.meta.title },
              fullDescription: { text: `${rule.meta.title}. Source: ${rule.meta.source}` },
              defaultConfiguration: { level: LEVEL[rule.meta.severity] },
              properties: { domain: rule.meta.domain, docs: `docs/rules/${rule.meta.id}.md` },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { description: { text: 'The root of the repository that holds the checked directory' } } },
        results: report.findings.map((finding) => ({
          ruleId: finding.rule,
          ruleIndex: ruleIndex.get(finding.rule),
          level: LEVEL[finding.severity],
          message: { text: `${headline(finding)}. ${finding.hint}` },
          ...(finding.location
            ? {
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: encodeURI(prefix + finding.location.file), uriBaseId: 'SRCROOT' },
                      region: { startLine: finding.location.line, startColumn: finding.location.column },
                    },
                  },
                ],
              }
            : {}),
          ...(finding.resource ? { properties: { resource: finding.resource } } : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
