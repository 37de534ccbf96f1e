import { describe, expect, it } from 'vitest';
import { createCheckContext } from '../../src/checks/run.js';
import type { Check, CheckContext, DocumentSegment } from '../../src/checks/types.js';

/** Examples for one check: sentences with the text each flag must cover, and sentences that must pass. */
export interface CheckTable {
  /** [sentence, flagged texts in order] */
  flag: Array<[string, string[]]>;
  pass: string[];
  /** Other segments of the document, for checks that read it (defaults to the sentence alone). */
  document?: DocumentSegment[];
  targetLanguage?: string;
}

/** Run a check's table: every flag example yields exactly the listed spans, every pass example none. */
export function describeCheck(check: Check, table: CheckTable): void {
  describe(check.id, () => {
    it('has complete metadata', () => {
      expect(check.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(check.name.length).toBeGreaterThan(0);
      expect(check.description.length).toBeGreaterThan(40);
    });
    it.each(table.flag)('flags %j', (sentence, expected) => {
      const flags = check.run(sentence, contextFor(sentence, table), 0);
      expect(flags.map((flag) => sentence.slice(flag.start, flag.end))).toEqual(expected);
      for (const flag of flags) {
        expect(flag.end).toBeGreaterThan(flag.start);
        expect(flag.checkId).toBe(check.id);
        expect(flag.message).toMatch(/"/);
      }
    });
    it.each(table.pass)('passes %j', (sentence) => {
      const flags = check.run(sentence, contextFor(sentence, table), 0);
      expect(flags.map((flag) => sentence.slice(flag.start, flag.end))).toEqual([]);
    });
  });
}

function contextFor(sentence: string, table: CheckTable): CheckContext {
  const segments = [{ text: sentence, paragraph: 0 }, ...(table.document ?? [])];
  return createCheckContext(segments, table.targetLanguage ?? 'en');
}
