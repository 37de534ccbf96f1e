import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blameText, blameWords } from '../../src/history/blame.js';
import { createStoredRevision } from '../../src/history/rebuild.js';

function history(texts: readonly string[]) {
  return texts.map((text, number) => createStoredRevision(number, number === 0 ? null : texts[number - 1]!, text));
}

describe('blame', () => {
  it('credits each word to the revision that last wrote it', () => {
    const runs = blameText(history([
      'The tenant of the White House has invested in the file.',
      'The occupant of the White House has invested in the file.',
      'The occupant of the White House has taken an interest in the matter.',
    ]));
    expect(blameWords(runs).map(({ text, revision }) => [text.trim(), revision])).toEqual([
      ['The', 0], ['occupant', 1], ['of', 0], ['the', 0], ['White', 0], ['House', 0], ['has', 0],
      ['taken', 2], ['an', 2], ['interest', 2], ['in', 0], ['the', 0], ['matter.', 2],
    ]);
  });

  it('always rebuilds the final text, whatever the edits', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'é', '😀', ' ', 'word', ',', '\n'), { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(fc.property(fc.array(text, { minLength: 1, maxLength: 15 }), (texts) => {
      const runs = blameText(history(texts));
      expect(runs.map((run) => run.text).join('')).toBe(texts.at(-1));
      expect(blameWords(runs).map((run) => run.text).join('')).toBe(texts.at(-1));
      for (const run of runs) expect(run.revision).toBeLessThan(texts.length);
    }));
  });

  it('refuses a history that does not start at revision 0', () => {
    expect(() => blameText([{ number: 1, patch: [], checkpoint: null }])).toThrow(RangeError);
  });
});
