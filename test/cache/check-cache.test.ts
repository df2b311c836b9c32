import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStaleSiblings } from '../../src/cache/cache-dir.js';
import { CheckCache, useCheckCache } from '../../src/cache/check-cache.js';
import { stampOf, type FileStamp } from '../../src/repo/read.js';
import type { ParsedFile } from '../../src/repo/parse.js';
import type { KubeObject } from '../../src/repo/object.js';
import { loadRepo } from '../../src/repo/load.js';
import type { Report } from '../../src/report/report.js';
import type { ValidationResult } from '../../src/schema/validator.js';
import { PROJECT_ROOT, runCli } from '../cli/run-cli.js';
import { tempDir } from '../temp-dir.js';

afterEach(() => useCheckCache(false));

const validated: ValidationResult = { status: 'validated', source: 'kubernetes', problems: [] };
const invalid: ValidationResult = {
  status: 'validated',
  source: 'kubernetes',
  problems: [{ path: ['data2'], pointer: '/data2', key: true, keyword: 'additionalProperties', likelyMistake: false, misreadScalar: false, message: 'unknown field', hint: '' }],
};
const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';

/** Changes every pack under a cache directory. */
function rewritePacks(dir: string, change: (pack: { parsed: Map<string, string | Buffer | null>; validated: Map<string, ValidationResult>; templated: Map<string, string> }) => void): void {
  const packs = path.join(dir, 'checks');
  for (const fingerprint of readdirSync(packs)) {
    for (const file of readdirSync(path.join(packs, fingerprint))) {
      const full = path.join(packs, fingerprint, file);
      const pack = deserialize(readFileSync(full)) as Parameters<typeof change>[0];
      change(pack);
      writeFileSync(full, serialize(pack));
    }
  }
}

