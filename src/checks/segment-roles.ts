import data from '../languages/en/page-noise.json' with { type: 'json' };
import type { DocumentSegment } from './types.js';
import { PAGE_NOISE_ROLES, type SegmentRole } from '../model.js';

// Section names a news page prints above teasers ("Society", "World").
const SECTION_LABELS = new Set(data.sectionLabels);
// Words that open a related-article teaser ("Read also: ..."): any of them then a colon, or one
// of several words then a few words and a colon, arrow or dash ("see also the file > ...").
const TEASER_WITH_COLON = new RegExp(`^(?:${data.teaserMarkers.map(escapeRegExp).join('|')}) ?:`, 'u');
const TEASER_MULTIWORD = new RegExp(`^(?:${data.teaserMarkers.filter((marker) => marker.includes(' ')).map(escapeRegExp).join('|')}) `, 'u');
// No section name is longer than this (with a trailing colon or full stop).
const LONGEST_SECTION_LABEL = Math.max(...data.sectionLabels.map((label) => label.length)) + 1;
// Words that open a photo credit ("Photo: ...").
const CREDIT_MARKERS = new Set(data.creditMarkers);
// Photo agencies, matched as whole words.
const AGENCY_PATTERN = new RegExp(`(?:^|[\\s/(©,;-])(?:${data.agencies.map(escapeRegExp).join('|')})(?=$|[\\s/),;.-])`, 'i');
// Bullets and dashes that lists put before an item.
const BULLET = /^[\s•·▪◦●\-–—*>]+(?=\S)/u;
// A heading, label or tag has at most this many words.
const SHORT_WORDS = 4;
const HEADING_WORDS = 14;
// A credit has at most this many words.
const CREDIT_WORDS = 12;
// Tags come as a run of short items at the end of the page.
const MIN_TAG_RUN = 3;

/**
 * Give each segment its role on the page, from its own text and its
 * neighbours: separators and credits from their shape, photo captions from
 * the credit beside them, a trailing run of short items as tags, section
 * labels and the teasers under them, headings as short unpunctuated lines
 * followed by text. Everything else is body.
 *
 * @param segments The document, in order.
 * @param options `tagRun: false` when `segments` is a window cut from a longer
 *   document: its last segments are not the page's end, so they cannot be tags.
 * @returns One role per segment.
 */
export function classifyRoles(segments: readonly DocumentSegment[], options: { tagRun?: boolean } = {}): SegmentRole[] {
  const texts = segments.map((segment) => stripBullet(segment.text));
  const roles: SegmentRole[] = texts.map((text) => classifyShape(text));
  const tagStart = options.tagRun === false ? segments.length : findTagRunStart(segments, texts, roles);
  for (let index = tagStart; index < segments.length; index++) {
    if (roles[index] === 'body') roles[index] = 'tag';
  }
  for (let index = 0; index < tagStart; index++) {
    if (roles[index] !== 'body') continue;
    const text = texts[index] ?? '';
    // A paragraph of its own beside a credit is the photo's caption, page furniture; the last
    // sentence of a longer paragraph may be one too, but it is kept as article text to be safe.
    if (isCaption(roles, texts, index)) roles[index] = isOwnParagraph(segments, index) ? 'photo-caption' : 'caption';
    else if (isTeaserMarked(text)) roles[index] = 'teaser';
    else if (isSectionLabel(text, texts, index)) roles[index] = 'section-label';
    else if (roles[index - 1] === 'section-label' && isHeadline(text)) roles[index] = 'teaser';
    else if (isHeadline(text) && hasFollowingText(roles, texts, index, tagStart)) roles[index] = 'heading';
  }
  return roles;
}

/** Whether text of this role is page furniture that export leaves out by default (see PAGE_NOISE_ROLES). */
export function isPageNoise(role: SegmentRole): boolean {
  return PAGE_NOISE_ROLES.has(role);
}

// Roles that a segment's own text decides: separator, credit; everything else starts as body.
function classifyShape(text: string): SegmentRole {
  if (!/[\p{L}\p{N}]/u.test(text)) return 'separator';
  if (isCredit(text)) return 'credit';
  return 'body';
}

