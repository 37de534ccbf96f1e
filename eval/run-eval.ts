import { evaluateLig, loadLig } from './lig-eval.js';
import { evaluateSeed, loadSeed } from './seed-eval.js';
import { LIG_DIR, requireEvalData } from './data-dir.js';

// The shared data sits beside the repository clone, in ../shared.

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

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

const ligSentences = loadLig(LIG_DIR);
for (const withSource of [false, true]) {
  const started = performance.now();
  const lig = evaluateLig(ligSentences, { withSource });
  const elapsed = performance.now() - started;
  console.log(`\nLIG fr-en dev (${lig.sentences} sentences, ${elapsed.toFixed(0)} ms), ${withSource ? 'with the French source attached (target and bilingual checks)' : 'target text only'}`);
  console.log(
    `  flag precision ${percent(lig.precision)} (${lig.confirmed}/${lig.flags}), chance ${percent(lig.chance)}, ` +
      `ratio ${(lig.precision / lig.chance).toFixed(2)}x, edited words covered ${percent(lig.coverage)} (${lig.coveredEditedWords}/${lig.editedWords}), `
      + `${percent(lig.narrowCoverage)} by flags narrower than the sentence`
  );
  for (const [id, score] of Object.entries(lig.perCheck).sort((a, b) => b[1].flags - a[1].flags)) {
    if (withSource && !/^(?:untranslated-sentence|number-mismatch|date-mismatch|negation-mismatch|source-false-friend|untranslated-word|missing-name|quote-mismatch|length-ratio)$/.test(id)) continue;
    console.log(`  ${id.padEnd(26)} flags ${String(score.flags).padStart(4)}  precision ${percent(score.precision)}  chance ${percent(score.chance)}`);
  }
}
