import {
  addUser, createToken, disableUser, logInWithPassword, logOutSession, refuseLogin, refuseSetup, revokeToken, setUpFirstAdmin,
  setUserRole, showAccount, showLogin, showSetup, showUsers, signOutEverywhere,
} from './handlers/account-handlers.js';
import {
  applyReplace, exportDocumentFile, importArticle, previewReplace, refuseImport, showChecks, showDocument, showDocuments,
  setDocumentVariant, showImportForm, showProgress, showReplaceForm, showReport,
} from './handlers/document-handlers.js';
import { revertAuthor, showBlame, showComparison, showRevisions, showSentenceHistory, showTimeline } from './handlers/history-handlers.js';
import { announcePresence, streamDocumentEvents } from './handlers/live-handlers.js';
import { undoChange } from './handlers/action-handlers.js';
import {
  archiveDocumentFromList, deleteDocumentForGood, refuseManage, renameDocumentTitle, showManageForm,
} from './handlers/manage-handlers.js';
import {
  applyFlagSuggestion, commentOnSentence, compareSentence, dismissSentenceFlag, refuseSave, restoreSentenceFlag, revertSentence, saveSentence, setSentenceStatus,
  showPropagation, showSentenceEditor, showSentenceFragment,
} from './handlers/segment-handlers.js';
import {
  addRules, changeRule, downloadRules, overrideSubjectHint, removeRule, showRules,
} from './handlers/rule-handlers.js';
import { attachSourceText, refuseSource, relinkSentence, showSource } from './handlers/source-handlers.js';
import type { Route } from './route-table.js';

/**
 * Every URL of Retouche, once. `both` answers people with HTML at the path and scripts with JSON
 * at /api + the path, from the same handler (see route-table.ts); `html` and `json` routes have
 * one side only. `access` is the weakest role that may call a route.
 */
