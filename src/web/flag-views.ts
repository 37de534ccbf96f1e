import { listChecks } from '../checks/run.js';
import type { Flag } from '../checks/types.js';

/** A run of sentence text and the flags (by their index in the sentence's flag list) that cover it. */
export interface TextPiece {
  text: string;
  flags: number[];
  /** The most severe flag covering the run, for its colour. */
  severity: string | null;
}

export interface FlagView {
  index: number;
  checkId: string;
  checkName: string;
  category: string;
  severity: string;
  start: number;
  end: number;
  spanText: string;
  message: string;
  suggestions: string[];
  /** Each suggestion's button: "Use “tech giant”", or "Remove “The”" for an empty one (a repeated word). */
  applyLabels: string[];
  /** The suggestions are shown as a hint, without an apply button or shortcut. */
  hint: boolean;
  /** The Rules page with this flag's words and sentence filled in (the "Rule…" link; a dialog with the script). */
  ruleHref: string;
}

const CHECK_NAMES = new Map(listChecks().map((check) => [check.id, check.name]));
const SEVERITY_BY_RANK = ['', 'minor', 'major', 'critical'] as const;

function rankOf(flag: Flag): number {
  return SEVERITY_BY_RANK.indexOf(flag.severity);
}

/**
 * Cut a sentence at every flag boundary so overlapping flags can each be highlighted. One sort of
 * the boundaries, then one sweep that adds each flag where it starts and drops it where it ends:
 * checking every flag for every piece took time in the square of the flags, and a sentence of
 * 80 KB with a flag on each word froze the server for 22 s.
 */
export function toTextPieces(text: string, flags: readonly Flag[]): TextPiece[] {
  const clamp = (offset: number) => Math.min(Math.max(offset, 0), text.length);
  const cuts = new Float64Array(flags.length * 2 + 2);
  cuts[0] = 0;
  cuts[1] = text.length;
  flags.forEach((flag, index) => {
    cuts[2 + index * 2] = clamp(flag.start);
    cuts[3 + index * 2] = clamp(flag.end);
  });
  cuts.sort();
  // Flags that cover at least one character, by where they start and by where they end.
  const spanning = flags.flatMap((flag, index) => (clamp(flag.start) < clamp(flag.end) ? [index] : []));
  const byStart = [...spanning].sort((a, b) => flags[a]!.start - flags[b]!.start);
  const byEnd = [...spanning].sort((a, b) => flags[a]!.end - flags[b]!.end);
  const covering = new Set<number>();
  const severities = [0, 0, 0, 0];
  const pieces: TextPiece[] = [];
  let started = 0;
  let ended = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i]!, cuts[i + 1]!];
    if (start === end) continue;
    for (; ended < byEnd.length && clamp(flags[byEnd[ended]!]!.end) <= start; ended++) {
      covering.delete(byEnd[ended]!);
      severities[rankOf(flags[byEnd[ended]!]!)]!--;
    }
    for (; started < byStart.length && clamp(flags[byStart[started]!]!.start) <= start; started++) {
      covering.add(byStart[started]!);
      severities[rankOf(flags[byStart[started]!]!)]!++;
    }
    const worst = severities.findLastIndex((count) => count > 0);
    pieces.push({
      text: text.slice(start, end),
      flags: [...covering].sort((a, b) => a - b),
      severity: worst > 0 ? SEVERITY_BY_RANK[worst]! : null,
    });
  }
  return pieces;
}

/** The flags of a sentence as the page lists them. */
export function toFlagViews({ id, text }: { id: number; text: string }, flags: readonly Flag[]): FlagView[] {
  return flags.map((flag, index) => ({
    index,
    checkId: flag.checkId,
    checkName: CHECK_NAMES.get(flag.checkId) ?? flag.checkId,
    category: flag.category,
    severity: flag.severity,
    start: flag.start,
    end: flag.end,
    spanText: text.slice(flag.start, flag.end),
    message: flag.message,
    suggestions: flag.suggestions,
    applyLabels: flag.suggestions.map((suggestion) => (suggestion === '' ? `Remove “${text.slice(flag.start, flag.end).trim()}”` : `Use “${suggestion}”`)),
    hint: flag.hint,
    ruleHref: `/rules?segment=${id}&start=${flag.start}&end=${flag.end}&checkId=${encodeURIComponent(flag.checkId)}#add`,
  }));
}
