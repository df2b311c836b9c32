import valid from 'semver/functions/valid.js';
import validRange from 'semver/ranges/valid.js';

/** What kind of chart version a string is: exact, a range/wildcard, or something else. */
export function classifyChartVersion(version: unknown): 'exact' | 'range' | 'missing' | 'invalid' {
  if (version === undefined || version === null || version === '') return 'missing';
  const text = String(version).trim();
  if (valid(text, { loose: true })) return 'exact';
  if (validRange(text, { loose: true })) return 'range';
  return 'invalid';
}
