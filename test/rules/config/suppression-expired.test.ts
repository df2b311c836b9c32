import rule from '../../../src/rules/config/suppression-expired.js';
import { ruleTester } from '../../rule-tester.js';

// The rule tester's "today" is 2026-06-01.
const pod = (until: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  containers:\n    - name: shell\n      image: busybox:latest # hctl-ignore image-unpinned reason="mirror pending" until=${until}\n`;

ruleTester(rule, {
  valid: [pod('2026-06-01'), pod('2027-01-01')],
  invalid: [{ code: pod('2026-05-31'), errors: [{ line: 8, message: 'expired on 2026-05-31 ("mirror pending")' }] }],
});
