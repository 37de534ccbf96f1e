import type { Storage } from '../types.js';
import { createApiTokenRepository, createSessionRepository, createUserRepository } from './account-repositories.js';
import { createDismissalRepository } from './dismissal-repository.js';
import { createDocumentRepository } from './document-repository.js';
import { createSegmentEventRepository } from './segment-event-repository.js';
import { createSourceRepository } from './source-repository.js';
import { openDatabase } from './open-database.js';
import { createRevisionRepository } from './revision-repository.js';
import { createSegmentRepository } from './segment-repository.js';

/** The SQLite backend: one database file in WAL mode, migrated on open. */
export function createSqliteStorage(file: string): Storage {
  const db = openDatabase(file);
  const revisions = createRevisionRepository(db);
  return {
    documents: createDocumentRepository(db),
    segments: createSegmentRepository(db),
    revisions,
    dismissals: createDismissalRepository(db),
    events: createSegmentEventRepository(db),
    users: createUserRepository(db),
    sessions: createSessionRepository(db),
    apiTokens: createApiTokenRepository(db),
    sources: createSourceRepository(db),
    async close() {
      // Saves still waiting for their group's commit are written, not dropped.
      revisions.appends.flush();
      db.close();
    },
  };
}
