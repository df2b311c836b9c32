import jsyaml from 'js-yaml';
import path from 'node:path';
import { asList, asRecord } from './parse.js';

export interface SopsCreationRule {
  /** The `.sops.yaml` this rule comes from, relative to the checked directory. */
  configFile: string;
  pathRegex?: string;
  encryptedRegex?: string;
}

/** The `creation_rules` of every `.sops.yaml` in the repo, to tell which files sops would encrypt. */
export class SopsConfig {
  constructor(private readonly configs: { dir: string; file: string; rules: SopsCreationRule[] }[] = []) {}

  static fromFiles(files: { file: string; text: string }[]): SopsConfig {
    const configs = files.map(({ file, text }) => {
      let document: unknown;
      try {
        // js-yaml, already loaded for manifests: a .sops.yaml alone should not load the full parser.
        document = jsyaml.load(text);
      } catch {
        document = undefined;
      }
      const rules = asList(asRecord(document)?.creation_rules).map((value) => {
        const entry = asRecord(value) ?? {};
        const rule: SopsCreationRule = { configFile: file };
        if (typeof entry.path_regex === 'string') rule.pathRegex = entry.path_regex;
        if (typeof entry.encrypted_regex === 'string') rule.encryptedRegex = entry.encrypted_regex;
        return rule;
      });
      const dir = path.posix.dirname(file);
      return { dir: dir === '.' ? '' : dir, file, rules };
    });
    // sops uses the nearest .sops.yaml above a file: deepest directories first.
    configs.sort((a, b) => b.dir.length - a.dir.length);
    return new SopsConfig(configs);
  }

  get present(): boolean {
    return this.configs.length > 0;
  }

  /** The creation rule sops would apply to `file`, as sops does: first match in the nearest config. */
  ruleFor(file: string): SopsCreationRule | undefined {
    const config = this.configs.find((candidate) => candidate.dir === '' || file.startsWith(`${candidate.dir}/`));
    if (!config) return undefined;
    const relative = config.dir === '' ? file : file.slice(config.dir.length + 1);
    return config.rules.find((rule) => {
      if (rule.pathRegex === undefined) return true;
      try {
        return new RegExp(rule.pathRegex).test(relative);
      } catch {
        return false;
      }
    });
  }
}
