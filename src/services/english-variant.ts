import type { DocumentEventRecord, StoredEnglishVariant } from '../model.js';
import type { Storage } from '../storage/types.js';
import { guessEnglishVariant, variantOfLanguageTag } from '../text/english-variant.js';
import { invalidateAnalysis } from './document-analysis.js';
import { ServiceError, found } from './errors.js';
import { requireAuthor } from './validate.js';

/** The variants an editor may choose, as stored and sent. */
export const ENGLISH_VARIANTS: readonly StoredEnglishVariant[] = ['us', 'uk', 'unspecified'];

/** How pages name each variant. */
export const ENGLISH_VARIANT_NAMES: Readonly<Record<StoredEnglishVariant, string>> = {
  us: 'American English', uk: 'British English', unspecified: 'not specified',
};

/**
 * The variant an article is imported with: the one its target language names (en-GB), else the
 * one its own spellings show (guessEnglishVariant), else unspecified. Only English targets have one.
 */
export function guessDocumentVariant(targetLanguage: string, text: string): StoredEnglishVariant {
  if (!/^en\b/i.test(targetLanguage)) return 'unspecified';
  return variantOfLanguageTag(targetLanguage) ?? guessEnglishVariant(text) ?? 'unspecified';
}

/**
 * Choose the English a document follows: recorded as a document event (its timeline shows it), and
 * its flags analysed again, since the spelling-variant check fires only for a chosen variant.
 * Choosing the variant it already has changes nothing and records nothing.
 */
export async function chooseEnglishVariant(
  storage: Storage, documentId: number, request: { variant: unknown; author: unknown },
): Promise<DocumentEventRecord | null> {
  const author = requireAuthor(request.author);
  const variant = request.variant;
  if (typeof variant !== 'string' || !(ENGLISH_VARIANTS as readonly string[]).includes(variant)) {
    throw new ServiceError('invalid-input', '"variant" must be "us" (American), "uk" (British) or "unspecified" (spelling variants not judged).');
  }
  const document = found(await storage.documents.get(documentId), `Document ${documentId}`);
  if (document.englishVariant === variant && document.variantChosenBy !== null) return null;
  const event = found(await storage.documents.setVariant(documentId, variant as StoredEnglishVariant, author), `Document ${documentId}`);
  await invalidateAnalysis(storage, documentId, 'English variant chosen');
  return event;
}
