import { analyzeSegment, createCheckContext } from '../checks/run.js';
import type { CheckRules } from '../checks/newsroom-rules.js';
import type { CheckContext, DocumentSegment, Flag } from '../checks/types.js';
import { BoundedCache } from '../services/bounded-cache.js';
import { guessEnglishVariant, variantOfLanguageTag, type EnglishVariant } from '../text/english-variant.js';
import { findDependents, type ChangedText } from './dependents.js';

/**
 * A document as the engine reads it: each sentence's id, revision, paragraph and text, and what
 * else the checks depend on. Texts travel joined by NUL, which no stored text holds (the input
 * rules refuse it): a worker receives one string instead of thousands.
 */
export interface DocumentFacts {
  /** The document's analysis version (DocumentAnalysisState.version): facts of another version are never used. */
  version: number;
  targetLanguage: string;
  /** The English spelling an editor chose; left out, the target language's or the one the machine translation shows. */
  variant?: EnglishVariant | 'unspecified' | undefined;
  ids: number[];
  revisions: number[];
  paragraphs: number[];
  /** The current texts, NUL-joined. */
  texts: string;
  /** The machine translation of each sentence, NUL-joined: the variant is guessed from it. */
  originals: string;
  /** The source text linked to each sentence ('' for none), NUL-joined, when a source is attached. */
  source?: { language: string; texts: string } | undefined;
  /** The newsroom rules that hold in the document. */
  rules?: CheckRules | undefined;
}

/** What the checks found in one sentence at one revision. */
export interface AnalysisResult {
  segmentId: number;
  revision: number;
  flags: Flag[];
}

/** A new text of one sentence, committed at `revision`. */
export interface TextChange {
  position: number;
  revision: number;
  text: string;
}

/** What a refresh answers when it cannot work from what it holds: the caller loads or syncs the document, then asks again. */
export type RefreshRefusal = 'not-loaded' | 'out-of-sync';

/**
 * The analysis of documents kept between requests: for each document recently worked on, its
 * check context (roles, names, the document's words...) and what the flags of each sentence were
 * when last reported. It runs the checks on a whole document, on one new text of a sentence (a
 * save), and after saves finds the few sentences whose flags the new texts change and analyses
 * those alone. Pure computation over what it is told; it runs in a worker thread (worker.ts) or,
 * in tests, in the caller's thread.
 */
export interface AnalysisEngine {
  /** Keep the document and analyse every sentence. */
  analyseDocument(documentId: number, facts: DocumentFacts): AnalysisResult[];
  /** Keep the document without analysing it (to answer saves). */
  load(documentId: number, facts: DocumentFacts): void;
  /** The flags of `text` as sentence `position`, in the document as last refreshed; null when the document is not held at `version`. */
  analyseText(documentId: number, version: number, position: number, text: string): Flag[] | null;
  /** Texts committed since (saves): held until the next refresh. */
  applyTexts(documentId: number, changes: readonly TextChange[]): void;
  /**
   * The context rebuilt with the texts applied since the last refresh, and the flags of every
   * sentence they can change that differ from those last reported. `revisionSum` is the stored
   * document's: a larger one means texts changed elsewhere (another server), to sync first.
   */
  refresh(documentId: number, version: number, revisionSum: number): AnalysisResult[] | RefreshRefusal;
  /** Take in every sentence's stored revision and text (after texts changed elsewhere). */
  sync(documentId: number, revisions: readonly number[], texts: string): void;
  drop(documentId: number): void;
}

/**
 * The flags kept for one sentence, the first by offset. A sentence of 100,000 characters with a
 * flag on every word has tens of thousands, which no editor reads one by one: stored and drawn,
 * they made a page of megabytes and an index of a quarter of a million rows for one article.
 */
export const MAX_FLAGS_PER_SENTENCE = 500;

// The characters of the documents held at once: a 100,000-word article (600,000 characters) has a
// context of tens of MB, and the server keeps within its memory budget.
const MAX_CHARACTERS = 8_000_000;

interface HeldDocument {
  version: number;
  targetLanguage: string;
  variant: EnglishVariant | undefined;
  source: { language: string; texts: string[] } | undefined;
  rules: CheckRules | undefined;
  ids: number[];
  revisions: number[];
  revisionSum: number;
  context: CheckContext;
  /** A hash of the flags last reported per sentence; NaN when unknown. */
  reported: Float64Array;
  /** Texts committed since the context was built. */
  pending: Map<number, string>;
  /** The last text analysed alone per sentence and its flags' hash, taken as reported once that text is committed. */
  tentative: Map<number, { text: string; hash: number }>;
  characters: number;
}

