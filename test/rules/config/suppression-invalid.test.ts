import rule from '../../../src/rules/config/suppression-invalid.js';
import { ruleTester } from '../../rule-tester.js';

const pod = (comment: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  containers:\n    - name: shell\n      ${comment}\n      image: busybox:latest\n`;

ruleTester(rule, {
  valid: [pod('# hctl-ignore image-unpinned reason="throwaway debug pod" until=2099-01-01'), pod('# an ordinary comment')],
  invalid: [
    { name: 'no reason', code: pod('# hctl-ignore image-unpinned'), errors: [{ line: 8, column: 7, message: 'has no reason' }] },
    { name: 'an empty reason', code: pod('# hctl-ignore image-unpinned reason=""'), errors: [{ line: 8 }] },
    { name: 'an unknown rule', code: pod('# hctl-ignore image-unpined reason="typo"'), errors: [{ line: 8, message: 'unknown rule image-unpined; did you mean image-unpinned?' }] },
    { name: 'not a date', code: pod('# hctl-ignore image-unpinned reason="x" until=31-12-2026'), errors: [{ line: 8, message: 'is not a date' }] },
  ],
});
