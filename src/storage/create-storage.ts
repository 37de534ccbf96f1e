import { createAnalysisRepository } from './analysis-repository.js';
import { createApiTokenRepository, createSessionRepository, createUserRepository } from './account-repositories.js';
import { createActionRepository } from './action-repository.js';
import { createDismissalRepository } from './dismissal-repository.js';
import { createDocumentEventRepository } from './document-event-repository.js';
import { createDocumentRepository } from './document-repository.js';
import { createJudgementRepository } from './judgement-repository.js';
import type { Engine } from './engine.js';
import { createRevisionRepository } from './revision-repository.js';
import { createPresenceRepository } from './presence-repository.js';
import { createRuleRepository } from './rule-repository.js';
import { createSegmentRepository } from './segment-repository.js';
import { createSourceRepository } from './source-repository.js';
import type { Storage } from './types.js';

/** The storage over either engine: every repository is written once, over `Engine`. */
export function createStorage(engine: Engine): Storage {
  return {
    documents: createDocumentRepository(engine),
    segments: createSegmentRepository(engine),
    revisions: createRevisionRepository(engine),
    dismissals: createDismissalRepository(engine),
    actions: createActionRepository(engine),
    events: createDocumentEventRepository(engine),
    presence: createPresenceRepository(engine),
    users: createUserRepository(engine),
    sessions: createSessionRepository(engine),
    apiTokens: createApiTokenRepository(engine),
    sources: createSourceRepository(engine),
    analyses: createAnalysisRepository(engine),
    rules: createRuleRepository(engine),
    judgements: createJudgementRepository(engine),
    close: () => engine.close(),
  };
}
