import type { Document, LineCounter, Node } from 'yaml';
import { yaml } from '../lazy-packages.js';
import type { Location } from '../report/finding.js';
import type { NodePath } from './object.js';

/**
 * Finds the source position of a path inside a fully parsed YAML document. A value that is an
 * alias is located where the alias is written; an empty value at its key (locate-cst.ts agrees).
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
    node = deref(document, node);
    if (yaml().isMap(node)) {
      const pair = node.items.find((item) => yaml().isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      const keyOffset = (pair.key as Node).range?.[0] ?? offset;
      node = (pair.value as Node | null) ?? null;
      offset = (last && wantKey) || !node?.range || isEmptyScalar(node) ? keyOffset : node.range[0];
    } else if (yaml().isSeq(node) && typeof segment === 'number') {
      node = (node.items[segment] as Node | null) ?? null;
      if (!node?.range) break;
      offset = node.range[0];
    } else {
      break;
    }
  }
  const { line, col } = lineCounter.linePos(offset);
  return { file, line, column: col };
}

function isEmptyScalar(node: Node): boolean {
  return yaml().isScalar(node) && node.value === null && node.range![0] === node.range![1];
}

function deref(document: Document, node: Node | null | undefined): Node | null {
  if (node && yaml().isAlias(node)) return (node.resolve(document) as Node | undefined) ?? null;
  return node ?? null;
}
