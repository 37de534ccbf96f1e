import { formatSignal } from './document-signals.js';
import { compareBytewise, prepareQuery, type Engine } from './engine.js';
import { PRESENCE } from './schema.js';
import type { PresenceRepository } from './types.js';

/** Who has which sentence open: current state, kept only until it expires, announced on every change. */
export function createPresenceRepository(engine: Engine): PresenceRepository {
  const { db } = engine;
  const upsert = prepareQuery((p: { documentId: number; segmentId: number; author: string; expiresAt: string }) => db.insertInto('presence')
    .values({ document_id: p.documentId, segment_id: p.segmentId, author: p.author, expires_at: p.expiresAt })
    .onConflict((conflict) => conflict.columns(['document_id', 'author', 'segment_id']).doUpdateSet({ expires_at: p.expiresAt })));
  const remove = prepareQuery((p: { documentId: number; segmentId: number; author: string }) => db.deleteFrom('presence')
    .where('document_id', '=', p.documentId).where('author', '=', p.author).where('segment_id', '=', p.segmentId));
  const removeExpired = prepareQuery((p: { documentId: number; now: string }) =>
    db.deleteFrom('presence').where('document_id', '=', p.documentId).where('expires_at', '<=', p.now));
  const select = prepareQuery((p: { documentId: number; now: string }) => db.selectFrom('presence').select(PRESENCE)
    .where('document_id', '=', p.documentId).where('expires_at', '>', p.now));

  return {
    async open(presence) {
      await engine.transaction(async (tx) => {
        // Rows that expired are dropped as new ones come, so the table holds only a few per document.
        await tx.run(removeExpired, { documentId: presence.documentId, now: new Date().toISOString() });
        await tx.run(upsert, presence);
        await tx.announce(formatSignal('presence', presence.documentId));
      });
    },
    async close(presence) {
      await engine.transaction(async (tx) => {
        await tx.run(remove, presence);
        await tx.announce(formatSignal('presence', presence.documentId));
      });
    },
    async list(documentId, now) {
      const rows = await engine.all(select, { documentId, now });
      return rows.sort((a, b) => compareBytewise(a.author, b.author) || a.segmentId - b.segmentId);
    },
  };
}
