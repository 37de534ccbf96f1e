import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPRESSION_THRESHOLD_BYTES } from '../../src/web/compress-responses.js';
import { importSeedThroughApi, startTestServer, type SeedDocument, type TestServer } from '../support/test-server.js';

let server: TestServer;
let seed: SeedDocument;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer();
  seed = await importSeedThroughApi(server);
  ({ cookie } = await server.sessionFor('Ana'));
});
afterAll(() => server.close());

interface RawAnswer { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

// node:http, not fetch: fetch asks for gzip itself and hides the encoding it undid.
async function get(path: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http.get(`${server.url}${path}`, { headers: { cookie, ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('compressed answers', () => {
  it('gzips the document page for a client that accepts it, the same page once unzipped', async () => {
    const plain = await get(`/documents/${seed.document.id}`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    // The lighter page: one editor form for the page, no forms per sentence.
    expect(plain.body.length).toBeLessThanOrEqual(45_000);
    const zipped = await get(`/documents/${seed.document.id}`, { 'accept-encoding': 'gzip, deflate' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 4);
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(plain.body.toString('utf8'));
  });

  it('gzips the streamed JSON export as it goes, the same file once unzipped', async () => {
    const path = `/api/documents/${seed.document.id}/export?format=json`;
    const plain = await get(path, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-disposition']).toBe(`attachment; filename=${seed.document.id}-seed.json`);
    expect(JSON.parse(plain.body.toString('utf8')).segments).toHaveLength(seed.segments.length);
    const zipped = await get(path, { 'accept-encoding': 'gzip' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 4);
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(plain.body.toString('utf8'));
  });

  it('compresses the stylesheet and leaves answers under the threshold alone', async () => {
    const style = await get('/static/style.css', { 'accept-encoding': 'gzip' });
    expect(style.headers['content-encoding']).toBe('gzip');
    const small = await get(`/api/documents/${seed.document.id}/progress`, { 'accept-encoding': 'gzip' });
    expect(small.status).toBe(200);
    expect(small.body.length).toBeLessThan(COMPRESSION_THRESHOLD_BYTES);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