describe('the check cache', () => {
  it('is off unless turned on', () => {
    expect(CheckCache.open(tempDir('repo'))).toBeUndefined();
  });

  it('gives a later run the parsed values of unchanged files, and parses changed ones', () => {
    const dir = tempDir('cache');
    useCheckCache(true, dir);
    const repo = tempDir('repo');
    const first = CheckCache.open(repo)!;
    expect(first.parseFile('a.yaml', CONFIG_MAP).objects[0]!.body).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } });
    first.save();
    // Parsing again would give the same values: plant others in the pack to see which are used.
    rewritePacks(dir, (pack) => {
      for (const key of pack.parsed.keys()) pack.parsed.set(key, serialize([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'from-pack' } }]));
    });

    const second = CheckCache.open(repo)!;
    expect(second.parseFile('a.yaml', CONFIG_MAP).objects[0]!.name).toBe('from-pack');
    expect(second.parseFile('a.yaml', CONFIG_MAP.replace('name: a', 'name: b')).objects[0]!.name).toBe('b');
    expect(second.parseFile('b.yaml', CONFIG_MAP).objects[0]!.name).toBe('a'); // the path is part of the key
  });

  it('keeps what the full path made of files the fast path declines (inline suppressions, YAML problems): the same file back, without the full parser', () => {
    const dir = tempDir('cache');
    useCheckCache(true, dir);
    const repo = tempDir('repo');
    const suppressed = '# hctl-ignore image-unpinned reason="pinned by digest elsewhere"\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx # hctl-ignore x reason="y"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';
    const duplicate = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\n  name: e\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: f\n';
    const shape = (parsed: ParsedFile) => ({
      objects: parsed.objects.map((object) => [object.body, object.source!.locate(['metadata', 'name'])]),
      problems: parsed.problems,
      spans: parsed.spans.map((span) => [span.object.name, span.firstLine, span.lastLine]),
      comments: [...parsed.comments],
      contentLines: [...parsed.contentLines],
      counts: [parsed.emptyDocuments, parsed.otherDocuments],
    });
    const first = CheckCache.open(repo)!;
    const fresh = [first.parseFile('s.yaml', suppressed), first.parseFile('d.yaml', duplicate)].map(shape);
    expect(fresh[0]!.comments.length).toBe(2);
    expect(fresh[1]!.problems).toMatchObject([{ kind: 'duplicate-key', line: 5 }]);
    first.save();
    // Plant a marker in the kept records to see that the second run uses them.
    rewritePacks(dir, (pack) => {
      const full = (pack as unknown as { full: Map<string, string> }).full;
      expect(full.size).toBe(2);
      for (const [key, stored] of full) full.set(key, stored.replace('"name":"c"', '"name":"from-pack"'));
    });
    const second = CheckCache.open(repo)!;
    const again = [second.parseFile('s.yaml', suppressed), second.parseFile('d.yaml', duplicate)];
    expect(again[0]!.objects[1]!.name).toBe('from-pack');
    again[0]!.objects[1]!.body.metadata = { name: 'c' };
    again[0]!.objects[1]!.name = 'c';
    expect(again.map(shape)).toEqual(fresh);
  });

  describe('files unchanged since a run read them', () => {
    // Files the test has just written count as settled only to a clock a minute ahead.
    const later = () => Date.now() + 60_000;
    const written = (text: string) => {
      const repo = tempDir('repo');
      writeFileSync(path.join(repo, 'a.yaml'), text);
      return { repo, file: path.join(repo, 'a.yaml'), stamp: () => stampOf(statSync(path.join(repo, 'a.yaml'))) };
    };
    /** A first run that reads a.yaml (with its stamp) and saves; `meanwhile` runs before the save. */
    const readOnce = (repo: string, text: string, stamp: () => FileStamp, now = later, meanwhile?: (parsed: ParsedFile) => void) => {
      const first = CheckCache.open(repo, now)!;
      const parsed = first.parseFile('a.yaml', text, stamp());
      meanwhile?.(parsed);
      first.save();
    };
    /** A later run's view of a.yaml, counting how often it reads the text. */
    const knownLater = (repo: string, file: string, text: string) => {
      const counter = { reads: 0 };
      const known = CheckCache.open(repo, later)!.known('a.yaml', file, () => {
        counter.reads++;
        return text;
      });
      if (!known || known === 'not-manifest') throw new Error('expected a known file');
      return { known, counter };
    };

    it('are not read again: their parse comes from the pack, their text only when a position is asked', () => {
      const dir = tempDir('cache');
      useCheckCache(true, dir);
      const { repo, file, stamp } = written(CONFIG_MAP);
      readOnce(repo, CONFIG_MAP, stamp);
      rewritePacks(dir, (pack) => {
        for (const key of pack.parsed.keys()) pack.parsed.set(key, JSON.stringify([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'from-pack' } }]));
      });
      const { known, counter } = knownLater(repo, file, CONFIG_MAP);
      expect(known.objects[0]!.name).toBe('from-pack');
      expect(counter.reads).toBe(0);
      expect(known.objects[0]!.source!.locate(['metadata', 'name'])).toEqual({ file: 'a.yaml', line: 4, column: 9 });
      expect(counter.reads).toBe(1);
    });

    it('place again the findings of an earlier run without reading the file', () => {
      useCheckCache(true, tempDir('cache'));
      const { repo, file, stamp } = written(CONFIG_MAP);
      readOnce(repo, CONFIG_MAP, stamp, later, (parsed) => {
        expect(parsed.objects[0]!.source!.locate(['metadata', 'name'], { key: true })).toEqual({ file: 'a.yaml', line: 4, column: 3 });
      });
      const { known, counter } = knownLater(repo, file, CONFIG_MAP);
      expect(known.objects[0]!.source!.locate(['metadata', 'name'], { key: true })).toEqual({ file: 'a.yaml', line: 4, column: 3 });
      expect(counter.reads).toBe(0);
      expect(known.objects[0]!.source!.locate(['metadata', 'name'])).toEqual({ file: 'a.yaml', line: 4, column: 9 }); // not asked before: read
      expect(counter.reads).toBe(1);
    });

    it('with inline suppressions come back with their comments, unread too', () => {
      useCheckCache(true, tempDir('cache'));
      const text = `# hctl-ignore image-unpinned reason="digest pinned by Renovate"\n${CONFIG_MAP}`;
      const { repo, file, stamp } = written(text);
      readOnce(repo, text, stamp);
      const { known, counter } = knownLater(repo, file, text);
      expect([...known.comments.keys()]).toEqual([1]);
      expect(known.spans.map((span) => [span.firstLine, span.lastLine])).toEqual([[2, 5]]);
      expect(counter.reads).toBe(0);
      expect(known.objects[0]!.source!.locate(['metadata', 'name'])).toEqual({ file: 'a.yaml', line: 5, column: 9 });
      expect(counter.reads).toBe(1);
    });

    it('that vanish before a finding asks for a position are placed at their start, not a crash', () => {
      useCheckCache(true, tempDir('cache'));
      const { repo, file, stamp } = written(CONFIG_MAP);
      readOnce(repo, CONFIG_MAP, stamp);
      const { known } = knownLater(repo, file, '');
      expect(known.objects[0]!.source!.locate(['metadata', 'name'])).toEqual({ file: 'a.yaml', line: 1, column: 1 });
    });

    it('are read again once written, even to the same size', () => {
      useCheckCache(true, tempDir('cache'));
      const { repo, file, stamp } = written(CONFIG_MAP);
      readOnce(repo, CONFIG_MAP, stamp);
      writeFileSync(file, CONFIG_MAP.replace('name: a', 'name: b'));
      expect(CheckCache.open(repo, later)!.known('a.yaml', file, () => '')).toBeUndefined();
    });

    it('are not trusted when written within the last two seconds (their stamp may not change on a second write)', () => {
      useCheckCache(true, tempDir('cache'));
      const { repo, file, stamp } = written(CONFIG_MAP);
      readOnce(repo, CONFIG_MAP, stamp, Date.now);
      expect(CheckCache.open(repo)!.known('a.yaml', file, () => '')).toBeUndefined();
    });

    it('include JSON files that hold no Kubernetes object, which are not read again either', () => {
      useCheckCache(true, tempDir('cache'));
      const { repo, file, stamp } = written('{"dashboard": true}');
      const first = CheckCache.open(repo, later)!;
      first.notManifest('a.yaml', stamp());
      first.save();
      expect(CheckCache.open(repo, later)!.known('a.yaml', file, () => '')).toBe('not-manifest');
    });
  });

  it('gives back values JSON cannot hold exactly: NaN, infinities, binary', () => {
    useCheckCache(true, tempDir('cache'));
    const repo = tempDir('repo');
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\nx:\n  nan: .nan\n  inf: -.inf\n  bin: !!binary aGk=\n  ok: 1\n';
    const first = CheckCache.open(repo)!;
    const cold = first.parseFile('a.yaml', text).objects[0]!.body.x;
    first.save();
    const warm = CheckCache.open(repo)!.parseFile('a.yaml', text).objects[0]!.body.x as Record<string, unknown>;
    expect(warm).toEqual(cold);
    expect(warm.nan).toBeNaN();
    expect(warm.inf).toBe(-Infinity);
    expect(warm.bin).toBeInstanceOf(Uint8Array);
  });

  it('remembers which files are templates, and of which kind, so later runs do not parse them to find out', () => {
    const dir = tempDir('cache');
    useCheckCache(true, dir);
    const repo = tempDir('repo');
    const template = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels:\n    {{- include "app.labels" . | nindent 4 }}\n';
    const first = CheckCache.open(repo)!;
    expect(first.parseFile('values/cm.yaml', template).templated).toBe('helm');
    expect(first.parseFile('docs/template.yaml', CONFIG_MAP.replace('name: a', 'name: <app>')).templated).toBe('placeholders');
    first.parseFile('plain.yaml', CONFIG_MAP);
    first.save();
    let remembered = 0;
    rewritePacks(dir, (pack) => {
      remembered = pack.templated.size;
      for (const key of pack.parsed.keys()) pack.templated.set(key, 'helm'); // plain.yaml too: see who answers
    });
    expect(remembered).toBe(2);
    const second = CheckCache.open(repo)!;
    expect(second.parseFile('values/cm.yaml', template).templated).toBe('helm');
    expect(second.parseFile('docs/template.yaml', CONFIG_MAP.replace('name: a', 'name: <app>')).templated).toBe('placeholders');
    expect(second.parseFile('plain.yaml', CONFIG_MAP).templated).toBe('helm');
  });

  it('keeps only what parsing needs of other tools\' documents (that they are there), and counts them as before', () => {
    const dir = tempDir('cache');
    useCheckCache(true, dir);
    const repo = tempDir('repo');
    const text = `${CONFIG_MAP}---\nreplicaCount: 2\nimage:\n  repository: secret-registry.example/app\n---\n`;
    const summary = (parsed: { objects: { name?: string }[]; otherDocuments: number; emptyDocuments: number }) => [parsed.objects.map((object) => object.name), parsed.otherDocuments, parsed.emptyDocuments];
    const first = CheckCache.open(repo)!;
    const cold = summary(first.parseFile('mixed.yaml', text));
    first.save();
    let stored = '';
    rewritePacks(dir, (pack) => {
      stored = String([...pack.parsed.values()][0]);
    });
    expect(stored).not.toContain('secret-registry');
    expect(summary(CheckCache.open(repo)!.parseFile('mixed.yaml', text))).toEqual(cold);
    expect(cold).toEqual([['a'], 1, 1]);
  });

  it('keeps the validation of each object of an unchanged file, and validates changed files again', () => {
    useCheckCache(true, tempDir('cache'));
    const repo = tempDir('repo');
    const first = CheckCache.open(repo)!;
    const [a, b] = first.parseFile('two.yaml', `${CONFIG_MAP}---\n${CONFIG_MAP.replace('name: a', 'name: b')}`).objects;
    first.validated('bundle /v1/configmap', a!, () => validated);
    first.validated('bundle /v1/configmap', b!, () => invalid);
    first.save();

    const second = CheckCache.open(repo)!;
    const never = () => {
      throw new Error('validated an unchanged document again');
    };
    const [a2, b2] = second.parseFile('two.yaml', `${CONFIG_MAP}---\n${CONFIG_MAP.replace('name: a', 'name: b')}`).objects;
    expect(second.validated('bundle /v1/configmap', a2!, never)).toEqual(validated);
    expect(second.validated('bundle /v1/configmap', b2!, never)).toEqual(invalid);
    let runs = 0;
    second.validated('bundle apps/v1/deployment', a2!, () => (runs++, validated)); // another schema
    const [edited] = second.parseFile('two.yaml', CONFIG_MAP.replace('name: a', 'name: c')).objects;
    second.validated('bundle /v1/configmap', edited!, () => (runs++, validated)); // another text
    const loose = { apiVersion: 'v1', kind: 'ConfigMap', body: {}, sopsEncrypted: false };
    second.validated('bundle /v1/configmap', loose, () => (runs++, validated)); // not from a file
    second.validated('bundle /v1/configmap', loose, () => (runs++, validated));
    expect(runs).toBe(4);
  });

  it('keeps the validation of another reading of an object (what kustomize makes of it) beside the object\'s own', () => {
    useCheckCache(true, tempDir('cache'));
    const repo = tempDir('repo');
    const text = `${CONFIG_MAP}data:\n  debug: off\n`;
    const readingOf = (cache: CheckCache, object: KubeObject) => {
      const reading = { ...object, body: { ...object.body, data: { debug: 'off' } } };
      cache.keyReading(reading, object, 'kustomize');
      return reading;
    };
    const first = CheckCache.open(repo)!;
    const [object] = first.parseFile('cm.yaml', text).objects;
    first.validated('bundle /v1/configmap', object!, () => invalid);
    first.validated('bundle /v1/configmap', readingOf(first, object!), () => validated);
    first.save();

    const second = CheckCache.open(repo)!;
    const [again] = second.parseFile('cm.yaml', text).objects;
    const never = () => {
      throw new Error('validated an unchanged reading again');
    };
    expect(second.validated('bundle /v1/configmap', again!, never)).toEqual(invalid);
    expect(second.validated('bundle /v1/configmap', readingOf(second, again!), never)).toEqual(validated);
  });

  it('keeps values as parsed, although parsing clips a final block scalar afterwards', () => {
    useCheckCache(true, tempDir('cache'));
    const repo = tempDir('repo');
    const text = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  x: |\n    line';
    const first = CheckCache.open(repo)!.parseFile('a.yaml', text);
    expect(first.objects[0]!.body.data).toEqual({ x: 'line' });
    const cache = CheckCache.open(repo)!;
    cache.parseFile('a.yaml', text);
    cache.save();
    expect(CheckCache.open(repo)!.parseFile('a.yaml', text).objects[0]!.body.data).toEqual({ x: 'line' });
  });

  it('drops what the last run did not use, and starts empty from a damaged pack', () => {
    const dir = tempDir('cache');
    useCheckCache(true, dir);
    const repo = tempDir('repo');
    const first = CheckCache.open(repo)!;
    const [old] = first.parseFile('old.yaml', CONFIG_MAP).objects;
    first.validated('bundle /v1/configmap', old!, () => validated);
    first.save();
    const second = CheckCache.open(repo)!;
    second.parseFile('new.yaml', CONFIG_MAP);
    second.save();
    let revalidated = false;
    const third = CheckCache.open(repo)!;
    third.validated('bundle /v1/configmap', third.parseFile('old.yaml', CONFIG_MAP).objects[0]!, () => ((revalidated = true), validated));
    expect(revalidated).toBe(true);

    const packs = path.join(dir, 'checks');
    const [fingerprint] = readdirSync(packs);
    for (const file of readdirSync(path.join(packs, fingerprint!))) writeFileSync(path.join(packs, fingerprint!, file), 'not a pack');
    const damaged = CheckCache.open(repo)!;
    expect(damaged.parseFile('new.yaml', CONFIG_MAP).objects).toHaveLength(1);
  });
});

