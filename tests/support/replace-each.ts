import { expect } from 'vitest';

/** `text` with each [before, after] replaced, checking each `before` is there exactly once: the expected file of a write-back. */
export function replaceEach(text: string, replacements: readonly [string, string][]): string {
  return replacements.reduce((result, [before, after]) => {
    expect(result.split(before).length - 1, before).toBe(1);
    return result.replace(before, after);
  }, text);
}
