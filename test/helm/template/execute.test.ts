import { describe, expect, it } from 'vitest';
import { TemplateError, TemplateSet } from '../../../src/helm/template/execute.js';
import { SPRIG_FUNCTIONS } from '../../../src/helm/sprig.js';

function render(source: string, data: unknown = {}): string {
  const set = new TemplateSet(SPRIG_FUNCTIONS);
  set.add('t.yaml', source);
  return set.execute('t.yaml', data).text;
}

function failure(source: string, data: unknown = {}): TemplateError {
  try {
    render(source, data);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('rendered without an error');
}

describe('Go text/template', () => {
  it('trims the space a dash asks for, and drops comments', () => {
    expect(render('a:\n  {{- " b" }}\n{{/* gone */}}c {{- /* also */ -}} d')).toBe('a: b\ncd');
  });

  it('prints a missing map key as <no value> and fails on a field of nil, as Helm sees them', () => {
    expect(render('{{ .Values.missing }}', { Values: {} })).toBe('<no value>');
    const error = failure('x\n{{ .Values.missing.key }}', { Values: {} });
    expect(error.reason).toBe('nil pointer evaluating interface {}.key');
    expect(error.line).toBe(2);
  });

  it('prints float64 values as Go does (exponent from 1e+06) and ints as integers', () => {
    expect(render('{{ .a }} {{ .b }} {{ .c }} {{ 1000000 }} {{ .b | int }}', { a: 8080, b: 1000000, c: 0.5 })).toBe('8080 1e+06 0.5 1000000 1000000');
  });

  it('if / else if / else, with, and variables that end with their block', () => {
    const source = '{{ $x := "outer" }}{{ if eq .n 1 }}one{{ else if eq .n 2 }}two{{ else }}many{{ end }} {{ with .m }}{{ $x := "inner" }}{{ .k }}{{ end }} {{ $x }}';
    expect(render(source, { n: 2, m: { k: 'v' } })).toBe('two v outer');
    expect(render(source, { n: 3, m: {} })).toBe('many  outer');
  });

  it('assigns to an outer variable with =', () => {
    expect(render('{{ $found := false }}{{ range .items }}{{ if eq . "b" }}{{ $found = true }}{{ end }}{{ end }}{{ $found }}', { items: ['a', 'b'] })).toBe('true');
  });

  it('ranges over lists, maps in key order and ints, with else, break and continue', () => {
    expect(render('{{ range $i, $v := .l }}{{ $i }}={{ $v }};{{ end }}', { l: ['a', 'b'] })).toBe('0=a;1=b;');
    expect(render('{{ range $k, $v := .m }}{{ $k }}={{ $v }};{{ end }}', { m: { z: 1, a: 2 } })).toBe('a=2;z=1;');
    expect(render('{{ range 3 }}{{ . }}{{ end }}')).toBe('012');
    expect(render('{{ range .l }}x{{ else }}empty{{ end }}', { l: [] })).toBe('empty');
    expect(render('{{ range .l }}{{ if eq . 2.0 }}{{ continue }}{{ end }}{{ if eq . 4.0 }}{{ break }}{{ end }}{{ . }}{{ end }}', { l: [1, 2, 3, 4, 5] })).toBe('13');
  });

  it('passes a pipeline value as the last argument and evaluates parenthesised pipelines', () => {
    expect(render('{{ "b" | printf "%s-%s" "a" }} {{ (printf "%d" 7) | quote }} {{ len (list 1 2 3) }}')).toBe('a-b "7" 3');
  });

  it('and/or return an operand and stop at the first that decides', () => {
    expect(render('{{ or .missing "fallback" }} {{ and .a .b }} {{ or .a (fail "not evaluated") }}', { a: 'x', b: 'y' })).toBe('fallback y x');
  });

  it('defines, template and include render named templates with their own dot', () => {
    const source = '{{ define "name" }}{{ .first }}-{{ .last }}{{ end }}{{ template "name" .person }} {{ include "name" .person | upper }}';
    expect(render(source, { person: { first: 'ada', last: 'lovelace' } })).toBe('ada-lovelace ADA-LOVELACE');
  });

  it('tpl renders a string as a template against the given data', () => {
    expect(render('{{ tpl .Values.host . }}', { Values: { host: 'app.{{ .Values.domain }}', domain: 'example.org' } })).toBe('app.example.org');
  });

  it('compares ints with floats as numbers, but a string with nil is an error, as in Helm', () => {
    expect(render('{{ eq 1 .one }} {{ lt 2 .three }} {{ eq "a" "b" "a" }}', { one: 1, three: 3 })).toBe('true true true');
    expect(failure('{{ if eq .mode "x" }}{{ end }}', {}).reason).toBe('error calling eq: incompatible types for comparison');
  });

  it('index and slice reach into lists, maps and strings', () => {
    expect(render('{{ index .m "a-b" }} {{ index .l 1 }} {{ slice .l 1 }} {{ index .m "nope" }}', { m: { 'a-b': 'dash' }, l: ['x', 'y', 'z'] })).toBe('dash y [y z] <no value>');
    expect(failure('{{ index .l 5 }}', { l: [] }).reason).toBe('error calling index: index out of range: 5');
  });

  it('reports unknown functions and syntax errors at their position', () => {
    expect(failure('a\n  {{ genCA "x" 365 }}').reason).toBe('function "genCA" not defined');
    const syntax = failure('{{ if .a }}\nno end');
    expect(syntax.reason).toMatch(/missing \{\{end\}\}/);
    expect(failure('{{ .a ) }}').reason).toMatch(/unexpected right paren/);
  });

  it('maps every rendered line to the template line that wrote it', () => {
    const set = new TemplateSet(SPRIG_FUNCTIONS);
    set.add('t.yaml', 'items:\n{{- range .l }}\n  - name: {{ . }}\n{{- end }}\nblock: {{ toYaml .m | nindent 2 }}\n');
    const { text, origins } = set.execute('t.yaml', { l: ['a', 'b'], m: { k: 'v', j: 'w' } });
    expect(text).toBe('items:\n  - name: a\n  - name: b\nblock: \n  j: w\n  k: v\n');
    expect(origins.map((origin) => origin.line)).toEqual([1, 3, 3, 5, 5, 5]);
    expect(origins[1]).toEqual({ line: 3, column: 1, verbatim: true });
    expect(origins[4]).toEqual({ line: 5, column: 8, verbatim: false });
  });
});

describe('runaway templates', () => {
  it('fail instead of exhausting memory: huge ranges, sequences, repeats and outputs', () => {
    expect(failure('{{ range 100000000 }}x{{ end }}').reason).toMatch(/is more than hctl renders/);
    expect(failure('{{ until 100000000 }}').reason).toMatch(/error calling until: more than 1000000 numbers/);
    expect(failure('{{ repeat 100000000 "xx" }}').reason).toMatch(/error calling repeat/);
    expect(failure('{{ range 1000000 }}{{ printf "%0100d" . }}{{ end }}').reason).toMatch(/renders more than 32 MB/);
  });

  it('a template that includes itself stops at a depth limit', () => {
    expect(failure('{{ define "loop" }}{{ include "loop" . }}{{ end }}{{ include "loop" . }}').reason).toMatch(/calls itself more than 200 levels deep/);
  });
});
