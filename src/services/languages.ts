import { SUPPORTED_LANGUAGES } from '../text/detect-language.js';

/** The warning shown when the detected language is known and differs from the target language. */
export function describeLanguageMismatch(detected: string, target: string): string | null {
  if (detected === 'und' || detected === target) return null;
  return `This text looks like ${languageName(detected)}, not ${languageName(target)}: `
    + 'check that you imported the translation and not the source.';
}

/** The English name of a language code, or the code itself when it is not one we list. */
export function languageName(code: string): string {
  return SUPPORTED_LANGUAGES.find((language) => language.code === code)?.name ?? code;
}
