import { sql } from 'kysely';
import type { FlagRecord, JudgementSubjectKind } from '../model.js';
import { prepareQuery, type Engine, type Executor } from './engine.js';
import { JUDGEMENT } from './schema.js';
import type { JudgementRepository } from './types.js';

/** Raises the judgement counts of flags' checks and entries inside a caller's transaction. */
export interface JudgementCounter {
  count(tx: Executor, flags: readonly Pick<FlagRecord, 'checkId' | 'entryId'>[], verdict: 'confirmed' | 'dismissed'): Promise<void>;
  /**
   * Take back judgements of `flags` (a dismissal restored or undone, an edit undone); never below
   * zero, for judgements made before counting began.
   */
  uncount(tx: Executor, flags: readonly Pick<FlagRecord, 'checkId' | 'entryId'>[], verdict: 'confirmed' | 'dismissed'): Promise<void>;
}

/** The counter actions raise in the transactions of dismissals and edits (action-repository.ts). */
export function createJudgementCounter(engine: Engine): JudgementCounter {
  const { db } = engine;
  const bump = prepareQuery((p: { kind: JudgementSubjectKind; id: string; confirmed: number; dismissed: number }) => db.insertInto('judgement_counts')
    .values({ subject_kind: p.kind, subject_id: p.id, confirmed: p.confirmed, dismissed: p.dismissed })
    .onConflict((conflict) => conflict.columns(['subject_kind', 'subject_id']).doUpdateSet((eb) => ({
      confirmed: eb('judgement_counts.confirmed', '+', eb.ref('excluded.confirmed')),
      dismissed: eb('judgement_counts.dismissed', '+', eb.ref('excluded.dismissed')),
    }))));
  const lowerQuery = (column: 'confirmed' | 'dismissed') => prepareQuery((p: { kind: JudgementSubjectKind; id: string; times: number }) => db
    .updateTable('judgement_counts')
    .set({ [column]: sql<number>`CASE WHEN ${sql.ref(column)} > ${p.times} THEN ${sql.ref(column)} - ${p.times} ELSE 0 END` })
    .where('subject_kind', '=', p.kind).where('subject_id', '=', p.id));
  const lower = { confirmed: lowerQuery('confirmed'), dismissed: lowerQuery('dismissed') };
  return {
    async count(tx, flags, verdict) {
      for (const { kind, id, times } of subjectsOf(flags)) {
        await tx.run(bump, { kind, id, confirmed: verdict === 'confirmed' ? times : 0, dismissed: verdict === 'dismissed' ? times : 0 });
      }
    },
    async uncount(tx, flags, verdict) {
      for (const subject of subjectsOf(flags)) await tx.run(lower[verdict], subject);
    },
  };
}

/**
 * The checks and entries of `flags` with how many flags each has, in one order for every
 * transaction: two saves raising the same rows never wait on each other in a cycle.
 */
function subjectsOf(flags: readonly Pick<FlagRecord, 'checkId' | 'entryId'>[]): { kind: JudgementSubjectKind; id: string; times: number }[] {
  const subjects = new Map<string, { kind: JudgementSubjectKind; id: string; times: number }>();
  for (const flag of flags) {
    for (const [kind, id] of [['check', flag.checkId], ['entry', flag.entryId]] as const) {
      if (!id) continue;
      const key = `${kind}\u0000${id}`;
      const subject = subjects.get(key);
      if (subject) subject.times++;
      else subjects.set(key, { kind, id, times: 1 });
    }
  }
  return [...subjects.keys()].sort().map((key) => subjects.get(key)!);
}

/** Observed judgements of checks and entries, and admins' overrides of what they make of them. */
export function createJudgementRepository(engine: Engine): JudgementRepository {
  const { db } = engine;
  const selectAll = prepareQuery(() => db.selectFrom('judgement_counts').select(JUDGEMENT).orderBy('subject_kind').orderBy('subject_id'));
  // The precision as an integer per thousand: PostgreSQL would read a fractional parameter beside integer columns as an integer.
  const selectHinted = prepareQuery((p: { minJudged: number; maxPermille: number }) => db.selectFrom('judgement_counts')
    .select(['subject_kind as kind', 'subject_id as id'])
    .where((eb) => eb.or([
      eb('override', '=', 'hint'),
      eb.and([
        eb('override', 'is', null),
        sql<boolean>`confirmed + dismissed >= ${p.minJudged}`,
        sql<boolean>`confirmed * 1000 < ${p.maxPermille} * (confirmed + dismissed)`,
      ]),
    ])));
  const upsertOverride = prepareQuery((p: { kind: JudgementSubjectKind; id: string; override: 'hint' | 'one-key' | null; author: string }) =>
    db.insertInto('judgement_counts').values({ subject_kind: p.kind, subject_id: p.id, override: p.override, override_by: p.author })
      .onConflict((conflict) => conflict.columns(['subject_kind', 'subject_id'])
        .doUpdateSet((eb) => ({ override: eb.ref('excluded.override'), override_by: eb.ref('excluded.override_by') }))));
  return {
    list: () => engine.all(selectAll),
    listHinted: ({ minJudged, maxPrecision }) => engine.all(selectHinted, { minJudged, maxPermille: Math.round(maxPrecision * 1000) }),
    async setOverride(kind, id, override, author) {
      await engine.run(upsertOverride, { kind, id, override, author });
    },
  };
}
