import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXliff } from '../../src/formats/read-xliff.js';
import { writeXliff } from '../../src/formats/write-xliff.js';
import { refusal } from '../support/format-refusal.js';
import { replaceEach } from '../support/replace-each.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'formats');
const XLIFF_2 = fs.readFileSync(path.join(FIXTURES, 'article-2.xlf'), 'utf8');
const XLIFF_1 = fs.readFileSync(path.join(FIXTURES, 'article-1.2.xlf'), 'utf8');

describe('readXliff', () => {
  it('reads XLIFF 2: targets as blocks, sources beside them, segments of one unit in one paragraph', () => {
    const file = readXliff(XLIFF_2);
    expect(file.version).toBe('2');
    expect(file.article).toEqual({
      targetLanguage: 'en',
      sourceLanguage: 'fr',
      blocks: [
        { text: 'Pension reform: the unions call for a new day of strike', source: 'Réforme des retraites : les syndicats appellent à une nouvelle journée de grève' },
        { text: 'The unions have called to a new day of strikes on Thursday.', source: 'Les syndicats ont appelé à une nouvelle journée de grèves jeudi.' },
        { text: 'The government wants to adopt the reform before the summer.', source: 'Le gouvernement veut adopter la réforme avant l\'été.', joinsPrevious: true },
        { text: '"We will not release anything," declared the CGT & its allies.', source: '« Nous ne lâcherons rien », a déclaré la CGT.' },
      ],
    });
    // The unit marked translate="no" is left out, and so left untouched on export.
    expect(file.units.map((unit) => unit.id)).toEqual(['title/1', 'p1/1', 'p1/2', 'p3/1']);
    expect(file.units.map((unit) => XLIFF_2.slice(unit.stateTag.start, unit.stateTag.end))).toEqual([
      '<segment id="1" state="translated">', '<segment id="1" state="translated">', '<segment id="2" state="initial">', '<segment id="1">',
    ]);
  });

  it('reads XLIFF 1.2: trans-units in groups, no alternative translations, no units without a target', () => {
    const file = readXliff(XLIFF_1);
    expect(file.version).toBe('1.2');
    expect(file.article).toEqual({
      targetLanguage: 'en',
      sourceLanguage: 'fr',
      blocks: [
        { text: 'Strike: the unions call to demonstrate on Thursday', source: 'Grève : les syndicats appellent à manifester jeudi' },
        { text: 'The unions have called to a new day of mobilisation. The government maintains its project.', source: 'Les syndicats ont appelé à une nouvelle journée de mobilisation. Le gouvernement maintient son projet.' },
        { text: 'The demonstration will leave from the place of the Republic at 14 hours.', source: 'La manifestation partira de la place de la République à 14 heures.' },
      ],
    });
    expect(file.units.map((unit) => unit.id)).toEqual(['1', '2', '3']);
    expect(file.units[2]!.inline.map((markup) => [markup.at, XLIFF_1.slice(markup.start, markup.end)])).toEqual([
      [51, '<g id="1" ctype="bold">'], [59, '</g>'],
    ]);
  });

  it('keeps code elements whole as markup and reads <cp> as its character', () => {
    const file = readXliff(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="fr" trgLang="en"><file id="f"><unit id="u">
      <segment><source>a</source><target>Press <ph id="1" dataRef="d1"/> then <sc id="2"/>bold<ec startRef="2"/> and <cp hex="00A0"/>x.</target></segment></unit></file></xliff>`);
    expect(file.article.blocks[0]!.text).toBe('Press  then bold and \u00a0x.');
    expect(file.units[0]!.inline.map((markup) => markup.at)).toEqual([6, 12, 16]);
    const legacy = readXliff(`<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file source-language="fr" target-language="en" original="x" datatype="html"><body>
      <trans-unit id="1"><source>a</source><target>Click <bpt id="1">&lt;b&gt;</bpt>here<ept id="1">&lt;/b&gt;</ept> now.</target></trans-unit></body></file></xliff>`);
    expect(legacy.article.blocks[0]!.text).toBe('Click here now.');
    const target = legacy.units[0]!.inline.map((markup) => markup.at);
    expect(target).toEqual([6, 10]);
  });

  it('reads back what Retouche exports: roles and paragraphs from its metadata, no sources in the same language', () => {
    const exported = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.1" srcLang="en" trgLang="en">
  <file id="f7" original="7-storm.txt">
    <unit id="s1" name="1" xml:space="preserve"><mda:metadata><mda:metaGroup category="retouche"><mda:meta type="role">heading</mda:meta><mda:meta type="paragraph">1</mda:meta></mda:metaGroup></mda:metadata>
      <segment state="translated"><source>Storm warning</source><target>Storm warning</target></segment></unit>
    <unit id="s2" name="2" xml:space="preserve"><mda:metadata><mda:metaGroup category="retouche"><mda:meta type="role">body</mda:meta><mda:meta type="paragraph">2</mda:meta></mda:metaGroup></mda:metadata>
      <segment state="reviewed"><source>It blew hard</source><target>It blew hard.</target></segment></unit>
    <unit id="s3" name="3" xml:space="preserve"><mda:metadata><mda:metaGroup category="retouche"><mda:meta type="role">body</mda:meta><mda:meta type="paragraph">2</mda:meta></mda:metaGroup></mda:metadata>
      <segment state="translated"><source>Trees fell</source><target>Trees fell.</target></segment></unit>
  </file>
</xliff>`;
    expect(readXliff(exported).article).toEqual({
      targetLanguage: 'en',
      blocks: [{ text: 'Storm warning', role: 'heading' }, { text: 'It blew hard.', role: 'body' }, { text: 'Trees fell.', role: 'body', joinsPrevious: true }],
    });
  });

  it.each([
    ['a DTD with an external entity', '<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd">]><xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"/>', 'unsafe', /declares a DTD/],
    ['a DTD of entities that expand a billion times', '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><xliff/>', 'unsafe', /DTD/],
    ['an entity no DTD declares', '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0">&nbsp;</xliff>', 'corrupt', /not well-formed XML \(.*undefined entity/],
    ['XML that does not parse', '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"><file>', 'corrupt', /not well-formed XML/],
    ['text that is not XML', 'Hello, this is not XML at all.', 'corrupt', /not well-formed XML|no XML element/],
    ['XML that is not XLIFF', '<?xml version="1.0"?><html><body/></html>', 'wrong-type', /not XLIFF: its root element is <html>/],
    ['XLIFF 1.1', '<xliff version="1.1" xmlns="urn:oasis:names:tc:xliff:document:1.1"/>', 'wrong-type', /Retouche reads XLIFF 1\.2 and 2\.x/],
    ['another encoding', '<?xml version="1.0" encoding="ISO-8859-1"?><xliff/>', 'wrong-type', /encoded as ISO-8859-1/],
    ['no translated unit', '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="fr" trgLang="en"><file id="f"><unit id="u"><segment><source>Bonjour</source></segment></unit><unit id="v"><segment><source>Oui</source><target/></segment></unit></file></xliff>', 'empty', /no translated unit/],
  ])('refuses %s', async (_name, xml, problem, message) => {
    expect(await refusal(() => readXliff(xml))).toMatchObject({ problem, message: expect.stringMatching(message) });
  });
});

describe('writeXliff', () => {
  it('gives back the very same file when nothing changed', () => {
    for (const text of [XLIFF_1, XLIFF_2, `\uFEFF${XLIFF_2.replace(/\n/g, '\r\n')}`]) {
      const file = readXliff(text);
      expect(writeXliff(text, file, file.units.map(() => undefined))).toBe(text);
      expect(writeXliff(text, file, file.units.map(() => ({})))).toBe(text);
    }
  });

  it('XLIFF 2: writes corrected targets with their tags, final for approved and reviewed for edited segments, nothing else', () => {
    const text = `\uFEFF${XLIFF_2.replace(/\n/g, '\r\n')}`;
    const file = readXliff(text);
    const written = writeXliff(text, file, [
      { review: 'approved' },
      { target: 'The unions have called for a new day of strikes on Thursday.', review: 'edited' },
      { target: 'The government wants to pass the reform before summer <now> & "then".', review: 'approved' },
      { target: 'Bell\u0007 "We will not give up," said the CGT.' },
    ]);
    expect(written).toBe(replaceEach(text, [
      ['<segment id="1" state="translated">\r\n        <source>Réforme', '<segment id="1" state="final">\r\n        <source>Réforme'],
      ['<segment id="1" state="translated">\r\n        <source>Les', '<segment id="1" state="reviewed">\r\n        <source>Les'],
      ['The unions have called to a new day of strikes on Thursday.</target>', 'The unions have called for a new day of strikes on Thursday.</target>'],
      ['<segment id="2" state="initial">', '<segment id="2" state="final">'],
      ['<target>The government wants to adopt the reform <pc id="b1" dataRefStart="d1">before the summer</pc>.</target>',
        '<target>The government wants to pass the reform <pc id="b1" dataRefStart="d1">before summer &lt;now&gt; &amp; "then"</pc>.</target>'],
      ['<target>"We will not release anything," declared the CGT &amp; its allies.</target>', '<target>Bell<cp hex="0007"/> "We will not give up," said the CGT.</target>'],
    ]));
  });

  it('XLIFF 1.2: approved="yes" on approved units, corrected targets keep their <g> tags, states as they were', () => {
    const file = readXliff(XLIFF_1);
    const written = writeXliff(XLIFF_1, file, [
      undefined,
      { review: 'approved' },
      { target: 'The march will leave from Place de la République at 2 pm.\u0001', review: 'approved' },
    ]);
    expect(written).toBe(replaceEach(XLIFF_1, [
      ['<trans-unit id="2">', '<trans-unit id="2" approved="yes">'],
      ['<trans-unit id="3" approved="no">', '<trans-unit id="3" approved="yes">'],
      ['The demonstration will leave from the place of the <g id="1" ctype="bold">Republic</g> at 14 hours.',
        'The march will leave from Place de la <g id="1" ctype="bold">République</g> at 2 pm.\ufffd'],
    ]));
  });
});
