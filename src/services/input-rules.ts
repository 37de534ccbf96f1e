/**
 * The rules every text sent to Retouche follows, whichever way it comes in: JSON bodies, forms,
 * uploaded files, query strings, the command line. The web layer checks the characters of every
 * field of every request with them; the use cases check each field they keep with its rule.
 */
import { ServiceError } from './errors.js';
import {
  MAX_ARTICLE_BYTES, MAX_COMMENT_LENGTH, MAX_FIND_LENGTH, MAX_SENTENCE_LENGTH, MAX_TITLE_LENGTH, MAX_TOKEN_LABEL_LENGTH,
} from './limits.js';

/** What one kind of field may hold. */
export interface TextRule {
  /** What the field holds, for messages: "the title". */
  what: string;
  /** Whether it may hold line breaks (kept as LF) or is one line. */
  lines: 'many' | 'one';
  /** The longest accepted, in UTF-16 units ("characters") or, for whole articles, UTF-8 bytes. */
  maxLength: number;
  unit: 'characters' | 'bytes';
}

export const TEXT_RULES = {
  article: { what: 'the article', lines: 'many', maxLength: MAX_ARTICLE_BYTES, unit: 'bytes' },
  source: { what: 'the source', lines: 'many', maxLength: MAX_ARTICLE_BYTES, unit: 'bytes' },
  title: { what: 'the title', lines: 'one', maxLength: MAX_TITLE_LENGTH, unit: 'characters' },
  sentence: { what: 'the sentence', lines: 'many', maxLength: MAX_SENTENCE_LENGTH, unit: 'characters' },
  comment: { what: 'the comment', lines: 'many', maxLength: MAX_COMMENT_LENGTH, unit: 'characters' },
  find: { what: 'the text to find', lines: 'many', maxLength: MAX_FIND_LENGTH, unit: 'characters' },
  replace: { what: 'the replacement', lines: 'many', maxLength: MAX_FIND_LENGTH, unit: 'characters' },
  tokenLabel: { what: 'the label', lines: 'one', maxLength: MAX_TOKEN_LABEL_LENGTH, unit: 'characters' },
  rulePhrase: { what: 'the phrase', lines: 'one', maxLength: MAX_FIND_LENGTH, unit: 'characters' },
  ruleReplacement: { what: 'the replacement', lines: 'one', maxLength: MAX_FIND_LENGTH, unit: 'characters' },
  ruleNote: { what: 'the note', lines: 'one', maxLength: MAX_COMMENT_LENGTH, unit: 'characters' },
} as const satisfies Record<string, TextRule>;

/**
 * Characters no text may hold: NUL (PostgreSQL cannot store it), the other C0 controls but tab,
 * line feed and carriage return (line ends are normalised to LF), DEL, unpaired UTF-16 surrogates
 * (UTF-8 cannot encode them: SQLite would store U+FFFD and the offsets and patches computed on
 * the text would no longer match it), and the 66 Unicode non-characters (U+FDD0–U+FDEF and the
 * last two code points of every plane), which are for a program's internal use, never text.
 */
const FORBIDDEN_CHARACTER = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\uD800-\\uDFFF\\uFDD0-\\uFDEF${
  Array.from({ length: 17 }, (_, plane) => `\\u{${(plane * 0x10000 + 0xfffe).toString(16)}}\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`).join('')}]`, 'u');
/** Whitespace and characters that show nothing (zero-width spaces and joiners, bidi marks, fillers). */
const INVISIBLE_ONLY = /^[\s\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\uFE00-\uFE0F]*$/u;
const LINE_BREAK = /[\n\r\u2028\u2029\u0085]/;

/** Why `text` cannot be taken in whatever field it is in, as a phrase; null when its characters are fine. */
export function findForbiddenCharacter(text: string): string | null {
  const match = FORBIDDEN_CHARACTER.exec(text);
  if (!match) return null;
  const code = match[0].codePointAt(0)!;
  const at = `at character ${match.index + 1}`;
  if (code === 0) return `holds a NUL character (U+0000) ${at}`;
  if (code < 0x80) return `holds the control character ${formatCodePoint(code)} ${at}`;
  if (code >= 0xd800 && code <= 0xdfff) return `holds a broken character (an unpaired UTF-16 surrogate, ${formatCodePoint(code)}) ${at}`;
  return `holds the non-character ${formatCodePoint(code)} ${at}`;
}

/** How a text breaks its rule: which rule, and why in words ("the title holds a line break..."). */
export interface TextProblem {
  kind: 'character' | 'line-break' | 'length' | 'invisible';
  message: string;
}

/** How `text` breaks `rule`; null when it follows it. The text is taken with LF line ends. */
export function findTextProblem(text: string, rule: TextRule): TextProblem | null {
  const forbidden = findForbiddenCharacter(text);
  if (forbidden) return { kind: 'character', message: `${rule.what} ${forbidden}, which cannot be stored` };
  if (rule.lines === 'one' && LINE_BREAK.test(text)) return { kind: 'line-break', message: `${rule.what} holds a line break; it must be one line` };
  const length = rule.unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
  if (length > rule.maxLength) {
    return { kind: 'length', message: `${rule.what} is ${formatSize(length, rule.unit)} long; the limit is ${formatSize(rule.maxLength, rule.unit)}` };
  }
  if (text.trim() !== '' && INVISIBLE_ONLY.test(text)) {
    return { kind: 'invisible', message: `${rule.what} holds only invisible characters (such as zero-width spaces)` };
  }
  return null;
}

/**
 * A text field under its rule, with line ends as LF; absent (undefined, JSON null) gives
 * undefined. Anything else is a 400 that names the field and says why (413 for an article over
 * the upload limit).
 */
export function readTextField(value: unknown, field: string, rule: TextRule): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ServiceError('invalid-input', `"${field}" must be a string.`);
  const text = normalizeLineEnds(value);
  const problem = findTextProblem(text, rule);
  if (problem) throw refuseField(field, problem, rule);
  return text;
}

/** The refusal of a field that breaks its rule. */
export function refuseField(field: string, problem: TextProblem, rule: TextRule): ServiceError {
  const code = problem.kind === 'length' && rule.unit === 'bytes' ? 'too-large' : 'invalid-input';
  return new ServiceError(code, `"${field}": ${capitalize(problem.message)}.`);
}

/**
 * A title made from other text (a file name, the first sentence): whitespace runs and line breaks
 * as one space, forbidden characters left out, cut with an ellipsis at `maxLength`.
 */
export function fitOneLine(text: string, maxLength: number): string {
  const line = text.replace(new RegExp(FORBIDDEN_CHARACTER.source, 'gu'), '').replace(/\s+/g, ' ').trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}

/** Decode bytes as UTF-8, refusing what is not: the offset of the first byte that is not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; offset: number } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { ok: false, offset: findInvalidUtf8(bytes) };
  }
}

/** Drop a byte-order mark and turn CRLF and lone CR line ends into LF, so offsets mean the same everywhere. */
export function normalizeLineEnds(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}

/** "U+001B" */
function formatCodePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function formatSize(size: number, unit: TextRule['unit']): string {
  return unit === 'bytes' ? `${(size / (1024 * 1024)).toFixed(1)} MB` : `${size.toLocaleString('en')} characters`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Index of the first byte that starts an invalid UTF-8 sequence, for the error message. */
function findInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3
      : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      decoder.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}
