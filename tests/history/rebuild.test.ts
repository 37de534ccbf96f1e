import { describe, expect, it } from 'vitest';
import {
  BrokenHistoryError,
  CHECKPOINT_INTERVAL,
  createStoredRevision,
  isCheckpointRevision,
  rebuildText,
  revisionsNeededFor,
  type StoredRevision,
} from '../../src/history/rebuild.js';

/** Store every version as a store would: patch against the previous version, checkpoints on schedule. */
function storeVersions(versions: readonly string[]): StoredRevision[] {
  return versions.map((text, number) => createStoredRevision(number, number === 0 ? null : versions[number - 1]!, text));
}

/** Small seeded PRNG (mulberry32) so the long history is the same on every run. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const vocabulary = ['the', 'minister', 'said', 'on', 'Tuesday', 'that', 'prices', 'rose', 'café', 'élu', '👍', 'naïve', 'e\u0301t\u00e9', ',', '.', 'grève', 'Zürich', '—'];

function editSentence(text: string, random: () => number): string {
  const words = text === '' ? [] : text.split(' ');
  const word = vocabulary[Math.floor(random() * vocabulary.length)]!;
  const at = Math.floor(random() * (words.length + 1));
  const roll = random();
  if (roll < 0.01) return '';
  if (roll < 0.03) return `Rewritten ${word} sentence ${Math.floor(random() * 1000)}.`;
  if (roll < 0.4 && words.length < 40) words.splice(at, 0, word);
  else if (roll < 0.6 && words.length > 0) words.splice(Math.min(at, words.length - 1), 1);
  else words.splice(Math.min(at, words.length - 1), 1, word);
  return words.join(' ');
}

describe('checkpoints', () => {
  it.each([
    [0, true],
    [1, false],
    [CHECKPOINT_INTERVAL - 1, false],
    [CHECKPOINT_INTERVAL, true],
    [CHECKPOINT_INTERVAL * 7, true],
    [-CHECKPOINT_INTERVAL, false],
    [1.5, false],
  ])('isCheckpointRevision(%d) is %s', (number, expected) => {
    expect(isCheckpointRevision(number)).toBe(expected);
  });

  it.each([
    [0, { from: 0, to: 0 }],
    [1, { from: 0, to: 1 }],
    [49, { from: 0, to: 49 }],
    [50, { from: 50, to: 50 }],
    [99, { from: 50, to: 99 }],
    [9999, { from: 9950, to: 9999 }],
  ])('revisionsNeededFor(%d)', (target, expected) => {
    expect(revisionsNeededFor(target)).toEqual(expected);
  });

  it.each([-1, 2.5, Number.NaN])('rejects %d as a revision number', (target) => {
    expect(() => revisionsNeededFor(target)).toThrow(RangeError);
  });
});

describe('createStoredRevision', () => {
  it('stores revision 0 as a checkpoint with an empty patch', () => {
    expect(createStoredRevision(0, null, 'Original.')).toEqual({ number: 0, patch: [], checkpoint: 'Original.' });
  });

  it('stores a patch only, or a patch and the text on checkpoints', () => {
    expect(createStoredRevision(1, 'a b', 'a c')).toEqual({ number: 1, patch: [['=', 2], ['-', 'b'], ['+', 'c']], checkpoint: null });
    expect(createStoredRevision(CHECKPOINT_INTERVAL, 'a b', 'a c')).toEqual({
      number: CHECKPOINT_INTERVAL,
      patch: [['=', 2], ['-', 'b'], ['+', 'c']],
      checkpoint: 'a c',
    });
  });

  it('insists on the previous text exactly when there is one', () => {
    expect(() => createStoredRevision(0, '', 'x')).toThrow(RangeError);
    expect(() => createStoredRevision(3, null, 'x')).toThrow(RangeError);
  });
});

describe('rebuildText', () => {
  const versions = ['Le chat dort.', 'The cat sleeps.', 'The cat is sleeping.', 'The old cat is sleeping.'];
  const revisions = storeVersions(versions);

  it('rebuilds every version, with or without later rows', () => {
    versions.forEach((text, number) => {
      expect(rebuildText(revisions.slice(0, number + 1), number)).toBe(text);
      expect(rebuildText(revisions, number)).toBe(text);
    });
  });

  it('starts from the newest checkpoint at or below the target', () => {
    const withCheckpoint = revisions.map((revision) =>
      revision.number === 2 ? { ...revision, checkpoint: versions[2]! } : revision,
    );
    expect(rebuildText(withCheckpoint.slice(2), 3)).toBe(versions[3]);
  });

  it.each([
    { name: 'no checkpoint', rows: revisions.slice(1), target: 3, message: /none of the 3 revisions given is a checkpoint/ },
    { name: 'a gap', rows: [revisions[0]!, revisions[1]!, revisions[3]!], target: 3, message: /revision 2 is missing \(revision 3 follows revision 1\)/ },
    { name: 'target beyond the rows', rows: revisions, target: 4, message: /revision 4 is missing \(the list ends/ },
    { name: 'rows out of order', rows: [revisions[0]!, revisions[2]!, revisions[1]!], target: 2, message: /revision 1 is missing/ },
    {
      name: 'a patch that does not fit',
      rows: [revisions[0]!, revisions[1]!, { ...revisions[3]!, number: 2 }],
      target: 2,
      message: /the patch of revision 2 does not fit version 1/,
    },
  ])('throws BrokenHistoryError on $name', ({ rows, target, message }) => {
    expect(() => rebuildText(rows, target)).toThrow(BrokenHistoryError);
    expect(() => rebuildText(rows, target)).toThrow(message);
  });

  it('rebuilds any version of a 10,000-revision history from at most CHECKPOINT_INTERVAL patches', () => {
    const random = createRandom(20240611);
    const history = ['Le ministre a déclaré mardi que les prix avaient augmenté.'];
    for (let number = 1; number < 10_000; number++) history.push(editSentence(history[number - 1]!, random));
    const stored = storeVersions(history);

    for (let target = 0; target < history.length; target++) {
      const { from, to } = revisionsNeededFor(target);
      expect(to).toBe(target);
      expect(to - from + 1).toBeLessThanOrEqual(CHECKPOINT_INTERVAL);
      expect(stored[from]!.checkpoint).not.toBeNull();
      expect(rebuildText(stored.slice(from, to + 1), target)).toBe(history[target]);
    }
  });
});
