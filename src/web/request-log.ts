import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * One line per request once its answer has gone out (or the client left): method, path, client
 * address, status and time, and nothing secret (no headers, so no cookie or token; no body, so no
 * password; `_csrf` and `token` in the query redacted). Below the `info` level it costs a request
 * one check: pino-http made each request a child logger and an id even when no line was written.
 */
export function logRequests(logger: Logger): RequestHandler {
  return (request, response, next) => {
    if (!logger.isLevelEnabled('info')) {
      next();
      return;
    }
    const started = performance.now();
    response.once('close', () => {
      logger.info({
        req: { method: request.method, url: redactSecrets(request.originalUrl), remoteAddress: request.socket.remoteAddress },
        res: { statusCode: response.statusCode },
        responseTime: Math.round(performance.now() - started),
      }, response.writableFinished ? 'request completed' : 'request aborted');
    });
    next();
  };
}

function redactSecrets(url: string): string {
  return url.replace(/([?&](?:_csrf|token)=)[^&]*/g, '$1[redacted]');
}
