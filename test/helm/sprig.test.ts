import { describe, expect, it } from 'vitest';
import { TemplateError, TemplateSet } from '../../src/helm/template/execute.js';
import { SPRIG_FUNCTIONS } from '../../src/helm/sprig.js';

function render(source: string, data: unknown = {}): string {
  const set = new TemplateSet(SPRIG_FUNCTIONS);
  set.add('t.yaml', source);
  return set.execute('t.yaml', data).text;
}

describe('Sprig and Helm functions', () => {
  it('default takes the fallback for empty values only', () => {
    expect(render('{{ default "d" .a }} {{ default "d" .b }} {{ default "d" .c }} {{ .c | default 5 }}', { b: 'set', c: 0 })).toBe('d set d 5');
  });

  it('quote escapes as Go does and skips nil; squote does not escape', () => {
    expect(render(`{{ quote .s }} {{ squote .s }} {{ quote .missing }}|{{ quote 1.5 }}`, { s: 'say "hi"\n' })).toBe(`"say \\"hi\\"\\n" 'say "hi"\n' |"1.5"`);
  });

  it('indent and nindent pad every line', () => {
    expect(render('{{ "a\\nb" | indent 2 }}|{{ "a\\nb" | nindent 4 }}')).toBe('  a\n  b|\n    a\n    b');
  });

  it('toYaml sorts keys, quotes what YAML 1.1 would read as another type, and keeps sequences under their key', () => {
    expect(render('{{ toYaml .v }}', { v: { b: ['on', 'x'], a: '1', c: { d: true, e: 1000000 } } })).toBe('a: "1"\nb:\n- "on"\n- x\nc:\n  d: true\n  e: 1000000');
  });

  it('toJson sorts keys and escapes HTML characters as encoding/json does', () => {
    expect(render('{{ toJson .v }} {{ toRawJson .v }}', { v: { z: '<a&b>', a: [1, 2] } })).toBe('{"a":[1,2],"z":"\\u003ca\\u0026b\\u003e"} {"a":[1,2],"z":"<a&b>"}');
  });

  it('fromYaml and fromJson hand back errors in the value, as Helm does', () => {
    expect(render('{{ (fromYaml "a: 1").a }} {{ (fromJson "{").Error | empty | not }}')).toBe('1 true');
    expect(render('{{ (fromYaml "a: &a [*a]").Error }}')).toBe('yaml: anchor value contains itself');
  });

  it('dict, get, set, hasKey, keys and merge work on maps', () => {
    const source = '{{ $d := dict "a" 1 "b" 2 }}{{ $_ := set $d "c" 3 }}{{ get $d "c" }} {{ hasKey $d "b" }} {{ keys $d | sortAlpha | join "," }} {{ (merge (dict "a" 9 "x" (dict "y" 1)) $d (dict "x" (dict "z" 2))).x }}';
    expect(render(source)).toBe('3 true a,b,c map[y:1 z:2]');
    expect(render('{{ (mergeOverwrite (dict "a" 1) (dict "a" 2)).a }} {{ dig "a" "b" "none" .m }}', { m: { a: { b: 'deep' } } })).toBe('2 deep');
  });

  it('string functions take the piped value last', () => {
    expect(render('{{ "release-name-too-long" | trunc 7 | trimSuffix "-" }} {{ "a.b.c" | replace "." "-" }} {{ "Hello" | lower | title }} {{ "x" | repeat 3 }} {{ splitList "," "a,b" | last }}')).toBe('release aname-too-long'.replace('aname-too-long', 'a-b-c Hello xxx b'));
  });

  it('regexReplaceAll takes Go replacement groups', () => {
    expect(render('{{ regexReplaceAll "(\\\\w+)@(\\\\w+)" "me@host" "${2}.$1" }} {{ regexMatch "^v[0-9]+" "v12" }}')).toBe('host.me true');
  });

  it('integer arithmetic is int64, float arithmetic float64', () => {
    expect(render('{{ add 1 2 .f }} {{ div 7 2 }} {{ mod 7 2 }} {{ max 1 5 3 }} {{ addf 1.5 1 }} {{ until 3 }}', { f: 3.9 })).toBe('6 3 1 5 2.5 [0 1 2]');
  });

  it('encodes and hashes', () => {
    expect(render('{{ b64enc "hctl" }} {{ "aGN0bA==" | b64dec }} {{ sha256sum "a" | trunc 8 }}')).toBe('aGN0bA== hctl ca978112');
  });

  it('semverCompare reads Helm constraints, pre-releases admitted with -0', () => {
    expect(render('{{ semverCompare ">=1.21-0" "v1.35.0" }} {{ semverCompare "<1.19" "1.35.2" }} {{ semverCompare ">=1.2, <2" "1.5.0" }}')).toBe('true false true');
  });

  it('required and fail stop the template with the chart\'s message', () => {
    const set = new TemplateSet(SPRIG_FUNCTIONS);
    set.add('t.yaml', '{{ required "host is required" .Values.host }}');
    expect(() => set.execute('t.yaml', { Values: {} })).toThrow(TemplateError);
    expect(() => set.execute('t.yaml', { Values: {} })).toThrow('error calling required: host is required');
    expect(render('{{ required "x" .Values.host }}', { Values: { host: 'h' } })).toBe('h');
  });

  it('lookup finds nothing, as in helm template', () => {
    expect(render('{{ if lookup "v1" "Secret" "ns" "name" }}found{{ else }}none{{ end }}')).toBe('none');
  });
});
