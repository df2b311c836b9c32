import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { UsageError } from '../config/errors.js';
import { docsPath } from '../rules/rule.js';
import { isKnownRule, unknownRuleMessage } from '../rules/unknown-rule.js';
import { PACKAGE_ROOT } from './package-info.js';

export function explainCommand(setExitCode: (code: number) => void): Command {
  return new Command('explain')
    .description("Print a rule's documentation: why it exists, bad and good YAML, how to suppress it")
    .argument('<rule>', 'rule id, as shown by `hctl check --list-rules` or `hctl health --list-rules`')
    .action(async (ruleId: string) => {
      if (!isKnownRule(ruleId)) throw new UsageError(unknownRuleMessage(ruleId));
      process.stdout.write(await readFile(new URL(docsPath(ruleId), PACKAGE_ROOT), 'utf8'));
      setExitCode(0);
    });
}
