import { createFlag } from './flag.js';
import { readNeighbours } from './neighbours.js';
import { readNumbers, type NumberMention } from './read-numbers.js';
import type { Check, Flag } from './types.js';

/** Numbers of the source missing from the translation, or changed in it. */
export const numberMismatch = {
  id: 'number-mismatch',
  name: 'Number differs from the source',
  description:
    'Every number of the source must be in the translation with the same value. Both sides are read the way ' +
    'their language writes numbers (from the language data): "3,5 millions" and "3.5 million" are both ' +
    '3,500,000, "20 000" is "20,000", "5 %" is "5%", "deux" is "two", "2" or "both", "20h" is 20 or 8 o\'clock. ' +
    'When a number of the translation has the same digits as the missing one ("35" for "3,5") or is the only ' +
    'other number left, the flag points at it as the likely misreading. A number found in the previous or next ' +
    'sentence is not missing (sentence alignment is not exact); otherwise the flag points at the words where it ' +
    'should be, between the words linked to the source words around it. A spelled-out "one" is not required: in most ' +
    'languages it is also the article ("un", "a"); nor are ordinals and words such as "both" in the source, ' +
    'which a translation may write another way ("Deuxième Guerre mondiale" is "World War II").',
  category: 'accuracy/mistranslation',
  severity: 'major',
  needs: 'source',
  examples: {
    flag: [
      { target: 'The fund raised 35 million euros last year.', source: "Le fonds a levé 3,5 millions d'euros l'an dernier.", flagged: ['35 million'] },
      { target: 'The ferry carried 1,400 passengers.', source: 'Le ferry transportait 1 200 passagers.', flagged: ['1,400'] },
      { target: 'The plan will cost 4 billion dollars.', source: 'Le plan coûtera 4 billions de dollars.', flagged: ['4 billion'] },
      { target: 'The mayor opened the new bridge on Friday.', source: 'Le maire a inauguré vendredi le pont, long de 240 mètres.', flagged: ['new bridge on Friday'] },
      { target: 'Three firefighters were hurt.', source: 'Cinq pompiers ont été blessés.', flagged: ['Three firefighters were hurt'] },
    ],
    pass: [
      { target: 'The fund raised 3.5 million euros last year.', source: "Le fonds a levé 3,5 millions d'euros l'an dernier." },
      { target: 'The fund raised €3.5m last year.', source: "Le fonds a levé 3,5 M€ l'an dernier." },
      { target: 'The ferry carried 1,200 passengers.', source: 'Le ferry transportait 1 200 passagers.' },
      { target: 'Inflation reached 5% in March.', source: "L'inflation a atteint 5 % en mars." },
      { target: 'Two climbers reached the summit.', source: 'Deux alpinistes ont atteint le sommet.' },
      { target: '2 climbers reached the summit.', source: 'Deux alpinistes ont atteint le sommet.' },
      { target: 'Both towns voted against the project.', source: 'Les deux communes ont voté contre le projet.' },
      { target: 'The polls close at 8 pm.', source: 'Les bureaux de vote ferment à 20h.' },
      { target: 'Twenty-five years later, the case was reopened.', source: "Vingt-cinq ans plus tard, l'affaire a été rouverte." },
      { target: 'A man was arrested after the 2019 riots.', source: 'Un homme a été arrêté après les émeutes de 2019.' },
      { target: 'The 1990s were kind to the region.', source: 'Les années 1990 ont été favorables à la région.' },
      { target: 'Debt rose to €98 billion, then to €385 billion.', source: "La dette est passée à 98, puis à 385 milliards d'euros." },
      { target: 'The castle was restored as new.', source: 'Le château a été remis à neuf.' },
      { target: 'It was the nineteenth summit of the group.', source: "C'était le dix-neuvième sommet du groupe." },
      { target: 'The mayor was elected in 2014.', source: 'Le maire, élu en 2014, a démissionné après dix ans de mandat.', document: ['He resigned after ten years in office.'] },
    ],
  },
  run(sentence, context): Flag[] {
    const source = sentence.source;
    const sourceProfile = context.source?.profile;
    if (!source || !sourceProfile || !context.target) return [];
    const target = sentence.text;
    const wanted = readNumbers(source.text, sourceProfile, source.words).filter((mention) => !isLoneOne(mention) && !mention.alias);
    if (wanted.length === 0) return [];
    const found = readNumbers(target, context.target, sentence.words);
    // A translation's number also counts before its scale word, since a source may leave the scale implied
    // ("98 autres milliards" is "$98 billion"), and a two-digit one as a year ("1997-98").
    const foundValues = new Set(found.flatMap((mention) => [...mention.values, ...mention.bases]));
    const wantedValues = new Set(wanted.flatMap((mention) => mention.values));
    const missing = wanted.filter((mention) => !mention.values.some((value) => foundValues.has(value)));
    if (missing.length === 0) return [];
    const nearby = new Set(readNeighbours(context, sentence.index).flatMap((text) => readNumbers(text, context.target!).flatMap((mention) => mention.values)));
    const spare = found.filter((mention) => !mention.spelled && !mention.values.some((value) => wantedValues.has(value)));
    const flags: Flag[] = [];
    for (const mention of missing) {
      const written = source.text.slice(mention.start, mention.end);
      const partner = findPartner(mention, missing, spare);
      if (partner) {
        spare.splice(spare.indexOf(partner), 1);
        const shown = target.slice(partner.start, partner.end);
        flags.push(createFlag(numberMismatch, partner.start, partner.end, `"${shown}" does not match "${written}" in the source: check the number.`));
        continue;
      }
      if (mention.values.some((value) => nearby.has(value))) continue;
      const span = source.links.locate(mention.start, mention.end);
      if (span && !flags.some((flag) => flag.start < span.end && span.start < flag.end)) {
        flags.push(createFlag(numberMismatch, span.start, span.end, `"${written}" of the source is not in the translation: check nothing was dropped here.`));
      }
    }
    return flags.sort((a, b) => a.start - b.start);
  }
} satisfies Check;

// "un", "une", "a": a spelled-out one is usually the article.
function isLoneOne(mention: NumberMention): boolean {
  return mention.spelled && mention.values.length === 1 && mention.values[0] === '1';
}

// The translation's number that stands for a missing one: the same digits ("3,5" -> "35"), or the only
// number left on each side ("15" -> "50").
function findPartner(mention: NumberMention, missing: NumberMention[], spare: NumberMention[]): NumberMention | undefined {
  if (mention.digits !== '') {
    const same = spare.find((candidate) => candidate.digits === mention.digits);
    if (same) return same;
  }
  return missing.length === 1 && spare.length === 1 && !mention.spelled ? spare[0] : undefined;
}
