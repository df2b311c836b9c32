import { describe, expect, it } from 'vitest';
import { expandVariables } from '../../src/flux/envsubst.js';

const values: Record<string, string> = { APP: 'autobrr', DOMAIN: 'example.com', EMPTY: '', PATH_NAME: '/home/bozo/ideas/thoughts.for.today', FILE: 'bash.string.txt', MIXED: 'abcdEFGH' };
const expand = (text: string) => expandVariables(text, (name) => values[name]);

describe('Flux postBuild substitution (envsubst)', () => {
  it('substitutes ${var} and leaves a bare $var as text', () => {
    expect(expand('${APP}.${DOMAIN}')).toBe('autobrr.example.com');
    expect(expand('$APP costs $5')).toBe('$APP costs $5');
  });

  it('takes a default, which may hold variables, when the value is unset or empty', () => {
    expect(expand('${CLAIM:-${APP}}')).toBe('autobrr');
    expect(expand('${CLAIM:=prefix-${APP}-suffix}')).toBe('prefix-autobrr-suffix');
    expect(expand('${EMPTY=fallback}')).toBe('fallback');
    expect(expand('${APP:-other}')).toBe('autobrr');
  });

  it('keeps what it has no value for as written, unless a default stands in', () => {
    expect(expand('${SECRET_TOKEN}')).toBe('${SECRET_TOKEN}');
    expect(expand('${SECRET_TOKEN/./-}')).toBe('${SECRET_TOKEN/./-}');
    expect(expand('${CLAIM:-${UNKNOWN}}')).toBe('${UNKNOWN}');
  });

  it('reads $$ as a literal $', () => {
    expect(expand('$${APP}')).toBe('${APP}');
    expect(expand('some ${APP}$${var$${APP}$APP${APP}')).toBe('some autobrr${var${APP}$APPautobrr');
  });

  it('replaces, changes case, cuts substrings and trims glob patterns', () => {
    expect(expand('${DOMAIN/./-}')).toBe('example-com');
    expect(expand('${PATH_NAME//\\//-}')).toBe('-home-bozo-ideas-thoughts.for.today');
    expect(expand('${DOMAIN/#example/test}')).toBe('test.com');
    expect(expand('${DOMAIN/%com/org}')).toBe('example.org');
    expect(expand('${MIXED^^} ${MIXED,,} ${APP^} ${#APP}')).toBe('ABCDEFGH abcdefgh Autobrr 7');
    expect(expand('${PATH_NAME:11}|${PATH_NAME:11:5}')).toBe('ideas/thoughts.for.today|ideas');
    expect(expand('${FILE#*.}|${FILE##*.}|${FILE%.*}|${FILE%%.*}')).toBe('string.txt|txt|bash.string|bash');
  });
});
