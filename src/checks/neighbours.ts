import type { CheckContext } from './types.js';

/**
 * The translation sentences on each side of segment `index`. Sentence alignment is not exact: what
 * a source sentence says may sit in the translation's previous or next sentence (a one-to-two
 * link, a name moved across a full stop), so nothing is called missing before both are read.
 */
export function readNeighbours(context: CheckContext, index: number): string[] {
  const texts: string[] = [];
  for (const position of [index - 1, index + 1]) {
    const segment = context.segments[position];
    if (segment && context.roles[position] !== 'credit' && context.roles[position] !== 'separator') texts.push(segment.text);
  }
  return texts;
}
