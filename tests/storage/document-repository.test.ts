import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importDocument } from '../../src/services/import-document.js';
import type { Storage } from '../../src/storage/types.js';
import { createTestStorage } from '../support/test-server.js';

let storage: Storage;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ storage, remove } = await createTestStorage());
});
afterEach(async () => {
  await remove();
});

describe('document repository', () => {
  it('reads a document without its imported text, and with it only when asked', async () => {
    const text = 'Decrees against complaint.\n\nThe application for its part filed a complaint.';
    const { document } = await importDocument(storage, { text, title: 'Decrees', author: 'importer' });
    const plain = await storage.documents.get(document.id);
    expect(plain).toMatchObject({ id: document.id, title: 'Decrees', targetLanguage: 'en', sourceLanguage: null });
    expect(plain).not.toHaveProperty('originalText');
    expect(await storage.documents.getWithText(document.id)).toEqual({ ...plain, originalText: text });
    expect(await storage.documents.getWithText(document.id + 1)).toBeUndefined();
  });
});
