import data from '../languages/fr-en/company-descriptors.json' with { type: 'json' };
import { createFlag, matchCase } from './flag.js';
import type { Token } from '../text/tokenize.js';
import { isCapitalized } from './word-classes.js';
import type { Check, Flag } from './types.js';

// Sector word -> English news descriptor ("supermarket" -> "retailer").
const SECTORS = new Map(Object.entries(data.sectors));
// Headquarters towns, each split into words ("mountain view").
const HEADQUARTERS = data.headquarters.map((town) => town.split(' '));
// The French word the descriptors copy.
const GROUP_WORDS = new Set(['group', 'groups']);

/** "the supermarket group Walmart", "the Redmond group": French ways of naming a company. */
export const companyDescriptor = {
  id: 'company-descriptor',
  name: 'French-style company descriptor',
  description:
    'French news introduces a company as "le groupe de distribution Walmart" or by its home town, "le groupe ' +
    'de Redmond". Translated word for word this gives "the supermarket group Walmart" and "the Redmond group", ' +
    'which read as a group of supermarkets or a group of people. English news writes "retailer Walmart" and ' +
    'names the company or says "the Redmond-based company". Militant, rebel and other non-business groups ' +
    '("the militant group Hamas") are fine and are not matched: only business sectors are listed.',
  category: 'terminology',
  severity: 'minor',
  needs: 'translation',
  examples: {
    flag: [
      { target: "Shares of the oil group Total rose.", flagged: ["the oil group Total"] },
      { target: "The Cupertino group has not commented.", flagged: ["The Cupertino group"] },
    ],
    pass: [
      { target: "The militant group Hamas claimed the attack." },
      { target: "Oil company Total said profits rose." },
      { target: "The Islamic State group lost ground." },
    ],
  },
  run({ text: sentence, tokens }): Flag[] {
    const flags: Flag[] = [];
    for (let index = 0; index < tokens.length; index++) {
      const article = tokens[index];
      if (article?.norm !== 'the') continue;
      const sector = matchSector(tokens, index + 1);
      if (sector) {
        const name = tokens[sector.groupIndex + 1];
        if (name && isCapitalized(name)) {
          const nameEnd = endOfName(tokens, sector.groupIndex + 1);
          const found = sentence.slice(article.start, nameEnd.end);
          const nameText = sentence.slice(name.start, nameEnd.end);
          flags.push(
            createFlag(
              companyDescriptor,
              article.start,
              nameEnd.end,
              `"${found}" copies French "le groupe ... ${nameText}": write "${sector.descriptor} ${nameText}".`,
              [matchCase(`${sector.descriptor} ${nameText}`, found)]
            )
          );
          continue;
        }
      }
      const town = matchHeadquarters(tokens, index + 1);
      if (town >= 0 && GROUP_WORDS.has(tokens[town]?.norm ?? '') && !isCapitalized(tokens[town + 1] ?? article)) {
        const groupToken = tokens[town];
        if (!groupToken) continue;
        const found = sentence.slice(article.start, groupToken.end);
        const townText = sentence.slice(tokens[index + 1]?.start ?? 0, tokens[town - 1]?.end ?? 0);
        flags.push(
          createFlag(
            companyDescriptor,
            article.start,
            groupToken.end,
            `"${found}" copies French "le groupe de ${townText}": name the company or write "the ${townText}-based company".`,
            [matchCase(`the ${townText}-based company`, found)]
          )
        );
      }
    }
    return flags;
  }
} satisfies Check;

// "supermarket group", "IT group": a sector word then "group"; returns the index of "group".
function matchSector(tokens: readonly Token[], from: number): { groupIndex: number; descriptor: string } | undefined {
  const sectorToken = tokens[from];
  const groupToken = tokens[from + 1];
  if (!sectorToken || !groupToken || !GROUP_WORDS.has(groupToken.norm)) return undefined;
  const descriptor = SECTORS.get(sectorToken.norm);
  return descriptor ? { groupIndex: from + 1, descriptor } : undefined;
}

// Returns the index after a headquarters town starting at `from`, or -1.
function matchHeadquarters(tokens: readonly Token[], from: number): number {
  for (const words of HEADQUARTERS) {
    if (words.every((word, offset) => tokens[from + offset]?.norm === word)) return from + words.length;
  }
  return -1;
}

// A name runs over consecutive capitalised words: "Walmart", "General Electric".
function endOfName(tokens: readonly Token[], from: number): Token {
  let last = tokens[from] as Token;
  for (let index = from + 1; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token || !isCapitalized(token)) break;
    last = token;
  }
  return last;
}
