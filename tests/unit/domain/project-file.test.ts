import { readFile, readdir, rm, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlankProject } from '../../../shared/domain/factory';
import { checkIntegrity } from '../../../shared/domain/integrity';
import {
  MAX_NESTING_DEPTH,
  MAX_PROJECT_TEXT_LENGTH,
  MAX_STRING_LENGTH,
  parseProjectText,
  serializeProject,
  type ProjectFileError,
} from '../../../shared/domain/project-file';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/domain/schema';
import {
  FIXTURE_DIR,
  HOSTILE_CASE_NAMES,
  HOSTILE_CASES,
  deepNestingText,
  minimalProjectDocument,
  writeHostileFixtures,
  type HostileCaseName,
} from '../../fixtures/hostile/generate';
import { FIXED_NOW, buildRichProject, counterRandom } from './rich-project';

function expectError(text: string): ProjectFileError {
  const result = parseProjectText(text);
  if (result.ok) throw new Error(`expected a failure, got a project: ${text.slice(0, 200)}`);
  return result.error;
}

/** A user-facing message: present, one line, not absurdly long. */
function expectOneLine(error: ProjectFileError): void {
  expect(error.message.trim().length).toBeGreaterThan(10);
  expect(error.message).not.toMatch(/[\r\n\u2028\u2029]/);
  expect(error.message.length).toBeLessThan(1_000);
}

function variant(change: (document: Record<string, unknown>) => void): string {
  const document = minimalProjectDocument();
  change(document);
  return JSON.stringify(document, null, 2);
}

const meta = (document: Record<string, unknown>) => document['meta'] as Record<string, unknown>;

describe('parseProjectText: valid projects', () => {
  it('accepts a blank project and returns it unchanged, not migrated', () => {
    const project = createBlankProject({ title: 'Blank', now: FIXED_NOW, appVersion: '0.1.0', random: counterRandom() });
    const result = parseProjectText(serializeProject(project));
    expect(result).toEqual({ ok: true, value: { project, migratedFrom: null } });
  });

  it('fills schema defaults for optional fields left out', () => {
    const document = minimalProjectDocument();
    for (const key of ['domains', 'capabilities', 'roles', 'findings', 'learners', 'assessments', 'activities', 'frameworks', 'plans']) delete document[key];
    delete meta(document)['clientOrganisation'];
    const result = parseProjectText(JSON.stringify(document));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.project.capabilities).toEqual([]);
    expect(result.value.project.meta.clientOrganisation).toBe('');
  });

  it('round-trips: serializeProject ∘ parseProjectText is the identity on a rich project', () => {
    const project = buildRichProject();
    expect(checkIntegrity(project)).toEqual([]);
    const first = parseProjectText(serializeProject(project));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.project).toEqual(project);
    // Once parsed (keys in schema order), the text is stable: save → open → save writes the same bytes.
    const text = serializeProject(first.value.project);
    const second = parseProjectText(text);
    expect(second.ok && second.value.project).toEqual(project);
    expect(second.ok && serializeProject(second.value.project)).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('accepts a file that starts with a UTF-8 byte-order mark', () => {
    const project = buildRichProject();
    const result = parseProjectText('\ufeff' + serializeProject(project));
    expect(result.ok && result.value.project).toEqual(project);
  });
});

