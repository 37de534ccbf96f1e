/**
 * XLIFF 1.2 and 2.x as an article: each translated unit (1.2 `<trans-unit>`) or segment (2.x
 * `<segment>`) is a block, its target the text to review and its source the original. The reader
 * also notes where each target and state sits in the file, so the export can write corrections
 * into a copy of the very file that came in (write-xliff.ts).
 *
 * Parsed by saxes, a strict XML parser that expands nothing but the five predefined entities and
 * character references. A file that declares a DTD is refused before anything in it is used.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { SegmentRole } from '../model.js';
import type { Article, ArticleBlock } from './article.js';
import { FormatError } from './format-error.js';

export const XLIFF_1_NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.2';
export const XLIFF_2_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';
const METADATA_NAMESPACE = 'urn:oasis:names:tc:xliff:metadata:2.0';

export type XliffVersion = '1.2' | '2';

/** A half-open range of UTF-16 offsets into the file's text. */
export interface FileRange {
  start: number;
  end: number;
}

/**
 * Inline markup inside a target (`<g>`, `<pc>`, `<x/>`, a `<ph>` with its native code): where it
 * stands in the file, and at which offset of the target's text.
 */
export interface InlineMarkup extends FileRange {
  at: number;
}

/** Where one imported unit or segment lives in the file. */
export interface XliffUnit {
  /** The unit id; in 2.x with the segment's after a slash ("p1/2"). */
  id: string;
  /** What lies between `<target ...>` and `</target>`. */
  targetContent: FileRange;
  /** The target's inline markup in order, for a corrected target to keep its tags. */
  inline: InlineMarkup[];
  /** The start tag that holds the unit's state: 2.x `<segment ...>`, 1.2 `<trans-unit ...>`. */
  stateTag: FileRange;
}

export interface XliffFile {
  version: XliffVersion;
  article: Article;
  /** One per block of `article`, in the same order. */
  units: XliffUnit[];
}

// Inline elements whose content is markup of the original format, not text ("<b>" in a <ph>).
const CODE_ELEMENTS = new Set(['ph', 'bpt', 'ept', 'it', 'sub', 'sc', 'ec', 'sm', 'em', 'originalData']);
const ROLES = new Set<SegmentRole>(['body', 'heading', 'caption', 'photo-caption', 'credit', 'separator', 'section-label', 'teaser', 'tag']);

interface Capture {
  kind: 'source' | 'target';
  text: string;
  /** Open elements inside the source or target, each marked when its content is code. */
  open: boolean[];
  contentStart: number;
  /** Where the outermost code element being read started in the file. */
  codeStart: number;
  inline: InlineMarkup[];
}

interface OpenUnit {
  id: string;
  translate: boolean;
  stateTag: FileRange;
  /** 2.x: the segment being read, with its own state tag. */
  segmentId: string | null;
  source: string | null;
  target: { text: string; content: FileRange; inline: InlineMarkup[] } | null;
  role: SegmentRole | undefined;
  paragraph: string | undefined;
  segments: number;
}

/**
 * Read an XLIFF file (its whole text, as decoded from UTF-8). Units marked translate="no" and units
 * without a target are left out, and stay in the file untouched on export. Throws a FormatError for
 * XML that does not parse, a DTD or entity declarations, XML that is not XLIFF 1.2 or 2.x, and a
 * file with no translated unit.
 */
