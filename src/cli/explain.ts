import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { UsageError } from '../config/errors.js';
import { HEALTH_RULES_BY_ID } from '../rules/health-index.js';
import { RULES_BY_ID } from '../rules/index.js';
import { docsPath } from '../rules/rule.js';
import { PACKAGE_ROOT } from './package-info.js';

export function explainCommand(setExitCode: (code: number) => void): Command {
  return new Command('explain')
    .description("Print a rule's documentation: why it exists, bad and good YAML, how to suppress it")
    .argument('<rule>', 'rule id, as shown by `hctl check --list-rules` or `hctl health --list-rules`')
    .action(async (ruleId: string) => {
      if (!RULES_BY_ID.has(ruleId) && !HEALTH_RULES_BY_ID.has(ruleId)) throw new UsageError(`unknown rule "${ruleId}" (hctl check --list-rules and hctl health --list-rules show them all)`);
      process.stdout.write(await readFile(new URL(docsPath(ruleId), PACKAGE_ROOT), 'utf8'));
      setExitCode(0);
    });
}