export function createAnalysisEngine(): AnalysisEngine {
  const held = new BoundedCache<number, HeldDocument>(MAX_CHARACTERS, (_id, document) => document.characters);

  function hold(documentId: number, facts: DocumentFacts): HeldDocument {
    const texts = splitTexts(facts.texts, facts.ids.length);
    const source = facts.source && { language: facts.source.language, texts: splitTexts(facts.source.texts, facts.ids.length) };
    const variant = facts.variant === 'unspecified' ? undefined
      : facts.variant ?? variantOfLanguageTag(facts.targetLanguage) ?? guessEnglishVariant(facts.originals.replaceAll('\u0000', '\n'));
    const segments = texts.map((text, index) => ({ text, paragraph: facts.paragraphs[index]! }));
    // Let go of the old state before building the new one: a long article would otherwise be held twice at the peak.
    held.delete(documentId);
    const document: HeldDocument = {
      version: facts.version, targetLanguage: facts.targetLanguage, variant, source, rules: facts.rules, ids: [...facts.ids], revisions: [...facts.revisions],
      revisionSum: facts.revisions.reduce((sum, revision) => sum + revision, 0),
      context: createCheckContext(segments, facts.targetLanguage, { variant, source, rules: facts.rules }),
      reported: new Float64Array(texts.length).fill(Number.NaN), pending: new Map(), tentative: new Map(),
      characters: facts.texts.length + (facts.source?.texts.length ?? 0),
    };
    held.set(documentId, document);
    return document;
  }

  // The document at `version` (marked as used most recently).
  function use(documentId: number, version: number): HeldDocument | undefined {
    const document = held.get(documentId);
    return document?.version === version ? document : undefined;
  }

  function report(document: HeldDocument, position: number, found: Flag[], results: AnalysisResult[]): void {
    const flags = keepFirst(found);
    const hash = hashFlags(flags);
    if (hash === document.reported[position]) return;
    document.reported[position] = hash;
    results.push({ segmentId: document.ids[position]!, revision: document.revisions[position]!, flags });
  }

  function applyTexts(documentId: number, changes: readonly TextChange[]): void {
    const document = held.get(documentId);
    if (!document) return;
    for (const { position, revision, text } of changes) {
      if (position >= document.ids.length || revision <= document.revisions[position]!) continue;
      document.revisionSum += revision - document.revisions[position]!;
      document.revisions[position] = revision;
      document.pending.set(position, text);
      // The save stored the flags it analysed for this text: those are what was reported.
      const tentative = document.tentative.get(position);
      document.reported[position] = tentative?.text === text ? tentative.hash : Number.NaN;
      document.tentative.delete(position);
    }
  }

  return {
    analyseDocument(documentId, facts) {
      const document = hold(documentId, facts);
      const results: AnalysisResult[] = [];
      for (let position = 0; position < document.ids.length; position++) report(document, position, analyzeSegment(document.context, position).flags, results);
      return results;
    },
    load(documentId, facts) {
      hold(documentId, facts);
    },
    analyseText(documentId, version, position, text) {
      const document = use(documentId, version);
      if (!document || position >= document.ids.length) return null;
      const flags = keepFirst(analyzeSegment(document.context, position, text).flags);
      document.tentative.set(position, { text, hash: hashFlags(flags) });
      return flags;
    },
    applyTexts,
    refresh(documentId, version, revisionSum) {
      const document = use(documentId, version);
      if (!document) return 'not-loaded';
      if (document.revisionSum < revisionSum) return 'out-of-sync';
      if (document.pending.size === 0) return [];
      const before = document.context;
      const segments: DocumentSegment[] = [...before.segments];
      const changed: ChangedText[] = [];
      for (const [position, text] of document.pending) {
        changed.push({ position, before: segments[position]!.text, after: text });
        segments[position] = { text, paragraph: segments[position]!.paragraph };
      }
      document.pending.clear();
      document.context = createCheckContext(segments, document.targetLanguage, { variant: document.variant, source: document.source, rules: document.rules });
      const dependents = findDependents(before, document.context, changed);
      const positions = dependents === 'all' ? segments.keys() : [...dependents].sort((a, b) => a - b);
      const results: AnalysisResult[] = [];
      for (const position of positions) report(document, position, analyzeSegment(document.context, position).flags, results);
      return results;
    },
    sync(documentId, revisions, texts) {
      const document = held.get(documentId);
      if (!document) return;
      const current = splitTexts(texts, revisions.length);
      applyTexts(documentId, revisions.flatMap((revision, position) => {
        if (revision <= document.revisions[position]!) return [];
        return [{ position, revision, text: current[position]! }];
      }));
    },
    drop(documentId) {
      held.delete(documentId);
    },
  };
}

function keepFirst(flags: Flag[]): Flag[] {
  return flags.length > MAX_FLAGS_PER_SENTENCE ? flags.slice(0, MAX_FLAGS_PER_SENTENCE) : flags;
}

/** Texts joined by NUL, for DocumentFacts. */
export function joinTexts(texts: readonly string[]): string {
  return texts.join('\u0000');
}

function splitTexts(joined: string, count: number): string[] {
  const texts = count === 0 ? [] : joined.split('\u0000');
  if (texts.length !== count) throw new Error(`expected ${count} texts, got ${texts.length}`);
  return texts;
}

// FNV-1a over the flags' JSON: equal flags, equal hash; a collision only costs a missed update of
// a sentence whose flags changed to ones hashing the same, one in four billion.
function hashFlags(flags: readonly Flag[]): number {
  const json = JSON.stringify(flags);
  let hash = 0x811c9dc5;
  for (let index = 0; index < json.length; index++) {
    hash ^= json.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
