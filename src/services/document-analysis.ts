import { joinTexts, type AnalysisResult, type DocumentFacts } from '../analysis/engine.js';
import type { AnalysisRunner } from '../analysis/runner.js';
import type { Flag } from '../checks/types.js';
import type { DocumentAnalysisState, SegmentRecord } from '../model.js';
import type { Storage } from '../storage/types.js';
import { loadDocumentSources } from './document-sources.js';
import { found } from './errors.js';
import { readCheckRules } from './newsroom-rules.js';

/**
 * What keeps the stored flags of documents current, for one storage. The flags are computed off
 * the request thread (a worker, see src/analysis/) and stored with each sentence:
 * - a whole document is analysed once, at import or when its stored flags went stale (another
 *   version of the checks, a source attached...), never on the way to a page;
 * - a save stores the flags of its new text with the revision (`analyseEdit` first); once it is
 *   committed (`committed`), the sentences whose flags it changes through the document (a name's
 *   casing, a quotation left open, a neighbour) are found and analysed again, and stored.
 */
export interface Analyzer {
  /** The fingerprint of the checks this server runs: stored flags computed with others are stale. */
  readonly fingerprint: string;
  /** The document's counters, once its stored flags are current (analysing it whole when they are not). */
  ensureCurrent(documentId: number): Promise<DocumentAnalysisState>;
  /** The flags of a new text of a sentence, to store with the revision that saves it. */
  analyseEdit(segment: SegmentRecord, text: string): Promise<Flag[]>;
  /** A revision was committed: its sentence's dependents are analysed again shortly after (see `settle`). */
  committed(segment: SegmentRecord): void;
  /** Analyse and store sentences whose stored flags are not of their current text (rare: a save that lost a race, say). */
  analyseStale(documentId: number, segments: readonly SegmentRecord[]): Promise<void>;
  /** Resolves once every analysis started so far is stored. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Say that the stored flags of a document, or of every document, no longer hold because of
 * `reason` ("newsroom rule added", "variant chosen"): each server analyses the document again,
 * whole and off the request thread, before it shows it next. Call it once the change that causes
 * it is committed. Attaching a source or changing its links already does (in their transaction).
 */
export async function invalidateAnalysis(storage: Storage, target: number | 'every-document', reason: string): Promise<void> {
  await storage.analyses.markStale(target, reason);
}

/** An analyzer over one storage, running the checks through `runner`. */
export function createAnalyzer({ storage, runner, fingerprint }: { storage: Storage; runner: AnalysisRunner; fingerprint: string }): Analyzer {
  // Whole-document analyses under way, so that concurrent readers share one.
  const analysing = new Map<number, Promise<DocumentAnalysisState>>();
  // Documents with committed revisions waiting for their dependents to be analysed, and the runs under way.
  const dirty = new Set<number>();
  let refreshing: Promise<void> | undefined;
  // The analysis version each document was loaded into the runner at.
  const versions = new Map<number, number>();

  async function readState(documentId: number): Promise<DocumentAnalysisState> {
    return found(await storage.analyses.getState(documentId), `Document ${documentId}`);
  }

  async function readFacts(documentId: number, version: number): Promise<DocumentFacts> {
    const document = found(await storage.documents.get(documentId), `Document ${documentId}`);
    const segments = await storage.segments.listByDocument(documentId);
    const sources = await loadDocumentSources(storage, document, segments);
    const rules = await readCheckRules(storage, documentId);
    versions.set(documentId, version);
    return {
      version, targetLanguage: document.targetLanguage, variant: document.englishVariant ?? undefined, rules,
      ids: segments.map((segment) => segment.id), revisions: segments.map((segment) => segment.revision),
      paragraphs: segments.map((segment) => segment.paragraph),
      texts: joinTexts(segments.map((segment) => segment.text)), originals: joinTexts(segments.map((segment) => segment.original)),
      ...(sources && { source: { language: sources.language, texts: joinTexts(sources.perSegment) } }),
    };
  }

  async function analyseWhole(documentId: number, version: number): Promise<void> {
    const results = await runner.analyseDocument(documentId, await readFacts(documentId, version));
    await storage.analyses.store(documentId, results, { fingerprint, version });
  }

  function isCurrent(state: DocumentAnalysisState): boolean {
    return state.analysedWith === fingerprint && state.analysedVersion === state.version;
  }

  async function analyseText(segment: SegmentRecord, text: string): Promise<Flag[]> {
    const version = versions.get(segment.documentId) ?? (await readState(segment.documentId)).version;
    const flags = await runner.analyseText(segment.documentId, version, segment.position, text);
    if (flags) return flags;
    const state = await readState(segment.documentId);
    await runner.load(segment.documentId, await readFacts(segment.documentId, state.version));
    return (await runner.analyseText(segment.documentId, state.version, segment.position, text)) ?? [];
  }

  async function refresh(documentId: number): Promise<void> {
    const state = await readState(documentId);
    const document = found(await storage.documents.get(documentId), `Document ${documentId}`);
    let answer = await runner.refresh(documentId, state.version, document.revisionSum);
    if (answer === 'out-of-sync') {
      const segments = await storage.segments.listByDocument(documentId);
      await runner.sync(documentId, segments.map((segment) => segment.revision), joinTexts(segments.map((segment) => segment.text)));
      answer = await runner.refresh(documentId, state.version, document.revisionSum);
    }
    if (answer === 'not-loaded' || answer === 'out-of-sync') {
      // The worker lost what it held (restarted, or the document was pushed out): without the
      // facts of before, the dependents cannot be told, so the whole document is analysed again.
      await analyseWhole(documentId, state.version);
      return;
    }
    await storeResults(documentId, answer);
  }

  async function storeResults(documentId: number, results: readonly AnalysisResult[]): Promise<void> {
    if (results.length > 0) await storage.analyses.store(documentId, results);
  }

  async function refreshDirty(): Promise<void> {
    while (dirty.size > 0) {
      const documentId = dirty.values().next().value!;
      dirty.delete(documentId);
      try {
        await refresh(documentId);
      } catch {
        // A document deleted meanwhile, or a database error: its flags stay as the saves stored
        // them, and the next save or whole analysis brings the rest back in step.
      }
    }
  }

  return {
    fingerprint,
    async ensureCurrent(documentId) {
      for (let attempt = 0; ; attempt++) {
        const state = await readState(documentId);
        // A stale document is analysed once, whoever asks; twice at most if it went stale again meanwhile.
        if (isCurrent(state) || attempt === 2) return state;
        let pending = analysing.get(documentId);
        if (!pending) {
          pending = analyseWhole(documentId, state.version).then(() => readState(documentId)).finally(() => analysing.delete(documentId));
          analysing.set(documentId, pending);
        }
        const analysed = await pending;
        if (isCurrent(analysed)) return analysed;
      }
    },
    analyseEdit: analyseText,
    committed(segment) {
      void runner.applyTexts(segment.documentId, [{ position: segment.position, revision: segment.revision, text: segment.text }]);
      dirty.add(segment.documentId);
      // Saves committed together are refreshed together, once the turn that committed them is over.
      refreshing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(refreshDirty).finally(() => (refreshing = undefined));
    },
    async analyseStale(documentId, segments) {
      const results: AnalysisResult[] = [];
      for (const segment of segments) {
        results.push({ segmentId: segment.id, revision: segment.revision, flags: await analyseText(segment, segment.text) });
      }
      await storeResults(documentId, results);
    },
    async settle() {
      while (refreshing || analysing.size > 0) {
        await refreshing;
        await Promise.allSettled([...analysing.values()]);
      }
    },
    close: () => runner.close(),
  };
}
