import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveError, writeFileAtomic } from '../../../electron/services/files/atomic-write';
import { ProjectDocumentService, STALE_SAVE_TEMP_MS, fingerprintOf, nodeDocumentFs, type DocumentFs } from '../../../electron/services/projects/project-documents';
import { parseProjectText, serializeProject } from '../../../shared/domain/project-file';
import type { Project } from '../../../shared/domain/schema';
import { OpenedProjectSchema } from '../../../shared/ipc/contract';
import { HOSTILE_CASE_NAMES, HOSTILE_CASES, writeHostileFixtures } from '../../fixtures/hostile/generate';
import { buildMinimalProject, buildRichProject } from '../domain/rich-project';
import { APP_VERSION, NOW, createDocuments, errno, fullDiskFs, makeTempDir, sha256, snapshotDir } from './helpers';

const root = await makeTempDir();
afterAll(() => fsp.rm(root, { recursive: true, force: true }));

let dir: string;
let file: string;
const WINDOW = 1;

beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(root, 'case-'));
  file = path.join(dir, 'presence.plp');
});

async function writeProject(target: string, project: Project = buildRichProject()): Promise<Buffer> {
  const bytes = Buffer.from(serializeProject(project));
  await fsp.writeFile(target, bytes);
  return bytes;
}

async function openOk(documents: ReturnType<typeof createDocuments>, target = file) {
  const result = await documents.open(WINDOW, target);
  if (!result.ok) throw new Error(`open failed: ${result.error.message}`);
  return result.value;
}

function retitled(project: Project, title: string): Project {
  return { ...project, meta: { ...project.meta, title } };
}

async function loadFromDisk(target: string): Promise<Project> {
  const result = parseProjectText(await fsp.readFile(target, 'utf8'));
  if (!result.ok) throw new Error(result.error.message);
  return result.value.project;
}

