// Unsaved text kept in this browser, per sentence, as the editor types: a closed tab, a reload or
// a crash loses nothing. A draft is keyed by document, sentence and the revision it was started
// from, so the page can say when the sentence changed since. Saving or discarding clears it.

const PREFIX = 'retouche.draft';

function keyOf(documentId, segmentId) {
  return `${PREFIX}.${documentId}.${segmentId}.`;
}

/** Keep what the editor typed in sentence `segmentId`, started from `baseRevision`. */
export function saveDraft(documentId, segmentId, { baseRevision, text, comment }) {
  try {
    clearDrafts(documentId, segmentId);
    localStorage.setItem(`${keyOf(documentId, segmentId)}${baseRevision}`, JSON.stringify({ text, comment, savedAt: Date.now() }));
  } catch {
    // Storage full or refused (private mode): the guard on leaving still asks before anything is lost.
  }
}

/** The draft of a sentence, `{text, comment, baseRevision, savedAt}`, or null. */
export function readDraft(documentId, segmentId) {
  const prefix = keyOf(documentId, segmentId);
  for (const key of storedKeys()) {
    if (!key.startsWith(prefix)) continue;
    try {
      const { text, comment, savedAt } = JSON.parse(localStorage.getItem(key));
      if (typeof text === 'string') return { text, comment: comment ?? '', savedAt, baseRevision: Number(key.slice(prefix.length)) };
    } catch {
      localStorage.removeItem(key);
    }
  }
  return null;
}

/** Forget every draft of a sentence (after a save, or when the editor discards it). */
export function clearDrafts(documentId, segmentId) {
  const prefix = keyOf(documentId, segmentId);
  for (const key of storedKeys()) if (key.startsWith(prefix)) localStorage.removeItem(key);
}

/** Ids of the sentences of a document that have a draft. */
export function draftedSegmentIds(documentId) {
  const prefix = `${PREFIX}.${documentId}.`;
  return storedKeys().filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length).split('.')[0]);
}

/** "14:02" today, "3 Dec, 14:02" before: when a draft was last typed. */
export function describeDraftTime(savedAt) {
  const time = new Date(savedAt);
  const clock = time.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  if (time.toDateString() === new Date().toDateString()) return clock;
  return `${time.toLocaleDateString([], { day: 'numeric', month: 'short' })}, ${clock}`;
}

function storedKeys() {
  try {
    return Object.keys(localStorage);
  } catch {
    return [];
  }
}