describe('parseProjectText: hostile input gives a typed, one-line error', () => {
  it('malformed JSON: the message gives the line and column', () => {
    const text = '{\n  "schemaVersion": 1,\n  "meta": {\n    "title": oops\n  }\n}';
    const error = expectError(text);
    expect(error.code).toBe('malformed-json');
    expect(error.message).toMatch(/line 4, column 14/);
    expectOneLine(error);
  });

  it.each([
    ['a truncated file', '{"schemaVersion": 1, "meta": {', /line 1, column 31/],
    ['a trailing comma', '{\n  "a": 1,\n}', /line 3, column 1/],
    ['an empty file', '', /line 1, column 1/],
    ['text after the object', '{}\n\nnot json', /line 3, column 1/],
    ['a bare word', 'hello\nworld', /line 1, column 1/],
  ])('malformed JSON (%s) gives line and column and never echoes the file across lines', (_name, text, where) => {
    const error = expectError(text);
    expect(error.code).toBe('malformed-json');
    expect(error.message).toMatch(where);
    expectOneLine(error);
  });

  it('wrong types: invalid, with the JSON path of the value', () => {
    const error = expectError(variant((d) => (meta(d)['title'] = 42)));
    expect(error).toMatchObject({ code: 'invalid', path: '$.meta.title' });
    expect(error.message).toContain('$.meta.title');
    expect(error.details?.[0]).toMatch(/^\$\.meta\.title: /);
    expectOneLine(error);
  });

  it('wrong types deep inside a list: the path has the index', () => {
    const project = buildRichProject();
    const document = JSON.parse(serializeProject(project)) as { learners: { hoursPerWeek: unknown }[] };
    document.learners[0]!.hoursPerWeek = 'three';
    const error = expectError(JSON.stringify(document));
    expect(error).toMatchObject({ code: 'invalid', path: '$.learners[0].hoursPerWeek' });
    expectOneLine(error);
  });

  it('missing required fields: invalid, with the path of the missing field, and counts the others', () => {
    const error = expectError(
      variant((d) => {
        delete d['scale'];
        delete meta(d)['createdAt'];
      }),
    );
    expect(error.code).toBe('invalid');
    expect(error.path === '$.scale' || error.path === '$.meta.createdAt').toBe(true);
    expect(error.details).toEqual(expect.arrayContaining([expect.stringMatching(/^\$\.scale: /), expect.stringMatching(/^\$\.meta\.createdAt: /)]));
    expect(error.message).toMatch(/and 1 more problem/);
    expectOneLine(error);
  });

  it('duplicate ids: integrity, pointing at the second one', () => {
    const error = expectError(
      variant((d) => {
        d['domains'] = [
          { id: 'domain-a', name: 'A' },
          { id: 'domain-a', name: 'B' },
        ];
      }),
    );
    expect(error).toMatchObject({ code: 'integrity', path: '$.domains[1].id' });
    expect(error.message).toContain('domain-a');
    expectOneLine(error);
  });

  it('a saved scale mapping pointing at a missing level: integrity, with its path', () => {
    const error = expectError(
      variant((d) => {
        d['scaleMappings'] = [{ id: 'map-a', name: 'Client', entries: [{ value: 'Guru', levelId: 'guru' }] }];
      }),
    );
    expect(error).toMatchObject({ code: 'integrity', path: '$.scaleMappings[0].entries[0].levelId' });
    expect(error.message).toContain('guru');
    expectOneLine(error);
  });

  it.each([
    ['a colour that is not #RRGGBB', { accentColor: 'navy' }, '$.branding.accentColor'],
    ['a logo that is not PNG or JPEG', { logo: { fileName: 'x.svg', mediaType: 'image/svg+xml', data: '' } }, '$.branding.logo.mediaType'],
    ['a logo that is not base64', { logo: { fileName: 'x.png', mediaType: 'image/png', data: '<svg onload=alert(1)>' } }, '$.branding.logo.data'],
    ['a logo over 1 MB', { logo: { fileName: 'x.png', mediaType: 'image/png', data: 'A'.repeat(1_400_000) } }, '$.branding.logo.data'],
    ['an unknown template', { template: 'fancy' }, '$.branding.template'],
    ['a typo in a branding key', { accentColour: '#000000' }, '$.branding'],
  ])('branding with %s is refused with its path', (_name, branding, where) => {
    const error = expectError(variant((d) => (d['branding'] = branding)));
    expect(error.path).toBe(where);
    expectOneLine(error);
  });

  it('branding and scale mappings default when absent, and round-trip when present', () => {
    const loaded = parseProjectText(variant(() => undefined));
    expect(loaded.ok && loaded.value.project.branding).toEqual({ logo: null, accentColor: '#1F4E79', font: 'sans', template: 'classic', clientTemplate: null });
    const branded = variant((d) => {
      d['branding'] = { logo: { fileName: 'logo.png', mediaType: 'image/png', data: 'iVBORw0KGgo=' }, accentColor: '#00856F', font: 'serif', template: 'modern', clientTemplate: null };
      d['scaleMappings'] = [{ id: 'map-a', name: 'Client survey', entries: [{ value: 'Competent', levelId: 'skilled' }], numericRange: { min: 1, max: 5 } }];
    });
    const first = parseProjectText(branded);
    if (!first.ok) throw new Error(first.error.message);
    const again = parseProjectText(serializeProject(first.value.project));
    expect(again.ok && again.value.project).toEqual(first.value.project);
    expect(first.value.project.branding.template).toBe('modern');
  });

  it('edges to missing nodes: integrity, pointing at the edge end', () => {
    const error = expectError(
      variant((d) => {
        d['frameworks'] = [
          {
            id: 'fw',
            name: 'F',
            nodes: [{ id: 'a', kind: 'milestone', position: { x: 0, y: 0 } }],
            edges: [{ id: 'e', source: 'ghost', target: 'a' }],
          },
        ];
      }),
    );
    expect(error).toMatchObject({ code: 'integrity', path: '$.frameworks[0].edges[0].source' });
    expect(error.message).toContain('ghost');
    expectOneLine(error);
  });

  it.each([
    ['__proto__ at the root', '{"__proto__": {"polluted": true}, "schemaVersion": 1}', '$.__proto__'],
    ['__proto__ in meta', '{"schemaVersion": 1, "meta": {"__proto__": {"polluted": true}}}', '$.meta.__proto__'],
    ['__proto__ inside a list', '{"schemaVersion": 1, "roles": [{"id": "r"}, {"__proto__": {"polluted": true}}]}', '$.roles[1].__proto__'],
    ['constructor', '{"schemaVersion": 1, "constructor": {"prototype": {"polluted": true}}}', '$.constructor'],
    ['prototype', '{"schemaVersion": 1, "meta": {"prototype": {"polluted": true}}}', '$.meta.prototype'],
  ])('a %s key is refused with its path', (_name, text, where) => {
    const error = expectError(text);
    expect(error).toMatchObject({ code: 'forbidden-key', path: where });
    expectOneLine(error);
  });

  it('never pollutes Object.prototype, whatever the file says', () => {
    const texts = [
      '{"__proto__": {"polluted": true}}',
      '{"__proto__": {"polluted": true}, "schemaVersion": 1}',
      '{"schemaVersion": 1, "meta": {"__proto__": {"polluted": true}}}',
      '{"constructor": {"prototype": {"polluted": true}}}',
      '[{"__proto__": {"polluted": true}}]',
      variant((d) => (d['x'] = JSON.parse('{"__proto__": {"polluted": true}}') as unknown)),
      variant((d) => Object.defineProperty(meta(d), '__proto__', { value: { polluted: true }, enumerable: true })),
    ];
    // A raw JSON text whose valid project also carries "__proto__": schema parsing must not copy it onto a prototype.
    const valid = JSON.stringify(minimalProjectDocument());
    texts.push(valid.replace('"meta":{', '"meta":{"__proto__":{"polluted":true},'));
    for (const text of texts) {
      const result = parseProjectText(text);
      expect(result.ok).toBe(false);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>)['polluted']).toBeUndefined();
    }
  });

  it(`nesting 100,000 deep returns too-deep quickly without a stack overflow`, () => {
    const started = performance.now();
    const error = expectError(deepNestingText(100_000));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error.code).toBe('too-deep');
    expect(error.path?.startsWith('$.deep[0][0]')).toBe(true);
    expect(error.message).toContain(String(MAX_NESTING_DEPTH));
    expectOneLine(error);
  });

  it('nesting of objects 100,000 deep is refused as well', () => {
    const text = `{"schemaVersion":1,"x":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
    const error = expectError(text);
    expect(error.code).toBe('too-deep');
    expect(error.path?.startsWith('$.x.a.a')).toBe(true);
  });

  it('a 50 MB string is refused with its path, and quickly', () => {
    const document = minimalProjectDocument();
    meta(document)['title'] = 'x'.repeat(50 * 1024 * 1024);
    const text = JSON.stringify(document);
    const started = performance.now();
    const error = expectError(text);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error).toMatchObject({ code: 'string-too-long', path: '$.meta.title' });
    expect(error.message).toContain(MAX_STRING_LENGTH.toLocaleString('en'));
    expectOneLine(error);
  });

  it('text longer than the limit is refused before JSON parsing', () => {
    const error = expectError(' '.repeat(MAX_PROJECT_TEXT_LENGTH + 1));
    expect(error.code).toBe('too-large');
    expectOneLine(error);
  });

  it('a newer schemaVersion says "newer PLP Studio", the version, and who wrote it', () => {
    const newer = CURRENT_SCHEMA_VERSION + 1;
    const error = expectError(
      variant((d) => {
        d['schemaVersion'] = newer;
        meta(d)['appVersion'] = '3.4.5';
      }),
    );
    expect(error).toMatchObject({ code: 'newer-version', path: '$.schemaVersion' });
    expect(error.message).toContain('newer PLP Studio');
    expect(error.message).toContain(String(newer));
    expect(error.message).toContain('3.4.5');
    expectOneLine(error);
  });

  it('a newer file refuses even when the rest of it is garbage (version is checked before the schema)', () => {
    const error = expectError('{"schemaVersion": 7, "meta": "whatever"}');
    expect(error.code).toBe('newer-version');
  });

  it('a hostile appVersion in a newer file is not echoed', () => {
    const error = expectError(JSON.stringify({ schemaVersion: 99, meta: { appVersion: 'x\n<script>alert(1)</script>' } }));
    expect(error.code).toBe('newer-version');
    expect(error.message).not.toContain('script');
    expectOneLine(error);
  });

  it.each([
    ['an array', '[1, 2, 3]'],
    ['a string', '"project"'],
    ['a number', '42'],
    ['null', 'null'],
  ])('a non-object root (%s) is not a project', (_name, text) => {
    const error = expectError(text);
    expect(error).toMatchObject({ code: 'not-a-project', path: '$' });
    expectOneLine(error);
  });

  it.each([
    ['missing', '{"meta": {}}', 'not-a-project'],
    ['a string', '{"schemaVersion": "1"}', 'invalid'],
    ['zero', '{"schemaVersion": 0}', 'invalid'],
    ['a fraction', '{"schemaVersion": 1.5}', 'invalid'],
  ])('a schemaVersion that is %s is refused', (_name, text, code) => {
    const error = expectError(text);
    expect(error).toMatchObject({ code, path: '$.schemaVersion' });
    expectOneLine(error);
  });

  it('a javascript: link is refused by the schema', () => {
    const project = buildRichProject();
    const document = JSON.parse(serializeProject(project)) as { activities: { link: string }[] };
    document.activities[0]!.link = 'javascript:alert(1)';
    const error = expectError(JSON.stringify(document));
    expect(error).toMatchObject({ code: 'invalid', path: '$.activities[0].link' });
  });
});

describe('hostile fixtures (tests/fixtures/hostile)', () => {
  let dir: string;
  let paths: Record<HostileCaseName, string>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'plp-hostile-'));
    paths = await writeHostileFixtures(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('every committed .plp file is a declared case, and every committed case has its file', async () => {
    const committed = (await readdir(FIXTURE_DIR)).filter((name) => name.endsWith('.plp')).sort();
    const declared = HOSTILE_CASE_NAMES.map((name) => HOSTILE_CASES[name])
      .filter((entry) => entry.origin === 'committed')
      .map((entry) => entry.file)
      .sort();
    expect(committed).toEqual(declared);
  });

  it('writeHostileFixtures writes every case, small ones byte-identical to the committed files', async () => {
    expect(Object.keys(paths).sort()).toEqual([...HOSTILE_CASE_NAMES].sort());
    for (const name of HOSTILE_CASE_NAMES) {
      const entry = HOSTILE_CASES[name];
      const written = await readFile(paths[name]);
      if (entry.origin === 'committed') expect(written.equals(await readFile(path.join(FIXTURE_DIR, entry.file)))).toBe(true);
    }
    expect((await readFile(paths['huge-string'])).length).toBeGreaterThan(50 * 1024 * 1024);
  });

  it.each(HOSTILE_CASE_NAMES.filter((name) => HOSTILE_CASES[name].stage === 'parse'))('%s gives what HOSTILE_CASES declares', async (name) => {
    const entry = HOSTILE_CASES[name];
    const text = await readFile(paths[name], 'utf8');
    const result = parseProjectText(text);
    const expected = entry.expect;
    if (expected.ok) {
      expect(result.ok).toBe(true);
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(expected.code);
    if ('path' in expected) {
      if ('pathPrefix' in expected && expected.pathPrefix) expect(result.error.path?.startsWith(expected.path)).toBe(true);
      else expect(result.error.path).toBe(expected.path);
    }
    if ('messageIncludes' in expected) for (const part of expected.messageIncludes) expect(result.error.message).toContain(part);
    expectOneLine(result.error);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