describe('open', () => {
  it('opens a project file, fingerprints it, and writes nothing', async () => {
    const bytes = await writeProject(file);
    const before = await snapshotDir(dir);
    const documents = createDocuments();
    const opened = await openOk(documents);

    expect(OpenedProjectSchema.safeParse(opened).success).toBe(true);
    expect(opened).toMatchObject({ documentId: 'doc-test0001', filePath: file, migratedFrom: null, unsaved: false });
    expect(opened.project).toEqual(buildRichProject());
    const session = documents.currentSession(WINDOW);
    expect(session).toMatchObject({ documentId: 'doc-test0001', filePath: file, fingerprint: { size: bytes.length, sha256: sha256(bytes) } });
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('removes temp files a crashed save left beside the project, but not a save in progress', async () => {
    await writeProject(file);
    const base = path.basename(file);
    const stale = path.join(dir, `.${base}.4242.0123456789ab.tmp`);
    const fresh = path.join(dir, `.${base}.4243.ba9876543210.tmp`);
    await fsp.writeFile(stale, 'half a project');
    await fsp.writeFile(fresh, 'a save in progress');
    const longAgo = new Date(Date.now() - STALE_SAVE_TEMP_MS - 60_000);
    await fsp.utimes(stale, longAgo, longAgo);

    await openOk(createDocuments());
    await expect(fsp.stat(stale)).rejects.toThrow();
    expect(await fsp.readFile(fresh, 'utf8')).toBe('a save in progress');
  });

  it('each open starts a new document id; the window has one session', async () => {
    await writeProject(file);
    const documents = createDocuments();
    const first = await openOk(documents);
    const second = await openOk(documents);
    expect(second.documentId).not.toBe(first.documentId);
    expect(documents.currentSession(WINDOW)?.documentId).toBe(second.documentId);
  });

  it('a missing file is not-found, with the file name in one line', async () => {
    const result = await createDocuments().open(WINDOW, path.join(dir, 'gone.plp'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('not-found');
    expect(result.error.message).toContain('gone.plp');
    expect(result.error.message).not.toMatch(/\n/);
  });

  it('a folder is not-a-file', async () => {
    await fsp.mkdir(path.join(dir, 'folder.plp'));
    const result = await createDocuments().open(WINDOW, path.join(dir, 'folder.plp'));
    expect(result.ok || result.error.code).toBe('not-a-file');
  });

  it('a file it may not read is permission-denied', async () => {
    const fs: DocumentFs = { ...nodeDocumentFs, readFile: () => Promise.reject(errno('EACCES')) };
    await writeProject(file);
    const result = await createDocuments({ fs }).open(WINDOW, file);
    expect(result.ok || result.error.code).toBe('permission-denied');
    expect(result.ok || result.error.message).toMatch(/permission/);
  });

  it('refuses a file over 200 MB before reading a byte', async () => {
    const readFile = vi.fn(() => Promise.resolve(new Uint8Array()));
    const fs: DocumentFs = {
      stat: () => Promise.resolve({ size: 300 * 1024 * 1024, mtimeMs: 1, isFile: () => true, isDirectory: () => false }),
      readFile,
    };
    const result = await createDocuments({ fs }).open(WINDOW, file);
    expect(result.ok || result.error.code).toBe('too-large');
    expect(result.ok || result.error.message).toMatch(/300 MB.*200 MB/);
    expect(readFile).not.toHaveBeenCalled();
  });

  it('every hostile fixture gives its declared error (or opens), and opening them writes nothing', async () => {
    const fixtures = await writeHostileFixtures(path.join(dir, 'hostile'));
    const before = await snapshotDir(dir);
    const documents = createDocuments();
    for (const name of HOSTILE_CASE_NAMES) {
      const expected = HOSTILE_CASES[name].expect;
      const result = await documents.open(WINDOW, fixtures[name]);
      if (expected.ok) {
        expect(result.ok, name).toBe(true);
        continue;
      }
      expect(result.ok, name).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, name).toBe(expected.code);
      if ('path' in expected && !('pathPrefix' in expected)) expect(result.error.path, name).toBe(expected.path);
      expect(result.error.message, name).toContain(HOSTILE_CASES[name].file);
      expect(result.error.message, name).not.toMatch(/[\r\n]/);
    }
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('a failed open leaves the window’s current document as it was', async () => {
    await writeProject(file);
    const documents = createDocuments();
    await openOk(documents);
    const session = documents.currentSession(WINDOW);
    const broken = path.join(dir, 'broken.plp');
    await fsp.writeFile(broken, '{ not json');
    expect((await documents.open(WINDOW, broken)).ok).toBe(false);
    expect(documents.currentSession(WINDOW)).toEqual(session);
  });
});

describe('save', () => {
  it('round trip: open, edit, save; the file holds the edit, modifiedAt and appVersion; the fingerprint follows', async () => {
    await writeProject(file);
    const documents = createDocuments();
    const opened = await openOk(documents);
    const outcome = await documents.save(WINDOW, opened.documentId, retitled(opened.project, 'Renamed'), { overwriteChanged: false });
    expect(outcome).toEqual({ status: 'saved', filePath: file, savedAt: NOW.toISOString() });

    const onDisk = await loadFromDisk(file);
    expect(onDisk.meta.title).toBe('Renamed');
    expect(onDisk.meta.modifiedAt).toBe(NOW.toISOString());
    expect(onDisk.meta.appVersion).toBe(APP_VERSION);
    expect({ ...onDisk, meta: { ...onDisk.meta, title: opened.project.meta.title, modifiedAt: opened.project.meta.modifiedAt, appVersion: opened.project.meta.appVersion } }).toEqual(opened.project);
    const bytes = await fsp.readFile(file);
    expect(documents.currentSession(WINDOW)?.fingerprint).toMatchObject({ size: bytes.length, sha256: sha256(bytes) });

    // The studio's own save is not "a change on disk": saving again just saves.
    const again = await documents.save(WINDOW, opened.documentId, retitled(opened.project, 'Renamed twice'), { overwriteChanged: false });
    expect(again.status).toBe('saved');
    expect((await loadFromDisk(file)).meta.title).toBe('Renamed twice');
  });

  it('Save As writes the new path, moves the session there and leaves the original file alone', async () => {
    const original = await writeProject(file);
    const documents = createDocuments();
    const opened = await openOk(documents);
    const copy = path.join(dir, 'copy.plp');
    const outcome = await documents.save(WINDOW, opened.documentId, retitled(opened.project, 'Copy'), { targetPath: copy, overwriteChanged: false });
    expect(outcome).toMatchObject({ status: 'saved', filePath: copy });
    expect((await fsp.readFile(file)).equals(original)).toBe(true);
    expect((await loadFromDisk(copy)).meta.title).toBe('Copy');
    expect(documents.currentSession(WINDOW)?.filePath).toBe(copy);
  });

  it('a file changed on disk since opening is a conflict (nothing written); overwriteChanged then saves', async () => {
    await writeProject(file);
    const documents = createDocuments();
    const opened = await openOk(documents);
    const session = documents.currentSession(WINDOW);

    const theirs = Buffer.from(serializeProject(retitled(buildRichProject(), 'Colleague’s version')));
    await fsp.writeFile(file, theirs);
    const mine = retitled(opened.project, 'My version');
    const conflict = await documents.save(WINDOW, opened.documentId, mine, { overwriteChanged: false });
    expect(conflict.status).toBe('conflict');
    if (conflict.status !== 'conflict') return;
    expect(conflict.filePath).toBe(file);
    expect(conflict.message).toContain('presence.plp');
    expect(conflict.message).toMatch(/changed/);
    expect((await fsp.readFile(file)).equals(theirs)).toBe(true);
    expect(documents.currentSession(WINDOW)).toEqual(session);

    const overwritten = await documents.save(WINDOW, opened.documentId, mine, { overwriteChanged: true });
    expect(overwritten.status).toBe('saved');
    expect((await loadFromDisk(file)).meta.title).toBe('My version');
    // …and the next plain save is no conflict.
    expect((await documents.save(WINDOW, opened.documentId, mine, { overwriteChanged: false })).status).toBe('saved');
  });

  it('a file only touched (same bytes, new mtime) is not a conflict', async () => {
    await writeProject(file);
    const documents = createDocuments();
    const opened = await openOk(documents);
    const later = new Date(Date.now() + 60_000);
    await fsp.utimes(file, later, later);
    expect((await documents.save(WINDOW, opened.documentId, opened.project, { overwriteChanged: false })).status).toBe('saved');
  });

  it('a file deleted since opening is simply written again', async () => {
    await writeProject(file);
    const documents = createDocuments();
    const opened = await openOk(documents);
    await fsp.rm(file);
    expect((await documents.save(WINDOW, opened.documentId, opened.project, { overwriteChanged: false })).status).toBe('saved');
    expect((await loadFromDisk(file)).meta.id).toBe(opened.project.meta.id);
  });

  it('never overwrites a project from a newer PLP Studio, even when told to overwrite changes', async () => {
    await writeProject(file);
    const documents = createDocuments();
    const opened = await openOk(documents);
    const newer = Buffer.from(JSON.stringify({ schemaVersion: 99, meta: { title: 'From the future' } }));
    await fsp.writeFile(file, newer);

    for (const overwriteChanged of [false, true]) {
      const outcome = await documents.save(WINDOW, opened.documentId, opened.project, { overwriteChanged });
      expect(outcome.status).toBe('failed');
      if (outcome.status !== 'failed') continue;
      expect(outcome.error.code).toBe('newer-version');
      expect(outcome.error.message).toMatch(/newer PLP Studio/);
      expect(outcome.error.message).toContain('99');
    }
    // Save As onto another newer file is refused too.
    const other = path.join(dir, 'other.plp');
    await fsp.writeFile(other, newer);
    const saveAs = await documents.save(WINDOW, opened.documentId, opened.project, { targetPath: other, overwriteChanged: true });
    expect(saveAs.status === 'failed' && saveAs.error.code).toBe('newer-version');
    expect((await fsp.readFile(file)).equals(newer)).toBe(true);
    expect((await fsp.readFile(other)).equals(newer)).toBe(true);
  });

  it('Save As over an existing current-format file the user confirmed replaces it', async () => {
    await writeProject(file);
    const other = path.join(dir, 'other.plp');
    await writeProject(other, buildMinimalProject('Other'));
    const documents = createDocuments();
    const opened = await openOk(documents);
    const outcome = await documents.save(WINDOW, opened.documentId, opened.project, { targetPath: other, overwriteChanged: false });
    expect(outcome.status).toBe('saved');
    expect((await loadFromDisk(other)).meta.id).toBe(opened.project.meta.id);
  });

  it('a full disk (real atomic writer, failing mid-write) fails the save; the old file is byte-identical and the session unchanged', async () => {
    const original = await writeProject(file);
    const documents = createDocuments({ write: (target, data) => writeFileAtomic(target, data, { fs: fullDiskFs(100) }) });
    const opened = await openOk(documents);
    const session = documents.currentSession(WINDOW);
    const outcome = await documents.save(WINDOW, opened.documentId, retitled(opened.project, 'Lost?'), { overwriteChanged: false });
    expect(outcome.status).toBe('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.error.code).toBe('disk-full');
    expect(outcome.error.message).toMatch(/disk is full/i);
    expect((await fsp.readFile(file)).equals(original)).toBe(true);
    expect(await fsp.readdir(dir)).toEqual(['presence.plp']); // no temp file left behind
    expect(documents.currentSession(WINDOW)).toEqual(session);
  });

  it.each(['disk-full', 'read-only', 'locked', 'permission-denied', 'folder-missing', 'io'] as const)(
    'an injected SaveError %s becomes a failed outcome with its code and message',
    async (code) => {
      const original = await writeProject(file);
      const write = vi.fn((target: string) => Promise.reject(new SaveError(code, target)));
      const documents = createDocuments({ write });
      const opened = await openOk(documents);
      const session = documents.currentSession(WINDOW);
      const outcome = await documents.save(WINDOW, opened.documentId, opened.project, { overwriteChanged: false });
      expect(write).toHaveBeenCalledOnce();
      expect(outcome).toEqual({ status: 'failed', error: { code, message: new SaveError(code, file).message } });
      expect((await fsp.readFile(file)).equals(original)).toBe(true);
      expect(documents.currentSession(WINDOW)).toEqual(session);
    },
  );

  it('an unexpected writer error is a failed io outcome on one line', async () => {
    await writeProject(file);
    const documents = createDocuments({ write: () => Promise.reject(new Error('boom\nstack')) });
    const opened = await openOk(documents);
    const outcome = await documents.save(WINDOW, opened.documentId, opened.project, { overwriteChanged: false });
    expect(outcome.status === 'failed' && outcome.error.code).toBe('io');
    expect(outcome.status === 'failed' && outcome.error.message).not.toMatch(/\n/);
  });

  it('when the new file replaced the old one but was not confirmed durable, the save fails yet the next save is no conflict', async () => {
    await writeProject(file);
    let failOnce = true;
    const documents = createDocuments({
      write: async (target, data) => {
        await writeFileAtomic(target, data);
        if (failOnce) {
          failOnce = false;
          throw new SaveError('io', target, { targetReplaced: true });
        }
      },
    });
    const opened = await openOk(documents);
    const first = await documents.save(WINDOW, opened.documentId, retitled(opened.project, 'One'), { overwriteChanged: false });
    expect(first.status === 'failed' && first.error.code).toBe('io');
    const second = await documents.save(WINDOW, opened.documentId, retitled(opened.project, 'Two'), { overwriteChanged: false });
    expect(second.status).toBe('saved');
  });

  it('a document id that is not the window’s current one is stale-document, and nothing is written', async () => {
    const original = await writeProject(file);
    const write = vi.fn(() => Promise.resolve());
    const documents = createDocuments({ write });
    const opened = await openOk(documents);
    const stale = await documents.save(WINDOW, 'doc-someoneelse', opened.project, { overwriteChanged: true });
    expect(stale.status === 'failed' && stale.error.code).toBe('stale-document');
    const otherWindow = await documents.save(2, opened.documentId, opened.project, { overwriteChanged: true });
    expect(otherWindow.status === 'failed' && otherWindow.error.code).toBe('stale-document');
    expect(write).not.toHaveBeenCalled();
    expect((await fsp.readFile(file)).equals(original)).toBe(true);
  });

  it('refuses to write a project that could not be opened again (broken references)', async () => {
    await writeProject(file);
    const write = vi.fn(() => Promise.resolve());
    const documents = createDocuments({ write });
    const opened = await openOk(documents);
    const broken = structuredClone(opened.project);
    broken.frameworks[0]!.edges.push({ id: 'e-bad', source: 'n-pre', target: 'n-nowhere' });
    const outcome = await documents.save(WINDOW, opened.documentId, broken, { overwriteChanged: false });
    expect(outcome.status === 'failed' && outcome.error).toMatchObject({ code: 'invalid-project', path: '$.frameworks[0].edges[5].target' });
    expect(write).not.toHaveBeenCalled();
  });

  it('saves of one window run one at a time: a save never mistakes the previous save’s write for a change on disk', async () => {
    await writeProject(file);
    let signalWritten!: () => void;
    const written = new Promise<void>((resolve) => (signalWritten = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    const documents = createDocuments({
      write: async (target, data) => {
        await writeFileAtomic(target, data);
        if (first) {
          // The first save's bytes are on disk, but its save has not finished yet.
          first = false;
          signalWritten();
          await gate;
        }
      },
    });
    const opened = await openOk(documents);
    const saveA = documents.save(WINDOW, opened.documentId, retitled(opened.project, 'A'), { overwriteChanged: false });
    await written;
    const saveB = documents.save(WINDOW, opened.documentId, retitled(opened.project, 'B'), { overwriteChanged: false });
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    expect((await saveA).status).toBe('saved');
    expect((await saveB).status).toBe('saved');
    expect((await loadFromDisk(file)).meta.title).toBe('B');
  });

  it('many concurrent saves of one window all succeed, the last one wins', async () => {
    await writeProject(file);
    const documents = createDocuments();
    const opened = await openOk(documents);
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, i) => documents.save(WINDOW, opened.documentId, retitled(opened.project, `Version ${i}`), { overwriteChanged: false })),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(6).fill('saved'));
    expect((await loadFromDisk(file)).meta.title).toBe('Version 5');
  });

  it('a never-saved document needs a target path', async () => {
    const documents = createDocuments();
    const created = documents.newProject(WINDOW, 'blank');
    const outcome = await documents.save(WINDOW, created.documentId, created.project, { overwriteChanged: false });
    expect(outcome.status === 'failed' && outcome.error.code).toBe('no-file-path');
    const saved = await documents.save(WINDOW, created.documentId, created.project, { targetPath: file, overwriteChanged: false });
    expect(saved.status).toBe('saved');
    expect(documents.currentSession(WINDOW)?.filePath).toBe(file);
  });

  it('a relative target path is refused', async () => {
    const documents = createDocuments();
    const created = documents.newProject(WINDOW, 'blank');
    const outcome = await documents.save(WINDOW, created.documentId, created.project, { targetPath: 'relative.plp', overwriteChanged: false });
    expect(outcome.status === 'failed' && outcome.error.code).toBe('invalid-path');
  });
});

describe('new projects, close, fingerprints', () => {
  it('a blank project: never saved, the author set, valid', () => {
    const documents = createDocuments();
    const created = documents.newProject(WINDOW, 'blank', undefined, { author: 'Dana' });
    expect(OpenedProjectSchema.safeParse(created).success).toBe(true);
    expect(created).toMatchObject({ filePath: null, migratedFrom: null, unsaved: false });
    expect(created.project.meta.authors).toEqual(['Dana']);
    expect(created.project.meta.createdAt).toBe(NOW.toISOString());
    expect(documents.currentSession(WINDOW)).toEqual({ documentId: created.documentId, filePath: null, fingerprint: null });
  });

  it('the sample: its content with a fresh project id', () => {
    const sample = buildRichProject();
    const documents = createDocuments();
    const first = documents.newProject(WINDOW, 'sample', serializeProject(sample));
    const second = documents.newProject(2, 'sample', serializeProject(sample));
    expect(first.project.meta.id).not.toBe(sample.meta.id);
    expect(first.project.meta.id).not.toBe(second.project.meta.id);
    expect(first.project.meta.id).toMatch(/^project-[a-z0-9]+$/);
    expect({ ...first.project, meta: { ...first.project.meta, id: sample.meta.id, createdAt: sample.meta.createdAt, modifiedAt: sample.meta.modifiedAt, appVersion: sample.meta.appVersion } }).toEqual(sample);
    expect(first.filePath).toBeNull();
  });

  it('a broken sample is a bug, thrown loudly', () => {
    expect(() => createDocuments().newProject(WINDOW, 'sample', '{}')).toThrow(/sample/);
    expect(() => createDocuments().newProject(WINDOW, 'sample')).toThrow(/sample/);
  });

  it('close forgets the document only when the id matches', async () => {
    const documents = createDocuments();
    const created = documents.newProject(WINDOW, 'blank');
    expect(documents.close(WINDOW, 'doc-other')).toBe(false);
    expect(documents.close(2, created.documentId)).toBe(false);
    expect(documents.close(WINDOW, created.documentId)).toBe(true);
    expect(documents.currentSession(WINDOW)).toBeNull();
    const outcome = await documents.save(WINDOW, created.documentId, created.project, { targetPath: file, overwriteChanged: false });
    expect(outcome.status === 'failed' && outcome.error.code).toBe('stale-document');
  });

  it('fingerprintOf: null for no file, size and hash for a file', async () => {
    expect(await fingerprintOf(path.join(dir, 'none.plp'))).toBeNull();
    const bytes = await writeProject(file);
    expect(await fingerprintOf(file)).toMatchObject({ size: bytes.length, sha256: sha256(bytes) });
  });

  it('newDocumentId must produce document ids', () => {
    const bad = new ProjectDocumentService({
      write: () => Promise.resolve(),
      now: () => NOW,
      appVersion: APP_VERSION,
      newDocumentId: () => '../escape',
    });
    expect(() => bad.newProject(WINDOW, 'blank')).toThrow(/document id/);
  });
});
