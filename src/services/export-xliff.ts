import { escapeAttribute, escapeContent, escapePlain } from '../formats/xml-escape.js';
import type { DocumentRecord, SegmentRecord, SegmentStatus } from '../model.js';

/**
 * XLIFF 2.1 (OASIS, 2018), the exchange format of translation tools. Version 2.1 keeps the 2.0
 * core namespace, and says which version it is in `version`.
 *
 * What `<source>` holds depends on whether the editor attached the original article:
 * - With a source text, `<source>` is the aligned original sentence(s) with `srcLang` the source
 *   language, `<target>` the corrected text, and the machine translation goes in a unit note
 *   (category "machine-translation"), so nothing Retouche holds is lost.
 * - Without one, `<source>` is the machine translation and `srcLang` equals `trgLang`. This is what
 *   post-editing tools exchange (the MT is what the editor worked from), it is valid XLIFF
 *   (nothing requires the languages to differ), and a tool that compares source and target shows
 *   exactly the editor's corrections.
 *
 * Statuses map onto the four core states, which XLIFF orders initial < translated < reviewed < final:
 * - to-review -> `translated`: the target holds a complete translation (the MT) nobody checked yet;
 *   `initial` would tell tools the segment still needs translating.
 * - edited -> `reviewed`: an editor read and corrected it, but did not approve it.
 * - approved -> `final`: ready to publish.
 * - excluded -> `translated` or `reviewed` (whether it was edited), and the unit gets
 *   `translate="no"`: page furniture such as photo credits is not for translation.
 * The exact Retouche status also goes in `subState` ("retouche:edited"), and role, status and
 * paragraph in a Metadata module group, so a round trip loses nothing.
 */
export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';
export const METADATA_NAMESPACE = 'urn:oasis:names:tc:xliff:metadata:2.0';

const STATES: Record<Exclude<SegmentStatus, 'excluded'>, string> = {
  'to-review': 'translated',
  edited: 'reviewed',
  approved: 'final',
};

/**
 * The document as an XLIFF 2.1 file with one `<unit>` per sentence, excluded ones included (and
 * marked), so each unit id `s<sentence id>` can be matched back to Retouche.
 *
 * @param baseName The download name without extension, used as the file's `original`.
 */
export function formatXliff(
  document: DocumentRecord, segments: readonly SegmentRecord[], baseName: string, sources: ReadonlyMap<number, { text: string }> = new Map(),
): string {
  const language = escapeAttribute(document.targetLanguage);
  const withSource = document.sourceLanguage !== null && sources.size > 0;
  const sourceLanguage = withSource ? escapeAttribute(document.sourceLanguage!) : language;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NAMESPACE}" xmlns:mda="${METADATA_NAMESPACE}" version="2.1" srcLang="${sourceLanguage}" trgLang="${language}">`,
    `  <file id="f${document.id}" original="${escapeAttribute(`${baseName}.txt`)}">`,
    '    <notes>',
    `      <note category="title">${escapePlain(document.title)}</note>`,
    withSource
      ? '      <note category="retouche">Source is the original article, target the corrected text; each unit notes the machine translation.</note>'
      : '      <note category="retouche">Source is the machine translation, target the corrected text; both are in the target language.</note>',
    '    </notes>',
  ];
  for (const segment of segments) lines.push(...formatUnit(segment, withSource ? sources.get(segment.id)?.text ?? '' : null));
  lines.push('  </file>', '</xliff>', '');
  return lines.join('\n');
}

function formatUnit(segment: SegmentRecord, source: string | null): string[] {
  const excluded = segment.status === 'excluded';
  const state = segment.status === 'excluded' ? (segment.text === segment.original ? 'translated' : 'reviewed') : STATES[segment.status];
  return [
    `    <unit id="s${segment.id}" name="${segment.position + 1}"${excluded ? ' translate="no"' : ''} xml:space="preserve">`,
    '      <mda:metadata>',
    '        <mda:metaGroup category="retouche">',
    `          <mda:meta type="role">${escapePlain(segment.role)}</mda:meta>`,
    `          <mda:meta type="status">${segment.status}</mda:meta>`,
    `          <mda:meta type="paragraph">${segment.paragraph + 1}</mda:meta>`,
    `          <mda:meta type="revision">${segment.revision}</mda:meta>`,
    '        </mda:metaGroup>',
    '      </mda:metadata>',
    ...(source === null ? [] : [
      '      <notes>',
      `        <note category="machine-translation">${escapePlain(segment.original)}</note>`,
      '      </notes>',
    ]),
    `      <segment state="${state}" subState="retouche:${segment.status}">`,
    `        <source>${escapeContent(source ?? segment.original)}</source>`,
    `        <target>${escapeContent(segment.text)}</target>`,
    '      </segment>',
    '    </unit>',
  ];
}
