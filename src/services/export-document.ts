import type { Storage } from '../storage/types.js';
import type { DocumentWithText, SegmentRecord } from '../model.js';
import type { Analyzer } from './document-analysis.js';
import { getDocumentWithText } from './documents.js';
import { formatReportCsv } from './export-csv.js';
import { formatJson } from './export-json.js';
import { formatMarkdown } from './export-markdown.js';
import { formatPatch } from './export-patch.js';
import { formatMachineTranslationText, formatText } from './export-text.js';
import { formatXliff } from './export-xliff.js';
import { fillXliffFile } from './export-xliff-file.js';
import { outlineArticle } from './export-outline.js';
import { writeDocx } from '../formats/write-docx.js';
import { writeHtml } from '../formats/write-html.js';
import { getSegmentSources } from './attach-source.js';
import { buildPostEditingReport } from './post-editing-report.js';

/** Every download format, in the order the export menu lists them. */
export const EXPORT_FORMATS = ['txt', 'md', 'docx', 'html', 'json', 'patch', 'xliff', 'csv'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The formats whose download is bytes rather than text. */
type BinaryFormat = 'docx';

/** The formats whose download comes as pieces of text, to send as they are made (see export-json.ts). */
type StreamedFormat = 'json';

export interface ExportFile<F extends ExportFormat = ExportFormat> {
  fileName: string;
  contentType: string;
  /** Text, the bytes of a binary format (docx), or the pieces of a streamed one (json). */
  body: F extends BinaryFormat ? Buffer : F extends StreamedFormat ? AsyncIterable<string> : string;
}

export interface ExportOptions {
  /**
   * Keep the segments whose status is "excluded" (page noise, dropped sentences) in txt, md, docx,
   * html, patch and the JSON's `text`. XLIFF and the CSV report always list every sentence, with its status.
   */
  includeExcluded?: boolean;
}

// File name suffix and media type per format. text/markdown is RFC 7763, application/xliff+xml
// is registered with IANA for XLIFF, text/x-diff is what browsers and mail tools use for patches.
const FILE_TYPES: Record<ExportFormat, { suffix: string; contentType: string }> = {
  txt: { suffix: '.txt', contentType: 'text/plain; charset=utf-8' },
  md: { suffix: '.md', contentType: 'text/markdown; charset=utf-8' },
  docx: { suffix: '.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  html: { suffix: '.html', contentType: 'text/html; charset=utf-8' },
  json: { suffix: '.json', contentType: 'application/json; charset=utf-8' },
  patch: { suffix: '.patch', contentType: 'text/x-diff; charset=utf-8' },
  xliff: { suffix: '.xlf', contentType: 'application/xliff+xml; charset=utf-8' },
  csv: { suffix: '-report.csv', contentType: 'text/csv; charset=utf-8; header=present' },
};

/** Whether a query value names an export format. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * The document as a download:
 * - txt: the corrected article as plain text, paragraphs kept;
 * - md: the same as Markdown, with the title and headings;
 * - docx: the same as a Word file (title, headings, captions, paragraphs in Word's own styles);
 * - html: the same as an HTML fragment for a CMS, every text escaped;
 * - json: every sentence with its flags and full history, sent in pieces as it is written;
 * - patch: a unified diff from the machine translation to the corrected text;
 * - xliff: the XLIFF file the article was imported from with the corrections written in, or else
 *   XLIFF 2.1, one unit per sentence, MT as source and correction as target;
 * - csv: the post-editing report, one row per sentence.
 */
export async function exportDocument<F extends ExportFormat>(
  storage: Storage, analyzer: Analyzer, documentId: number, format: F, options: ExportOptions = {},
): Promise<ExportFile<F>> {
  const { document, segments } = await getDocumentWithText(storage, documentId);
  const baseName = fileNameFor(document.title, document.id);
  const { suffix, contentType } = FILE_TYPES[format];
  const body = await formatBody(storage, analyzer, document, segments, format, options, baseName);
  // Each variant its own name, so a download never replaces another in the editor's folder.
  const variant = options.includeExcluded && WITH_EXCLUDED_FORMATS.has(format) ? '.with-excluded' : '';
  return { fileName: `${baseName}${variant}${suffix}`, contentType, body: endWithNewline(body) as ExportFile<F>['body'] };
}

/** The formats whose content `includeExcluded` changes. */
const WITH_EXCLUDED_FORMATS = new Set<ExportFormat>(['txt', 'md', 'docx', 'html', 'json', 'patch']);

/**
 * A text file ends with a line end, as POSIX tools and diffs expect (a streamed one writes its
 * own). Not the XLIFF file an article came from, written back byte for byte but for its targets:
 * it ends as it came.
 */
function endWithNewline(body: string | Buffer | AsyncIterable<string> | KeptFile): string | Buffer | AsyncIterable<string> {
  if (body instanceof KeptFile) return body.content;
  return typeof body === 'string' && !body.endsWith('\n') ? `${body}\n` : body;
}

/** The imported file with the corrections written in, which is not to be touched further. */
class KeptFile {
  constructor(readonly content: string) {}
}

async function formatBody(
  storage: Storage, analyzer: Analyzer, document: DocumentWithText, segments: SegmentRecord[], format: ExportFormat,
  options: ExportOptions, baseName: string,
): Promise<string | Buffer | AsyncIterable<string> | KeptFile> {
  switch (format) {
    case 'txt': return formatText(document, segments, options);
    case 'md': return formatMarkdown(document, segments, options);
    case 'docx': return writeDocx(outlineArticle(document, segments, options));
    case 'html': return writeHtml(outlineArticle(document, segments, options));
    case 'json': return formatJson(storage, analyzer, document, formatText(document, segments, options));
    // Between the two texts as their .txt files hold them, final newline included: the patch applies to the files.
    case 'patch': return formatPatch(baseName, `${formatMachineTranslationText(document, segments, options)}\n`, `${formatText(document, segments, options)}\n`);
    case 'xliff': {
      // An article that came as XLIFF goes back into its own file, for the tool that sent it.
      const kept = await storage.documents.getImportedFile(document.id);
      if (kept?.format === 'xliff') return new KeptFile(fillXliffFile(document, segments, kept.content));
      return formatXliff(document, segments, baseName, await getSegmentSources(storage, document.id));
    }
    case 'csv': return formatReportCsv(await buildPostEditingReport(storage, document.id));
  }
}

/** A safe download name from the title: letters, digits and dashes only, accents dropped ("Élysée" -> "elysee"). */
function fileNameFor(title: string, id: number): string {
  const slug = title.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60).toLowerCase();
  return slug === '' ? `document-${id}` : `${id}-${slug}`;
}
