import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// What the flags of a text depend on: the checks, the language data they read, and the text
// functions (tokenizer, sentence and word readers) they run on. Relative to src/ (or dist/).
const ANALYSIS_INPUTS = ['checks', 'languages', 'text'];

/**
 * A fingerprint of the code and data the checks run: a SHA-256 of every file under checks/,
 * languages/ and text/, read once at start. Stored flags computed under another fingerprint (by
 * the server before a deploy) are stale, and each document is analysed again before it is shown.
 */
export function computeChecksFingerprint(root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')): string {
  const hash = createHash('sha256');
  for (const folder of ANALYSIS_INPUTS) {
    for (const file of listFiles(path.join(root, folder))) {
      // Source maps name the build, not the behaviour.
      if (file.endsWith('.map')) continue;
      hash.update(path.relative(root, file)).update('\u0000').update(fs.readFileSync(file)).update('\u0000');
    }
  }
  return hash.digest('base64url').slice(0, 22);
}

function listFiles(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  return fs.readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    // parentPath from Node 20.12; `path` before it.
    .map((entry) => path.join(entry.parentPath ?? (entry as { path: string }).path, entry.name))
    .sort();
}
