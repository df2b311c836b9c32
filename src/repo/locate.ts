import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Location } from '../report/finding.js';
import type { NodePath } from './object.js';

/**
 * Finds the source position of a path inside a parsed YAML document. Walks the AST only when a
 * finding asks, so loading never pays for positions nobody reads.
 */
export function locateInDocument(
  document: Document,
  lineCounter: LineCounter,
  file: string,
  path: NodePath,
  wantKey: boolean,
): Location {
  let node = deref(document, document.contents as Node | null);
  let offset = node?.range?.[0] ?? 0;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      const keyOffset = (pair.key as Node).range?.[0] ?? offset;
      node = deref(document, pair.value as Node | null);
      offset = (last && wantKey) || !node?.range ? keyOffset : node.range[0];
    } else if (isSeq(node) && typeof segment === 'number') {
      node = deref(document, node.items[segment] as Node | null);
      if (!node?.range) break;
      offset = node.range[0];
    } else {
      break;
    }
  }
  const { line, col } = lineCounter.linePos(offset);
  return { file, line, column: col };
}

function deref(document: Document, node: Node | null | undefined): Node | null {
  if (node && isAlias(node)) return (node.resolve(document) as Node | undefined) ?? null;
  return node ?? null;
}
