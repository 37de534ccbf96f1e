/**
 * Write corrections back into the XLIFF file they came from, so the tool that sent it can take it
 * back: only the targets that changed and the states of reviewed units are rewritten, everything
 * else (structure, ids, notes, whitespace, the byte-order mark, other tools' extensions) is copied
 * byte for byte.
 */
import { diffWordsWithSpace } from 'diff';
import type { InlineMarkup, XliffFile } from './read-xliff.js';
import { escapeContent, escapePlain } from './xml-escape.js';

/** What became of one unit of the file, in the order readXliff listed them. */
export interface XliffUnitUpdate {
  /** The corrected target; undefined keeps the file's target as it is. */
  target?: string;
  /**
   * - approved: XLIFF 2.x `state="final"`; XLIFF 1.2 `approved="yes"` on the `<trans-unit>`, the
   *   attribute 1.2 defines for a translation that passed its final review (its `state` values
   *   describe the translation process, not approval).
   * - edited: 2.x `state="reviewed"`; 1.2 has no state for "changed by a reviewer but not
   *   approved" short of `needs-review-*`, so its attributes are left as they were.
   */
  review?: 'approved' | 'edited';
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The file `text` (read by readXliff into `file`) with `updates` applied. A corrected target keeps
 * its inline markup (`<g>`, `<pc>`, placeholders with their native code): each tag follows the
 * words it stood between through a word diff from the old target to the new one (mapOffsets), so
 * a tag pair around a corrected word still encloses it and the CAT tool can restore its formatting. A 2.x target may hold `<cp>` for a character XML cannot carry; 1.2 has no such
 * element, so there it becomes U+FFFD.
 */
export function writeXliff(text: string, file: XliffFile, updates: readonly (XliffUnitUpdate | undefined)[]): string {
  const edits: Edit[] = [];
  file.units.forEach((unit, index) => {
    const update = updates[index];
    if (!update) return;
    const tag = text.slice(unit.stateTag.start, unit.stateTag.end);
    const state = file.version === '2'
      ? (update.review === 'approved' ? ['state', 'final'] : update.review === 'edited' ? ['state', 'reviewed'] : undefined)
      : (update.review === 'approved' ? ['approved', 'yes'] : undefined);
    if (state) edits.push({ ...unit.stateTag, text: setAttribute(tag, state[0]!, state[1]!) });
    if (update.target !== undefined) {
      const escape = file.version === '2' ? escapeContent : escapePlain;
      const before = file.article.blocks[index]!.text;
      edits.push({ ...unit.targetContent, text: placeMarkup(text, unit.inline, before, update.target, escape) });
    }
  });
  edits.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of edits) {
    parts.push(text.slice(cursor, edit.start), edit.text);
    cursor = edit.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/** The new target's content: its text escaped, with the old target's markup moved to where its words went. */
function placeMarkup(file: string, inline: readonly InlineMarkup[], before: string, after: string, escape: (text: string) => string): string {
  const offsets = mapOffsets(inline.map((markup) => markup.at), before, after);
  const parts: string[] = [];
  let cursor = 0;
  inline.forEach((markup, index) => {
    const at = offsets[index]!;
    parts.push(escape(after.slice(cursor, at)), file.slice(markup.start, markup.end));
    cursor = at;
  });
  parts.push(escape(after.slice(cursor)));
  return parts.join('');
}

/**
 * Where each offset of `before` lands in `after`, through a word diff. Unchanged text carries an
 * offset along as it is. A run of changes (words removed and added, with the spaces between them)
 * is one replacement: an offset at its start stays before the new words, one inside it lands at
 * the word boundary of the new words nearest to where it stood in proportion ("the place of the
 * |Republic" becomes "Place de la |République"), one at its end follows the new words. Offsets must
 * be in order; they stay in order.
 */
function mapOffsets(offsets: readonly number[], before: string, after: string): number[] {
  if (offsets.length === 0) return [];
  const mapped: number[] = [];
  let next = 0;
  for (const region of diffRegions(before, after)) {
    const oldEnd = region.oldStart + region.oldLength;
    while (next < offsets.length && offsets[next]! < oldEnd) {
      const inside = offsets[next]! - region.oldStart;
      mapped.push(region.newStart + (region.changed && inside > 0
        ? nearestBoundary(after.slice(region.newStart, region.newStart + region.newLength), (inside / region.oldLength) * region.newLength)
        : inside));
      next++;
    }
  }
  while (mapped.length < offsets.length) mapped.push(after.length);
  return mapped;
}

interface DiffRegion {
  changed: boolean;
  oldStart: number;
  oldLength: number;
  newStart: number;
  newLength: number;
}

// The word diff as alternating unchanged and changed regions; the spaces the diff keeps between
// two changed words belong to the change, not to the text around it.
function diffRegions(before: string, after: string): DiffRegion[] {
  const parts = diffWordsWithSpace(before, after);
  const regions: DiffRegion[] = [];
  let oldPosition = 0;
  let newPosition = 0;
  parts.forEach((part, index) => {
    const length = part.value.length;
    const betweenChanges = !part.added && !part.removed && part.value.trim() === ''
      && regions.at(-1)?.changed === true && (parts[index + 1]?.added === true || parts[index + 1]?.removed === true);
    const changed = part.added === true || part.removed === true || betweenChanges;
    const last = regions.at(-1);
    const region = last && last.changed === changed ? last : { changed, oldStart: oldPosition, oldLength: 0, newStart: newPosition, newLength: 0 };
    if (region !== last) regions.push(region);
    if (!part.added) {
      region.oldLength += length;
      oldPosition += length;
    }
    if (!part.removed) {
      region.newLength += length;
      newPosition += length;
    }
  });
  return regions;
}

// The start or end of a word in `text` nearest to `position`.
function nearestBoundary(text: string, position: number): number {
  let best = 0;
  for (let index = 1; index <= text.length; index++) {
    const boundary = index === text.length || /\s/.test(text[index]!) !== /\s/.test(text[index - 1]!);
    if (boundary && Math.abs(index - position) < Math.abs(best - position)) best = index;
  }
  return best;
}

/** A start tag with one attribute set: its value replaced where it stands, else added at the end. */
function setAttribute(tag: string, name: string, value: string): string {
  const existing = new RegExp(`(\\s${name}\\s*=\\s*)(["'])[^"']*\\2`);
  if (existing.test(tag)) return tag.replace(existing, `$1$2${value}$2`);
  return tag.replace(/(\s*\/?>)$/, ` ${name}="${value}"$1`);
}
