import { describe, expect, it } from 'vitest';
import { pairLexicon, falseFriends } from '../../src/checks/false-friends.js';
import { checks } from '../../src/checks/index.js';
import { createCheckContext, runCheck } from '../../src/checks/run.js';
import type { Check, CheckExample, Flag } from '../../src/checks/types.js';

// Every check and every lexicon entry carries the sentences it must flag and must pass: one table runs them all.

/** The flags `check` raises on an example, run as the first sentence of a one-paragraph document. */
function flagExample(check: Check, example: CheckExample): Flag[] {
  const texts = [example.target, ...(example.document ?? [])];
  const context = createCheckContext(texts.map((text) => ({ text, paragraph: 0 })), 'en', {
    variant: example.variant,
    rules: example.rules,
    source: example.source === undefined ? undefined : { language: 'fr', texts: texts.map((_, index) => (index === 0 ? example.source ?? '' : '')) },
  });
  return runCheck(check, context, 0);
}

function applyFirst(text: string, flag: Flag | undefined): string | undefined {
  const suggestion = flag?.suggestions[0];
  return flag && suggestion !== undefined ? text.slice(0, flag.start) + suggestion + text.slice(flag.end) : undefined;
}

const spans = (text: string, flags: readonly Flag[]): string[] => flags.map((flag) => text.slice(flag.start, flag.end));

describe.each(checks.map((check) => [check.id, check] as const))('check %s', (_, check) => {
  it('has complete metadata and examples', () => {
    expect(check.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    expect(check.name.length).toBeGreaterThan(0);
    expect(check.description.length).toBeGreaterThan(40);
    expect(check.examples.flag.length).toBeGreaterThan(0);
    expect(check.examples.pass.length).toBeGreaterThan(0);
    if (check.needs === 'source') for (const example of [...check.examples.flag, ...check.examples.pass]) expect(example.source).toBeDefined();
  });
  it.each(check.examples.flag.map((example) => [example.target, example] as const))('flags %j', (text, example) => {
    const flags = flagExample(check, example);
    if (example.flagged) expect(spans(text, flags)).toEqual(example.flagged);
    else expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) {
      expect(flag.end).toBeGreaterThan(flag.start);
      expect(flag.checkId).toBe(check.id);
      expect(flag.message).toMatch(/"/);
    }
    if (example.fixed !== undefined) expect(applyFirst(text, flags[0])).toBe(example.fixed);
  });
  it.each(check.examples.pass.map((example) => [example.target, example] as const))('passes %j', (text, example) => {
    expect(spans(text, flagExample(check, example))).toEqual([]);
  });
});

describe('the language pair lexicon', () => {
  it('has unique kebab-case ids', () => {
    const ids = pairLexicon.map((entry) => entry.id);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each(pairLexicon.map((entry) => [entry.id, entry] as const))('lexicon entry %s', (_, entry) => {
  const ofEntry = (example: CheckExample): Flag[] => flagExample(falseFriends, example).filter((flag) => flag.entryId === entry.id);
  it('documents itself and has examples', () => {
    expect(entry.french.length).toBeGreaterThan(0);
    expect(entry.meaning.length).toBeGreaterThan(0);
    expect(entry.fixes.length).toBeGreaterThan(0);
    expect(entry.fine.length).toBeGreaterThan(0);
    expect(entry.examples.flag.length).toBeGreaterThan(0);
    expect(entry.examples.pass.length).toBeGreaterThan(0);
  });
  it.each(entry.examples.flag.map((example) => [example.target, example] as const))('flags %j', (text, example) => {
    const flags = ofEntry(example);
    expect(flags.length).toBeGreaterThan(0);
    expect(applyFirst(text, flags[0]) ?? text).toBe(example.fixed ?? text);
  });
  it.each(entry.examples.pass.map((example) => [example.target, example] as const))('passes %j', (_text, example) => {
    expect(ofEntry(example)).toEqual([]);
  });
});
