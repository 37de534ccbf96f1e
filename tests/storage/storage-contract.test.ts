import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SegmentRecord } from '../../src/model.js';
import { addCounts, countSentence, dismissalKey, EMPTY_COUNTS, selectOpenFlags } from '../../src/review/queue.js';
import type { DocumentSignal } from '../../src/storage/document-signals.js';
import type { RevisionChange, Storage } from '../../src/storage/types.js';
import { editOf, recordDismissal, recordEdit, recordStatus } from '../support/changes.js';
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

  /** Save an edit of `segment` from its revision to `text` as an action of its own; the change's outcome. */
  async function append(segment: SegmentRecord, text: string, extra: Partial<RevisionChange> & { author?: string } = {}) {
    return (await recordEdit(storage, segment, text, extra)).outcomes[0]!;
  }

  describe('documents and segments', () => {
    it('creates a document with its segments and their revision 0, and reads it with and without its text', async () => {
      const { document, segments } = await createDocument();
      expect(document).toEqual({
        id: document.id, title: 'Article', targetLanguage: 'en', detectedLanguage: 'en', sourceLanguage: null, revisionSum: 0,
        createdAt: document.createdAt, updatedAt: document.createdAt, lastAuthor: 'importer', archivedAt: null, englishVariant: 'unspecified', variantChosenBy: null,
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
      await append(created[1]!.segments[0]!, 'The occupant of the White House spoke.');
      const summary = (index: number, correctedCount = 0) => ({
        id: created[index]!.document.id, title: titles[index], targetLanguage: 'en', detectedLanguage: 'en',
        createdAt: created[index]!.document.createdAt, updatedAt: expect.any(String), lastAuthor: correctedCount ? 'ana' : 'importer', archivedAt: null,
        segmentCount: 3, correctedCount,
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

  describe('managing documents', () => {
    it('renames and archives a document as events, lists the archived apart, and brings one back', async () => {
      const { document } = await createDocument('Budget vote');
      const { document: kept } = await createDocument('Weather');
      const renamed = await storage.documents.rename(document.id, 'Budget: the vote', 'ana');
      expect(renamed).toMatchObject({ documentId: document.id, type: 'rename', body: 'Budget: the vote', author: 'ana', actionId: null });
      expect(await storage.documents.get(document.id)).toMatchObject({ title: 'Budget: the vote', lastAuthor: 'ana', updatedAt: renamed!.createdAt });
      const archived = await storage.documents.setArchived(document.id, true, 'admin');
      expect(archived).toMatchObject({ type: 'archive', author: 'admin' });
      expect(await storage.documents.get(document.id)).toMatchObject({ archivedAt: archived!.createdAt });
      expect((await storage.documents.list()).map((summary) => summary.id)).toEqual([kept.id]);
      expect((await storage.documents.list({ archived: true })).map((summary) => [summary.id, summary.archivedAt])).toEqual([[document.id, archived!.createdAt]]);
      expect([await storage.documents.count(), await storage.documents.count({ archived: true }), await storage.documents.count({ archived: true, search: 'vote' })])
        .toEqual([1, 1, 1]);
      expect(await storage.documents.listIds()).toEqual([document.id, kept.id]);
      expect(await storage.documents.setArchived(document.id, false, 'admin')).toMatchObject({ type: 'unarchive' });
      expect(await storage.documents.get(document.id)).toMatchObject({ archivedAt: null });
      expect(await storage.documents.count()).toBe(2);
      expect(await storage.documents.rename(document.id + 1000, 'Nothing', 'ana')).toBeUndefined();
      expect(await storage.documents.setArchived(document.id + 1000, true, 'ana')).toBeUndefined();
    });

    it('deletes a document and everything of it, keeping an action that also changed another document', async () => {
      const { document, segments } = await createDocument('Doomed');
      const { segments: others } = await createDocument('Kept');
      const own = await recordEdit(storage, segments[0]!, 'Gone soon.');
      const shared = await storage.actions.record({ kind: 'replace', author: 'ana' }, [editOf(segments[1]!, 'Gone too.'), editOf(others[0]!, 'Stays.')]);
      await recordDismissal(storage, { segmentId: segments[2]!.id, checkId: 'spelling', spanText: 'new', author: 'ana' });
      await storage.events.addComment({ segmentId: segments[2]!.id, body: 'A note.', author: 'ben' });
      await storage.presence.open({ documentId: document.id, segmentId: segments[0]!.id, author: 'ana', expiresAt: '2099-01-01T00:00:00.000Z' });
      await storage.sources.attach(document.id, {
        author: 'ana', text: 'Le locataire.', language: 'fr', sentences: [{ position: 0, start: 0, end: 13, text: 'Le locataire.' }],
        links: [{ segmentId: segments[0]!.id, sourcePositions: [0] }],
      });
      expect(await storage.documents.delete(document.id)).toBe(true);
      expect(await storage.documents.delete(document.id)).toBe(false);
      expect(await storage.documents.get(document.id)).toBeUndefined();
      expect(await storage.segments.listByDocument(document.id)).toEqual([]);
      for (const segment of segments) {
        expect([await storage.segments.get(segment.id), await storage.revisions.listBySegment(segment.id), await storage.events.listBySegment(segment.id),
          await storage.dismissals.listBySegment(segment.id)]).toEqual([undefined, [], [], []]);
      }
      expect([await storage.events.listAfter(document.id, 0, 10), await storage.presence.list(document.id, '2030-01-01T00:00:00.000Z'),
        await storage.sources.listSentences(document.id), await storage.sources.listLinks(document.id)]).toEqual([[], [], [], []]);
      expect(await storage.actions.get(own.action!.id)).toBeUndefined();
      expect((await storage.actions.listEvents(shared.action!.id)).map((event) => event.segmentId)).toEqual([others[0]!.id]);
    });
  });

  describe('actions: the one way a sentence changes', () => {
    it('makes an edit, answering with the segment, the revision and the event exactly as fresh reads give them', async () => {
      const { document, segments } = await createDocument();
      const recorded = await recordEdit(storage, segments[0]!, 'The occupant of the White House spoke.', { comment: 'false friend' });
      const [appended] = recorded.outcomes;
      if (!appended?.ok || !recorded.action) throw new Error('append failed');
      expect(recorded.action).toEqual({ id: expect.any(Number), kind: 'save', author: 'ana', undoes: null, createdAt: appended.segment.updatedAt });
      expect(await storage.actions.get(recorded.action.id)).toEqual(recorded.action);
      expect(appended.segment).toEqual(await storage.segments.get(segments[0]!.id));
      expect(appended.segment).toMatchObject({ text: 'The occupant of the White House spoke.', status: 'edited', revision: 1 });
      expect(appended.revision).toEqual({
        id: appended.revision!.id, segmentId: segments[0]!.id, number: 1, kind: 'edit', patch: [['-', SENTENCES[0]], ['+', 'The occupant of the White House spoke.']],
        checkpoint: null, revertedTo: null, author: 'ana', comment: 'false friend', createdAt: appended.segment.updatedAt,
      });
      expect((await storage.revisions.listBySegment(segments[0]!.id)).at(-1)).toEqual(appended.revision);
      expect(appended.event).toEqual({
        id: expect.any(Number), documentId: document.id, segmentId: segments[0]!.id, actionId: recorded.action.id, actionKind: 'save', undoesAction: null,
        type: 'revision', author: 'ana', createdAt: appended.segment.updatedAt, revision: 1, status: 'edited', previousStatus: 'to-review',
        checkId: null, spanText: null, body: null, undoesEvent: null, undoneBy: null,
      });
      expect(await storage.actions.listEvents(recorded.action.id)).toEqual([appended.event]);
      // The document learns of the change from one row: its revision sum, its time and who made it.
      expect(await storage.documents.get(document.id)).toMatchObject({ revisionSum: 1, updatedAt: appended.segment.updatedAt, lastAuthor: 'ana' });
      const reverted = await append(appended.segment, SENTENCES[0]!, { kind: 'revert', revertedTo: 0, checkpoint: SENTENCES[0]!, author: 'ben' });
      expect(reverted).toMatchObject({ ok: true, revision: { number: 2, kind: 'revert', revertedTo: 0, checkpoint: SENTENCES[0] } });
      expect(await storage.documents.get(document.id)).toMatchObject({ revisionSum: 2, lastAuthor: 'ben' });
    });

    it('refuses a change from a stale revision or status with the current segment, reports a missing one, and then writes nothing', async () => {
      const { document, segments } = await createDocument();
      await append(segments[0]!, 'First.');
      const before = await storage.events.latestId(document.id);
      const stale = await recordEdit(storage, segments[0]!, 'Second.');
      expect(stale).toEqual({ action: null, outcomes: [{ ok: false, reason: 'conflict', current: await storage.segments.get(segments[0]!.id) }] });
      const current = (await storage.segments.get(segments[0]!.id))!;
      expect((await recordEdit(storage, current, 'Third.', { expectedStatus: 'approved' })).outcomes[0]).toMatchObject({ ok: false, reason: 'conflict' });
      expect(await recordEdit(storage, { ...segments[0]!, id: segments[2]!.id + 1000 }, 'Nowhere.')).toEqual({ action: null, outcomes: [{ ok: false, reason: 'not-found' }] });
      expect(await storage.revisions.listBySegment(segments[0]!.id)).toHaveLength(2);
      expect(await storage.events.latestId(document.id)).toBe(before);
      expect(await storage.documents.get(document.id)).toMatchObject({ revisionSum: 1 });
    });

    it('makes the changes of a batch that it can, as one action, and refuses the others', async () => {
      const { document, segments } = await createDocument();
      const [first, second, third] = segments as [SegmentRecord, SegmentRecord, SegmentRecord];
      await append(second, 'Moved on.', { author: 'ben' });
      const recorded = await storage.actions.record({ kind: 'replace', author: 'ana' }, [
        editOf(first, 'One.'), editOf(second, 'Two.'), editOf(third, 'Three.'),
      ]);
      expect(recorded.outcomes.map((outcome) => (outcome.ok ? outcome.segment.text : outcome.reason))).toEqual(['One.', 'conflict', 'Three.']);
      expect((await storage.actions.listEvents(recorded.action!.id)).map((event) => [event.segmentId, event.revision, event.actionKind]))
        .toEqual([[first.id, 1, 'replace'], [third.id, 1, 'replace']]);
      expect(await storage.documents.get(document.id)).toMatchObject({ revisionSum: 3, lastAuthor: 'ana' });
    });

    it('keeps a status the change was told to keep, as the row stands when it commits', async () => {
      const { segments } = await createDocument();
      // Someone excludes the sentence after the save read it, before the save commits.
      await recordStatus(storage, { segmentId: segments[0]!.id, expectedRevision: 0, status: 'excluded', author: 'ben' });
      const kept = await append(segments[0]!, 'Kept out.', { keepStatuses: ['excluded', 'approved'] });
      expect(kept).toMatchObject({ ok: true, segment: { text: 'Kept out.', status: 'excluded', revision: 1 }, event: { status: 'excluded', previousStatus: 'excluded' } });
      const notKept = await append(segments[1]!, 'Edited.', { keepStatuses: ['excluded'] });
      expect(notKept).toMatchObject({ ok: true, segment: { status: 'edited' } });
    });

    it('lets exactly one of many changes from the same base land, across two storages on one database', async () => {
      const other = await database.open();
      const { segments } = await createDocument();
      let segment = segments[0]!;
      for (let round = 0; round < 5; round++) {
        const results = await Promise.all(Array.from({ length: 6 }, async (_, index) =>
          (await recordEdit(index % 2 ? other : storage, segment, `Round ${round} by ${index}.`)).outcomes[0]!));
        expect(results.filter((result) => result.ok)).toHaveLength(1);
        expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.reason)).toEqual(Array(5).fill('conflict'));
        segment = (await other.segments.get(segment.id))!;
      }
      expect((await storage.revisions.listBySegment(segment.id)).map((revision) => revision.number)).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it('changes a status at the revision the editor saw and records the one before, refusing a stale one', async () => {
      const { document, segments } = await createDocument();
      const changed = await recordStatus(storage, { segmentId: segments[0]!.id, expectedRevision: 0, status: 'approved', author: 'ana' });
      expect(changed.outcomes[0]).toEqual({
        ok: true, segment: await storage.segments.get(segments[0]!.id), revision: null, dismissal: null,
        event: expect.objectContaining({ documentId: document.id, type: 'status', revision: 0, status: 'approved', previousStatus: 'to-review', actionKind: 'status' }),
      });
      await append(segments[1]!, 'Changed.');
      expect((await recordStatus(storage, { segmentId: segments[1]!.id, expectedRevision: 0, status: 'approved', author: 'ana' })).outcomes)
        .toEqual([{ ok: false, reason: 'conflict', current: await storage.segments.get(segments[1]!.id) }]);
      expect(await storage.documents.get(document.id)).toMatchObject({ revisionSum: 1 });
    });

    it('dismisses a flag once (the first of two storages at once wins) and withdraws it once', async () => {
      const other = await database.open();
      const { document, segments } = await createDocument();
      const dismissal = { segmentId: segments[0]!.id, checkId: 'false-friends', spanText: 'tenant', author: 'ana' };
      const [one, two] = await Promise.all([recordDismissal(storage, dismissal), recordDismissal(other, { ...dismissal, author: 'ben' })]);
      const [won, lost] = one.action ? [one, two] : [two, one];
      expect(lost).toEqual({ action: null, outcomes: [{ ok: false, reason: 'conflict', current: segments[0] }] });
      const stored = (await storage.dismissals.listBySegment(segments[0]!.id))[0]!;
      expect(won.outcomes[0]).toMatchObject({ ok: true, dismissal: stored, event: { type: 'dismissal', checkId: 'false-friends', spanText: 'tenant' } });
      expect(stored).toEqual({ id: expect.any(Number), segmentId: segments[0]!.id, checkId: 'false-friends', spanText: 'tenant', author: won.action!.author, createdAt: expect.any(String) });
      expect(await storage.dismissals.get(stored.id)).toEqual(stored);
      const another = (await recordDismissal(storage, { ...dismissal, segmentId: segments[1]!.id })).outcomes[0]!;
      expect(await storage.dismissals.listByDocument(document.id)).toEqual([stored, another.ok && another.dismissal]);
      const restore = { type: 'dismissal-restore' as const, segmentId: segments[0]!.id, checkId: 'false-friends', spanText: 'tenant' };
      const [restored, again] = await Promise.all([
        storage.actions.record({ kind: 'dismissal-restore', author: 'ben' }, [restore]), other.actions.record({ kind: 'dismissal-restore', author: 'ana' }, [restore]),
      ]);
      expect([restored.action, again.action].filter(Boolean)).toHaveLength(1);
      expect(await storage.dismissals.listBySegment(segments[0]!.id)).toEqual([]);
      expect(await storage.dismissals.get(stored.id)).toBeUndefined();
      // History keeps both: the dismissal and its restore.
      expect((await storage.events.listBySegment(segments[0]!.id)).map((event) => event.type)).toEqual(['dismissal', 'dismissal-restore']);
    });

    it('undoes an event at most once, and says which event undid it', async () => {
      const other = await database.open();
      const { segments } = await createDocument();
      const { action, outcomes: [made] } = await recordStatus(storage, { segmentId: segments[0]!.id, expectedRevision: 0, status: 'approved', author: 'ana' });
      if (!made?.ok) throw new Error('status failed');
      const undo = (target: Storage) => target.actions.record({ kind: 'undo', author: 'ben', undoes: action!.id }, [
        { type: 'status', segmentId: segments[0]!.id, expectedRevision: 0, expectedStatus: 'approved', status: 'to-review', undoesEvent: made.event.id },
      ]);
      const results = await Promise.all([undo(storage), undo(other)]);
      const done = results.filter((result) => result.action);
      expect(done).toHaveLength(1);
      expect(done[0]!.action).toMatchObject({ kind: 'undo', undoes: action!.id });
      const [undone] = done[0]!.outcomes;
      const undoEvent = undone?.ok ? undone.event : undefined;
      expect(undoEvent).toMatchObject({ type: 'status', status: 'to-review', previousStatus: 'approved', undoesEvent: made.event.id, actionKind: 'undo', undoesAction: action!.id });
      expect(await storage.actions.listEvents(action!.id)).toEqual([{ ...made.event, undoneBy: undoEvent!.id }]);
    });
  });

  describe('the event log', () => {
    it('holds a document\'s import, changes and comments in order, read after an id, by sentence, newest first by author', async () => {
      const { document, segments } = await createDocument();
      const [first, second] = segments as [SegmentRecord, SegmentRecord];
      const [imported] = await storage.events.listAfter(document.id, 0, 10);
      expect(imported).toEqual({
        id: expect.any(Number), documentId: document.id, segmentId: null, actionId: null, actionKind: null, undoesAction: null, type: 'import',
        author: 'importer', createdAt: document.createdAt, revision: null, status: null, previousStatus: null, checkId: null, spanText: null,
        body: 'Article', undoesEvent: null, undoneBy: null,
      });
      for (const [index, author] of ['ana', 'Ben', 'ana', 'émile', 'Zoé'].entries()) {
        await append((await storage.segments.get(index % 2 ? second.id : first.id))!, `Version ${index}.`, { author });
      }
      const comment = await storage.events.addComment({ segmentId: second.id, body: 'Check the name.', author: 'carla' });
      expect(comment).toMatchObject({ documentId: document.id, segmentId: second.id, type: 'comment', body: 'Check the name.', author: 'carla', actionId: null });
      expect(await storage.events.addComment({ segmentId: second.id + 1000, body: 'Nowhere.', author: 'carla' })).toBeUndefined();
      expect(await storage.documents.get(document.id)).toMatchObject({ lastAuthor: 'carla', updatedAt: comment!.createdAt });
      const all = await storage.events.listAfter(document.id, 0, 100);
      expect(all.map((event) => [event.type, event.author])).toEqual([
        ['import', 'importer'], ['revision', 'ana'], ['revision', 'Ben'], ['revision', 'ana'], ['revision', 'émile'], ['revision', 'Zoé'], ['comment', 'carla'],
      ]);
      expect(all.map((event) => event.id)).toEqual([...all.map((event) => event.id)].sort((a, b) => a - b));
      expect(await storage.events.listAfter(document.id, all[4]!.id, 2)).toEqual(all.slice(5, 7));
      expect(await storage.events.latestId(document.id)).toBe(comment!.id);
      expect(await storage.events.latestId(document.id + 1000)).toBe(0);
      expect((await storage.events.listBySegment(second.id)).map((event) => event.author)).toEqual(['Ben', 'émile', 'carla']);
      expect((await storage.events.listTimeline(document.id, { limit: 3 })).map((event) => event.id)).toEqual(all.slice(4).map((event) => event.id).reverse());
      expect((await storage.events.listTimeline(document.id, { limit: 10, beforeId: all[3]!.id })).map((event) => event.author)).toEqual(['Ben', 'ana', 'importer']);
      expect((await storage.events.listTimeline(document.id, { limit: 10, author: 'ana' })).map((event) => event.id)).toEqual([all[3]!.id, all[1]!.id]);
      // Bytewise, as SQLite's BINARY collation orders: capitals before small letters, accented letters last.
      expect(await storage.events.listAuthors(document.id)).toEqual(['Ben', 'Zoé', 'ana', 'carla', 'importer', 'émile']);
      expect((await storage.revisions.listByDocument(document.id)).map((revision) => [revision.segmentId, revision.number])).toEqual([
        [first.id, 0], [first.id, 1], [first.id, 2], [first.id, 3], [second.id, 0], [second.id, 1], [second.id, 2], [segments[2]!.id, 0],
      ]);
      expect((await storage.revisions.listRange(first.id, 1, 2)).map((revision) => revision.number)).toEqual([1, 2]);
    });

    it('reads the revisions of the sentences asked for, and of no other, oldest first in each', async () => {
      const { segments } = await createDocument();
      const { segments: others } = await createDocument('Other');
      const [first, second, third] = segments as [SegmentRecord, SegmentRecord, SegmentRecord];
      await append(third, 'Third, corrected.');
      await append(first, 'First, corrected.', { author: 'carla' });
      await append((await storage.segments.get(third.id))!, 'Third, corrected again.');
      await append(others[0]!, 'Elsewhere.');
      const read = await storage.revisions.listBySegments([third.id, first.id]);
      expect(read.map((revision) => [revision.segmentId, revision.number, revision.author])).toEqual([
        [first.id, 0, 'importer'], [first.id, 1, 'carla'], [third.id, 0, 'importer'], [third.id, 1, 'ana'], [third.id, 2, 'ana'],
      ]);
      expect(read).toEqual([...await storage.revisions.listBySegment(first.id), ...await storage.revisions.listBySegment(third.id)]);
      expect(await storage.revisions.listBySegments([second.id + 10_000])).toEqual([]);
      expect(await storage.revisions.listBySegments([])).toEqual([]);
    });

    it('tells watchers on another storage of the same database what committed, and nothing of what rolled back', async () => {
      const other = await database.open();
      const { document, segments } = await createDocument();
      const { document: warmUp, segments: warmUpSegments } = await createDocument('Warm-up');
      const heard: DocumentSignal[] = [];
      const stop = other.events.watch((signal) => {
        if (signal.kind !== 'resync') heard.push(signal);
      });
      // PostgreSQL's listening connection is opened with the first watcher: let it listen first,
      // on another document, whose late signals are then left out.
      await waitFor(async () => {
        await storage.presence.open({ documentId: warmUp.id, segmentId: warmUpSegments[0]!.id, author: 'ana', expiresAt: '2099-01-01T00:00:00.000Z' });
        return heard.length > 0;
      });
      const ofDocument = () => heard.filter((signal) => signal.kind !== 'resync' && signal.documentId === document.id);
      await storage.presence.open({ documentId: document.id, segmentId: segments[0]!.id, author: 'ana', expiresAt: '2099-01-01T00:00:00.000Z' });
      await waitFor(async () => ofDocument().length > 0);
      heard.length = 0;
      await append(segments[0]!, 'Seen elsewhere.');
      await recordEdit(storage, segments[0]!, 'A stale edit.');
      await storage.presence.close({ documentId: document.id, segmentId: segments[0]!.id, author: 'ana' });
      await storage.documents.delete(document.id);
      await waitFor(async () => ofDocument().length >= 3);
      stop();
      expect(ofDocument()).toEqual([
        { kind: 'events', documentId: document.id }, { kind: 'presence', documentId: document.id }, { kind: 'deleted', documentId: document.id },
      ]);
    });

    it('never lets a reader who saw an event miss an older one, with two storages writing to one document at once', async () => {
      const other = await database.open();
      const sentences = Array.from({ length: 8 }, (_, index) => `Sentence ${index}.`);
      const { document, segments } = await createDocument('Busy', sentences);
      const seen: number[] = [];
      let cursor = 0;
      let writing = true;
      const reader = (async () => {
        while (writing) {
          for (const event of await storage.events.listAfter(document.id, cursor, 100)) {
            seen.push(event.id);
            cursor = event.id;
          }
          // SQLite answers within the same turn: without a pause the writers' group commits, due at the end of a turn, would never come.
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      await Promise.all(segments.map(async (segment, index) => {
        let current = segment;
        for (let round = 0; round < 5; round++) {
          const outcome = (await recordEdit(index % 2 ? other : storage, current, `Sentence ${index}, round ${round}.`)).outcomes[0]!;
          if (outcome.ok) current = outcome.segment;
        }
      }));
      writing = false;
      await reader;
      const all = (await storage.events.listAfter(document.id, 0, 1000)).map((event) => event.id);
      expect(all).toHaveLength(1 + segments.length * 5);
      for (const event of await storage.events.listAfter(document.id, cursor, 1000)) seen.push(event.id);
      expect(seen).toEqual(all);
    });
  });

  describe('presence', () => {
    it('keeps who has which sentence open until it expires, says it again, and forgets a closed one', async () => {
      const { document, segments } = await createDocument();
      const open = (author: string, segment: SegmentRecord, expiresAt: string) => storage.presence.open({ documentId: document.id, segmentId: segment.id, author, expiresAt });
      await open('ben', segments[1]!, '2030-01-01T00:01:00.000Z');
      await open('ana', segments[0]!, '2030-01-01T00:01:00.000Z');
      await open('ana', segments[0]!, '2030-01-01T00:02:00.000Z');
      await open('carla', segments[2]!, '2030-01-01T00:00:30.000Z');
      expect(await storage.presence.list(document.id, '2030-01-01T00:00:45.000Z')).toEqual([
        { documentId: document.id, segmentId: segments[0]!.id, author: 'ana', expiresAt: '2030-01-01T00:02:00.000Z' },
        { documentId: document.id, segmentId: segments[1]!.id, author: 'ben', expiresAt: '2030-01-01T00:01:00.000Z' },
      ]);
      await storage.presence.close({ documentId: document.id, segmentId: segments[1]!.id, author: 'ben' });
      expect((await storage.presence.list(document.id, '2030-01-01T00:00:45.000Z')).map((presence) => presence.author)).toEqual(['ana']);
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
      // The only active admin stays one; with a second admin she can be disabled.
      expect(await storage.users.setDisabled(fatima!.id, true)).toEqual({ ok: false, reason: 'last-admin' });
      expect(await storage.users.setRole(fatima!.id, 'editor')).toEqual({ ok: false, reason: 'last-admin' });
      const ana = (await storage.users.findByName('Ana'))!;
      expect(await storage.users.setRole(ana.id, 'admin')).toMatchObject({ ok: true, user: { name: 'Ana', role: 'admin' } });
      expect(await storage.users.setDisabled(fatima!.id, true)).toMatchObject({ ok: true, user: { disabled: true } });
      await storage.users.setPasswordHash(fatima!.id, 'scrypt$2');
      expect(await storage.users.findForLogin('Fatima')).toEqual({ ...fatima, role: 'admin', disabled: true, passwordHash: 'scrypt$2' });
      await storage.users.setDisabled(fatima!.id, false);
      expect(await storage.users.get(fatima!.id)).toMatchObject({ disabled: false });
    });

    it('never leaves no active admin, even when two admins demote or disable each other at once on two storages', async () => {
      const other = await database.open();
      for (let round = 0; round < 4; round++) {
        const ana = (await storage.users.create({ name: `ana${round}`, passwordHash: 'h', role: 'admin' }))!;
        const ben = (await storage.users.create({ name: `ben${round}`, passwordHash: 'h', role: 'admin' }))!;
        // The admin the round before left steps aside: these two are the only active admins.
        for (const user of await storage.users.list()) {
          if (user.role === 'admin' && user.id !== ana.id && user.id !== ben.id) expect(await storage.users.setRole(user.id, 'viewer')).toMatchObject({ ok: true });
        }
        // Each takes the other's admin role away at the same instant, through another server.
        const results = await Promise.all(round % 2
          ? [storage.users.setDisabled(ben.id, true), other.users.setDisabled(ana.id, true)]
          : [storage.users.setRole(ben.id, 'editor'), other.users.setRole(ana.id, 'editor')]);
        expect(results.map((result) => (result.ok ? 'done' : result.reason)).sort()).toEqual(['done', 'last-admin']);
        const admins = (await storage.users.list()).filter((user) => user.role === 'admin' && !user.disabled);
        expect(admins).toHaveLength(1);
        expect(await other.users.setRole(admins[0]!.id, 'viewer')).toEqual({ ok: false, reason: 'last-admin' });
        expect(await other.users.setDisabled(admins[0]!.id, true)).toEqual({ ok: false, reason: 'last-admin' });
      }
      expect(await storage.users.setRole(12345, 'viewer')).toEqual({ ok: false, reason: 'not-found' });
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
      author: 'ana', text, language: 'fr',
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
      expect(await storage.documents.get(document.id)).toMatchObject({ sourceLanguage: 'fr', lastAuthor: 'ana' });
      await storage.sources.attach(document.id, { author: 'ben', text: 'Il locatario.', language: 'it', sentences: [{ position: 0, start: 0, end: 13, text: 'Il locatario.' }], links: [] });
      expect(await storage.sources.listLinks(document.id)).toEqual([]);
      expect((await storage.sources.listSentences(document.id)).map((sentence) => sentence.text)).toEqual(['Il locatario.']);
      expect(await storage.documents.get(document.id)).toMatchObject({ sourceLanguage: 'it', lastAuthor: 'ben' });
      expect((await storage.events.listAfter(document.id, 0, 10)).map((event) => [event.type, event.body, event.author]))
        .toEqual([['import', 'Article', 'importer'], ['source', 'fr', 'ana'], ['source', 'it', 'ben']]);
    });

    it('sets a segment\'s links, refusing a sentence of another document and changing nothing then', async () => {
      const { document, segments } = await createDocument();
      const { document: other, segments: otherSegments } = await createDocument('Other');
      await storage.sources.attach(document.id, source(segments));
      await storage.sources.attach(other.id, source(otherSegments));
      const [first, second] = await storage.sources.listSentences(document.id);
      const [foreign] = await storage.sources.listSentences(other.id);
      const before = await storage.events.latestId(document.id);
      await expect(storage.sources.setLinks(segments[2]!.id, [first!.id, foreign!.id], 'ana')).rejects.toThrow(RangeError);
      expect(await storage.events.latestId(document.id)).toBe(before);
      await storage.sources.setLinks(segments[2]!.id, [second!.id, first!.id], 'ana');
      await storage.sources.setLinks(segments[0]!.id, [], 'ben');
      expect(await storage.sources.listLinks(document.id)).toEqual([
        { segmentId: segments[1]!.id, sourceSentenceId: second!.id },
        { segmentId: segments[2]!.id, sourceSentenceId: first!.id }, { segmentId: segments[2]!.id, sourceSentenceId: second!.id },
      ]);
      expect((await storage.events.listAfter(document.id, before, 10)).map((event) => [event.type, event.segmentId, event.author]))
        .toEqual([['source', segments[2]!.id, 'ana'], ['source', segments[0]!.id, 'ben']]);
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
      const saved = (await recordEdit(storage, segments[0]!, 'The occupant of the White House spoke.', { flags: [flag('name-consistency', 20, 25, 'fluency/capitalization', 'minor')] })).outcomes[0]!;
      expect(saved.ok && saved.segment.status).toBe('edited');
      expect(await storage.analyses.getSegment(segments[0]!.id)).toMatchObject({ status: 'edited', openFlags: 1 });
      expect((await storage.analyses.getState(document.id))!.counts).toMatchObject({ toReview: 3, edited: 1, corrected: 1, openFlags: 2, flagged: 2 });
      // Dismissed: closed.
      await recordDismissal(storage, { segmentId: segments[0]!.id, checkId: 'name-consistency', spanText: 'White', author: 'ana' });
      expect((await storage.analyses.getState(document.id))!.counts).toMatchObject({ toReview: 2, edited: 1, openFlags: 1, flagged: 1 });
      expect(await storage.analyses.countMatching(document.id, { category: 'fluency/capitalization' })).toBe(0);
      // Approved: closed; sent back to review: open again.
      await recordStatus(storage, { segmentId: segments[1]!.id, expectedRevision: 0, status: 'approved', author: 'ana' });
      expect((await storage.analyses.getState(document.id))!.counts).toMatchObject({ toReview: 1, approved: 1, openFlags: 0, flagged: 0 });
      await recordStatus(storage, { segmentId: segments[1]!.id, expectedRevision: 0, status: 'to-review', author: 'ana' });
      expect(await storage.analyses.findNearest(document.id, { toReview: true }, -1, 'next')).toBe(segments[1]!.id);
      expect((await storage.analyses.getState(document.id))!.counts).toMatchObject({ toReview: 2, openFlags: 1, flagged: 1 });
      // A save without flags leaves the sentence unanalysed: no flags of another text are shown.
      const unanalysed = (await recordEdit(storage, segments[1]!, 'She left.')).outcomes[0]!;
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
      await recordStatus(storage, { segmentId: segments[0]!.id, expectedRevision: 0, status: 'to-review', author: 'ana' });
      expect((await storage.analyses.getState(document.id))!.counts).toMatchObject({ total: 3, setAside: 1, toReview: 2, excluded: 1 });
      await recordStatus(storage, { segmentId: segments[2]!.id, expectedRevision: 0, status: 'excluded', author: 'ana' });
      expect((await storage.analyses.getState(document.id))!.counts).toEqual(await recount(document.id));
    });

    it('marks a document stale when its source or links change, or when told, and records a complete analysis only at the current version', async () => {
      const { document, segments } = await createDocument();
      const { document: other } = await createDocument('Other');
      await storage.analyses.store(document.id, [], { fingerprint: 'checks-1', version: 1 });
      expect(await storage.analyses.getState(document.id)).toMatchObject({ version: 1, analysedVersion: 1, analysedWith: 'checks-1' });
      await storage.sources.attach(document.id, {
        author: 'ana', text: 'Le locataire a parlé.', language: 'fr', sentences: [{ position: 0, start: 0, end: 21, text: 'Le locataire a parlé.' }],
        links: [{ segmentId: segments[0]!.id, sourcePositions: [0] }],
      });
      expect(await storage.analyses.getState(document.id)).toMatchObject({ version: 2, analysedVersion: 1, staleReason: 'source attached' });
      expect(await storage.sources.listForSegments([segments[0]!.id, segments[1]!.id])).toEqual(new Map([[segments[0]!.id, 'Le locataire a parlé.']]));
      await storage.sources.setLinks(segments[1]!.id, [], 'ana');
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
        recordEdit(index % 2 ? other : storage, segment, `${segment.text} Again.`, { flags: [he] }),
        recordStatus(index % 2 ? storage : other, { segmentId: segment.id, expectedRevision: 0, status: 'approved', author: 'ana' }),
        recordDismissal(other, { segmentId: segment.id, checkId: 'inanimate-pronoun', spanText: segment.text.slice(0, 2), author: 'ben' }),
      ]));
      expect((await other.analyses.getState(document.id))!.counts).toEqual(await recount(document.id));
    });
  });

  describe('the English variant, newsroom rules and judgements', () => {
    it('stores the guessed variant, then the chosen one with who chose it, as an event of the document\'s log', async () => {
      const { document } = await createDocument();
      const british = await storage.documents.create({
        title: 'Defence', targetLanguage: 'en', detectedLanguage: 'en', originalText: 'One.', author: 'importer', englishVariant: 'uk',
        segments: [{ position: 0, paragraph: 0, start: 0, end: 4, text: 'One.', role: 'body', status: 'to-review' }],
      });
      expect(british).toMatchObject({ englishVariant: 'uk', variantChosenBy: null });
      const event = await storage.documents.setVariant(british.id, 'us', 'ana');
      expect(event).toMatchObject({ documentId: british.id, segmentId: null, type: 'variant', body: 'us', author: 'ana' });
      await storage.documents.setVariant(british.id, 'unspecified', 'ben');
      const other = await database.open();
      expect(await other.documents.get(british.id)).toMatchObject({ englishVariant: 'unspecified', variantChosenBy: 'ben', lastAuthor: 'ben' });
      const logged = await other.events.listAfter(british.id, event!.id - 1, 10);
      expect(logged.map((item) => [item.type, item.body, item.author])).toEqual([['variant', 'us', 'ana'], ['variant', 'unspecified', 'ben']]);
      expect((await storage.events.listAfter(document.id, 0, 10)).map((item) => item.type)).toEqual(['import']);
      expect(await storage.documents.setVariant(british.id + 100, 'uk', 'ana')).toBeUndefined();
    });

    it('creates, lists, updates and deletes rules, recording each change, and lists a document\'s rules with the newsroom\'s', async () => {
      const { document } = await createDocument();
      const { document: second } = await createDocument('Second');
      const name = { kind: 'ignore', phrase: 'Jan Fischer', checkId: null, replacement: null, example: null, note: 'a name', documentId: null } as const;
      const local = { kind: 'ignore', phrase: 'Deputies', checkId: 'false-friends', replacement: null, example: null, note: '', documentId: document.id } as const;
      const entry = {
        kind: 'suggest', phrase: 'head of state', checkId: null, replacement: 'president', example: 'The head of state spoke.', note: '', documentId: null,
      } as const;
      const created = await storage.rules.create(local, 'ana');
      expect(created).toEqual({ ...local, id: created.id, author: 'ana', createdAt: created.createdAt, updatedBy: 'ana', updatedAt: created.createdAt });
      const [first, third] = await storage.rules.createMany([name, entry], 'ben');
      expect((await storage.rules.list()).map((rule) => rule.id)).toEqual([first!.id, third!.id, created.id]);
      expect((await storage.rules.listForDocument(document.id)).map((rule) => rule.phrase)).toEqual(['Deputies', 'Jan Fischer', 'head of state']);
      expect((await storage.rules.listForDocument(second.id)).map((rule) => rule.phrase)).toEqual(['Jan Fischer', 'head of state']);
      const updated = await storage.rules.update(first!.id, { ...name, phrase: 'Fischer' }, 'cleo');
      expect(updated).toMatchObject({ phrase: 'Fischer', author: 'ben', updatedBy: 'cleo' });
      expect(await storage.rules.update(first!.id + 100, name, 'cleo')).toBeUndefined();
      expect(await storage.rules.delete(third!.id, 'dan')).toMatchObject({ phrase: 'head of state' });
      expect(await storage.rules.delete(third!.id, 'dan')).toBeUndefined();
      expect(await storage.rules.get(third!.id)).toBeUndefined();
      const other = await database.open();
      expect((await other.rules.listChanges(10)).map((change) => [change.action, change.rule.phrase, change.author])).toEqual([
        ['delete', 'head of state', 'dan'], ['update', 'Fischer', 'cleo'], ['create', 'head of state', 'ben'], ['create', 'Jan Fischer', 'ben'], ['create', 'Deputies', 'ana'],
      ]);
    });

    it('records each change to a rule of one document as a rule event of that document, and none for a newsroom rule', async () => {
      const { document } = await createDocument();
      const { document: second } = await createDocument('Second');
      const local = { kind: 'ignore', phrase: 'Deputies', checkId: null, replacement: null, example: null, note: '', documentId: document.id } as const;
      const rule = await storage.rules.create(local, 'ana');
      await storage.rules.create({ ...local, phrase: 'Senate', documentId: null }, 'ana');
      await storage.rules.update(rule.id, { ...local, documentId: second.id }, 'ben');
      await storage.rules.delete(rule.id, 'cleo');
      const ruleEvents = async (id: number) => (await storage.events.listAfter(id, 0, 10))
        .filter((event) => event.type === 'rule').map((event) => [event.body, event.author]);
      expect(await ruleEvents(document.id)).toEqual([['Deputies', 'ana'], ['Deputies', 'ben']]);
      expect(await ruleEvents(second.id)).toEqual([['Deputies', 'ben'], ['Deputies', 'cleo']]);
      expect(await storage.documents.get(second.id)).toMatchObject({ lastAuthor: 'cleo' });
    });

    it('refuses a rule to suggest without its replacement and example, and an import holding one stores none', async () => {
      const bad = { kind: 'suggest', phrase: 'x', checkId: null, replacement: null, example: null, note: '', documentId: null } as const;
      const good = { ...bad, kind: 'ignore' } as const;
      await expect(storage.rules.createMany([good, bad], 'ana')).rejects.toThrow();
      expect(await storage.rules.list()).toEqual([]);
    });

    it('counts a dismissal once as a judgement of the check and entry of the flags it closes, and an edit that confirms a flag', async () => {
      const { document, segments } = await createDocument();
      const tenant = { checkId: 'false-friends', entryId: 'tenant', category: 'accuracy/false-friend', severity: 'major', start: 4, end: 10 };
      const white = { checkId: 'name-consistency', entryId: null, category: 'fluency/capitalization', severity: 'minor', start: 18, end: 23 };
      const he = { checkId: 'inanimate-pronoun', entryId: null, category: 'fluency/grammar', severity: 'minor', start: 0, end: 2 };
      await storage.analyses.store(document.id, [
        { segmentId: segments[0]!.id, revision: 0, flags: [tenant, white] }, { segmentId: segments[1]!.id, revision: 0, flags: [he] },
      ]);
      await recordDismissal(storage, { segmentId: segments[1]!.id, checkId: 'inanimate-pronoun', spanText: 'He', author: 'ana' });
      await recordDismissal(storage, { segmentId: segments[1]!.id, checkId: 'inanimate-pronoun', spanText: 'He', author: 'ben' });
      // "tenant" replaced, the rest kept: the false friend is confirmed, the name flag (its words kept) is not.
      await recordEdit(storage, segments[0]!, 'The occupant of the White House spoke.');
      // A whole rewrite confirms nothing.
      await recordEdit(storage, segments[1]!, 'Everyone went home early that day.');
      const other = await database.open();
      expect(await other.judgements.list()).toEqual([
        { kind: 'check', id: 'false-friends', confirmed: 1, dismissed: 0, override: null, overrideBy: null },
        { kind: 'check', id: 'inanimate-pronoun', confirmed: 0, dismissed: 1, override: null, overrideBy: null },
        { kind: 'entry', id: 'tenant', confirmed: 1, dismissed: 0, override: null, overrideBy: null },
      ]);
    });

    it('takes a dismissal\'s judgement back when it is restored, and counts it again when dismissed anew', async () => {
      const { document, segments } = await createDocument();
      const he = { checkId: 'inanimate-pronoun', entryId: null, category: 'fluency/grammar', severity: 'minor', start: 0, end: 2 };
      await storage.analyses.store(document.id, [{ segmentId: segments[1]!.id, revision: 0, flags: [he] }]);
      const flag = { segmentId: segments[1]!.id, checkId: 'inanimate-pronoun', spanText: 'He' };
      const dismissed = async () => (await storage.judgements.list()).find((item) => item.id === 'inanimate-pronoun')?.dismissed;
      await recordDismissal(storage, { ...flag, author: 'ana' });
      expect(await dismissed()).toBe(1);
      const restore = () => storage.actions.record({ kind: 'dismissal-restore', author: 'ben' }, [{ type: 'dismissal-restore', ...flag }]);
      expect((await restore()).outcomes[0]).toMatchObject({ ok: true });
      expect(await dismissed()).toBe(0);
      await recordDismissal(storage, { ...flag, author: 'ana' });
      expect(await dismissed()).toBe(1);
    });

    it('lists the subjects whose suggestions are hints by the counts or by an override', async () => {
      const { document, segments } = await createDocument();
      const flagOf = (checkId: string, entryId: string | null) => ({ checkId, entryId, category: 'c', severity: 'minor', start: 0, end: 2 });
      // Eleven dismissals of one entry of the false friends and two of another check, one per sentence of new documents.
      for (let index = 0; index < 11; index++) {
        const { document: each, segments: [sentence] } = await createDocument(`Doc ${index}`, [`He left ${index}.`]);
        await storage.analyses.store(each.id, [{ segmentId: sentence!.id, revision: 0, flags: [flagOf('false-friends', 'he-entry'), flagOf('repeated-word', null)] }]);
        await recordDismissal(storage, { segmentId: sentence!.id, checkId: 'false-friends', spanText: 'He', author: 'ana' });
        if (index < 2) await recordDismissal(storage, { segmentId: sentence!.id, checkId: 'repeated-word', spanText: 'He', author: 'ana' });
      }
      await storage.analyses.store(document.id, [{ segmentId: segments[0]!.id, revision: 0, flags: [flagOf('false-friends', 'he-entry')] }]);
      const policy = { minJudged: 10, maxPrecision: 0.3 };
      const sorted = async () => (await storage.judgements.listHinted(policy)).map(({ kind, id }) => `${kind}:${id}`).sort();
      expect(await sorted()).toEqual(['check:false-friends', 'entry:he-entry']);
      await storage.judgements.setOverride('check', 'false-friends', 'one-key', 'root');
      await storage.judgements.setOverride('check', 'spelling', 'hint', 'root');
      expect(await sorted()).toEqual(['check:spelling', 'entry:he-entry']);
      await storage.judgements.setOverride('check', 'false-friends', null, 'root');
      expect(await sorted()).toEqual(['check:false-friends', 'check:spelling', 'entry:he-entry']);
      expect((await storage.judgements.list()).find((item) => item.id === 'spelling')).toEqual({
        kind: 'check', id: 'spelling', confirmed: 0, dismissed: 0, override: 'hint', overrideBy: 'root',
      });
    });
  });
});

/** Wait until `done` says so (every 20 ms, at most 5 s). */
async function waitFor(done: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 5_000;
  while (!(await done())) {
    if (Date.now() > until) throw new Error('waited 5 s in vain');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
