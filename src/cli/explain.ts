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
      process.stdout.write(await ruleDocumentation(ruleId));
      setExitCode(0);
    });
}

/** A rule's page under docs/rules/, as Markdown; an unknown id is a UsageError that suggests the nearest. */
export async function ruleDocumentation(ruleId: string): Promise<string> {
  if (!isKnownRule(ruleId)) throw new UsageError(unknownRuleMessage(ruleId));
  return readFile(new URL(docsPath(ruleId), PACKAGE_ROOT), 'utf8');
}
