/**
 * cel-js accepts `has(a.b.c)` only on a chain of names, while CEL (and Kubernetes) allow any
 * operand: Gateway API's HTTPRoute rules test `has(self.matches[0].path)`. Such a `has(x.f)` is
 * rewritten to the optional-field test `(x).?f.hasValue()`, which means the same; every other
 * part of the rule is kept as written.
 */
export function rewriteHasOnExpressions(rule: string): string {
  if (!rule.includes('has(')) return rule;
  let out = '';
  let index = 0;
  while (index < rule.length) {
    const quote = rule[index];
    if (quote === '"' || quote === "'") {
      const end = stringEnd(rule, index);
      out += rule.slice(index, end);
      index = end;
      continue;
    }
    if (rule.startsWith('has(', index) && !/[\w.]/.test(rule[index - 1] ?? '')) {
      const close = matchingParen(rule, index + 3);
      if (close !== undefined) {
        const argument = rule.slice(index + 4, close).trim();
        const field = /^(.*)\.\s*([A-Za-z_]\w*)$/s.exec(argument);
        // Only operands cel-js refuses (an index or a call on the way); chains of names stay.
        if (field && /[[(]/.test(field[1]!)) {
          out += `(${rewriteHasOnExpressions(field[1]!)}).?${field[2]}.hasValue()`;
          index = close + 1;
          continue;
        }
      }
    }
    out += rule[index];
    index++;
  }
  return out;
}

function stringEnd(text: string, start: number): number {
  const quote = text[start]!;
  let index = start + 1;
  while (index < text.length && text[index] !== quote) index += text[index] === '\\' ? 2 : 1;
  return Math.min(index + 1, text.length);
}

/** The index of the `)` closing the `(` at `open`, skipping strings; undefined if unbalanced. */
function matchingParen(text: string, open: number): number | undefined {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    const char = text[index];
    if (char === '"' || char === "'") index = stringEnd(text, index) - 1;
    else if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') {
      depth--;
      if (depth === 0) return char === ')' ? index : undefined;
    }
  }
  return undefined;
}
