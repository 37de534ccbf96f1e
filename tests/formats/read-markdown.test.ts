import { describe, expect, it } from 'vitest';
import { refusal } from '../support/format-refusal.js';
import { readMarkdown } from '../../src/formats/read-markdown.js';

describe('readMarkdown', () => {
  it('gives headings their role and leaves paragraphs, items and quotes to be judged on their text', () => {
    const markdown = [
      '# Storm: three departments on *orange* alert',
      '',
      'Meteorologists placed three departments on **orange alert** on Sunday,',
      'as a [storm](https://example.org/storm) approached the coast.  ',
      'Gusts of 130 km/h are expected.',
      '',
      '![Waves on the jetty](waves.jpg)',
      '',
      '## Schools closed',
      '',
      '- Gironde',
      '- Landes and `Pyrénées-Atlantiques`',
      '',
      '> "Stay at home," the prefect said.',
      '',
      '<div class="ad">An advert</div>',
      '',
      '---',
      '',
      'Photo: Gaizka Iroz / AFP',
    ].join('\n');
    expect(readMarkdown(markdown)).toEqual({
      title: 'Storm: three departments on orange alert',
      blocks: [
        { text: 'Storm: three departments on orange alert', role: 'heading' },
        { text: 'Meteorologists placed three departments on orange alert on Sunday,\nas a storm approached the coast.\nGusts of 130 km/h are expected.' },
        { text: 'Schools closed', role: 'heading' },
        { text: 'Gironde' },
        { text: 'Landes and Pyrénées-Atlantiques' },
        { text: '"Stay at home," the prefect said.' },
        { text: 'Photo: Gaizka Iroz / AFP' },
      ],
    });
  });

  it('takes no title from a text that does not open with a level-one heading', () => {
    expect(readMarkdown('Just a paragraph.\n\n# A heading later\n')).toEqual({
      blocks: [{ text: 'Just a paragraph.' }, { text: 'A heading later', role: 'heading' }],
    });
  });

  it('refuses a line nested deeper than any article, at once instead of after minutes of parsing', async () => {
    for (const deep of ['>'.repeat(100_000) + ' text', '- '.repeat(60) + 'item', `${' '.repeat(400)}- item`]) {
      expect(await refusal(() => readMarkdown(deep))).toMatchObject({ problem: 'too-large', message: /nested more than 50/ });
    }
    // Fifty levels, or a long horizontal rule, are read.
    expect(readMarkdown(`${'> '.repeat(50)}A quoted sentence.`).blocks).toHaveLength(1);
    expect(readMarkdown(`${'-'.repeat(300)}\n\nA sentence after a rule.`).blocks).toEqual([{ text: 'A sentence after a rule.' }]);
  });
});
