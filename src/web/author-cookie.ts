import type { Request, Response } from 'express';

/** The cookie that remembers the name an editor typed, until accounts replace it. */
const AUTHOR_COOKIE = 'retouche_author';
/** A year: an editor types their name once per browser. */
const AUTHOR_COOKIE_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

/** The remembered author name, or '' when this browser has none yet. */
export function readAuthor(request: Request): string {
  const value: unknown = request.cookies?.[AUTHOR_COOKIE];
  return typeof value === 'string' ? value : '';
}

/** Remember `author` for the next saves from this browser. */
export function rememberAuthor(response: Response, author: unknown): void {
  if (typeof author !== 'string' || author.trim() === '') return;
  response.cookie(AUTHOR_COOKIE, author.trim(), { httpOnly: true, sameSite: 'lax', maxAge: AUTHOR_COOKIE_MAX_AGE_MS });
}

/** The author for a request: the one sent with it, else the remembered one. */
export function authorOf(request: Request): unknown {
  const sent: unknown = request.body?.author;
  return typeof sent === 'string' && sent.trim() !== '' ? sent : readAuthor(request);
}