export function readXliff(text: string): XliffFile {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const blocks: ArticleBlock[] = [];
  const units: XliffUnit[] = [];
  let version: XliffVersion | undefined;
  let sourceLanguage: string | undefined;
  let targetLanguage: string | undefined;
  // translate="no" on a file, group or unit covers everything inside it.
  const translating: boolean[] = [true];
  let unit: OpenUnit | null = null;
  let capture: Capture | null = null;
  let metaType: string | null = null;
  let metaText = '';
  let lastParagraph: string | undefined;
  // The elements open around the parser outside sources and targets.
  const open: SaxesTagNS[] = [];

  const tagStart = (end: number): number => text.lastIndexOf('<', end - 1);
  const finishSegment = (): void => {
    if (!unit || !unit.target || unit.target.text.trim() === '' || !unit.translate) return;
    const joinsPrevious = unit.segments > 0 || (unit.paragraph !== undefined && unit.paragraph === lastParagraph && blocks.length > 0);
    blocks.push({
      text: unit.target.text,
      ...(unit.role && { role: unit.role }),
      ...(unit.source !== null && { source: unit.source }),
      ...(joinsPrevious && { joinsPrevious }),
    });
    units.push({
      id: unit.segmentId === null ? unit.id : `${unit.id}/${unit.segmentId}`,
      targetContent: unit.target.content,
      inline: unit.target.inline,
      stateTag: unit.stateTag,
    });
    unit.segments++;
    lastParagraph = unit.paragraph;
  };

  parser.on('doctype', () => {
    throw new FormatError('unsafe', 'The XLIFF file declares a DTD (<!DOCTYPE>), which Retouche never reads: external entities and entity expansion are refused. Remove the declaration and import again.');
  });
  parser.on('xmldecl', (declaration) => {
    if (declaration.encoding !== undefined && !/^utf-?8$/i.test(declaration.encoding)) {
      throw new FormatError('wrong-type', `The XLIFF file is encoded as ${declaration.encoding}; Retouche reads UTF-8. Save it as UTF-8 and import again.`);
    }
  });
  parser.on('error', (error) => {
    throw new FormatError('corrupt', `The XLIFF file is not well-formed XML (${error.message}).`);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const end = parser.position;
    if (capture) {
      readInlineStart(capture, tag, tagStart(end), end);
      return;
    }
    const parent = open.at(-1);
    open.push(tag);
    if (version === undefined) {
      version = readVersion(tag);
      ({ sourceLanguage, targetLanguage } = version === '2'
        ? { sourceLanguage: attribute(tag, 'srcLang'), targetLanguage: attribute(tag, 'trgLang') }
        : { sourceLanguage: undefined, targetLanguage: undefined });
      return;
    }
    const core = tag.uri === (version === '2' ? XLIFF_2_NAMESPACE : XLIFF_1_NAMESPACE);
    if (core && version === '1.2' && tag.local === 'file') {
      sourceLanguage ??= attribute(tag, 'source-language');
      targetLanguage ??= attribute(tag, 'target-language');
    }
    if (core && ['file', 'group', 'unit', 'trans-unit'].includes(tag.local)) {
      translating.push(translating.at(-1)! && attribute(tag, 'translate') !== 'no');
    }
    if (core && (tag.local === 'trans-unit' || tag.local === 'unit')) {
      unit = {
        id: attribute(tag, 'id') ?? '', translate: translating.at(-1)!, stateTag: { start: tagStart(end), end },
        segmentId: null, source: null, target: null, role: undefined, paragraph: undefined, segments: 0,
      };
    } else if (core && unit && tag.local === 'segment' && version === '2') {
      unit.segmentId = attribute(tag, 'id') ?? String(unit.segments + 1);
      unit.stateTag = { start: tagStart(end), end };
      unit.source = null;
      unit.target = null;
    } else if (core && unit && (tag.local === 'source' || tag.local === 'target') && isUnitText(parent, version)) {
      if (tag.isSelfClosing) {
        if (tag.local === 'target') unit.target = { text: '', content: { start: end, end }, inline: [] };
        else unit.source = '';
      } else {
        capture = { kind: tag.local, text: '', open: [], contentStart: end, codeStart: -1, inline: [] };
      }
    } else if (unit && tag.uri === METADATA_NAMESPACE && tag.local === 'meta') {
      metaType = attribute(tag, 'type') ?? null;
      metaText = '';
    }
  });
  parser.on('text', (data) => {
    if (capture && !(capture.open.at(-1) ?? false)) capture.text += data;
    else if (metaType !== null) metaText += data;
  });
  parser.on('cdata', (data) => {
    if (capture && !(capture.open.at(-1) ?? false)) capture.text += data;
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    const end = parser.position;
    if (capture) {
      // A self-closing element was read whole when it opened.
      if (tag.isSelfClosing) return;
      if (capture.open.length > 0) {
        readInlineEnd(capture, tag, tagStart(end), end);
        return;
      }
      open.pop();
      if (capture.kind === 'source') unit!.source = capture.text;
      else unit!.target = { text: capture.text, content: { start: capture.contentStart, end: tagStart(end) }, inline: capture.inline };
      capture = null;
      return;
    }
    open.pop();
    const core = tag.uri === (version === '2' ? XLIFF_2_NAMESPACE : XLIFF_1_NAMESPACE);
    if (metaType !== null && tag.uri === METADATA_NAMESPACE && tag.local === 'meta') {
      readRetoucheMeta(unit, metaType, metaText.trim());
      metaType = null;
    } else if (core && unit && ((version === '2' && tag.local === 'segment') || tag.local === 'trans-unit')) {
      finishSegment();
      if (tag.local === 'trans-unit') unit = null;
    } else if (core && tag.local === 'unit') {
      unit = null;
    }
    if (core && ['file', 'group', 'unit', 'trans-unit'].includes(tag.local)) translating.pop();
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw new FormatError('corrupt', `The XLIFF file is not well-formed XML (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (version === undefined) throw new FormatError('corrupt', 'The XLIFF file holds no XML element.');
  if (blocks.length === 0) throw new FormatError('empty', 'The XLIFF file has no translated unit: every <target> is missing or empty, or marked translate="no".');
  return { version, article: describeArticle(blocks, sourceLanguage, targetLanguage), units };
}

// Text of inline elements (<g>, <mrk>, <pc>) is text; their tags are markup anchored where they
// stand in the text; a code element (<ph>, <bpt>...) is markup whole, content included; <cp> is
// the character it names.
function readInlineStart(capture: Capture, tag: SaxesTagNS, start: number, end: number): void {
  const inCode = capture.open.at(-1) ?? false;
  const code = inCode || CODE_ELEMENTS.has(tag.local);
  if (!inCode) {
    if (tag.local === 'cp') capture.text += readCodePoint(tag);
    else if (!code || tag.isSelfClosing) capture.inline.push({ at: capture.text.length, start, end });
    else capture.codeStart = start;
  }
  if (!tag.isSelfClosing) capture.open.push(code);
}

function readInlineEnd(capture: Capture, tag: SaxesTagNS, start: number, end: number): void {
  const code = capture.open.pop()!;
  if ((capture.open.at(-1) ?? false) || tag.local === 'cp') return;
  capture.inline.push(code ? { at: capture.text.length, start: capture.codeStart, end } : { at: capture.text.length, start, end });
}

function readVersion(tag: SaxesTagNS): XliffVersion {
  const version = attribute(tag, 'version') ?? '';
  if (tag.local === 'xliff' && tag.uri === XLIFF_1_NAMESPACE && version === '1.2') return '1.2';
  if (tag.local === 'xliff' && tag.uri === XLIFF_2_NAMESPACE && /^2\.\d$/.test(version)) return '2';
  if (tag.local === 'xliff') {
    throw new FormatError('wrong-type', `This is XLIFF ${version || 'of no version'} in namespace "${tag.uri}"; Retouche reads XLIFF 1.2 and 2.x.`);
  }
  throw new FormatError('wrong-type', `This is XML, but not XLIFF: its root element is <${tag.name}>.`);
}

// Sources and targets of a translation candidate (2.x <mtc:match>, 1.2 <alt-trans>) are not the unit's.
function isUnitText(parent: SaxesTagNS | undefined, version: XliffVersion): boolean {
  if (!parent) return false;
  return version === '2' ? parent.local === 'segment' && parent.uri === XLIFF_2_NAMESPACE : parent.local === 'trans-unit' && parent.uri === XLIFF_1_NAMESPACE;
}

// Retouche's own XLIFF export keeps each sentence's role and paragraph in a metadata group.
function readRetoucheMeta(unit: OpenUnit | null, type: string, value: string): void {
  if (!unit) return;
  if (type === 'role' && ROLES.has(value as SegmentRole)) unit.role = value as SegmentRole;
  if (type === 'paragraph') unit.paragraph = value;
}

// The sources are attached as the original article only when they are in another language:
// a file whose sources share the target language (a post-editing file, Retouche's own export
// without a source) carries an earlier version of the translation, not the original.
function describeArticle(blocks: ArticleBlock[], sourceLanguage: string | undefined, targetLanguage: string | undefined): Article {
  const source = primaryLanguage(sourceLanguage);
  const target = primaryLanguage(targetLanguage);
  const sameLanguage = source !== undefined && source === target;
  return {
    blocks: sameLanguage ? blocks.map(({ source: _source, ...block }) => block) : blocks,
    ...(target && { targetLanguage: target }),
    ...(source && !sameLanguage && { sourceLanguage: source }),
  };
}

function primaryLanguage(tag: string | undefined): string | undefined {
  return /^([a-z]{2,3})(?:[-_]|$)/i.exec(tag ?? '')?.[1]?.toLowerCase();
}

function attribute(tag: SaxesTagNS, local: string): string | undefined {
  for (const attribute of Object.values(tag.attributes)) {
    if (attribute.local === local && attribute.uri === '') return attribute.value;
  }
  return undefined;
}

function readCodePoint(tag: SaxesTagNS): string {
  const code = Number.parseInt(attribute(tag, 'hex') ?? '', 16);
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}
