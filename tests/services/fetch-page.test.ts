import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/services/errors.js';
import { createUrlPolicy, isPublicAddress, type UrlPolicy } from '../../src/services/fetch-page.js';
import { importDocument } from '../../src/services/import-document.js';
import type { Storage } from '../../src/storage/types.js';
import { buildArticleDocx } from '../support/docx-fixtures.js';
import { createTestAnalyzer, createTestStorage } from '../support/test-server.js';
import type { Analyzer } from '../../src/services/document-analysis.js';

const PAGE = fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'formats', 'article.html'));
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A web server on loopback with the pages the tests fetch; it answers nothing else. */
let server: http.Server;
let origin: string;
let docx: Uint8Array;
beforeAll(async () => {
  docx = await buildArticleDocx();
  server = http.createServer((request, response) => {
    switch (request.url) {
      case '/story.html': return response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
      case '/story.html.gz': return response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }).end(zlib.gzipSync(PAGE));
      case '/documents/42': return response.writeHead(200, { 'Content-Type': DOCX_TYPE }).end(docx);
      case '/moved': return response.writeHead(301, { Location: '/story.html' }).end();
      case '/elsewhere': return response.writeHead(302, { Location: `http://127.0.0.2:${(server.address() as AddressInfo).port}/story.html` }).end();
      case '/loop': return response.writeHead(302, { Location: '/loop' }).end();
      case '/missing': return response.writeHead(404).end('Not found');
      case '/declared-big': return response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(3 * 1024 * 1024) }).end();
      case '/streamed-big': {
        response.writeHead(200, { 'Content-Type': 'text/html' });
        const chunk = Buffer.alloc(256 * 1024, 'a');
        for (let index = 0; index < 12; index++) response.write(chunk);
        return response.end();
      }
      case '/gzip-bomb': return response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }).end(zlib.gzipSync(Buffer.alloc(20 * 1024 * 1024)));
      case '/slow': return; // never answers: the import's time limit must end it
      default: return response.writeHead(404).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let storage: Storage;
let analyzer: Analyzer;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ storage, remove } = await createTestStorage());
  analyzer = createTestAnalyzer(storage);
});
afterEach(async () => remove());

/** What RETOUCHE_ALLOW_PRIVATE_URLS=1 gives, with a short time limit for the slow page. */
const ALLOW_PRIVATE: UrlPolicy = { ...createUrlPolicy({ allowPrivateAddresses: true }), timeoutMs: 500 };
const PUBLIC_ONLY = createUrlPolicy({ allowPrivateAddresses: false });

async function importUrl(url: string, urlPolicy: UrlPolicy = ALLOW_PRIVATE) {
  return importDocument(storage, analyzer, { url, author: 'ana' }, { urlPolicy });
}

async function refusal(url: string, urlPolicy: UrlPolicy = ALLOW_PRIVATE): Promise<{ code: string; message: string }> {
  const error = await importUrl(url, urlPolicy).then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof ServiceError)) throw new Error(`expected a ServiceError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

describe('import from a URL', () => {
  it('fetches a page, a gzipped page, a redirect and a Word file served without an extension', async () => {
    const page = await importUrl(`${origin}/story.html`);
    expect(page.document.title).toBe('Pension reform: the unions call a new day of strikes');
    expect(page.segmentCount).toBe(15);
    expect((await importUrl(`${origin}/story.html.gz`)).segmentCount).toBe(15);
    expect((await importUrl(`${origin}/moved`)).document.title).toBe(page.document.title);
    const word = await importUrl(`${origin}/documents/42`);
    expect(word.document.title).toBe('Storm: three departments on orange alert');
    expect(await storage.documents.count()).toBe(4);
  });

  it('refuses private and loopback addresses unless allowed, by address and by name, and on redirects', async () => {
    expect(await refusal(`${origin}/story.html`, PUBLIC_ONLY)).toEqual({ code: 'invalid-input', message: expect.stringMatching(/does not fetch 127\.0\.0\.1 \(127\.0\.0\.1\): it is a private, loopback or reserved address/) });
    // A name is checked on the addresses it resolves to, which the connection then uses.
    const port = (server.address() as AddressInfo).port;
    expect((await refusal(`http://localhost:${port}/story.html`, PUBLIC_ONLY)).message).toMatch(/does not fetch localhost \((127\.0\.0\.1|::1)\)/);
    expect((await refusal(`http://[::ffff:127.0.0.1]:${port}/story.html`, PUBLIC_ONLY)).message).toMatch(/private, loopback or reserved/);
    // Each redirect is checked again: here only 127.0.0.1 is allowed, and the page sends the fetch to 127.0.0.2.
    const onlyThisServer: UrlPolicy = { isAllowedAddress: (address) => address === '127.0.0.1', timeoutMs: 2000 };
    expect((await importUrl(`${origin}/moved`, onlyThisServer)).segmentCount).toBe(15);
    expect((await refusal(`${origin}/elsewhere`, onlyThisServer)).message).toMatch(/does not fetch 127\.0\.0\.2/);
    expect(await storage.documents.count()).toBe(1);
  });

  it('refuses what cannot be fetched within the limits, with a message that says why, storing nothing', async () => {
    const cases: [string, string, RegExp][] = [
      [`${origin}/slow`, 'invalid-input', /did not answer within 0\.5 seconds/],
      [`${origin}/declared-big`, 'too-large', /larger than the 2 MB limit/],
      [`${origin}/streamed-big`, 'too-large', /larger than the 2 MB limit/],
      [`${origin}/gzip-bomb`, 'too-large', /larger than the 2 MB limit/],
      [`${origin}/missing`, 'invalid-input', /answered 404 Not Found/],
      [`${origin}/loop`, 'invalid-input', /redirects more than 5 times/],
      ['ftp://127.0.0.1/story.html', 'invalid-input', /only http and https URLs, not ftp/],
      ['file:///etc/passwd', 'invalid-input', /only http and https URLs, not file/],
      ['not a url', 'invalid-input', /is not a URL/],
      [`http://user:secret@127.0.0.1:1/`, 'invalid-input', /without a user name or password/],
    ];
    for (const [url, code, message] of cases) expect(await refusal(url), url).toEqual({ code, message: expect.stringMatching(message) });
    expect(await storage.documents.count()).toBe(0);
  });
});

describe('isPublicAddress', () => {
  it.each([
    ['93.184.215.14', true], ['2606:4700:4700::1111', true], ['::ffff:8.8.8.8', true],
    ['127.0.0.1', false], ['10.1.2.3', false], ['172.16.0.1', false], ['192.168.1.1', false], ['169.254.169.254', false],
    ['100.64.0.1', false], ['0.0.0.0', false], ['224.0.0.1', false], ['255.255.255.255', false],
    ['::1', false], ['::', false], ['fe80::1', false], ['fc00::1', false], ['fd12:3456::1', false], ['::ffff:10.0.0.1', false],
    ['2002:0a00:0001::1', false], ['not an address', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});
