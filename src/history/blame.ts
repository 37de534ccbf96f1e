import type { TextPatch } from './text-patch.js';

/** A run of the current text and the revision that wrote it. */
export interface BlameRun {
  text: string;
  revision: number;
}

/**
 * Which revision last wrote each character of the final text, found by replaying the patches
 * from revision 0: kept text keeps its revision, inserted text takes the revision inserting it.
 * `revisions` must start at revision 0 (whose checkpoint is the original) and be consecutive.
 */
export function blameText(revisions: readonly { number: number; patch: TextPatch; checkpoint: string | null }[]): BlameRun[] {
  const [first, ...rest] = revisions;
  if (!first || first.number !== 0 || first.checkpoint === null) throw new RangeError('blame needs revision 0 with its checkpoint');
  const runs: BlameRun[] = first.checkpoint === '' ? [] : [{ text: first.checkpoint, revision: 0 }];
  return extendBlame(runs, rest);
}

/** Blame runs carried past further revisions: `revisions` continue consecutively from the runs' newest. */
export function extendBlame(runs: readonly BlameRun[], revisions: readonly { number: number; patch: TextPatch }[]): BlameRun[] {
  let result = [...runs];
  for (const revision of revisions) result = applyToRuns(result, revision.patch, revision.number);
  return result;
}

/** Group blame runs into words: each word (with the spaces after it) takes its newest revision. */
export function blameWords(runs: readonly BlameRun[]): BlameRun[] {
  const text = runs.map((run) => run.text).join('');
  const owner = new Array<number>(text.length);
  let offset = 0;
  for (const run of runs) {
    owner.fill(run.revision, offset, offset + run.text.length);
    offset += run.text.length;
  }
  const words: BlameRun[] = [];
  for (const match of text.matchAll(/\S+\s*|\s+/gu)) {
    const start = match.index;
    const end = start + match[0].length;
    const wordEnd = start + match[0].trimEnd().length || end;
    let revision = 0;
    for (let i = start; i < wordEnd; i++) revision = Math.max(revision, owner[i]!);
    words.push({ text: match[0], revision });
  }
  return words;
}

function applyToRuns(runs: readonly BlameRun[], patch: TextPatch, number: number): BlameRun[] {
  if (patch.length === 0) return [...runs];
  const result: BlameRun[] = [];
  let index = 0;
  let offset = 0;
  // Take `length` characters from the runs, starting where the last take stopped.
  const take = (length: number, keep: boolean) => {
    while (length > 0) {
      const run = runs[index];
      if (!run) throw new RangeError(`patch of revision ${number} runs past the end of the text`);
      const available = run.text.length - offset;
      const used = Math.min(available, length);
      if (keep) push(result, { text: run.text.slice(offset, offset + used), revision: run.revision });
      length -= used;
      offset += used;
      if (offset === run.text.length) {
        index++;
        offset = 0;
      }
    }
  };
  for (const op of patch) {
    if (op[0] === '=') take(op[1], true);
    else if (op[0] === '-') take(op[1].length, false);
    else push(result, { text: op[1], revision: number });
  }
  return result;
}

function push(runs: BlameRun[], run: BlameRun): void {
  if (run.text === '') return;
  const last = runs.at(-1);
  if (last && last.revision === run.revision) last.text += run.text;
  else runs.push({ ...run });
}
