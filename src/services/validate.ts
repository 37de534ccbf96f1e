import { ServiceError } from './errors.js';
import { readTextField, TEXT_RULES } from './input-rules.js';
import { MAX_AUTHOR_LENGTH } from './limits.js';

/** The trimmed author name, or an error saying why it cannot be used. */
export function requireAuthor(author: unknown): string {
  const name = typeof author === 'string' ? author.trim() : '';
  if (name === '') throw new ServiceError('invalid-input', 'Say who you are: an author name is needed to record the change.');
  if (name.length > MAX_AUTHOR_LENGTH) {
    throw new ServiceError('invalid-input', `The author name is longer than ${MAX_AUTHOR_LENGTH} characters.`);
  }
  return name;
}

/** The trimmed comment, null when absent or blank. */
export function optionalComment(comment: unknown): string | null {
  return readTextField(comment, 'comment', TEXT_RULES.comment)?.trim() || null;
}

/** A non-negative whole number from a JSON or form value, or an error naming the field. */
export function requireRevisionNumber(value: unknown, field: string): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
    throw new ServiceError('invalid-input', `"${field}" must be a revision number (a whole number from 0).`);
  }
  return number;
}

/** A positive id from a URL, or not-found: an id that cannot exist names nothing. */
export function parseId(value: unknown, what: string): number {
  const id = typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id)) throw new ServiceError('not-found', `${what} does not exist.`);
  return id;
}

/**
 * A moment from a form or query, as an ISO string in UTC. A time written without a zone
 * ("2026-11-25T14:30", as a datetime-local field sends it) is read as UTC, the zone every page
 * shows; `endOfMinute` stretches such a time to the last millisecond of its minute.
 */
export function readMoment(value: unknown, field: string, options: { endOfMinute?: boolean } = {}): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const zoneless = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(text);
  const time = new Date(zoneless ? `${text.length === 10 ? `${text}T00:00` : text}Z` : text);
  if (text === '' || Number.isNaN(time.getTime())) {
    throw new ServiceError('invalid-input', `"${field}" must be a date and time, such as 2026-11-25T14:30 (UTC).`);
  }
  if (options.endOfMinute && zoneless && /T\d{2}:\d{2}$/.test(text)) time.setUTCSeconds(59, 999);
  return time.toISOString();
}
