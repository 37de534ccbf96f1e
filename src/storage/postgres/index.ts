import type { Storage } from '../types.js';
import { createApiTokenRepository, createSessionRepository, createUserRepository } from './account-repositories.js';
import { createDismissalRepository } from './dismissal-repository.js';
import { createDocumentRepository } from './document-repository.js';
import { applyPostgresMigrations } from './migrations.js';
import { createPool } from './pool.js';
import { createRevisionRepository } from './revision-repository.js';
import { createSegmentEventRepository } from './segment-event-repository.js';
import { createSegmentRepository } from './segment-repository.js';
import { createSourceRepository } from './source-repository.js';

/**
 * The PostgreSQL backend: a connection pool to `url`, migrated on open. Several servers can share
 * one database: every write that must not race is a conditional update or a transaction.
 */
export async function createPostgresStorage(url: string): Promise<Storage> {
  const pool = createPool(url);
  try {
    await applyPostgresMigrations(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    documents: createDocumentRepository(pool),
    segments: createSegmentRepository(pool),
    revisions: createRevisionRepository(pool),
    dismissals: createDismissalRepository(pool),
    events: createSegmentEventRepository(pool),
    users: createUserRepository(pool),
    sessions: createSessionRepository(pool),
    apiTokens: createApiTokenRepository(pool),
    sources: createSourceRepository(pool),
    async close() {
      // Closing twice is harmless over SQLite, so it is here too.
      if (!pool.ended) await pool.end();
    },
  };
}
