import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';

/**
 * Below this many bytes a response goes out as it is: gzip's header and the CPU it costs are not
 * worth it for a small JSON answer. The seed's document page (~39 KB) shrinks about eightfold.
 */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Text responses compressed when the client accepts it (gzip or deflate, negotiated through
 * Accept-Encoding; `Vary: Accept-Encoding` is set). Event streams are left alone: compression
 * would hold their events back until a buffer fills.
 */
export function compressResponses(): RequestHandler {
  return compression({
    threshold: COMPRESSION_THRESHOLD_BYTES,
    filter: (request: Request, response: Response) => {
      if (String(response.getHeader('content-type') ?? '').startsWith('text/event-stream')) return false;
      return compression.filter(request, response);
    },
  });
}
