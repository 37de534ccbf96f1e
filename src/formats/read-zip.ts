/**
 * Unpack a zip archive (a .docx is one) within bounds: a 2 MB upload can hold gigabytes once
 * inflated (a zip bomb), so entries are inflated a slice at a time and the count stops at the limit,
 * whatever sizes the archive declares.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { FormatError } from './format-error.js';

export interface ZipLimits {
  /** Most entries accepted; a Word file has a few dozen. */
  maxEntries: number;
  /** Most bytes accepted once every entry is inflated. */
  maxBytes: number;
}

// Compressed bytes handed to the inflater at a time: what one step can inflate is bounded by this
// times deflate's best ratio (1032), 16 MB, so the count is checked before memory runs away.
const SLICE_BYTES = 16 * 1024;
const LOCAL_FILE_HEADER = [0x50, 0x4b, 0x03, 0x04];
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
// The end record is 22 bytes, followed by a comment of at most 65,535.
const END_RECORD_SEARCH = 22 + 0xffff;

/** Whether the bytes open like a zip archive ("PK\3\4"). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return LOCAL_FILE_HEADER.every((byte, index) => bytes[index] === byte);
}

/**
 * Every entry of the archive by name, inflated. Throws a FormatError when the bytes are not a zip,
 * when the archive is cut off or corrupt, or when it holds more entries or bytes than `limits`.
 * `what` names the file in messages ("Word file").
 */
export function readZip(bytes: Uint8Array, limits: ZipLimits, what: string): Map<string, Uint8Array> {
  if (!looksLikeZip(bytes)) throw new FormatError('wrong-type', `This is not a ${what}: it is not a zip archive.`);
  // An archive cut off after its last entry still streams whole; its end record is what is missing.
  const declaredCount = readDeclaredCount(bytes);
  if (declaredCount === undefined) throw corrupt(what);
  const entries = new Map<string, Uint8Array>();
  let seen = 0;
  let total = 0;
  let failure: FormatError | undefined;
  const unzip = new Unzip((file: UnzipFile) => {
    if (failure) return;
    seen++;
    if (seen > limits.maxEntries) {
      failure = new FormatError('too-large', `The ${what} holds more than ${limits.maxEntries} files; Retouche reads no more.`);
      return;
    }
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = corrupt(what);
        return;
      }
      total += chunk.length;
      if (total > limits.maxBytes) {
        failure = new FormatError('too-large', `The ${what} unpacks to more than ${Math.round(limits.maxBytes / (1024 * 1024))} MB; Retouche reads no more.`);
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) entries.set(file.name, concatenate(chunks));
    };
    try {
      file.start();
    } catch {
      failure = corrupt(what);
    }
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length && !failure; offset += SLICE_BYTES) {
      unzip.push(bytes.subarray(offset, offset + SLICE_BYTES), offset + SLICE_BYTES >= bytes.length);
    }
  } catch {
    failure ??= corrupt(what);
  }
  if (failure) throw failure;
  // 0xFFFF says the count is in a ZIP64 record; any other number must match what streamed.
  if (entries.size === 0 || (declaredCount !== 0xffff && declaredCount !== seen)) throw corrupt(what);
  return entries;
}

// The number of entries the end-of-central-directory record declares, or undefined when there is none.
function readDeclaredCount(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - END_RECORD_SEARCH); offset--) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) return view.getUint16(offset + 10, true);
  }
  return undefined;
}

function corrupt(what: string): FormatError {
  return new FormatError('corrupt', `The ${what} is damaged: its zip archive is cut off or corrupt. Save it again and import the new copy.`);
}

function concatenate(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.length;
  }
  return whole;
}
