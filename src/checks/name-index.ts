import type { SegmentRole } from '../model.js';
import { tokenize } from '../text/tokenize.js';
import type { DocumentSegment, NameForms } from './types.js';
import { isCapitalized } from './word-classes.js';

// Roles whose capitalised word runs feed the name index; headings and tags use title case.
const NAME_SOURCE_ROLES: ReadonlySet<SegmentRole> = new Set(['body', 'caption', 'photo-caption']);
// Longest name kept in the index, in words.
const MAX_NAME_WORDS = 4;

/**
 * The document's multi-word names: capitalised runs of two or more words in body text, minus a
 * run's sentence-initial word (which is capitalised anyway). "President Donald Trump" gives
 * "president donald", "donald trump"..., each with the casings seen and the one used most.
 */
export function indexNames(segments: readonly DocumentSegment[], roles: readonly SegmentRole[]): Map<string, NameForms> {
  const counts = new Map<string, Map<string, number>>();
  segments.forEach((segment, index) => {
    if (!NAME_SOURCE_ROLES.has(roles[index] ?? 'body')) return;
    const tokens = tokenize(segment.text);
    let runStart = -1;
    for (let position = 0; position <= tokens.length; position++) {
      const token = tokens[position];
      if (token && isCapitalized(token) && token.norm !== "'s") {
        if (runStart < 0) runStart = position;
        continue;
      }
      if (runStart >= 0) {
        const from = runStart === 0 ? 1 : runStart;
        for (let first = from; first < position; first++) {
          // The runs of two to four words from here, built word by word.
          let key = tokens[first]!.norm;
          let surface = tokens[first]!.text;
          for (let last = first + 2; last <= Math.min(position, first + MAX_NAME_WORDS); last++) {
            key += ` ${tokens[last - 1]!.norm}`;
            surface += ` ${tokens[last - 1]!.text}`;
            let forms = counts.get(key);
            if (!forms) counts.set(key, (forms = new Map<string, number>()));
            forms.set(surface, (forms.get(surface) ?? 0) + 1);
          }
        }
        runStart = -1;
      }
    }
  });
  const names = new Map<string, NameForms>();
  for (const [key, forms] of counts) {
    let preferred = '';
    let best = 0;
    for (const [surface, count] of forms) {
      if (count > best) {
        preferred = surface;
        best = count;
      }
    }
    names.set(key, { preferred, forms });
  }
  return names;
}
