import jsyaml from 'js-yaml';
import type { CST } from 'yaml';
import { yaml } from '../lazy-packages.js';
import type { Location } from '../report/finding.js';
import type { NodePath } from './object.js';
import { KUBERNETES_YAML_SCHEMA } from './yaml11-schema.js';

/**
 * Positions from the `yaml` package's concrete syntax tree: three times cheaper than composing
 * full documents, which is all a finding needs. Walks block and flow collections; `undefined`
 * when the path crosses an alias or a merge key, so the caller can use the full parse.
 */
export class CstLocator {
  private readonly documents: CST.Document[] = [];
  private readonly lineCounter = new (yaml().LineCounter)();

  constructor(text: string) {
    for (const token of new (yaml().Parser)(this.lineCounter.addNewLine).parse(text)) {
      if (token.type === 'document' && !isEmptyValue(token.value)) this.documents.push(token);
    }
  }

  /** `documentOrdinal` counts non-empty documents, as the fast parser does. */
  locate(documentOrdinal: number, file: string, path: NodePath, wantKey: boolean): Location | undefined {
    const document = this.documents[documentOrdinal];
    if (!document?.value) return undefined;
    let node: CST.Token | undefined = document.value;
    let offset = node.offset;
    for (const [index, segment] of path.entries()) {
      const last = index === path.length - 1;
      if (node?.type === 'alias') return undefined;
      if (node?.type === 'block-map' || (node?.type === 'flow-collection' && node.start.source === '{')) {
        const item: CST.CollectionItem | undefined = (node.items as CST.CollectionItem[]).find((candidate) => candidate.key && keyOf(candidate.key) === String(segment));
        if (!item) {
          if ((node.items as CST.CollectionItem[]).some((candidate) => candidate.key && keyOf(candidate.key) === '<<')) return undefined;
          break;
        }
        node = item.value ?? undefined;
        offset = (last && wantKey) || !node ? item.key!.offset : node.offset;
      } else if ((node?.type === 'block-seq' || (node?.type === 'flow-collection' && node.start.source === '[')) && typeof segment === 'number') {
        const item: CST.CollectionItem | undefined = (node.items as CST.CollectionItem[])[segment];
        if (!item?.value) break;
        node = item.value;
        offset = node.offset;
      } else {
        break;
      }
    }
    const { line, col } = this.lineCounter.linePos(offset);
    return { file, line, column: col };
  }
}

/** A key as the object body spells it: YAML 1.1 plain keys such as `on` become `true`. */
function keyOf(token: CST.Token): string | undefined {
  const scalar = yaml().CST.resolveAsScalar(token);
  if (!scalar) return undefined;
  if (token.type !== 'scalar') return scalar.value;
  return String(jsyaml.load(scalar.value, { schema: KUBERNETES_YAML_SCHEMA }) ?? scalar.value);
}

function isEmptyValue(token: CST.Token | undefined): boolean {
  if (!token) return true;
  if (token.type !== 'scalar') return false;
  const value = yaml().CST.resolveAsScalar(token)?.value ?? '';
  return /^(?:~|[Nn]ull|NULL)?$/.test(value);
}
