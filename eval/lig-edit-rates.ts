/**
 * How often the LIG post-editors changed each frequent word and word pair of the machine
 * translation (`npx tsx eval/lig-edit-rates.ts`): the ceiling any rule that flags a word or
 * a pair by itself can reach on this split. Prints the words seen 15 times or more and edited in
 * half of them or more, and the pairs seen 8 times or more holding an edited word three times in four.
 */
import { pathToFileURL } from 'node:url';
import { loadLig, type LigSentence } from './lig-eval.js';
import { LIG_DIR, requireEvalData } from './data-dir.js';

export interface EditRate {
  text: string;
  seen: number;
  edited: number;
}

/** Edit counts per lower-cased word and per pair of neighbouring words (a pair counts when either word was edited). */
export function countEditRates(sentences: readonly LigSentence[]): { words: EditRate[]; pairs: EditRate[]; editedWords: number; allWords: number } {
  const words = new Map<string, EditRate>();
  const pairs = new Map<string, EditRate>();
  let editedWords = 0;
  let allWords = 0;
  const add = (map: Map<string, EditRate>, text: string, edited: boolean) => {
    const rate = map.get(text) ?? { text, seen: 0, edited: 0 };
    rate.seen += 1;
    if (edited) rate.edited += 1;
    map.set(text, rate);
  };
  for (const sentence of sentences) {
    const tokens = sentence.words.map((word) => ({ text: sentence.text.slice(word.start, word.end).toLowerCase(), edited: word.edited }));
    tokens.forEach((token, index) => {
      allWords += 1;
      if (token.edited) editedWords += 1;
      add(words, token.text, token.edited);
      const previous = tokens[index - 1];
      if (previous) add(pairs, `${previous.text} ${token.text}`, previous.edited || token.edited);
    });
  }
  return { words: [...words.values()], pairs: [...pairs.values()], editedWords, allWords };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  requireEvalData();
  const { words, pairs, editedWords, allWords } = countEditRates(loadLig(LIG_DIR));
  const show = (rates: EditRate[], minSeen: number, minRate: number) => rates
    .filter((rate) => rate.seen >= minSeen && rate.edited / rate.seen >= minRate)
    .sort((a, b) => b.edited - a.edited)
    .map((rate) => `  ${rate.text}: ${rate.edited}/${rate.seen}`).join('\n') || '  (none)';
  console.log(`Edited words: ${editedWords} of ${allWords} (${((100 * editedWords) / allWords).toFixed(1)}%)`);
  console.log(`Words seen 15 times or more, edited in half of them or more:\n${show(words, 15, 0.5)}`);
  console.log(`Pairs seen 8 times or more, with an edited word in three of four or more:\n${show(pairs, 8, 0.75)}`);
}
