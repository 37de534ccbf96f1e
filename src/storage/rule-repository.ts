import type { NewsroomRule, NewsroomRuleRecord } from '../model.js';
import { prepareQuery, type Engine, type Executor } from './engine.js';
import { NEWSROOM_RULE } from './schema.js';
import type { RuleRepository } from './types.js';

type RuleSlots = NewsroomRule & { author: string; now: string };

/** Newsroom rules; every change is recorded in newsroom_rule_changes in its own transaction. */
export function createRuleRepository(engine: Engine): RuleRepository {
  const { db } = engine;
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

  async function insertOne(tx: Executor, rule: NewsroomRule, author: string, now: string): Promise<NewsroomRuleRecord> {
    const created = (await tx.first(insert, { ...rule, author, now }))!;
    await tx.run(recordChange, { ruleId: created.id, action: 'create', rule: serializeRule(created), author, now });
    return created;
  }

  return {
    create: (rule, author) => engine.transaction((tx) => insertOne(tx, rule, author, new Date().toISOString())),
    createMany(rules, author) {
      const now = new Date().toISOString();
      return engine.transaction(async (tx) => {
        const created: NewsroomRuleRecord[] = [];
        for (const rule of rules) created.push(await insertOne(tx, rule, author, now));
        return created;
      });
    },
    update(id, rule, author) {
      const now = new Date().toISOString();
      return engine.transaction(async (tx) => {
        const updated = await tx.first(update, { ...rule, id, author, now });
        if (updated) await tx.run(recordChange, { ruleId: id, action: 'update', rule: serializeRule(updated), author, now });
        return updated;
      });
    },
    delete(id, author) {
      const now = new Date().toISOString();
      return engine.transaction(async (tx) => {
        const deleted = await tx.first(remove, { id });
        if (deleted) await tx.run(recordChange, { ruleId: id, action: 'delete', rule: serializeRule(deleted), author, now });
        return deleted;
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
