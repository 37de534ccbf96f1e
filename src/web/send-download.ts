import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { ExportFile } from '../services/export-document.js';

/**
 * Answer with a download: text and bytes at once, a streamed export piece by piece as it is made
 * (compressed on the way when the client accepts it). A failure in the middle of a stream destroys
 * the response (pipeline does, and the error handler, seeing the headers sent, writes nothing), so
 * the client sees the download fail rather than a file that ends early and looks whole.
 */
export async function sendDownload(response: Response, file: ExportFile): Promise<void> {
  response.attachment(file.fileName).type(file.contentType);
  if (typeof file.body === 'string' || Buffer.isBuffer(file.body)) {
    response.send(file.body);
    return;
  }
  try {
    // As bytes, not objects: the stream then reads ahead by 16 KB, not by 16 pieces of any size.
    await pipeline(Readable.from(file.body, { objectMode: false }), response);
  } catch (error) {
    // The client went away: nothing failed here, and there is no one left to answer.
    if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    throw error;
  }
}
