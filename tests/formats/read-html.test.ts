import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtml, readHtml } from '../../src/formats/read-html.js';
import { refusal } from '../support/format-refusal.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'formats');

/** A news page around `article`, with the navigation, sidebar and footer a saved page has. */
function page(article: string, head = '<meta charset="utf-8"><title>Storm warning | The Daily</title>'): string {
  return `<!DOCTYPE html><html lang="en-GB"><head>${head}</head><body>
    <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
    <main><article>${article}</article></main>
    <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/x">Something else entirely happened</a></li></ul></aside>
    <footer>© The Daily. <a href="/legal">Legal</a></footer></body></html>`;
}

const PARAGRAPHS = `
  <p>Meteorologists placed three departments on orange alert on Sunday evening, as a storm approached the Atlantic coast with gusts of up to 130 km/h.</p>
  <p>The prefecture advised residents to stay at home and to avoid the seafront, where waves of eight metres are expected during the night.</p>`;

describe('readHtml', () => {
  it('takes the article out of a saved news page, each block with the role its markup gives it', () => {
    const article = readHtml(fs.readFileSync(path.join(FIXTURES, 'article.html'), 'utf8'));
    expect(article).toEqual({
      title: 'Pension reform: the unions call a new day of strikes',
      targetLanguage: 'en',
      blocks: [
        { text: 'Pension reform: the unions call a new day of strikes', role: 'heading' },
        { text: 'By Claire Martin and Paul Durand', role: 'credit' },
        { text: 'Demonstrators marched from République to Nation on Tuesday.', role: 'caption' },
        { text: 'Photo: Jean Dupont / AFP', role: 'credit' },
        { text: 'The unions have called for a new day of strikes and demonstrations on Thursday against the pension reform, which the government wants to adopt before the summer.', role: 'body' },
        { text: '"We will not give up," declared the general secretary of the CGT on Tuesday evening, at the end of a meeting of the inter-union committee in Paris. The rail and energy sectors are expected to be strongly affected.', role: 'body' },
        { text: 'Read also: Pensions: what changes for you on January 1st', role: 'teaser' },
        { text: 'A text examined in the Senate', role: 'heading' },
        { text: 'The bill, adopted at first reading by the National Assembly, must be examined by the senators from next week. The majority hopes for a final vote in June, but the opposition has tabled more than three thousand amendments.', role: 'body' },
        { text: 'According to an Ifop poll published on Sunday, two thirds of the French remain opposed to the postponement of the legal retirement age to 64 years.', role: 'body' },
        { text: 'Pensions', role: 'tag' },
        { text: 'Strikes', role: 'tag' },
        { text: 'Unions', role: 'tag' },
      ],
    });
  });

  it('reads roles from markup: link-only teasers, tag lists, caption and credit classes, line breaks, no scripts', () => {
    const article = readHtml(page(`<h1>Storm warning</h1>${PARAGRAPHS}
      <div class="wp-caption-text">Waves on the jetty at Biarritz.</div>
      <p class="photo-credit">Photo: Gaizka Iroz / AFP</p>
      <p><b>See also</b> <a href="/storm-2019">The great storm of 2019, ten years on</a></p>
      <p>The alert runs until Monday noon.<br>Updates follow.<script>document.write('no')</script><style>p{}</style></p>
      <p class="keywords">Weather, Storms</p>`));
    expect(article.blocks.slice(3)).toEqual([
      { text: 'Waves on the jetty at Biarritz.', role: 'caption' },
      { text: 'Photo: Gaizka Iroz / AFP', role: 'credit' },
      { text: 'See also The great storm of 2019, ten years on', role: 'teaser' },
      { text: 'The alert runs until Monday noon.\nUpdates follow.', role: 'body' },
      { text: 'Weather, Storms', role: 'tag' },
    ]);
    expect(article.blocks[0]).toEqual({ text: 'Storm warning', role: 'heading' });
    expect(article.title).toBe('Storm warning');
  });

  it('decodes the charset the page or its server declares, and refuses text that is not in it', async () => {
    const latin1 = Buffer.from(page(`<h1>Alerte orange à Biarritz</h1><p>${'Les météorologues ont placé trois départements en vigilance orange dimanche soir. '.repeat(4)}</p>`,
      '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Alerte</title>'), 'latin1');
    expect(readHtml(decodeHtml(latin1)).blocks[1]!.text).toMatch(/^Les météorologues ont placé trois départements/);
    expect(decodeHtml(Buffer.from('<p>Caf\xe9</p>', 'latin1'), 'windows-1252')).toBe('<p>Café</p>');
    expect(decodeHtml(Buffer.from('\uFEFF<p>Café</p>', 'utf8'), 'iso-8859-1')).toBe('<p>Café</p>');
    expect(await refusal(() => decodeHtml(Buffer.from('<p>Caf\xe9</p>', 'latin1')))).toMatchObject({ problem: 'wrong-type', message: /not valid UTF-8/ });
    expect(await refusal(() => decodeHtml(Buffer.from('<p>x</p>'), 'x-klingon'))).toMatchObject({ problem: 'wrong-type', message: /"x-klingon"/ });
  });

  it('refuses a page with no article text', async () => {
    const home = '<!DOCTYPE html><html><head><title>The Daily</title></head><body><nav><a href="/a">World</a> <a href="/b">Sport</a></nav></body></html>';
    expect(await refusal(() => readHtml(home))).toMatchObject({ problem: 'empty', message: /no article text/ });
    expect(await refusal(() => readHtml(''))).toMatchObject({ problem: 'empty' });
  });

  it('takes the headline and the tag links as a reader sees them: no script, style or hidden text', () => {
    const article = readHtml(page(`<h1>Storm <span hidden>HIDDEN</span><span style="color:red; display: none">NONE</span>warning`
      + `<script>var leaked = 1;</script><style>.x{color:red}</style></h1>${PARAGRAPHS}`
      + `<a rel="tag" href="/t/p">Pensions<script>track()</script></a> <a rel="tag" href="/t/s">Storms<noscript>Enable JS</noscript></a>`));
    expect(article.title).toBe('Storm warning');
    expect(article.blocks[0]).toEqual({ text: 'Storm warning', role: 'heading' });
    expect(article.blocks.filter((block) => block.role === 'tag').map((block) => block.text)).toEqual(expect.arrayContaining(['Pensions', 'Storms']));
    expect(JSON.stringify(article)).not.toMatch(/HIDDEN|NONE|leaked|color|track|Enable/);
  });

  it('refuses a page nested too deeply to walk, or with a megabyte attribute, with a message instead of a crash', async () => {
    const nested = page(`<h1>Storm</h1>${'<div>'.repeat(10_000)}${PARAGRAPHS}${'</div>'.repeat(10_000)}`);
    expect(await refusal(() => readHtml(nested))).toMatchObject({ problem: 'too-large', message: /nested thousands deep/ });
    const attribute = page(`<h1>Storm</h1>${PARAGRAPHS}<p class="${'a '.repeat(1_000_000)}">A paragraph with a long class.</p>`);
    expect(await refusal(() => readHtml(attribute))).toMatchObject({ problem: 'too-large' });
  }, 60_000);
});
