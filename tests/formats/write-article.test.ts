import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { ArticleOutline } from '../../src/formats/article.js';
import { readDocx } from '../../src/formats/read-docx.js';
import { writeDocx } from '../../src/formats/write-docx.js';
import { writeHtml } from '../../src/formats/write-html.js';

const HOSTILE = '<script>alert("x")</script> & \'quotes\' <b>not bold</b>';
const OUTLINE: ArticleOutline = {
  title: 'Storm: three departments on orange alert',
  language: 'en',
  blocks: [
    { kind: 'paragraph', lines: ['Meteorologists placed three departments on orange alert on Sunday.', 'Residents should stay at home.'] },
    { kind: 'caption', lines: ['Waves on the jetty at Biarritz.'] },
    { kind: 'heading', lines: ['Schools closed'] },
    { kind: 'paragraph', lines: [HOSTILE] },
    { kind: 'paragraph', lines: ['A bell\u0007 in the text.'] },
  ],
};

describe('writeHtml', () => {
  it('writes an escaped article fragment: h1 title, h2 headings, paragraphs with line breaks, classed captions', () => {
    const html = writeHtml(OUTLINE);
    expect(html).toBe([
      '<article lang="en">',
      '<h1>Storm: three departments on orange alert</h1>',
      '<p>Meteorologists placed three departments on orange alert on Sunday.<br>\nResidents should stay at home.</p>',
      '<p class="caption">Waves on the jetty at Biarritz.</p>',
      '<h2>Schools closed</h2>',
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; &lt;b&gt;not bold&lt;/b&gt;</p>',
      '<p>A bell\ufffd in the text.</p>',
      '</article>',
      '',
    ].join('\n'));
    // Parsed by an HTML parser, the text is the article's, character for character.
    const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
    expect(Array.from(document.querySelectorAll('h1, h2, p'), (element) => [element.localName, element.textContent])).toEqual([
      ['h1', OUTLINE.title],
      ['p', 'Meteorologists placed three departments on orange alert on Sunday.\nResidents should stay at home.'],
      ['p', 'Waves on the jetty at Biarritz.'],
      ['h2', 'Schools closed'],
      ['p', HOSTILE],
      ['p', 'A bell\ufffd in the text.'],
    ]);
    expect(document.querySelector('script')).toBeNull();
  });
});

describe('writeDocx', () => {
  it('writes a Word file that Word readers see as title, paragraphs, caption and heading', async () => {
    const docx = await writeDocx(OUTLINE);
    const { value: html, messages } = await mammoth.convertToHtml({ buffer: Buffer.from(docx) }, { styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='caption'] => p.caption:fresh"] });
    expect(messages).toEqual([]);
    expect(html).toBe([
      '<h1>Storm: three departments on orange alert</h1>',
      '<p>Meteorologists placed three departments on orange alert on Sunday.<br />Residents should stay at home.</p>',
      '<p class="caption">Waves on the jetty at Biarritz.</p>',
      '<h1>Schools closed</h1>',
      '<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; \'quotes\' &lt;b&gt;not bold&lt;/b&gt;</p>',
      '<p>A bell\ufffd in the text.</p>',
    ].join(''));
    // And Retouche reads its own export back into the same blocks.
    expect((await readDocx(docx)).blocks).toEqual([
      { text: OUTLINE.title, role: 'heading' },
      { text: 'Meteorologists placed three departments on orange alert on Sunday.\nResidents should stay at home.', role: 'body' },
      { text: 'Waves on the jetty at Biarritz.', role: 'caption' },
      { text: 'Schools closed', role: 'heading' },
      { text: HOSTILE, role: 'body' },
      { text: 'A bell\ufffd in the text.', role: 'body' },
    ]);
  });
});
