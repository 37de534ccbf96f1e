import { createPatch } from 'diff';

/**
 * A unified diff (`.patch` file, line-based) between two full document texts, made with
 * createPatch from `diff`, for editors who want to take a correction set to other tools.
 * Identical texts give a patch with headers and no hunks.
 */
export function createUnifiedPatch(fileName: string, before: string, after: string): string {
  return createPatch(fileName, before, after);
}
