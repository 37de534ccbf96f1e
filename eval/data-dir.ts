import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root (eval/ sits one level below it). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..');

/**
 * The folder that holds the evaluation data (seed-annotations.json, lig-fr-en-dev/): the
 * RETOUCHE_EVAL_DATA environment variable, or ../shared/data beside the clone, where CI puts it.
 */
export const EVAL_DATA_DIR = path.resolve(process.env.RETOUCHE_EVAL_DATA || path.join(REPO_ROOT, '..', 'shared', 'data'));

/** The LIG French-English post-editing corpus, development split. */
export const LIG_DIR = path.join(EVAL_DATA_DIR, 'lig-fr-en-dev');

/** The seed article the annotation describes lives in the repository's seeds/. */
export const SEEDS_DIR = path.join(REPO_ROOT, 'seeds');

/**
 * Stop with a message that says where the data comes from when it is missing: the corpus is
 * never copied into the repository, so a bare clone has to be pointed at it.
 */
export function requireEvalData(): void {
  if (existsSync(LIG_DIR)) return;
  throw new Error(
    `The evaluation data is not at ${EVAL_DATA_DIR}. Set RETOUCHE_EVAL_DATA to the folder that holds ` +
      'lig-fr-en-dev/ and seed-annotations.json (the shared data folder beside the clone in CI). ' +
      'The LIG corpus is public: lines 1-2000 of getalp/WCE-LIG input_data/ on GitHub (Potet et al., LREC 2012).',
  );
}

// `tsx eval/data-dir.ts`, first step of `npm run eval`: stop at once, with the message above, when the data is missing.
if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  try {
    requireEvalData();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