function isCredit(text: string): boolean {
  const words = countWords(text);
  // A credit is a dozen words at most: most sentences are told apart here.
  if (words > CREDIT_WORDS) return false;
  const slashes = (text.match(/\//g) ?? []).length;
  // "Dongxu Fang / Costfoto / Sipa USA /": names and agencies separated by slashes.
  if (slashes >= 2 && words <= CREDIT_WORDS && !/[.!?]["”]?$/.test(text)) return true;
  if (/\/\s*$/.test(text) && words <= CREDIT_WORDS) return true;
  const firstWord = text.toLowerCase().split(/[\s:]/, 1)[0] ?? '';
  if ((CREDIT_MARKERS.has(firstWord) || text.startsWith('©')) && words <= CREDIT_WORDS && (AGENCY_PATTERN.test(text) || /[:©/]/.test(text))) {
    return true;
  }
  return words <= 6 && AGENCY_PATTERN.test(text) && !/[.!?]$/.test(text) && /^[\p{Lu}©(]/u.test(text) && isMostlyCapitalised(text);
}

function isOwnParagraph(segments: readonly DocumentSegment[], index: number): boolean {
  const paragraph = segments[index]?.paragraph;
  return segments[index - 1]?.paragraph !== paragraph && segments[index + 1]?.paragraph !== paragraph;
}

// A photo's caption is the text just before its credit (separators may sit between).
function isCaption(roles: readonly SegmentRole[], texts: readonly string[], index: number): boolean {
  for (let next = index + 1; next < roles.length && next <= index + 2; next++) {
    if (roles[next] === 'credit') return true;
    if (roles[next] !== 'separator') return false;
  }
  // A credit just before, with a caption after it, is as common: "AFP / Photo" then the caption.
  return roles[index - 1] === 'credit' && countWords(texts[index] ?? '') <= 30 && roles[index - 2] !== 'body';
}

function isTeaserMarked(text: string): boolean {
  const lower = text.slice(0, 64).toLowerCase();
  return TEASER_WITH_COLON.test(lower) || (TEASER_MULTIWORD.test(lower) && /^[a-z ]+\s*[:>»-]/.test(text.toLowerCase()));
}

// "Society" above a teaser: a known section name, short, unpunctuated, followed by another headline.
function isSectionLabel(text: string, texts: readonly string[], index: number): boolean {
  if (text.length > LONGEST_SECTION_LABEL + 2) return false;
  const lower = text.toLowerCase().replace(/[:.]$/, '').trim();
  if (!SECTION_LABELS.has(lower)) return false;
  const next = texts[index + 1];
  return next === undefined || isHeadline(next) || SECTION_LABELS.has(next.toLowerCase());
}

// A headline: no closing punctuation and not too long.
function isHeadline(text: string): boolean {
  return !/[.!?;:,"”’)]$/.test(text) && countWords(text) <= HEADING_WORDS;
}

function hasFollowingText(roles: readonly SegmentRole[], texts: readonly string[], index: number, tagStart: number): boolean {
  for (let next = index + 1; next < tagStart; next++) {
    if (roles[next] === 'separator' || roles[next] === 'credit') continue;
    return !isHeadline(texts[next] ?? '') || countWords(texts[next] ?? '') > SHORT_WORDS;
  }
  return false;
}

// Tags: the longest run of short, unpunctuated segments, each its own paragraph, that ends the document.
function findTagRunStart(segments: readonly DocumentSegment[], texts: readonly string[], roles: readonly SegmentRole[]): number {
  let start = segments.length;
  while (start > 0) {
    const index = start - 1;
    const text = texts[index] ?? '';
    const ownParagraph = segments[index - 1]?.paragraph !== segments[index]?.paragraph;
    if (roles[index] !== 'body' || !ownParagraph || countWords(text) > SHORT_WORDS || /[.!?;:,"”]$/.test(text)) break;
    start = index;
  }
  return segments.length - start >= MIN_TAG_RUN ? start : segments.length;
}

function stripBullet(text: string): string {
  return text.replace(BULLET, '').trim();
}

/**
 * The whitespace-separated words holding a letter or a digit. Called for every sentence around an
 * edit, so it walks the text once instead of splitting it: ASCII is decided by its code, anything
 * else by the same Unicode classes a regular expression would use.
 */
function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  let counted = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const space = code < 128 ? code === 32 || (code >= 9 && code <= 13) : WHITESPACE.test(text[index]!);
    if (space) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      counted = false;
    }
    if (counted) continue;
    const wordy = code < 128
      ? (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
      : LETTER_OR_DIGIT.test(text.slice(index, index + (code >= 0xd800 && code <= 0xdbff ? 2 : 1)));
    if (wordy) {
      words++;
      counted = true;
    }
  }
  return words;
}

const WHITESPACE = /^\s$/;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function isMostlyCapitalised(text: string): boolean {
  const words = text.split(/[\s/]+/).filter((word) => /\p{L}/u.test(word));
  return words.filter((word) => /^[\p{Lu}©(]/u.test(word)).length * 2 >= words.length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
