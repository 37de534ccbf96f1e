export {
  createTextPatch,
  applyTextPatch,
  reverseTextPatch,
  serializeTextPatch,
  parseTextPatch,
  PatchMismatchError,
  PatchFormatError,
  type PatchOp,
  type TextPatch,
} from './text-patch.js';
export {
  CHECKPOINT_INTERVAL,
  isCheckpointRevision,
  revisionsNeededFor,
  createStoredRevision,
  rebuildText,
  BrokenHistoryError,
  type StoredRevision,
} from './rebuild.js';
export { diffForDisplay, diffSideBySide, type DiffPart } from './display-diff.js';
