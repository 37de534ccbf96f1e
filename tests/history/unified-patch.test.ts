import { applyPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { createUnifiedPatch } from '../../src/history/unified-patch.js';

describe('createUnifiedPatch', () => {
  const before = 'Titre\nLe chat dort.\nFin.\n';
  const after = 'Titre\nThe cat sleeps.\nFin.\n';

  it('writes a line-based unified diff of the whole document', () => {
    expect(createUnifiedPatch('article-42.txt', before, after)).toBe(
      [
        'Index: article-42.txt',
        '===================================================================',
        '--- article-42.txt',
        '+++ article-42.txt',
        '@@ -1,3 +1,3 @@',
        ' Titre',
        '-Le chat dort.',
        '+The cat sleeps.',
        ' Fin.',
        '',
      ].join('\n'),
    );
  });

  it('applies with standard tools (here diff.applyPatch)', () => {
    expect(applyPatch(before, createUnifiedPatch('article-42.txt', before, after))).toBe(after);
  });
});
