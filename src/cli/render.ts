import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import jsyaml from 'js-yaml';
import { UsageError } from '../config/errors.js';
import { findKustomization, type RenderError } from '../render/kustomize.js';
import { renderDirectory } from '../render/render.js';
import { parseFile } from '../repo/parse.js';
import { KUBERNETES_YAML_DUMP_SCHEMA } from '../repo/yaml11-schema.js';
import { useValidatorCache } from '../schema/validator.js';
import { emit } from './output.js';

export function renderCommand(setExitCode: (code: number) => void): Command {
  return new Command('render')
    .description('Build a kustomization directory like `kubectl kustomize DIR`, offline, and print it as YAML')
    .argument('[dir]', 'directory holding kustomization.yaml', '.')
    .option('-o, --output <file>', 'write the YAML to a file instead of stdout')
    .option('--no-kubectl', 'never fall back to `kubectl kustomize` for features hctl does not render')
    .action(async (dir: string, flags: { output?: string; kubectl: boolean }) => {
      const { documents, viaKubectl } = renderKustomization(dir, flags.kubectl);
      if (viaKubectl) process.stderr.write(`hctl render: ${dir} uses a kustomize feature hctl does not render; built with kubectl kustomize\n`);
      emit(documents.map((document) => document.yaml).join('---\n'), flags.output);
      setExitCode(0);
    });
}

/**
 * What `hctl render DIR` prints, one YAML document per object; `fallback` lets `kubectl kustomize`
 * build what hctl does not render. A directory that does not build is a UsageError saying where.
 */
export function renderKustomization(dir: string, fallback: boolean): { documents: { kind: string; yaml: string }[]; viaKubectl: boolean } {
  useValidatorCache(true);
  const absolute = path.resolve(dir);
  if (!findKustomization(path.dirname(absolute), path.basename(absolute))) {
    throw new UsageError(`cannot render ${dir}: no kustomization.yaml there`);
  }
  // Paths inside the build are relative to the parent, so `../` resources resolve.
  const outcome = renderDirectory(path.dirname(absolute), path.basename(absolute), { fallback });
  if (outcome.error) {
    const helm = outcome.error.message.startsWith('helmCharts') ? '; Helm charts need helm on the PATH and the network too' : '';
    const viaKubectl = outcome.error.unsupported && fallback ? ` (and \`kubectl kustomize --enable-helm\`, the fallback, is not installed or failed${helm})` : '';
    throw new UsageError(`cannot render ${dir}: ${outcome.error.message}${viaKubectl}${where(path.dirname(absolute), outcome.error)}`);
  }
  // Quoted where Kubernetes' YAML 1.1 would read a string as something else, so `| kubectl apply -f -` applies what kustomize built.
  const documents = outcome.objects.map((object) => ({
    kind: String(object.body.kind ?? ''),
    yaml: jsyaml.dump(object.body, { schema: KUBERNETES_YAML_DUMP_SCHEMA, noArrayIndent: true, lineWidth: -1, noRefs: true, quotingType: '"' }),
  }));
  return { documents, viaKubectl: outcome.viaKubectl === true };
}

/** ` at file:line:column` of the kustomization entry that failed, when the error names one. */
function where(root: string, error: RenderError): string {
  if (!error.path) return '';
  let text: string;
  try {
    text = readFileSync(path.join(root, error.file), 'utf8');
  } catch {
    return '';
  }
  const at = parseFile(error.file, text).objects[0]?.source?.locate(error.path, { key: error.atKey ?? false });
  return at ? ` at ${error.file}:${at.line}:${at.column}` : '';
}
