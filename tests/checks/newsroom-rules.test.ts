import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/checks/run.js';
import type { CheckRules } from '../../src/checks/newsroom-rules.js';

const spansOf = (text: string, rules: CheckRules) =>
  analyzeDocument([{ text, paragraph: 0 }], 'en', { rules })[0]!.flags.map((flag) => `${flag.checkId}:${text.slice(flag.start, flag.end)}`);

describe('newsroom rules in the analysis', () => {
  const text = 'Biden, the tenant of the White House, spoke. The tenant of the White House left.';
  const none: CheckRules = { ignore: [], suggest: [] };

  it('drops a flag whose words lie inside an ignored phrase, in any case, and only there', () => {
    expect(spansOf(text, none)).toEqual(['false-friends:tenant', 'false-friends:tenant']);
    expect(spansOf(text, { ignore: [{ phrase: 'BIDEN, THE TENANT', checkId: null }], suggest: [] })).toEqual(['false-friends:tenant']);
    expect(spansOf(text, { ignore: [{ phrase: 'the Tenant of the White House', checkId: null }], suggest: [] })).toEqual([]);
  });

  it('finds the phrase among thousands of rules, several starting with the same word', () => {
    const names = Array.from({ length: 2_000 }, (_, index) => ({ phrase: `the tenant ${index}`, checkId: null }));
    const started = performance.now();
    expect(spansOf(text, { ignore: [...names, { phrase: 'the tenant of the White House', checkId: null }], suggest: [] })).toEqual([]);
    expect(spansOf(text, { ignore: names, suggest: [] })).toEqual(['false-friends:tenant', 'false-friends:tenant']);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('drops only the named check\'s flags when the rule names one', () => {
    expect(spansOf(text, { ignore: [{ phrase: 'tenant', checkId: 'spelling' }], suggest: [] })).toEqual(['false-friends:tenant', 'false-friends:tenant']);
    expect(spansOf(text, { ignore: [{ phrase: 'tenant', checkId: 'false-friends' }], suggest: [] })).toEqual([]);
  });

  it('keeps a flag wider than the ignored phrase', () => {
    const spaced = 'The results are in  the report.';
    expect(spansOf(spaced, { ignore: [{ phrase: 'in', checkId: null }], suggest: [] })).toEqual(spansOf(spaced, none));
  });

  it('flags a custom entry\'s phrase with its replacement, and an ignore rule wins over it', () => {
    const suggest = [{ id: 'rule-7', phrase: 'White House', replacement: 'presidency', note: 'house style' }];
    const [analysis] = analyzeDocument([{ text, paragraph: 0 }], 'en', { rules: { ignore: [], suggest } });
    expect(analysis!.flags.find((flag) => flag.checkId === 'newsroom-entry')).toMatchObject({
      entryId: 'rule-7', suggestions: ['Presidency'], message: '"White House": write "presidency", as the newsroom\'s rule says (house style).',
    });
    expect(spansOf(text, { ignore: [], suggest })).toEqual(['false-friends:tenant', 'newsroom-entry:White House', 'false-friends:tenant', 'newsroom-entry:White House']);
    expect(spansOf(text, { ignore: [{ phrase: 'White House', checkId: null }], suggest })).toEqual(['false-friends:tenant', 'false-friends:tenant']);
  });
});
