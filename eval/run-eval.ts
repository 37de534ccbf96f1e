import { countPostEditFlags, evaluateLig, HEAVY_SHARE, loadLig, selectHalf, type FlagScore, type Half, type LigReport, type SuggestionScore } from './lig-eval.js';
import { evaluateSeed, loadSeed } from './seed-eval.js';
import { LIG_DIR, requireEvalData } from './data-dir.js';

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const share = (part: number, whole: number): string => (whole === 0 ? '-' : percent(part / whole));
const suggestionLine = (score: SuggestionScore): string =>
  `${score.suggestions} suggestions, ${share(score.closer, score.suggestions)} closer, ${share(score.further, score.suggestions)} further`;

requireEvalData();
const { annotation, segments } = loadSeed();
const seed = evaluateSeed(annotation, segments);
console.log('Seed article', annotation.file);
console.log(
  `  overall: sentence precision ${seed.overall.precision.toFixed(2)} (${seed.overall.truePositives}/${seed.overall.flagged}), ` +
    `recall ${seed.overall.recall.toFixed(2)} (${seed.overall.truePositives}/${seed.overall.needsEdit}), ` +
    `major sentences flagged ${seed.majorRecall.flagged}/${seed.majorRecall.total}, ` +
    `problem spans hit ${seed.spans.hit}/${seed.spans.total} (${percent(seed.spans.hit / seed.spans.total)})`
);
console.log(`  roles: ${seed.roles.correct}/${seed.roles.total} right, page noise ${seed.roles.noiseCorrect}/${seed.roles.noiseTotal}`);
for (const wrong of seed.roles.wrong) console.log(`    wrong role: ${wrong}`);
console.log(`  flags on proper names: ${seed.properNameFlags.length}`);
for (const name of seed.properNameFlags) console.log(`    ${name}`);
console.log(`  missed spans: ${seed.spans.missed.join(' | ') || 'none'}`);
for (const [id, score] of Object.entries(seed.perCheck)) {
  console.log(
    `  ${id.padEnd(26)} flags ${String(score.flags).padStart(3)}  precision ${score.precision.toFixed(2)}  recall ${score.recall.toFixed(2)}  spans hit ${score.spanHits}`
  );
}

// The split is developed on its even lines and checked on its odd ones: a rule kept on one half must hold on the other.
const ligSentences = loadLig(LIG_DIR);
const halves: Half[] = ['even', 'odd', 'all'];
console.log(`\nLIG fr-en dev: a sentence is heavy when its post-editor changed ${percent(HEAVY_SHARE)} of its words or more; suggestions are scored by`);
console.log('applying each flag\'s first suggestion alone and comparing the word edit distance to the post-edit before and after.');
for (const withSource of [false, true]) {
  console.log(`\n${withSource ? 'With the French source attached' : 'Translation only'}`);
  const reports = new Map<Half, LigReport>();
  for (const half of halves) {
    const report = evaluateLig(selectHalf(ligSentences, half), { withSource });
    reports.set(half, report);
    console.log(
      `  ${half.padEnd(4)} (${String(report.sentences).padStart(4)} sentences): precision ${percent(report.precision)} (${report.confirmed}/${report.flags}), ` +
        `chance ${percent(report.chance)}, ratio ${(report.precision / report.chance).toFixed(2)}x, ` +
        `edited words covered ${percent(report.coverage)} (narrow flags ${percent(report.narrowCoverage)}), ` +
        `heavy sentences flagged ${share(report.heavyFlagged, report.heavySentences)} (${report.heavyFlagged}/${report.heavySentences})`
    );
    console.log(`         suggestions: all ${suggestionLine(report.suggestions)}; one-key ${suggestionLine(report.oneKeySuggestions)}`);
    console.log(`         confirmed as the report and the observed precision count them (flagged words changed, half the rest kept): `
      + `${share(report.reportConfirmed, report.flags)} (${report.reportConfirmed}/${report.flags})`);
  }
  const all = reports.get('all')!;
  console.log('  per check (all lines): flags, precision, chance, suggestions closer / further');
  printScores(all.perCheck, reports);
  console.log('  per lexicon entry (all lines)');
  printScores(all.perEntry, reports, 'entry');
}

console.log('\nHuman post-edited English (the LIG post-edits), flags per 1,000 sentences from checks other than spelling and repeated words');
for (const withSource of [false, true]) {
  for (const half of halves) {
    const noise = countPostEditFlags(selectHalf(ligSentences, half), { withSource });
    const perCheck = Object.entries(noise.perCheck).sort((a, b) => b[1] - a[1]).map(([id, count]) => `${id} ${count}`).join(', ');
    console.log(`  ${withSource ? 'with the source' : 'translation only'} ${half.padEnd(4)}: ${noise.perThousand.toFixed(1)} (${noise.flags} in ${noise.sentences})${half === 'all' ? `: ${perCheck}` : ''}`);
  }
}

// Scores sorted by flags, with each half's precision beside the whole split's.
function printScores(scores: Record<string, FlagScore>, reports: ReadonlyMap<Half, LigReport>, kind: 'check' | 'entry' = 'check'): void {
  for (const [id, score] of Object.entries(scores).sort((a, b) => b[1].flags - a[1].flags)) {
    const halfPrecision = (['even', 'odd'] as const).map((half) => {
      const part = (kind === 'check' ? reports.get(half)?.perCheck : reports.get(half)?.perEntry)?.[id];
      return part ? `${half} ${percent(part.precision)} (${part.flags})` : `${half} -`;
    });
    const { suggestions } = score;
    console.log(
      `    ${id.padEnd(28)} flags ${String(score.flags).padStart(4)}  precision ${percent(score.precision).padStart(6)}  chance ${percent(score.chance).padStart(6)}  ` +
        `[${halfPrecision.join(', ')}]  suggestions ${suggestions.suggestions}: ${share(suggestions.closer, suggestions.suggestions)} closer, ${share(suggestions.further, suggestions.suggestions)} further`
    );
  }
}
