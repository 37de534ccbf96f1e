import { describe, expect, it } from 'vitest';
import { createBilingualContext } from '../../../src/checks/bilingual/run.js';
import type { BilingualCheck } from '../../../src/checks/bilingual/types.js';

/** Examples for one bilingual check: [target, source] pairs with the target texts each flag must cover, and pairs that must pass. */
export interface BilingualTable {
  /** [target, source, flagged target texts in order] */
  flag: Array<[string, string, string[]]>;
  /** [target, source] */
  pass: Array<[string, string]>;
  sourceLanguage?: string;
  targetLanguage?: string;
}

/** Run a bilingual check's table: every flag example yields exactly the listed spans, every pass example none. */
export function describeBilingualCheck(check: BilingualCheck, table: BilingualTable): void {
  const context = createBilingualContext(table.sourceLanguage ?? 'fr', table.targetLanguage ?? 'en');
  describe(check.id, () => {
    it('has complete metadata', () => {
      expect(check.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(check.name.length).toBeGreaterThan(0);
      expect(check.description.length).toBeGreaterThan(40);
      expect(check.needsSource).toBe(true);
    });
    it.each(table.flag)('flags %j for %j', (target, source, expected) => {
      const flags = check.run(target, source, context);
      expect(flags.map((flag) => target.slice(flag.start, flag.end))).toEqual(expected);
      for (const flag of flags) {
        expect(flag.end).toBeGreaterThan(flag.start);
        expect(flag.checkId).toBe(check.id);
        expect(flag.message).toMatch(/"/);
      }
    });
    it.each(table.pass)('passes %j for %j', (target, source) => {
      expect(check.run(target, source, context).map((flag) => target.slice(flag.start, flag.end))).toEqual([]);
    });
  });
}
