import path from 'node:path';

/** Where the EJS views and their static files live, beside src/ and dist/. */
export const VIEWS_DIRECTORY = path.resolve(import.meta.dirname, '..', '..', 'views');
