import multer from 'multer';
import { MAX_ARTICLE_BYTES } from '../services/limits.js';

/**
 * Multipart parsing for the import form: the file stays in memory (it is at most 2 MB) and
 * fields are capped at the same size, so an oversized paste is refused before it is read whole.
 */
export const parseImportForm = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_ARTICLE_BYTES, fieldSize: MAX_ARTICLE_BYTES, files: 1, fields: 10 },
}).single('file');
