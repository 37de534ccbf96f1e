/**
 * Accuracy of sentence alignment on the LIG French-English corpus (see its README).
 *
 * The 2,000 line-aligned sentences are cut, in order, into documents of 30 lines. Each document is
 * written out as an article in each language: paragraphs of one to five lines (the same paragraphs
 * in both languages, as a translation keeps them), lines within a paragraph joined by one space,
 * paragraphs separated by a blank line. Joining by a space is the hard case: the splitter must find
 * every boundary itself, and a headline without a period runs into the next line. Each side is split
 * (French rules for French) and aligned; the line structure is used only for scoring.
 *
 * A target sentence belongs to the line its start offset falls in. It is correctly aligned when its
 * link holds a source sentence that overlaps the same line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { alignSentences } from '../src/text/align-sentences.js';
import { splitSentences, type SentenceLanguage, type Span } from '../src/text/split-sentences.js';
import { LIG_DIR } from './data-dir.js';

/** The share of target sentences aligned with their true source, for one translation of the corpus. */
export interface AlignmentScore {
  file: string;
  correct: number;
  total: number;
  accuracy: number;
}

/** How lines are joined into a document: paragraphs separated by blank lines, or one paragraph of spaces. */
export type DocumentLayout = 'paragraphs' | 'one-paragraph';

// Lines per document; the corpus is cut in order and the last document is shorter.
const DOCUMENT_LINES = 30;
// Paragraphs hold between one and this many lines.
const MAX_PARAGRAPH_LINES = 5;
// Seed of the paragraph lengths, so every run builds the same documents.
const SEED = 2012;
// The French original, and the English files aligned with it line by line.
const SOURCE_FILE = 'src-ref-all.fr';
const TARGET_FILES = ['output_Google_Translator.en', 'tgt-pe-all.en', 'output_Bing_Translator.en', 'tgt-mt-all.en'];

/** Score the alignment of the French source with each English file. */
export function evaluateAlignment(layout: DocumentLayout = 'one-paragraph'): AlignmentScore[] {
  const sourceLines = readLines(SOURCE_FILE);
  const paragraphs = cutParagraphs(sourceLines.length);
  return TARGET_FILES.map((file) => {
    const targetLines = readLines(file);
    if (targetLines.length !== sourceLines.length) throw new Error(`${file} has ${targetLines.length} lines, not ${sourceLines.length}`);
    let correct = 0;
    let total = 0;
    for (let first = 0; first < sourceLines.length; first += DOCUMENT_LINES) {
      const last = Math.min(first + DOCUMENT_LINES, sourceLines.length);
      const source = buildDocument(sourceLines, first, last, paragraphs, layout, 'fr');
      const target = buildDocument(targetLines, first, last, paragraphs, layout, 'en');
      const links = alignSentences(source.sentences, target.sentences);
      for (const link of links) {
        for (const t of link.target) {
          total++;
          const line = lineAt(target.lineSpans, target.spans[t]?.start ?? -1);
          if (link.source.some((s) => overlapsLine(source, s, line))) correct++;
        }
      }
    }
    return { file, correct, total, accuracy: total === 0 ? 0 : correct / total };
  });
}

/** One side of a document: its text, the span of each line in it, and its sentences. */
interface Document {
  lineSpans: Span[];
  spans: Span[];
  sentences: string[];
}

/** Join lines [first, last) into one text, laid out as `layout` says, and split it into sentences. */
function buildDocument(
  lines: readonly string[],
  first: number,
  last: number,
  paragraphs: ReadonlySet<number>,
  layout: DocumentLayout,
  language: SentenceLanguage,
): Document {
  let text = '';
  const lineSpans: Span[] = [];
  for (let index = first; index < last; index++) {
    if (index > first) text += layout === 'paragraphs' && paragraphs.has(index) ? '\n\n' : ' ';
    const line = lines[index] ?? '';
    lineSpans.push({ start: text.length, end: text.length + line.length });
    text += line;
  }
  const spans = splitSentences(text, 0, text.length, { language });
  return { lineSpans, spans, sentences: spans.map((span) => text.slice(span.start, span.end)) };
}

/** The lines that open a paragraph: one to five lines apart, from a seeded generator. */
function cutParagraphs(lineCount: number): Set<number> {
  const next = createRandom(SEED);
  const starts = new Set<number>();
  for (let line = 0; line < lineCount; line += 1 + Math.floor(next() * MAX_PARAGRAPH_LINES)) starts.add(line);
  return starts;
}

/** Index, within the document, of the line holding `offset`. */
function lineAt(lineSpans: readonly Span[], offset: number): number {
  let line = 0;
  while (line + 1 < lineSpans.length && (lineSpans[line + 1]?.start ?? Infinity) <= offset) line++;
  return line;
}

function overlapsLine(document: Document, sentence: number, line: number): boolean {
  const span = document.spans[sentence];
  const lineSpan = document.lineSpans[line];
  return span !== undefined && lineSpan !== undefined && span.start < lineSpan.end && lineSpan.start < span.end;
}

function readLines(file: string): string[] {
  const lines = readFileSync(path.join(LIG_DIR, file), 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line) => line.trim());
}

/** A small deterministic generator (LCG). */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const layout of ['one-paragraph', 'paragraphs'] as const) {
    console.log(layout);
    console.table(evaluateAlignment(layout).map((score) => ({ ...score, accuracy: Math.round(score.accuracy * 10000) / 100 })));
  }
}
