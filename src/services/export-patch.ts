import { createTwoFilesPatch } from 'diff';

/**
 * A unified diff (`.patch`) from the machine translation to the corrected text, made with
 * createTwoFilesPatch from `diff`, so `patch`, `git apply` or diff.applyPatch turn
 * `<name>.mt.txt` into `<name>.txt`. Diffs are line-based and a paragraph is one line, so a hunk
 * shows whole paragraphs; the word-level view stays in the app and the report.
 *
 * @param baseName The download name without extension, e.g. `12-tiktok-deal`.
 * @param machineTranslation The machine translation as exported text (formatMachineTranslationText).
 * @param corrected The corrected text (formatText).
 */
export function formatPatch(baseName: string, machineTranslation: string, corrected: string): string {
  return createTwoFilesPatch(`${baseName}.mt.txt`, `${baseName}.txt`, machineTranslation, corrected);
}