describe('hctl check with the cache', () => {
  it('a warm run reports exactly what a cold run does, and sees a file that changed', () => {
    const repo = tempDir('flux');
    cpSync(path.join(PROJECT_ROOT, 'examples', 'flux-homelab'), repo, { recursive: true });
    const cache = tempDir('cache');
    const run = () => {
      const result = runCli(['check', repo, '--format', 'json'], { env: { HCTL_CACHE_DIR: cache } });
      const report = JSON.parse(result.stdout) as Report;
      return { status: result.status, findings: report.findings, inventory: (report.details as { inventory: unknown }).inventory };
    };
    const cold = run();
    expect(existsSync(path.join(cache, 'checks'))).toBe(true);
    expect(run()).toEqual(cold);

    const file = path.join(repo, 'apps', 'home', 'home-assistant', 'mqtt-secret.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('kind: Secret', 'kind: Secret\nmetadata2: {}'));
    const edited = run();
    expect(edited.findings.some((finding) => finding.message.includes('metadata2'))).toBe(true);
  });

  it('sees a file rewritten to the same size with its old mtime put back, once files are old enough to be trusted unread', async () => {
    const repo = tempDir('repo');
    const file = path.join(repo, 'cm.yaml');
    writeFileSync(file, CONFIG_MAP);
    const anHourAgo = Math.floor(Date.now() / 1000) - 3600; // whole seconds: utimes puts it back exactly
    utimesSync(file, anHourAgo, anHourAgo);
    const cache = tempDir('cache');
    const messages = () => (JSON.parse(runCli(['check', repo, '--format', 'json'], { env: { HCTL_CACHE_DIR: cache } }).stdout) as Report).findings.map((finding) => finding.message);
    // A file changed in the last two seconds (its ctime, here) is read again every run; wait until this one is not.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(messages()).toEqual([]);
    const before = statSync(file);
    writeFileSync(file, CONFIG_MAP.replace('name: a', 'nime: a'));
    utimesSync(file, anHourAgo, anHourAgo); // what `cp -p`, rsync -t or tar do: only ctime still tells
    const after = statSync(file);
    expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
    expect(messages()).toContain('unknown field metadata.nime');
  });

  it('--no-cache keeps nothing', () => {
    const cache = tempDir('cache');
    runCli(['check', path.join(PROJECT_ROOT, 'examples', 'flux-homelab'), '--no-cache'], { env: { HCTL_CACHE_DIR: cache } });
    expect(readdirSync(cache)).toEqual([]);
  });
});

describe('tidying caches of other hctl builds', () => {
  it('removes sibling fingerprints nobody wrote for a day, and keeps the rest', () => {
    const parent = tempDir('validators');
    for (const name of ['current', 'recent', 'old']) mkdirSync(path.join(parent, name));
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(path.join(parent, 'old'), twoDaysAgo, twoDaysAgo);
    removeStaleSiblings(path.join(parent, 'current'));
    expect(readdirSync(parent).sort()).toEqual(['current', 'recent']);
  });

  it('keeps only the two most recently written of other builds, however recent the rest', () => {
    const parent = tempDir('validators');
    ['current', 'a', 'b', 'c', 'd'].forEach((name, index) => {
      mkdirSync(path.join(parent, name));
      const minutesAgo = new Date(Date.now() - index * 60 * 1000);
      utimesSync(path.join(parent, name), minutesAgo, minutesAgo);
    });
    removeStaleSiblings(path.join(parent, 'current'));
    expect(readdirSync(parent).sort()).toEqual(['a', 'b', 'current']);
  });
});

describe('the check cache and chart templates', () => {
  /** A repository with one chart whose files were written long enough ago to be trusted by their stamps. */
  function chartRepo(name: string): string {
    const repo = tempDir('repo');
    const files: Record<string, string> = {
      'app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n',
      'app/values.yaml': `name: ${name}\n`,
      'app/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n',
    };
    for (const [file, text] of Object.entries(files)) writeChartFile(repo, file, text);
    return repo;
  }

  function writeChartFile(repo: string, file: string, text: string): void {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), text);
    const past = new Date(Date.now() - 60_000);
    utimesSync(path.join(repo, file), past, past);
  }

  // A minute on: every file has settled (a file's ctime cannot be set back).
  const later = () => Date.now() + 60_000;
  const names = (repo: string) => loadRepo(repo, CheckCache.open(repo, later)).objects.map((object) => object.name);

  it('gives a later run the rendered templates of a chart none of whose files changed, and renders a changed chart again', () => {
    const dir = tempDir('cache');
    useCheckCache(true, dir);
    const repo = chartRepo('one');
    const first = CheckCache.open(repo, later)!;
    expect(loadRepo(repo, first).objects.map((object) => object.name)).toEqual(['one']);
    first.save();
    // Rendering again would give the same text: plant another in the pack to see which is used.
    rewritePacks(dir, (pack) => {
      const charts = (pack as unknown as { charts: Map<string, { outputs: [string, { text?: string }][] }> }).charts;
      for (const entry of charts.values()) for (const [, output] of entry.outputs) output.text = output.text?.replace('one', 'planted');
    });
    expect(names(repo)).toEqual(['planted']);
    writeChartFile(repo, 'app/values.yaml', 'name: two\n');
    expect(names(repo)).toEqual(['two']);
  });
});
