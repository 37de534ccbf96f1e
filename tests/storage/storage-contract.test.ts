import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SegmentRecord } from '../../src/model.js';
import { addCounts, countSentence, dismissalKey, EMPTY_COUNTS, selectOpenFlags } from '../../src/review/queue.js';
import type { NewRevision, Storage } from '../../src/storage/types.js';
import { createTestDatabase, TEST_ENGINES } from '../support/test-server.js';

// The storage contract (src/storage/types.ts), run on SQLite and, when DATABASE_URL is set, on
// PostgreSQL: the same behaviour from both engines is what lets services and web ignore which
// one they run on. Two storages opened on one database stand for two servers (or two processes).

const SENTENCES = ['The tenant of the White House spoke.', 'He left.', 'A new paragraph.'];

describe.each(TEST_ENGINES)('storage contract on %s', (engine) => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let storage: Storage;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    storage = await database.open();
  });
  afterEach(async () => {
    await database.remove();
  });

  /** A document of `sentences` (one paragraph each), as the import service creates it. */
  async function createDocument(title = 'Article', sentences = SENTENCES) {
    let offset = 0;
    const document = await storage.documents.create({
      title, targetLanguage: 'en', detectedLanguage: 'en', originalText: sentences.join('\n\n'), author: 'importer',
      segments: sentences.map((text, position) => {
        const start = offset;
        offset += text.length + 2;
        return { position, paragraph: position, start, end: start + text.length, text, role: position === 2 ? 'heading' : 'body', status: 'to-review' };
      }),
    });
    return { document, segments: await storage.segments.listByDocument(document.id) };
  }

  /** An edit of `segment` from `expectedRevision` to `text`, as correctSegment asks for it. */
  function edit(segment: SegmentRecord, text: string, extra: Partial<NewRevision> = {}): NewRevision {
    return {
      segmentId: segment.id, expectedRevision: segment.revision, kind: 'edit', text, patch: [['-', segment.text], ['+', text]],
      checkpoint: null, revertedTo: null, status: 'edited', author: 'ana', comment: null, ...extra,
    };
  }

  describe('documents and segments', () => {
    it('creates a document with its segments and their revision 0, and reads it with and without its text', async () => {
      const { document, segments } = await createDocument();
      expect(document).toEqual({
        id: document.id, title: 'Article', targetLanguage: 'en', detectedLanguage: 'en', sourceLanguage: null, revisionSum: 0,
        createdAt: document.createdAt, updatedAt: document.createdAt,
      });
      expect(await storage.documents.get(document.id)).toEqual(document);
      expect(await storage.documents.getWithText(document.id)).toEqual({ ...document, originalText: SENTENCES.join('\n\n') });
      expect(await storage.documents.get(document.id + 1)).toBeUndefined();
      expect(await storage.documents.getWithText(document.id + 1)).toBeUndefined();
      expect(segments).toEqual(SENTENCES.map((text, position) => ({
        id: segments[position]!.id, documentId: document.id, position, paragraph: position, start: SENTENCES.slice(0, position).join('\n\n').length + (position ? 2 : 0),
        end: SENTENCES.slice(0, position + 1).join('\n\n').length, role: position === 2 ? 'heading' : 'body', original: text, text, status: 'to-review',
        revision: 0, updatedAt: document.createdAt,
      })));
      expect(await storage.segments.get(segments[1]!.id)).toEqual(segments[1]);
      expect(await storage.segments.get(segments[2]!.id + 100)).toBeUndefined();
      const [imported] = await storage.revisions.listBySegment(segments[0]!.id);
      expect(imported).toEqual({
        id: imported!.id, segmentId: segments[0]!.id, number: 0, kind: 'import', patch: [], checkpoint: SENTENCES[0], revertedTo: null,
        author: 'importer', comment: null, createdAt: document.createdAt,
      });
    });

    it('keeps the file a document was imported from when given one, and reads it apart from the document', async () => {
      const { document } = await createDocument();
      const file = { format: 'xliff' as const, content: '\uFEFF<?xml version="1.0"?>\r\n<xliff version="2.0">é 😀</xliff>\r\n' };
      const withFile = await storage.documents.create({
        title: 'From XLIFF', targetLanguage: 'en', detectedLanguage: 'en', originalText: 'One.', author: 'importer',
        segments: [{ position: 0, paragraph: 0, start: 0, end: 4, text: 'One.', role: 'body', status: 'to-review' }], importedFile: file,
      });
      expect(await storage.documents.getImportedFile(withFile.id)).toEqual(file);
      expect(await storage.documents.getImportedFile(document.id)).toBeUndefined();
      expect(await storage.documents.getImportedFile(withFile.id + 1)).toBeUndefined();
      expect(await storage.documents.getWithText(withFile.id)).toEqual({ ...withFile, originalText: 'One.' });
    });

    it('creates a document longer than one insert statement takes', async () => {
      const sentences = Array.from({ length: 2_345 }, (_, index) => `Sentence ${index}.`);
      const { document, segments } = await createDocument('Long', sentences);
      expect(segments.map((segment) => segment.text)).toEqual(sentences);
      expect(await storage.revisions.listByDocument(document.id)).toHaveLength(sentences.length);
    });

    it('lists documents newest first, a page at a time, counting sentences and corrected ones, found by title in any case', async () => {
      const titles = ['Budget vote', 'Strike at 50% of plants', 'budget_2027 draft', 'Weather'];
      const created: Awaited<ReturnType<typeof createDocument>>[] = [];
      for (const title of titles) created.push(await createDocument(title));
      await storage.revisions.append(edit(created[1]!.segments[0]!, 'The occupant of the White House spoke.'));
      const summary = (index: number, correctedCount = 0) => ({
        id: created[index]!.document.id, title: titles[index], targetLanguage: 'en', detectedLanguage: 'en',
        createdAt: created[index]!.document.createdAt, updatedAt: expect.any(String), segmentCount: 3, correctedCount,
        counts: {
          total: 3, setAside: 0, toReview: 3 - correctedCount, edited: correctedCount, approved: 0, excluded: 0, corrected: correctedCount, openFlags: 0, flagged: 0,
        },
      });
      expect(await storage.documents.list()).toEqual([summary(3), summary(2), summary(1, 1), summary(0)]);
      expect(await storage.documents.list({ limit: 2, offset: 1 })).toEqual([summary(2), summary(1, 1)]);
      expect(await storage.documents.list({ search: 'BUDGET' })).toEqual([summary(2), summary(0)]);
      // % and _ are letters in a search, not patterns.
      expect(await storage.documents.list({ search: '50%' })).toEqual([summary(1, 1)]);
      expect(await storage.documents.list({ search: 'e_at' })).toEqual([]);
      expect(await storage.documents.list({ search: 'budget', limit: 1, offset: 1 })).toEqual([summary(0)]);
      expect([await storage.documents.count(), await storage.documents.count({ search: 'budget' }), await storage.documents.count({ search: 'x' })])
        .toEqual([4, 2, 0]);
      expect(await storage.documents.listIds()).toEqual(created.map(({ document }) => document.id));
    });
  });

  describe('revisions', () => {
    it('appends a revision, answering with the segment and the revision exactly as a fresh read gives them', async () => {
      const { document, segments } = await createDocument();
      const appended = await storage.revisions.append(edit(segments[0]!, 'The occupant of the White House spoke.', { comment: 'false friend' }));
      if (!appended.ok) throw new Error('append failed');
      expect(appended.segment).toEqual(await storage.segments.get(segments[0]!.id));
      expect(appended.segment).toMatchObject({ text: 'The occupant of the White House spoke.', status: 'edited', revision: 1 });
      expect(appended.revision).toEqual({
        id: appended.revision.id, segmentId: segments[0]!.id, number: 1, kind: 'edit', patch: [['-', SENTENCES[0]], ['+', 'The occupant of the White House spoke.']],
        checkpoint: null, revertedTo: null, author: 'ana', comment: 'false friend', createdAt: appended.segment.updatedAt,
      });
      expect((await storage.revisions.listBySegment(segments[0]!.id)).at(-1)).toEqual(appended.revision);
      // The document learns of the change from one row: its revision sum and its time.
      expect(await storage.documents.get(document.id)).toMatchObject({ revisionSum: 1, updatedAt: appended.segment.updatedAt });
      const reverted = await storage.revisions.append(edit(appended.segment, SENTENCES[0]!, { kind: 'revert', revertedTo: 0, checkpoint: SENTENCES[0]! }));
      expect(reverted).toMatchObject({ ok: true, revision: { number: 2, kind: 'revert', revertedTo: 0, checkpoint: SENTENCES[0] } });
      expect(await storage.documents.get(document.id)).toMatchObject({ revisionSum: 2 });
    });

    it('refuses an append from a stale revision with the current segment, and reports a missing one', async () => {
      const { segments } = await createDocument();
      await storage.revisions.append(edit(segments[0]!, 'First.'));
      expect(await storage.revisions.append(edit(segments[0]!, 'Second.'))).toEqual({
        ok: false, reason: 'conflict', current: await storage.segments.get(segments[0]!.id),
      });
      expect(await storage.revisions.append(edit({ ...segments[0]!, id: segments[2]!.id + 1000 }, 'Nowhere.'))).toEqual({ ok: false, reason: 'not-found' });
      expect(await storage.revisions.listBySegment(segments[0]!.id)).toHaveLength(2);
    });

    it('keeps a status the append was told to keep, as the row stands when it commits', async () => {
      const { segments } = await createDocument();
      // Someone excludes the sentence after the save read it, before the save commits.
      await storage.events.changeStatus({ segmentId: segments[0]!.id, expectedRevision: 0, status: 'excluded', author: 'ben' });
      const kept = await storage.revisions.append(edit(segments[0]!, 'Kept out.', { keepStatuses: ['excluded', 'approved'] }));
      expect(kept).toMatchObject({ ok: true, segment: { text: 'Kept out.', status: 'excluded', revision: 1 } });
      const notKept = await storage.revisions.append(edit(segments[1]!, 'Edited.', { keepStatuses: ['excluded'] }));
      expect(notKept).toMatchObject({ ok: true, segment: { status: 'edited' } });
    });

    it('lets exactly one of many appends from the same base land, across two storages on one database', async () => {
      const other = await database.open();
      const { segments } = await createDocument();
      let segment = segments[0]!;
      for (let round = 0; round < 5; round++) {
        const results = await Promise.all(Array.from({ length: 6 }, (_, index) =>
          (index % 2 ? other : storage).revisions.append(edit(segment, `Round ${round} by ${index}.`))));
        expect(results.filter((result) => result.ok)).toHaveLength(1);
        expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.reason)).toEqual(Array(5).fill('conflict'));
        segment = (await other.segments.get(segment.id))!;
      }
      expect((await storage.revisions.listBySegment(segment.id)).map((revision) => revision.number)).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it('lists a range, a document\'s revisions by segment then number, a timeline and its authors', async () => {
      const { document, segments } = await createDocument();
      let [first, second] = segments as [SegmentRecord, SegmentRecord];
      const ids: number[] = [];
      for (const [index, author] of ['ana', 'Ben', 'ana', 'émile', 'Zoé'].entries()) {
        const target = index % 2 ? second : first;
        const result = await storage.revisions.append(edit(target, `Version ${index}.`, { author }));
        if (!result.ok) throw new Error('append failed');
        ids.push(result.revision.id);
        if (index % 2) second = result.segment;
        else first = result.segment;
      }
      expect((await storage.revisions.listRange(first.id, 1, 2)).map((revision) => revision.number)).toEqual([1, 2]);
      expect(await storage.revisions.listRange(first.id, 5, 9)).toEqual([]);
      expect((await storage.revisions.listByDocument(document.id)).map((revision) => [revision.segmentId, revision.number])).toEqual([
        [first.id, 0], [first.id, 1], [first.id, 2], [first.id, 3], [second.id, 0], [second.id, 1], [second.id, 2], [segments[2]!.id, 0],
      ]);
      const timeline = await storage.revisions.listTimeline(document.id, { limit: 3 });
      expect(timeline.map((revision) => revision.id)).toEqual(ids.slice(2).reverse());
      expect((await storage.revisions.listTimeline(document.id, { limit: 10, beforeId: ids[2] })).map((revision) => revision.author))
        .toEqual(['Ben', 'ana', 'importer', 'importer', 'importer']);
      expect((await storage.revisions.listTimeline(document.id, { limit: 10, author: 'ana' })).map((revision) => revision.id)).toEqual([ids[2], ids[0]]);
      // Bytewise, as SQLite's BINARY collation orders: capitals before small letters, accented letters last.
      expect(await storage.revisions.listAuthors(document.id)).toEqual(['Ben', 'Zoé', 'ana', 'importer', 'émile']);
    });
  });

  describe('status changes, comments and dismissals', () => {
    it('changes a status at the revision the editor saw, refuses it at a stale one, and lists events', async () => {
      const { document, segments } = await createDocument();
      const changed = await storage.events.changeStatus({ segmentId: segments[0]!.id, expectedRevision: 0, status: 'approved', author: 'ana' });
      expect(changed).toEqual({
        ok: true, segment: await storage.segments.get(segments[0]!.id),
        event: { id: expect.any(Number), segmentId: segments[0]!.id, kind: 'status', status: 'approved', body: null, author: 'ana', createdAt: expect.any(String) },
      });
      await storage.revisions.append(edit(segments[1]!, 'Changed.'));
      expect(await storage.events.changeStatus({ segmentId: segments[1]!.id, expectedRevision: 0, status: 'approved', author: 'ana' }))
        .toEqual({ ok: false, reason: 'conflict', current: await storage.segments.get(segments[1]!.id) });
      expect(await storage.events.changeStatus({ segmentId: segments[2]!.id + 1000, expectedRevision: 0, status: 'approved', author: 'ana' }))
        .toEqual({ ok: false, reason: 'not-found' });
      const comment = await storage.events.addComment({ segmentId: segments[1]!.id, body: 'Check the name.', author: 'ben' });
      expect(comment).toEqual({ id: expect.any(Number), segmentId: segments[1]!.id, kind: 'comment', status: null, body: 'Check the name.', author: 'ben', createdAt: expect.any(String) });
      expect(await storage.events.listBySegment(segments[1]!.id)).toEqual([comment]);
      expect(await storage.events.listByDocument(document.id)).toEqual([changed.ok && changed.event, comment]);
    });

    it('keeps the first of two equal dismissals, from two storages at once', async () => {
      const other = await database.open();
      const { document, segments } = await createDocument();
      const dismissal = { segmentId: segments[0]!.id, checkId: 'false-friends', spanText: 'tenant', author: 'ana' };
      const [one, two] = await Promise.all([storage.dismissals.add(dismissal), other.dismissals.add({ ...dismissal, author: 'ben' })]);
      expect(two).toEqual(one);
      expect(one).toEqual({ id: expect.any(Number), segmentId: segments[0]!.id, checkId: 'false-friends', spanText: 'tenant', author: one.author, createdAt: expect.any(String) });
      const another = await storage.dismissals.add({ ...dismissal, segmentId: segments[1]!.id });
      expect(await storage.dismissals.listBySegment(segments[0]!.id)).toEqual([one]);
      expect(await storage.dismissals.listByDocument(document.id)).toEqual([one, another]);
    });
  });

  describe('accounts', () => {
    it('creates users with names unique in any case, finds them, lists them by name and changes them', async () => {
      const fatima = await storage.users.create({ name: 'Fatima', passwordHash: 'scrypt$1', role: 'editor' });
      expect(fatima).toEqual({ id: expect.any(Number), name: 'Fatima', role: 'editor', disabled: false, createdAt: expect.any(String) });
      expect(await storage.users.create({ name: 'FATIMA', passwordHash: 'h', role: 'viewer' })).toBeUndefined();
      for (const name of ['bob', 'Émile', 'Ana', 'zoe']) await storage.users.create({ name, passwordHash: 'h', role: 'viewer' });
      expect(await storage.users.get(fatima!.id)).toEqual(fatima);
      expect(await storage.users.findByName('fatima')).toEqual(fatima);
      expect(await storage.users.findForLogin('fAtImA')).toEqual({ ...fatima, passwordHash: 'scrypt$1' });
      expect(await storage.users.findByName('nobody')).toBeUndefined();
      expect((await storage.users.list()).map((user) => user.name)).toEqual(['Ana', 'bob', 'Fatima', 'zoe', 'Émile']);
      expect(await storage.users.count()).toBe(5);
      await storage.users.setRole(fatima!.id, 'admin');
      await storage.users.setDisabled(fatima!.id, true);
      await storage.users.setPasswordHash(fatima!.id, 'scrypt$2');
      expect(await storage.users.findForLogin('Fatima')).toEqual({ ...fatima, role: 'admin', disabled: true, passwordHash: 'scrypt$2' });
      await storage.users.setDisabled(fatima!.id, false);
      expect(await storage.users.get(fatima!.id)).toMatchObject({ disabled: false });
    });

    it('creates one first admin out of racing requests on two storages, and none once a user exists', async () => {
      const other = await database.open();
      const created = await Promise.all(Array.from({ length: 10 }, (_, index) =>
        (index % 2 ? storage : other).users.createFirstAdmin({ name: `admin${index}`, passwordHash: 'h' })));
      expect(created.filter(Boolean)).toEqual([{ id: expect.any(Number), name: expect.any(String), role: 'admin', disabled: false, createdAt: expect.any(String) }]);
      expect(await storage.users.count()).toBe(1);
    });

    it('finds only live sessions of enabled users, extends and deletes them', async () => {
      const user = (await storage.users.create({ name: 'ana', passwordHash: 'h', role: 'editor' }))!;
      const other = (await storage.users.create({ name: 'ben', passwordHash: 'h', role: 'editor' }))!;
      await storage.sessions.create({ tokenHash: 's1', userId: user.id, csrfToken: 'c1', expiresAt: '2030-01-01T00:00:00.000Z' });
      await storage.sessions.create({ tokenHash: 's2', userId: user.id, csrfToken: 'c2', expiresAt: '2031-01-01T00:00:00.000Z' });
      await storage.sessions.create({ tokenHash: 's3', userId: other.id, csrfToken: 'c3', expiresAt: '2031-01-01T00:00:00.000Z' });
      expect(await storage.sessions.find('s1', '2029-12-31T23:59:59.999Z')).toEqual({ user, csrfToken: 'c1', expiresAt: '2030-01-01T00:00:00.000Z' });
      expect(await storage.sessions.find('s1', '2030-01-01T00:00:00.000Z')).toBeUndefined();
      await storage.sessions.extend('s1', '2030-06-01T00:00:00.000Z');
      expect(await storage.sessions.find('s1', '2030-01-01T00:00:00.000Z')).toMatchObject({ expiresAt: '2030-06-01T00:00:00.000Z' });
      await storage.users.setDisabled(user.id, true);
      expect(await storage.sessions.find('s1', '2030-01-01T00:00:00.000Z')).toBeUndefined();
      await storage.users.setDisabled(user.id, false);
      await storage.sessions.delete('s1');
      expect(await storage.sessions.find('s1', '2029-01-01T00:00:00.000Z')).toBeUndefined();
      expect(await storage.sessions.deleteExpired('2031-01-01T00:00:00.000Z')).toBe(2);
      await storage.sessions.create({ tokenHash: 's4', userId: other.id, csrfToken: 'c4', expiresAt: '2032-01-01T00:00:00.000Z' });
      await storage.sessions.deleteForUser(other.id);
      expect(await storage.sessions.find('s4', '2029-01-01T00:00:00.000Z')).toBeUndefined();
      expect(await storage.sessions.deleteExpired('2040-01-01T00:00:00.000Z')).toBe(0);
    });

    it('lists a user\'s live sessions, newest first', async () => {
      const user = (await storage.users.create({ name: 'ana', passwordHash: 'h', role: 'editor' }))!;
      const other = (await storage.users.create({ name: 'ben', passwordHash: 'h', role: 'editor' }))!;
      await storage.sessions.create({ tokenHash: 'old', userId: user.id, csrfToken: 'c1', expiresAt: '2030-01-01T00:00:00.000Z' });
      await new Promise((resolve) => setTimeout(resolve, 5));
      await storage.sessions.create({ tokenHash: 'new', userId: user.id, csrfToken: 'c2', expiresAt: '2029-01-01T00:00:00.000Z' });
      await storage.sessions.create({ tokenHash: 'his', userId: other.id, csrfToken: 'c3', expiresAt: '2030-01-01T00:00:00.000Z' });
      const listed = await storage.sessions.listByUser(user.id, '2028-01-01T00:00:00.000Z');
      expect(listed).toEqual([
        { tokenHash: 'new', createdAt: expect.any(String), expiresAt: '2029-01-01T00:00:00.000Z' },
        { tokenHash: 'old', createdAt: expect.any(String), expiresAt: '2030-01-01T00:00:00.000Z' },
      ]);
      expect(Date.parse(listed[0]!.createdAt)).toBeGreaterThan(Date.parse(listed[1]!.createdAt));
      expect((await storage.sessions.listByUser(user.id, '2029-06-01T00:00:00.000Z')).map((session) => session.tokenHash)).toEqual(['old']);
      expect(await storage.sessions.listByUser(other.id + 1, '2028-01-01T00:00:00.000Z')).toEqual([]);
    });

    it('finds the user of a live token, marking it used at most once a minute, and revokes it once', async () => {
      const user = (await storage.users.create({ name: 'ana', passwordHash: 'h', role: 'editor' }))!;
      const token = await storage.apiTokens.create({ userId: user.id, label: 'nightly', tokenHash: 'hash-1' });
      expect(token).toEqual({ id: expect.any(Number), userId: user.id, label: 'nightly', createdAt: expect.any(String), lastUsedAt: null, revokedAt: null });
      const second = await storage.apiTokens.create({ userId: user.id, label: 'laptop', tokenHash: 'hash-2' });
      const lastUsed = async () => (await storage.apiTokens.listByUser(user.id)).find((listed) => listed.id === token.id)!.lastUsedAt;
      expect(await storage.apiTokens.findUser('hash-1', '2030-01-01T00:00:00.000Z')).toEqual(user);
      expect(await lastUsed()).toBe('2030-01-01T00:00:00.000Z');
      await storage.apiTokens.findUser('hash-1', '2030-01-01T00:00:59.999Z');
      expect(await lastUsed()).toBe('2030-01-01T00:00:00.000Z');
      await storage.apiTokens.findUser('hash-1', '2030-01-01T00:01:00.000Z');
      expect(await lastUsed()).toBe('2030-01-01T00:01:00.000Z');
      expect((await storage.apiTokens.listByUser(user.id)).map((listed) => listed.id)).toEqual([second.id, token.id]);
      expect(await storage.apiTokens.findUser('unknown', '2030-01-01T00:00:00.000Z')).toBeUndefined();
      await storage.users.setDisabled(user.id, true);
      expect(await storage.apiTokens.findUser('hash-1', '2030-01-02T00:00:00.000Z')).toBeUndefined();
      await storage.users.setDisabled(user.id, false);
      expect(await storage.apiTokens.revoke(token.id, user.id + 1, '2030-01-02T00:00:00.000Z')).toBe(false);
      expect(await storage.apiTokens.revoke(token.id, user.id, '2030-01-02T00:00:00.000Z')).toBe(true);
      expect(await storage.apiTokens.revoke(token.id, user.id, '2030-01-03T00:00:00.000Z')).toBe(false);
      expect(await storage.apiTokens.findUser('hash-1', '2030-01-04T00:00:00.000Z')).toBeUndefined();
      expect((await storage.apiTokens.listByUser(user.id))[1]).toMatchObject({ revokedAt: '2030-01-02T00:00:00.000Z' });
    });
  });

  describe('sources', () => {
    const source = (segments: SegmentRecord[], text = 'Le locataire a parlé. Il est parti.') => ({
      text, language: 'fr',
      sentences: [{ position: 0, start: 0, end: 21, text: 'Le locataire a parlé.' }, { position: 1, start: 22, end: 35, text: 'Il est parti.' }],
      // The third sentence translates nothing (an addition); position 7 is no sentence and links nothing.
      links: [{ segmentId: segments[0]!.id, sourcePositions: [0] }, { segmentId: segments[1]!.id, sourcePositions: [1, 7] }],
    });

    it('attaches a source with its sentences and links, and replaces it whole', async () => {
      const { document, segments } = await createDocument();
      await storage.sources.attach(document.id, source(segments));
      const sentences = await storage.sources.listSentences(document.id);
      expect(sentences).toEqual([
        { id: expect.any(Number), documentId: document.id, position: 0, start: 0, end: 21, text: 'Le locataire a parlé.' },
        { id: expect.any(Number), documentId: document.id, position: 1, start: 22, end: 35, text: 'Il est parti.' },
      ]);
      expect(await storage.sources.listLinks(document.id)).toEqual([
        { segmentId: segments[0]!.id, sourceSentenceId: sentences[0]!.id }, { segmentId: segments[1]!.id, sourceSentenceId: sentences[1]!.id },
      ]);
      expect(await storage.documents.get(document.id)).toMatchObject({ sourceLanguage: 'fr' });
      await storage.sources.attach(document.id, { text: 'Il locatario.', language: 'it', sentences: [{ position: 0, start: 0, end: 13, text: 'Il locatario.' }], links: [] });
      expect(await storage.sources.listLinks(document.id)).toEqual([]);
      expect((await storage.sources.listSentences(document.id)).map((sentence) => sentence.text)).toEqual(['Il locatario.']);
      expect(await storage.documents.get(document.id)).toMatchObject({ sourceLanguage: 'it' });
    });

    it('sets a segment\'s links, refusing a sentence of another document and changing nothing then', async () => {
      const { document, segments } = await createDocument();
      const { document: other, segments: otherSegments } = await createDocument('Other');
      await storage.sources.attach(document.id, source(segments));
      await storage.sources.attach(other.id, source(otherSegments));
      const [first, second] = await storage.sources.listSentences(document.id);
      const [foreign] = await storage.sources.listSentences(other.id);
      await expect(storage.sources.setLinks(segments[2]!.id, [first!.id, foreign!.id])).rejects.toThrow(RangeError);
      await storage.sources.setLinks(segments[2]!.id, [second!.id, first!.id]);
      await storage.sources.setLinks(segments[0]!.id, []);
      expect(await storage.sources.listLinks(document.id)).toEqual([
        { segmentId: segments[1]!.id, sourceSentenceId: second!.id },
        { segmentId: segments[2]!.id, sourceSentenceId: first!.id }, { segmentId: segments[2]!.id, sourceSentenceId: second!.id },
      ]);
    });
  });

  describe('stored flags and the review queue', () => {
    const flag = (checkId: string, start: number, end: number, category = 'accuracy/mistranslation', severity = 'major') => ({
      checkId, category, severity, start, end, message: `${checkId} here`, suggestions: [],
    });
    // "The tenant of the White House spoke." / "He left." / "A new paragraph."
    const tenant = flag('false-friends', 4, 10);
    const white = flag('name-consistency', 18, 23, 'fluency/capitalization', 'minor');
    const he = flag('inanimate-pronoun', 0, 2, 'fluency/grammar', 'minor');

    /** The counters recounted from every sentence and dismissal, as the rules say: what the kept counters must equal. */
    async function recount(documentId: number) {
      const dismissals = await storage.dismissals.listByDocument(documentId);
      const counts = { ...EMPTY_COUNTS };
      for (const segment of await storage.analyses.listByDocument(documentId)) {
        const dismissed = new Set(dismissals.filter((item) => item.segmentId === segment.id).map((item) => dismissalKey(item.checkId, item.spanText)));
        const open = selectOpenFlags(segment.flags ?? [], segment.text, segment.status, dismissed).length;
        expect(segment.openFlags).toBe(open);
        addCounts(counts, countSentence({ ...segment, openFlags: open }));
      }
      return counts;
    }

    it('stores flags at the revision they were found in, counts the open ones, and finds sentences by them', async () => {
      const { document, segments } = await createDocument();
      const other = await database.open();
      expect(await storage.analyses.getState(document.id)).toEqual({
        analysedWith: null, version: 1, analysedVersion: 0, staleReason: null,
        counts: { total: 3, setAside: 0, toReview: 3, edited: 0, approved: 0, excluded: 0, corrected: 0, openFlags: 0, flagged: 0 },
      });
      const stored = await storage.analyses.store(document.id, [
        { segmentId: segments[0]!.id, revision: 0, flags: [tenant, white] },
        { segmentId: segments[1]!.id, revision: 0, flags: [he] },
        // Of a revision the sentence does not have (it was saved meanwhile, say): not stored.
        { segmentId: segments[2]!.id, revision: 5, flags: [he] },
      ]);
      expect(stored).toBe(2);
      expect(await storage.analyses.getSegment(segments[2]!.id)).toEqual({ ...segments[2], flags: null, openFlags: 0 });
      expect(await storage.analyses.store(document.id, [{ segmentId: segments[2]!.id, revision: 0, flags: [] }], { fingerprint: 'checks-1', version: 1 })).toBe(1);
      // Another server reads the same flags and counters.
      expect(await other.analyses.getState(document.id)).toEqual({
        analysedWith: 'checks-1', version: 1, analysedVersion: 1, staleReason: null,
        counts: { total: 3, setAside: 0, toReview: 3, edited: 0, approved: 0, excluded: 0, corrected: 0, openFlags: 3, flagged: 2 },
      });
      expect(await other.analyses.getSegment(segments[0]!.id)).toEqual({ ...segments[0], flags: [tenant, white], openFlags: 2 });
      const ids = async (query: Parameters<Storage['analyses']['listMatching']>[1], offset = 0, limit = 10) =>
        (await storage.analyses.listMatching(document.id, query, { offset, limit })).map((segment) => segment.position);
      expect(await ids({})).toEqual([0, 1, 2]);
      expect(await ids({ flagged: true })).toEqual([0, 1]);
      expect(await ids({ flagged: true }, 1, 1)).toEqual([1]);
      expect(await ids({ category: 'fluency/capitalization' })).toEqual([0]);
      expect(await ids({ severity: 'minor' })).toEqual([0, 1]);
      expect(await ids({ severity: 'minor', category: 'fluency/grammar' })).toEqual([1]);
      expect(await ids({ checkId: 'false-friends' })).toEqual([0]);
      expect(await ids({ text: 'WHITE house' })).toEqual([0]);
      expect(await ids({ text: '50%' })).toEqual([]);
      expect(await ids({ status: 'to-review', flagged: true })).toEqual([0, 1]);
      expect(await storage.analyses.countMatching(document.id, { flagged: true })).toBe(2);
      expect(await storage.analyses.countMatching(document.id, { flagged: true }, 1)).toBe(1);
      expect(await storage.analyses.findNearest(document.id, { flagged: true }, 0, 'next')).toBe(segments[1]!.id);
      expect(await storage.analyses.findNearest(document.id, { flagged: true }, 1, 'next')).toBeNull();
      expect(await storage.analyses.findNearest(document.id, {}, 2, 'previous')).toBe(segments[1]!.id);
      expect((await storage.analyses.getState(document.id))!.counts).toEqual(await recount(document.id));
    });

    it('keeps a flag open until its words change, it is dismissed or the sentence is approved or excluded', async () => {
      const { document, segments } = await createDocument();
      await storage.analyses.store(document.id, [{ segmentId: segments[0]!.id, revision: 0, flags: [tenant, white] }, { segmentId: segments[1]!.id, revision: 0, flags: [he] }]);
      // A save that fixes one flag's words leaves the other open: the sentence is edited and still to review.
      const saved = await storage.revisions.append(edit(segments[0]!, 'The occupant of the White House spoke.', { flags: [flag('name-consistency', 20, 25, 'fluency/capitalization', 'minor')] }));
      expect(saved.ok && saved.segment.status).toBe('edited');
      expect(await storage.analyses.getSegment(segments[0]!.id)).toMatchObject({ status: 'edited', openFlags: 1 });
      expect((await storage.analyses.getState(document.id))!.counts).toMatchObject({ toReview: 3, edited: 1, corrected: 1, openFlags: 2, flagged: 2 });
      // Dismissed: closed.
      await storage.dismissals.add({ segmentId: segments[0]!.id, checkId: 'name-consistency', spanText: 'White', author: 'ana' });
      expect((await storage.analyses.getState(document.id))!.counts).toMatchObject({ toReview: 2, edited: 1, openFlags: 1, flagged: 1 });
      expect(await storage.analyses.countMatching(document.id, { category: 'fluency/capitalization' })).toBe(0);
      // Approved: closed; sent back to review: open again.
      await storage.events.changeStatus({ segmentId: segments[1]!.id, expectedRevision: 0, status: 'approved', author: 'ana' });
      expect((await storage.analyses.getState(document.id))!.counts).toMatchObject({ toReview: 1, approved: 1, openFlags: 0, flagged: 0 });
      await storage.events.changeStatus({ segmentId: segments[1]!.id, expectedRevision: 0, status: 'to-review', author: 'ana' });
      expect(await storage.analyses.findNearest(document.id, { toReview: true }, -1, 'next')).toBe(segments[1]!.id);
      expect((await storage.analyses.getState(document.id))!.counts).toMatchObject({ toReview: 2, openFlags: 1, flagged: 1 });
      // A save without flags leaves the sentence unanalysed: no flags of another text are shown.
      const unanalysed = await storage.revisions.append(edit(segments[1]!, 'She left.'));
      expect(await storage.analyses.getSegment(segments[1]!.id)).toMatchObject({ flags: null, openFlags: 0, revision: unanalysed.ok ? 1 : -1 });
      expect((await storage.analyses.getState(document.id))!.counts).toEqual(await recount(document.id));
    });

    it('counts page noise set aside at import apart, until an editor brings it back', async () => {
      const document = await storage.documents.create({
        title: 'Noise', targetLanguage: 'en', detectedLanguage: 'en', originalText: 'Caption.\n\nAFP\n\nText.', author: 'importer',
        segments: [
          { position: 0, paragraph: 0, start: 0, end: 8, text: 'Caption.', role: 'photo-caption', status: 'excluded' },
          { position: 1, paragraph: 1, start: 10, end: 13, text: 'AFP', role: 'credit', status: 'excluded' },
          { position: 2, paragraph: 2, start: 15, end: 20, text: 'Text.', role: 'body', status: 'to-review' },
        ],
      });
      const segments = await storage.segments.listByDocument(document.id);
      expect((await storage.analyses.getState(document.id))!.counts).toMatchObject({ total: 3, setAside: 2, toReview: 1, excluded: 2 });
      await storage.events.changeStatus({ segmentId: segments[0]!.id, expectedRevision: 0, status: 'to-review', author: 'ana' });
      expect((await storage.analyses.getState(document.id))!.counts).toMatchObject({ total: 3, setAside: 1, toReview: 2, excluded: 1 });
      await storage.events.changeStatus({ segmentId: segments[2]!.id, expectedRevision: 0, status: 'excluded', author: 'ana' });
      expect((await storage.analyses.getState(document.id))!.counts).toEqual(await recount(document.id));
    });

    it('marks a document stale when its source or links change, or when told, and records a complete analysis only at the current version', async () => {
      const { document, segments } = await createDocument();
      const { document: other } = await createDocument('Other');
      await storage.analyses.store(document.id, [], { fingerprint: 'checks-1', version: 1 });
      expect(await storage.analyses.getState(document.id)).toMatchObject({ version: 1, analysedVersion: 1, analysedWith: 'checks-1' });
      await storage.sources.attach(document.id, {
        text: 'Le locataire a parlé.', language: 'fr', sentences: [{ position: 0, start: 0, end: 21, text: 'Le locataire a parlé.' }],
        links: [{ segmentId: segments[0]!.id, sourcePositions: [0] }],
      });
      expect(await storage.analyses.getState(document.id)).toMatchObject({ version: 2, analysedVersion: 1, staleReason: 'source attached' });
      expect(await storage.sources.listForSegments([segments[0]!.id, segments[1]!.id])).toEqual(new Map([[segments[0]!.id, 'Le locataire a parlé.']]));
      await storage.sources.setLinks(segments[1]!.id, []);
      expect(await storage.analyses.getState(document.id)).toMatchObject({ version: 3, staleReason: 'source links changed' });
      // An analysis begun at version 2 finished too late to count as complete.
      await storage.analyses.store(document.id, [], { fingerprint: 'checks-1', version: 2 });
      expect(await storage.analyses.getState(document.id)).toMatchObject({ version: 3, analysedVersion: 1 });
      await storage.analyses.markStale('every-document', 'newsroom rules changed');
      expect(await storage.analyses.getState(other.id)).toMatchObject({ version: 2, staleReason: 'newsroom rules changed' });
      await storage.analyses.markStale(document.id, 'variant chosen');
      expect(await storage.analyses.getState(document.id)).toMatchObject({ version: 5, staleReason: 'variant chosen' });
    });

    it('keeps the counters equal to a recount through saves, statuses and dismissals from two storages at once', async () => {
      const other = await database.open();
      const { document, segments } = await createDocument();
      await storage.analyses.store(document.id, segments.map((segment) => ({ segmentId: segment.id, revision: 0, flags: [he, flag('repeated-word', 0, 1)] })));
      await Promise.all(segments.flatMap((segment, index) => [
        (index % 2 ? other : storage).revisions.append(edit(segment, `${segment.text} Again.`, { flags: [he] })),
        (index % 2 ? storage : other).events.changeStatus({ segmentId: segment.id, expectedRevision: 0, status: 'approved', author: 'ana' }),
        other.dismissals.add({ segmentId: segment.id, checkId: 'inanimate-pronoun', spanText: segment.text.slice(0, 2), author: 'ben' }),
      ]));
      expect((await other.analyses.getState(document.id))!.counts).toEqual(await recount(document.id));
    });
  });
});
