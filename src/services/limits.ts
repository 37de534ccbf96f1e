/** Size limits shared by the web layer (request parsers) and the input rules the use cases apply (input-rules.ts). */

/** The largest article accepted, in UTF-8 bytes: a long feature is ~50 KB, so 2 MB leaves ample room. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
/** The longest title kept. */
export const MAX_TITLE_LENGTH = 300;
/** The longest author name kept. */
export const MAX_AUTHOR_LENGTH = 100;
/** The longest revision comment kept. */
export const MAX_COMMENT_LENGTH = 2000;
/**
 * The longest sentence an editor may save (UTF-16 units); an article-sized paste into one sentence
 * is a mistake. Import cuts longer runs into sentences of this length at most.
 */
export const MAX_SENTENCE_LENGTH = 100_000;
/** The longest text searched for or put in its place; a longer one is a paste gone wrong. */
export const MAX_FIND_LENGTH = 500;
/** The longest label of an API token. */
export const MAX_TOKEN_LABEL_LENGTH = 100;
