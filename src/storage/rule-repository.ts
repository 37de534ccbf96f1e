import type { NewsroomRule, NewsroomRuleRecord } from '../model.js';
import { prepareEventWrites } from './document-event-repository.js';
import { prepareQuery, type Engine, type TransactionExecutor } from './engine.js';
import { NEWSROOM_RULE } from './schema.js';
import type { RuleRepository } from './types.js';

type RuleSlots = NewsroomRule & { author: string; now: string };

/**
 * Newsroom rules; every change is recorded in newsroom_rule_changes in its own transaction. A
 * change to a rule of one document is also a 'rule' event of that document's log (body: the
 * phrase), so its open pages learn of it; a newsroom-wide rule, which holds in every document,
 * adds no event.
 */
export function createRuleRepository(engine: Engine): RuleRepository {
  const { db } = engine;
  const writes = prepareEventWrites(db);
  const insert = prepareQuery((p: RuleSlots) => db.insertInto('newsroom_rules').values({
    kind: p.kind, phrase: p.phrase, check_id: p.checkId, replacement: p.replacement, example: p.example, note: p.note, document_id: p.documentId,
    author: p.author, created_at: p.now, updated_by: p.author, updated_at: p.now,
  }).returning(NEWSROOM_RULE));
  const update = prepareQuery((p: RuleSlots & { id: number }) => db.updateTable('newsroom_rules').set({
    kind: p.kind, phrase: p.phrase, check_id: p.checkId, replacement: p.replacement, example: p.example, note: p.note, document_id: p.documentId,
    updated_by: p.author, updated_at: p.now,
  }).where('id', '=', p.id).returning(NEWSROOM_RULE));
  const remove = prepareQuery((p: { id: number }) => db.deleteFrom('newsroom_rules').where('id', '=', p.id).returning(NEWSROOM_RULE));
  const recordChange = prepareQuery((p: { ruleId: number; action: 'create' | 'update' | 'delete'; rule: string; author: string; now: string }) =>
    db.insertInto('newsroom_rule_changes').values({ rule_id: p.ruleId, action: p.action, rule: p.rule, author: p.author, created_at: p.now }));
  const selectOne = prepareQuery((p: { id: number }) => db.selectFrom('newsroom_rules').select(NEWSROOM_RULE).where('id', '=', p.id));
  // Newsroom-wide rules (no document) first: NULL sorts first in SQLite and last in PostgreSQL, so say it.
  const selectAll = prepareQuery(() => db.selectFrom('newsroom_rules').select(NEWSROOM_RULE)
    .orderBy((eb) => eb.case().when('document_id', 'is', null).then(0).else(1).end()).orderBy('document_id').orderBy('id'));
  const selectForDocument = prepareQuery((p: { documentId: number }) => db.selectFrom('newsroom_rules').select(NEWSROOM_RULE)
    .where((eb) => eb.or([eb('document_id', 'is', null), eb('document_id', '=', p.documentId)])).orderBy('id'));
  const selectChanges = prepareQuery((p: { limit: number }) => db.selectFrom('newsroom_rule_changes')
    .select(['id', 'rule_id as ruleId', 'action', 'rule', 'author', 'created_at as createdAt']).orderBy('id', 'desc').limit(p.limit));

  async function insertOne(tx: TransactionExecutor, rule: NewsroomRule, author: string, now: string): Promise<NewsroomRuleRecord> {
    const created = (await tx.first(insert, { ...rule, author, now }))!;
    await tx.run(recordChange, { ruleId: created.id, action: 'create', rule: serializeRule(created), author, now });
    return created;
  }

  /**
   * Make a change to rules in one transaction: the documents of `rules` (as they were and as they
   * become) are locked first, as every writer of their events does, then each gets an event.
   */
  function changeRules<T>(
    rules: readonly Pick<NewsroomRule, 'documentId'>[], author: string,
    change: (tx: TransactionExecutor, now: string) => Promise<{ result: T; changed: readonly NewsroomRuleRecord[] }>,
  ): Promise<T> {
    const now = new Date().toISOString();
    return engine.transaction(async (tx) => {
      await writes.lockDocuments(tx, documentsOf(rules));
      const { result, changed } = await change(tx, now);
      for (const rule of changed) {
        if (rule.documentId === null) continue;
        await writes.addEvent(tx, { documentId: rule.documentId, type: 'rule', body: rule.phrase }, author, now);
        await writes.touchDocument(tx, rule.documentId, author, now);
      }
      return result;
    });
  }

  return {
    create: (rule, author) => changeRules([rule], author, async (tx, now) => {
      const created = await insertOne(tx, rule, author, now);
      return { result: created, changed: [created] };
    }),
    createMany: (rules, author) => changeRules(rules, author, async (tx, now) => {
      const created: NewsroomRuleRecord[] = [];
      for (const rule of rules) created.push(await insertOne(tx, rule, author, now));
      return { result: created, changed: created };
    }),
    async update(id, rule, author) {
      const before = await engine.first(selectOne, { id });
      return changeRules(before ? [before, rule] : [], author, async (tx, now) => {
        const updated = await tx.first(update, { ...rule, id, author, now });
        if (updated) await tx.run(recordChange, { ruleId: id, action: 'update', rule: serializeRule(updated), author, now });
        // A rule moved from one document to another (or to the newsroom) changes the one it leaves too.
        const left = before && updated && before.documentId !== updated.documentId ? [before] : [];
        return { result: updated, changed: updated ? [updated, ...left] : [] };
      });
    },
    async delete(id, author) {
      const before = await engine.first(selectOne, { id });
      return changeRules(before ? [before] : [], author, async (tx, now) => {
        const deleted = await tx.first(remove, { id });
        if (deleted) await tx.run(recordChange, { ruleId: id, action: 'delete', rule: serializeRule(deleted), author, now });
        return { result: deleted, changed: deleted ? [deleted] : [] };
      });
    },
    get: (id) => engine.first(selectOne, { id }),
    list: () => engine.all(selectAll),
    listForDocument: (documentId) => engine.all(selectForDocument, { documentId }),
    async listChanges(limit) {
      return (await engine.all(selectChanges, { limit })).map(({ rule, ...change }) => ({ ...change, rule: JSON.parse(rule) as NewsroomRule }));
    },
  };
}

// What a rule says, as its change records keep it.
function serializeRule({ kind, phrase, checkId, replacement, example, note, documentId }: NewsroomRule): string {
  return JSON.stringify({ kind, phrase, checkId, replacement, example, note, documentId });
}

// The documents rules hold in, each once (newsroom-wide rules hold in none of their own).
function documentsOf(rules: readonly Pick<NewsroomRule, 'documentId'>[]): number[] {
  return rules.flatMap((rule) => (rule.documentId === null ? [] : [rule.documentId]));
}
