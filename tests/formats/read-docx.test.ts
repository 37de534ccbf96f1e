import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DOCX_LIMITS, readDocx } from '../../src/formats/read-docx.js';
import { buildArticleDocx } from '../support/docx-fixtures.js';
import { refusal } from '../support/format-refusal.js';

describe('readDocx', () => {
  it('reads paragraphs, headings, captions and credits by their Word styles', async () => {
    expect(await readDocx(await buildArticleDocx())).toEqual({
      title: 'Storm: three departments on orange alert',
      blocks: [
        { text: 'Storm: three departments on orange alert', role: 'heading' },
        { text: 'By Marie Lefèvre', role: 'credit' },
        { text: 'Meteorologists placed three departments on orange alert on Sunday. Gusts of 130 km/h are expected on the coast.\nResidents are advised to stay at home.', role: 'body' },
        { text: 'Waves on the jetty at Biarritz on Sunday.', role: 'caption' },
        { text: 'Photo: Gaizka Iroz / AFP', role: 'credit' },
        { text: 'Schools closed on Monday', role: 'heading' },
        { text: 'Schools in the three departments will stay closed.', role: 'body' },
        { text: 'Gironde: orange', role: 'body' },
      ],
    });
  });

  it('refuses what is not a Word file, with the reason', async () => {
    const docx = await buildArticleDocx();
    const entries = unzipSync(docx);
    expect(await refusal(() => readDocx(strToU8('{\\rtf1 an RTF file renamed .docx}')))).toMatchObject({ problem: 'wrong-type', message: /not a zip archive/ });
    expect(await refusal(() => readDocx(docx.subarray(0, docx.length - 400)))).toMatchObject({ problem: 'corrupt', message: /cut off or corrupt/ });
    expect(await refusal(() => readDocx(docx.subarray(0, 100)))).toMatchObject({ problem: 'corrupt' });
    const odt = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<office:document-content/>') });
    expect(await refusal(() => readDocx(odt))).toMatchObject({ problem: 'wrong-type', message: /not a Word document/ });
    const withDtd = zipSync({ ...entries, 'word/document.xml': strToU8(`<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>${new TextDecoder().decode(entries['word/document.xml']!)}`) });
    expect(await refusal(() => readDocx(withDtd))).toMatchObject({ problem: 'unsafe', message: /word\/document\.xml declares a DTD/ });
    const brokenXml = zipSync({ ...entries, 'word/document.xml': strToU8('<w:document xmlns:w="x"><w:body><w:p>') });
    expect(await refusal(() => readDocx(brokenXml))).toMatchObject({ problem: 'corrupt', message: /damaged/ });
  });

  it('stops unpacking a zip bomb at the limit, and an archive of too many entries', async () => {
    // 40 MB of zeros compress to ~40 KB: far under the upload limit, far over what is unpacked.
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(DOCX_LIMITS.maxBytes + 8 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(100_000);
    expect(await refusal(() => readDocx(bomb))).toMatchObject({ problem: 'too-large', message: /unpacks to more than 32 MB/ });
    const many = zipSync(Object.fromEntries(Array.from({ length: DOCX_LIMITS.maxEntries + 1 }, (_, index) => [`word/media/${index}.txt`, strToU8('x')])));
    expect(await refusal(() => readDocx(many))).toMatchObject({ problem: 'too-large', message: /more than 1000 files/ });
  });
});
