import fs from 'node:fs/promises';
import path from 'node:path';
import type { Storage } from '../storage/types.js';
import type { Analyzer } from './document-analysis.js';
import { importDocument } from './import-document.js';

/** The author recorded on revision 0 of seeded articles. */
export const SEED_AUTHOR = 'seed';

/**
 * On a database with no document, import every .txt file of `directory` in name order, so a
 * fresh install opens on a real article. Returns the number imported (0 when the database had documents).
 */
export async function importSeeds(storage: Storage, analyzer: Analyzer, directory: string): Promise<number> {
  if ((await storage.documents.count()) > 0) return 0;
  const names = (await fs.readdir(directory).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.txt'))
    .sort();
  for (const name of names) {
    const bytes = await fs.readFile(path.join(directory, name));
    // A seed's file name is an id, not a title: the first sentence makes a better one.
    await importDocument(storage, analyzer, { file: { name: '', bytes }, author: SEED_AUTHOR });
  }
  return names.length;
}
