import { describe, expect, it } from 'vitest';
import { falseFriends } from '../../src/checks/false-friends.js';
import { createCheckContext, runCheck } from '../../src/checks/run.js';
import type { Flag } from '../../src/checks/types.js';

// The flags of the lexicon on the first sentence of a document, with its source when given.
function flagsOf(text: string, { source, document = [] }: { source?: string; document?: string[] } = {}): Flag[] {
  const texts = [text, ...document];
  const context = createCheckContext(texts.map((segment) => ({ text: segment, paragraph: 0 })), 'en', {
    source: source === undefined ? undefined : { language: 'fr', texts: texts.map((_, index) => (index === 0 ? source : '')) },
  });
  return runCheck(falseFriends, context, 0);
}

const applied = (text: string, flag: Flag | undefined): string | undefined =>
  flag?.suggestions[0] === undefined ? undefined : text.slice(0, flag.start) + flag.suggestions[0] + text.slice(flag.end);

// The one-key suggestions that made text wrong, reported with the flags issue: none of them may come back.
describe('suggestions read correctly in their sentence', () => {
  it('never flags inside a multi-word name', () => {
    expect(flagsOf('The Chamber of Deputies voted the budget on Tuesday.').map((flag) => flag.entryId)).not.toContain('deputies-mps');
    expect(flagsOf('The Supreme Court of the United States ruled on Tuesday.')).toEqual([]);
  });
  it('never offers another title for a name\'s own', () => {
    expect(flagsOf('The decision was announced by the Prime Minister Jan Fischer.')).toEqual([]);
  });
  it('leaves a grievance a complaint, and keeps the tense of a lawsuit', () => {
    expect(flagsOf('The complaint of the government against the proposals was rejected.')).toEqual([]);
    const text = 'TikTok confirms filing complaint against Trump administration';
    const [flag] = flagsOf(text);
    expect([applied(text, flag), flag?.hint]).toEqual(['TikTok confirms filing a lawsuit against Trump administration', true]);
  });
  it('keeps number and capitals', () => {
    const text = 'Decrees against immigration were signed at the White House.';
    expect(applied(text, flagsOf(text)[0])).toBe('Executive orders against immigration were signed at the White House.');
  });
  it('keeps a decree a decree outside American politics', () => {
    expect(flagsOf('Decrees against the protests were signed in Prague.')).toEqual([]);
  });
  it('gives the article of the fix', () => {
    const text = 'Ministers discussed an eventual rise in taxes.';
    expect(applied(text, flagsOf(text)[0])).toBe('Ministers discussed a possible rise in taxes.');
  });
  it('offers no fix rather than one of another tense', () => {
    const [flag] = flagsOf('The rebels are profiting of the chaos.');
    expect(flag?.suggestions).toEqual(['taking advantage of']);
    expect(flagsOf('Farmers assisting at the fair sold their cattle.')[0]?.suggestions[0]).toBe('attending');
  });
});

describe('messages quote the French', () => {
  it('quotes the source words the phrase copies when the source is attached', () => {
    const [flag] = flagsOf('The deputies voted against the text.', { source: 'Les députés ont voté contre le texte.' });
    expect(flag?.message).toBe('"The deputies" copies "députés" of the source (MPs, lawmakers): write "MPs" or rephrase.');
  });
  it('stays silent when the source has none of the French words', () => {
    expect(flagsOf('The deputies voted against the text.', { source: 'Les sénateurs ont voté contre le texte.' })).toEqual([]);
  });
  it('fires on a source-keyed look-alike only with its French word', () => {
    expect(flagsOf('The actual mayor is running again.', { source: "L'actuel maire se représente." })[0]?.entryId).toBe('actual-source');
    expect(flagsOf('The actual figure is higher.', { source: 'Le chiffre réel est plus élevé.' })).toEqual([]);
  });
  it('takes names from the source: words that render a French name are left alone', () => {
    expect(flagsOf('The chamber of deputies voted on Tuesday.', { source: 'La Chambre des députés a voté mardi.' })).toEqual([]);
  });
});
