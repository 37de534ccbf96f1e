import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHECKPOINT_INTERVAL,
  createStoredRevision,
  rebuildText,
  revisionsNeededFor,
  type StoredRevision,
} from '../../src/history/rebuild.js';
import {
  applyTextPatch,
  createTextPatch,
  parseTextPatch,
  reverseTextPatch,
  serializeTextPatch,
} from '../../src/history/text-patch.js';

// Pieces chosen to stress tokenisation and UTF-16 offsets: combining marks, surrogate pairs, ZWJ
// and flag sequences, CRLF, tabs, non-breaking space, right-to-left text, CJK.
const trickyPiece = fc.constantFrom(
  ' ', '  ', '\n', '\r\n', '\t', '\u00a0', ',', '.', '—', '«', '»',
  'e\u0301', 'é', 'ß', 'Zürich', '👍', '👩‍👩‍👧', '🇫🇷', '😀', 'مرحبا', 'שלום', '東京', 'Москва',
  'minister', 'said', 'the', 'The',
);
const text = fc.oneof(
  fc.array(trickyPiece, { maxLength: 30 }).map((pieces) => pieces.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constant(''),
);

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'replaceWord'; word: number; text: string }
  | { kind: 'rewrite'; text: string }
  | { kind: 'clear' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert'), at: fc.nat(), text }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete'), at: fc.nat(), length: fc.nat(20) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('replace'), at: fc.nat(), length: fc.nat(20), text }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('replaceWord'), word: fc.nat(), text }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rewrite'), text }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear') }) },
);

// Character positions are taken modulo the length, so an edit may split a surrogate pair: an
// editor's browser would not, but patches must survive lone surrogates too.
function applyEdit(current: string, change: Edit): string {
  switch (change.kind) {
    case 'insert': {
      const at = change.at % (current.length + 1);
      return current.slice(0, at) + change.text + current.slice(at);
    }
    case 'delete':
    case 'replace': {
      const at = change.at % (current.length + 1);
      const inserted = change.kind === 'replace' ? change.text : '';
      return current.slice(0, at) + inserted + current.slice(at + change.length);
    }
    case 'replaceWord': {
      const words = current.split(/(\s+)/);
      words[(change.word % words.length)] = change.text;
      return words.join('');
    }
    case 'rewrite':
      return change.text;
    case 'clear':
      return '';
  }
}

/** Save versions as a store would: patch against the previous version, serialised and read back. */
function storeVersions(versions: readonly string[]): StoredRevision[] {
  return versions.map((version, number) => {
    const revision = createStoredRevision(number, number === 0 ? null : versions[number - 1]!, version);
    return { ...revision, patch: parseTextPatch(serializeTextPatch(revision.patch)) };
  });
}

describe('history properties', () => {
  it('a patch turns before into after and its reverse turns after back into before', () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        const patch = createTextPatch(before, after);
        expect(applyTextPatch(before, patch)).toBe(after);
        expect(applyTextPatch(after, reverseTextPatch(patch))).toBe(before);
        expect(parseTextPatch(serializeTextPatch(patch))).toEqual(patch);
      }),
      { numRuns: 500 },
    );
  });

  it('every saved version rebuilds exactly, and reverse patches walk back to the original', () => {
    fc.assert(
      // size 'max' spreads history lengths up to three checkpoints; the default size keeps arrays
      // under ~10 edits and would never rebuild from a later checkpoint.
      fc.property(text, fc.array(edit, { maxLength: CHECKPOINT_INTERVAL * 3, size: 'max' }), (original, edits) => {
        const versions = [original];
        for (const change of edits) versions.push(applyEdit(versions.at(-1)!, change));
        const revisions = storeVersions(versions);

        versions.forEach((version, target) => {
          const { from, to } = revisionsNeededFor(target);
          expect(to - from + 1).toBeLessThanOrEqual(CHECKPOINT_INTERVAL);
          expect(rebuildText(revisions.slice(from, to + 1), target)).toBe(version);
        });

        let current = versions.at(-1)!;
        for (let number = revisions.length - 1; number > 0; number--) {
          current = applyTextPatch(current, reverseTextPatch(revisions[number]!.patch));
          expect(current).toBe(versions[number - 1]);
        }
        expect(current).toBe(original);
      }),
      { numRuns: 150 },
    );
  });
});