export const ROUTES: readonly Route[] = [
  // Signing in, before any account check.
  { method: 'get', path: '/', access: 'anyone', answers: 'html', handler: (_request, response) => response.redirect('/documents') },
  { method: 'get', path: '/login', access: 'anyone', answers: 'html', handler: showLogin },
  { method: 'post', path: '/login', access: 'anyone', answers: 'html', handler: logInWithPassword, refused: refuseLogin },
  { method: 'post', path: '/logout', access: 'anyone', answers: 'html', handler: logOutSession },
  { method: 'get', path: '/setup', access: 'anyone', answers: 'html', handler: showSetup },
  { method: 'post', path: '/setup', access: 'anyone', answers: 'html', handler: setUpFirstAdmin, refused: refuseSetup },

  // The caller's own account, and everyone's for admins: browser sessions only.
  { method: 'get', path: '/account', access: 'viewer', sessionOnly: true, answers: 'html', handler: showAccount },
  { method: 'post', path: '/account/tokens', access: 'viewer', sessionOnly: true, answers: 'html', handler: createToken },
  { method: 'post', path: '/account/tokens/:id/revoke', access: 'viewer', sessionOnly: true, answers: 'html', handler: revokeToken },
  { method: 'post', path: '/account/sessions/end', access: 'viewer', sessionOnly: true, answers: 'html', handler: signOutEverywhere },
  { method: 'get', path: '/admin/users', access: 'admin', sessionOnly: true, answers: 'html', handler: showUsers },
  { method: 'post', path: '/admin/users', access: 'admin', sessionOnly: true, answers: 'html', handler: addUser },
  { method: 'post', path: '/admin/users/:name/role', access: 'admin', sessionOnly: true, answers: 'html', handler: setUserRole },
  { method: 'post', path: '/admin/users/:name/disabled', access: 'admin', sessionOnly: true, answers: 'html', handler: disableUser },

  // Documents.
  { method: 'get', path: '/documents', access: 'viewer', answers: 'both', handler: showDocuments },
  { method: 'get', path: '/import', access: 'editor', answers: 'html', handler: showImportForm },
  { method: 'post', path: '/documents', access: 'editor', answers: 'both', multipart: true, handler: importArticle, refused: refuseImport },
  { method: 'get', path: '/documents/:id', access: 'viewer', answers: 'both', handler: showDocument },
  { method: 'get', path: '/documents/:id/progress', access: 'viewer', answers: 'json', handler: showProgress },
  { method: 'get', path: '/documents/:id/export', access: 'viewer', answers: 'both', handler: exportDocumentFile },
  { method: 'get', path: '/documents/:id/report', access: 'viewer', answers: 'html', handler: showReport },
  { method: 'get', path: '/documents/:id/replace', access: 'editor', answers: 'html', handler: showReplaceForm },
  { method: 'post', path: '/documents/:id/replacements/preview', access: 'editor', answers: 'json', handler: previewReplace },
  { method: 'post', path: '/replacements', access: 'editor', answers: 'both', handler: applyReplace },
  { method: 'get', path: '/checks', access: 'viewer', answers: 'json', handler: showChecks },
  { method: 'get', path: '/documents/:id/manage', access: 'editor', answers: 'html', handler: showManageForm },
  { method: 'put', path: '/documents/:id/title', access: 'editor', answers: 'both', handler: renameDocumentTitle, refused: refuseManage },
  { method: 'put', path: '/documents/:id/archived', access: 'admin', answers: 'both', handler: archiveDocumentFromList, refused: refuseManage },
  { method: 'delete', path: '/documents/:id', access: 'admin', answers: 'both', handler: deleteDocumentForGood, refused: refuseManage },

  // The live document: its changes as they happen, and who is editing which sentence.
  { method: 'get', path: '/documents/:id/events', access: 'viewer', answers: 'json', handler: streamDocumentEvents },
  { method: 'post', path: '/segments/:id/presence', access: 'editor', answers: 'json', handler: announcePresence },
  { method: 'put', path: '/documents/:id/variant', access: 'editor', answers: 'both', handler: setDocumentVariant },

  // One sentence.
  { method: 'put', path: '/segments/:id', access: 'editor', answers: 'both', handler: saveSentence, refused: refuseSave },
  { method: 'post', path: '/segments/:id/compare', access: 'editor', answers: 'json', handler: compareSentence },
  { method: 'post', path: '/segments/:id/revert', access: 'editor', answers: 'both', handler: revertSentence },
  { method: 'post', path: '/segments/:id/apply-suggestion', access: 'editor', answers: 'both', handler: applyFlagSuggestion },
  { method: 'post', path: '/segments/:id/dismissals', access: 'editor', answers: 'both', handler: dismissSentenceFlag },
  { method: 'delete', path: '/segments/:id/dismissals/:dismissalId', access: 'editor', answers: 'both', handler: restoreSentenceFlag },
  { method: 'post', path: '/segments/:id/status', access: 'editor', answers: 'both', handler: setSentenceStatus },
  { method: 'post', path: '/segments/:id/comments', access: 'editor', answers: 'both', handler: commentOnSentence },
  { method: 'get', path: '/segments/:id/propagation', access: 'viewer', answers: 'json', handler: showPropagation },
  { method: 'get', path: '/segments/:id/fragment', access: 'viewer', answers: 'html', handler: showSentenceFragment },
  { method: 'get', path: '/segments/:id/edit', access: 'editor', answers: 'html', handler: showSentenceEditor },

  // Every change made with one key or click is an action, undone as one.
  { method: 'post', path: '/actions/:id/undo', access: 'editor', answers: 'both', handler: undoChange },

  // History.
  { method: 'get', path: '/segments/:id/history', access: 'viewer', answers: 'html', handler: showSentenceHistory },
  { method: 'get', path: '/segments/:id/revisions', access: 'viewer', answers: 'json', handler: showRevisions },
  { method: 'get', path: '/segments/:id/blame', access: 'viewer', answers: 'json', handler: showBlame },
  { method: 'get', path: '/documents/:id/timeline', access: 'viewer', answers: 'both', handler: showTimeline },
  { method: 'get', path: '/documents/:id/compare', access: 'viewer', answers: 'both', handler: showComparison },
  { method: 'post', path: '/documents/:id/revert-author', access: 'admin', answers: 'both', handler: revertAuthor },

  // Newsroom rules and the observed precision of checks and entries.
  { method: 'get', path: '/rules', access: 'viewer', answers: 'both', handler: showRules },
  { method: 'post', path: '/rules', access: 'editor', answers: 'both', handler: addRules },
  { method: 'get', path: '/rules/export', access: 'viewer', answers: 'both', handler: downloadRules },
  { method: 'put', path: '/rules/:id', access: 'editor', answers: 'both', handler: changeRule },
  { method: 'post', path: '/rules/:id/delete', access: 'editor', answers: 'both', handler: removeRule },
  { method: 'post', path: '/judgements/:kind/:id/override', access: 'admin', answers: 'both', handler: overrideSubjectHint },

  // The source text and its alignment.
  { method: 'get', path: '/documents/:id/source', access: 'viewer', answers: 'both', handler: showSource },
  { method: 'post', path: '/documents/:id/source', access: 'editor', answers: 'both', multipart: true, handler: attachSourceText, refused: refuseSource },
  { method: 'put', path: '/segments/:id/source-links', access: 'editor', answers: 'both', handler: relinkSentence },
];
