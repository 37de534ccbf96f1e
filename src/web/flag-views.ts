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
  /** The suggestions are shown as a hint, without an apply button or shortcut. */
  hint: boolean;
}

const CHECK_NAMES = new Map(listChecks().map((check) => [check.id, check.name]));
const SEVERITY_RANK: Record<string, number> = { minor: 1, major: 2, critical: 3 };

/** Cut a sentence at every flag boundary so overlapping flags can each be highlighted. */
export function toTextPieces(text: string, flags: readonly Flag[]): TextPiece[] {
  const cuts = new Set([0, text.length]);
  for (const flag of flags) cuts.add(flag.start).add(flag.end);
  const points = [...cuts].filter((point) => point >= 0 && point <= text.length).sort((a, b) => a - b);
  const pieces: TextPiece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i]!, points[i + 1]!];
    const covering = flags.flatMap((flag, index) => (flag.start <= start && flag.end >= end ? [index] : []));
    const severity = covering.reduce<string | null>((worst, index) =>
      (worst === null || SEVERITY_RANK[flags[index]!.severity]! > SEVERITY_RANK[worst]! ? flags[index]!.severity : worst), null);
    pieces.push({ text: text.slice(start, end), flags: covering, severity });
  }
  return pieces;
}

/** The flags of a sentence as the page lists them. */
export function toFlagViews(text: string, flags: readonly Flag[]): FlagView[] {
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
    hint: flag.hint,
  }));
}
