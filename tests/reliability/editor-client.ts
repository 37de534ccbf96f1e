/**
 * A scripted editor for the reliability tests: imports articles, saves sentences with the
 * compare-and-save protocol (retrying on 409 from the revision the conflict reports) and reads
 * history back. Every request goes through the server's own `fetch`, which adds the test
 * editor's credentials, so nothing here knows how a user is authenticated.
 */

/** The `fetch` of a TestServer or a ServerProcess: a path on that server, as the test editor. */
export type ServerFetch = (path: string, init?: RequestInit) => Promise<Response>;

export interface SegmentJson {
  id: number; documentId: number; position: number; paragraph: number; original: string; text: string; revision: number; status: string;
}

export interface RevisionJson {
  number: number; kind: string; text: string; author: string;
}

/** A save the server acknowledged with 200: its text must be in the history at `revision`. */
export interface AcknowledgedSave {
  segmentId: number;
  text: string;
  revision: number;
}

export type SaveOutcome =
  | { kind: 'acknowledged'; save: AcknowledgedSave; attempts: number; conflicts: number }
  | { kind: 'gave-up'; attempts: number; conflicts: number };

/** Import an article through POST /api/documents and read it back with its sentences. */
export async function importArticle(fetchOnServer: ServerFetch, title: string, text: string): Promise<{ documentId: number; segments: SegmentJson[] }> {
  const created = await sendJson(fetchOnServer, 'POST', '/api/documents', { title, text });
  if (created.status !== 201) throw new Error(`import failed: ${created.status} ${await created.text()}`);
  const { document } = (await created.json()) as { document: { id: number } };
  return { documentId: document.id, segments: await readSegments(fetchOnServer, document.id) };
}

/** Every sentence of a document, in order. */
export async function readSegments(fetchOnServer: ServerFetch, documentId: number): Promise<SegmentJson[]> {
  const response = await fetchOnServer(`/api/documents/${documentId}`);
  if (response.status !== 200) throw new Error(`reading document ${documentId} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { segments: SegmentJson[] }).segments;
}

/** A sentence and its whole history, texts rebuilt by the server. */
export async function readHistory(fetchOnServer: ServerFetch, segmentId: number): Promise<{ segment: SegmentJson; revisions: RevisionJson[] }> {
  const response = await fetchOnServer(`/api/segments/${segmentId}/revisions`);
  if (response.status !== 200) throw new Error(`reading history of ${segmentId} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { segment: SegmentJson; revisions: RevisionJson[] };
}

/** One PUT /api/segments/:id, answered as is. The author field is sent but not relied on. */
export function putSegment(fetchOnServer: ServerFetch, segmentId: number, text: string, baseRevision: number): Promise<Response> {
  return sendJson(fetchOnServer, 'PUT', `/api/segments/${segmentId}`, { text, baseRevision, author: 'reliability' });
}

/**
 * Save `text` from `baseRevision` the way an editor's browser does after a conflict: read the
 * revision the 409 reports and save again, at most `maxAttempts` times, after a random pause that
 * grows with each conflict (up to 40 ms) so that the losers of one round do not all collide again
 * in the next. Any answer other than 200
 * or 409 is a failure of the server and throws.
 */
export async function saveWithRetry(
  fetchOnServer: ServerFetch, segmentId: number, text: string, baseRevision: number, maxAttempts: number,
): Promise<SaveOutcome> {
  let base = baseRevision;
  let conflicts = 0;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const response = await putSegment(fetchOnServer, segmentId, text, base);
    if (response.status === 200) {
      const body = (await response.json()) as { segment: SegmentJson; revision: { number: number } | null };
      // Every text in these tests is new, so a 200 always creates a revision.
      if (body.revision === null) throw new Error(`save of ${JSON.stringify(text)} created no revision`);
      return { kind: 'acknowledged', save: { segmentId, text, revision: body.revision.number }, attempts: attempt, conflicts };
    }
    if (response.status !== 409) throw new Error(`PUT /api/segments/${segmentId} answered ${response.status}: ${await response.text()}`);
    conflicts++;
    const { error } = (await response.json()) as { error: { current: { revision: number } } };
    base = error.current.revision;
    await sleep(Math.random() * Math.min(2 ** attempt, 40));
  }
  return { kind: 'gave-up', attempts: maxAttempts, conflicts };
}

/** Run `task` over `items` with at most `limit` running at once; results in item order. */
export async function runWithLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * What the history of each sentence says about a set of acknowledged saves. `found` counts the
 * saves whose text is at their revision; `problems` lists everything that breaks the guarantees
 * (a gap in the numbers, a save missing, a revision nobody was told about, a sentence whose
 * current text is not its newest revision), so that a failure message shows all of it at once.
 */
export async function auditHistory(
  fetchOnServer: ServerFetch, segmentIds: readonly number[], acknowledged: readonly AcknowledgedSave[],
  options: { unacknowledgedMayLand: ReadonlySet<string> } = { unacknowledgedMayLand: new Set() },
): Promise<{ found: number; problems: string[]; revisions: number }> {
  const problems: string[] = [];
  let found = 0;
  let revisions = 0;
  for (const segmentId of segmentIds) {
    const { segment, revisions: history } = await readHistory(fetchOnServer, segmentId);
    revisions += history.length - 1;
    const numbers = history.map((revision) => revision.number);
    if (numbers.some((number, index) => number !== index)) problems.push(`sentence ${segmentId}: revision numbers ${numbers.join(',')} have gaps`);
    const newest = history.at(-1)!;
    if (segment.revision !== newest.number) problems.push(`sentence ${segmentId}: at revision ${segment.revision} but its newest is ${newest.number}`);
    if (segment.text !== newest.text) {
      problems.push(`sentence ${segmentId}: text ${JSON.stringify(segment.text)} is not its rebuilt newest ${JSON.stringify(newest.text)}`);
    }
    const saves = acknowledged.filter((save) => save.segmentId === segmentId);
    for (const save of saves) {
      const revision = history[save.revision];
      if (revision?.text === save.text) found++;
      else problems.push(`sentence ${segmentId}: acknowledged ${JSON.stringify(save.text)} at ${save.revision}, history has ${JSON.stringify(revision?.text)}`);
    }
    const told = new Set(saves.map((save) => save.text));
    for (const revision of history.slice(1)) {
      if (!told.has(revision.text) && !options.unacknowledgedMayLand.has(revision.text)) {
        problems.push(`sentence ${segmentId}: revision ${revision.number} ${JSON.stringify(revision.text)} was never acknowledged`);
      }
    }
    const last = saves.reduce<AcknowledgedSave | undefined>((best, save) => (best && best.revision > save.revision ? best : save), undefined);
    // Saves still in flight when the server died may have landed after the last acknowledged one.
    if (last && newest.number === last.revision && segment.text !== last.text) {
      problems.push(`sentence ${segmentId}: current text ${JSON.stringify(segment.text)} is not the last acknowledged ${JSON.stringify(last.text)}`);
    }
  }
  return { found, problems, revisions };
}

function sendJson(fetchOnServer: ServerFetch, method: string, path: string, body: unknown): Promise<Response> {
  return fetchOnServer(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
