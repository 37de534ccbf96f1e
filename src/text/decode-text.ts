/** Turning uploaded bytes or pasted text into the plain text an article is imported from. */

/** Control characters other than tab, line feed, form feed and carriage return mark binary data. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

export type DecodedText =
  | { ok: true; text: string }
  | { ok: false; problem: 'binary' | 'not-utf8'; message: string };

/**
 * Decode an uploaded file as UTF-8, refusing binary data and other encodings instead of
 * guessing: a Latin-1 file decoded as UTF-8 would silently turn "é" into "�" in every sentence.
 */
export function decodeUtf8Text(bytes: Uint8Array): DecodedText {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (bytes.includes(0)) return binary();
    const offset = findInvalidUtf8(bytes);
    return {
      ok: false,
      problem: 'not-utf8',
      message: `The file is not UTF-8 text (byte 0x${(bytes[offset] ?? 0).toString(16).toUpperCase()} at position ${offset} `
        + 'is not valid UTF-8). Save it as UTF-8 and import it again.',
    };
  }
  return findBinaryProblem(text) ?? { ok: true, text: normalizeText(text) };
}

/** Check pasted text the same way a decoded file is checked, and normalise it. */
export function checkPastedText(text: string): DecodedText {
  if (!text.isWellFormed()) {
    return { ok: false, problem: 'not-utf8', message: 'The text holds a broken character (an unpaired UTF-16 surrogate) that UTF-8 cannot store. Remove it and import again.' };
  }
  return findBinaryProblem(text) ?? { ok: true, text: normalizeText(text) };
}

/** Drop a byte-order mark and turn CRLF and lone CR line ends into LF, so offsets mean the same everywhere. */
export function normalizeText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.replace(/\r\n?/g, '\n');
}

function findBinaryProblem(text: string): DecodedText | undefined {
  return CONTROL_CHARACTER.test(text) ? binary() : undefined;
}

function binary(): DecodedText {
  return {
    ok: false,
    problem: 'binary',
    message: 'This looks like binary data, not text (it contains control characters). Import a plain-text (.txt) file.',
  };
}

/** Index of the first byte that starts an invalid UTF-8 sequence, for the error message. */
function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3
      : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}
