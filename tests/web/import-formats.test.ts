import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUrlPolicy } from '../../src/services/fetch-page.js';
import { buildArticleDocx } from '../support/docx-fixtures.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'formats');
const PAGE = fs.readFileSync(path.join(FIXTURES, 'article.html'));

/** Retouche as RETOUCHE_ALLOW_PRIVATE_URLS=1 runs it, Retouche as it runs by default, and a web server for both to fetch from. */
let allowing: TestServer;
let strict: TestServer;
let site: http.Server;
let pageUrl: string;
beforeAll(async () => {
  [allowing, strict] = await Promise.all([startTestServer({ urlPolicy: createUrlPolicy({ allowPrivateAddresses: true }) }), startTestServer()]);
  site = http.createServer((_request, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE));
  site.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => site.once('listening', resolve));
  pageUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/reform.html`;
});
afterAll(async () => {
  site.closeAllConnections();
  await new Promise<void>((resolve) => site.close(() => resolve()));
  await Promise.all([allowing.close(), strict.close()]);
});

function fileForm(name: string, content: Uint8Array | string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  form.set('file', new Blob([Buffer.from(content)]), name);
  return form;
}

async function documentCount(server: TestServer): Promise<number> {
  return (await (await server.fetch('/api/documents')).json()).total;
}

async function segmentsOf(server: TestServer, id: number): Promise<{ role: string; status: string; text: string }[]> {
  const { segments } = await (await server.fetch(`/api/documents/${id}`)).json();
  return segments.map(({ role, status, text }: { role: string; status: string; text: string }) => ({ role, status, text }));
}

describe('POST /api/documents with a file (curl -F file=@...)', () => {
  it('imports Word, web page, Markdown and XLIFF uploads, with roles and sources', async () => {
    const uploads: [string, Uint8Array | string, string][] = [
      ['storm.docx', await buildArticleDocx(), 'Storm: three departments on orange alert'],
      ['reform.html', PAGE, 'Pension reform: the unions call a new day of strikes'],
      ['storm.md', '# Storm warning\n\nThe storm reached the coast on Sunday night.\n', 'Storm warning'],
      ['mt.xlf', fs.readFileSync(path.join(FIXTURES, 'article-2.xlf')), 'mt'],
    ];
    for (const [name, content, title] of uploads) {
      const response = await allowing.fetch('/api/documents', { method: 'POST', body: fileForm(name, content) });
      expect(response.status, name).toBe(201);
      const body = await response.json();
      expect(body.document.title, name).toBe(title);
      if (name === 'mt.xlf') expect(body.source).toEqual({ language: 'fr', sentenceCount: 4, linkedCount: 4 });
      if (name === 'storm.docx') {
        expect((await segmentsOf(allowing, body.document.id)).slice(0, 2)).toEqual([
          { role: 'heading', status: 'to-review', text: 'Storm: three departments on orange alert' },
          { role: 'credit', status: 'excluded', text: 'By Marie Lefèvre' },
        ]);
      }
    }
  });

  it('goes by the media type of an upload whose name has no extension', async () => {
    const form = new FormData();
    // Read as plain text, this would be a sentence starting with "#".
    form.set('file', new Blob(['# Storm warning\n\nThe storm reached the coast on Sunday night.\n'], { type: 'text/markdown' }), 'notes');
    const response = await allowing.fetch('/api/documents', { method: 'POST', body: form });
    expect(response.status).toBe(201);
    expect((await response.json()).document.title).toBe('Storm warning');
  });

  it('refuses each bad upload with a JSON error naming the problem, and stores nothing', async () => {
    const before = await documentCount(allowing);
    const docx = await buildArticleDocx();
    const cases: [FormData, number, RegExp][] = [
      [fileForm('story.docx', docx.subarray(0, 2000)), 400, /cut off or corrupt/],
      [fileForm('story.docx', 'plain text'), 415, /not a Word file/],
      [fileForm('mt.xlf', '<xliff version="2.0"'), 400, /not well-formed XML/],
      [fileForm('mt.xlf', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'), 400, /declares a DTD/],
      [fileForm('home.html', '<html><body><nav><a href="/">Home</a></nav></body></html>'), 400, /no article text/],
      [fileForm('story.odt', 'x'), 415, /OpenDocument/],
      [fileForm('story.txt', Buffer.alloc(2 * 1024 * 1024 + 1, 'a')), 413, /2\.0 MB/],
      [fileForm('story.txt', 'Hello.', { url: pageUrl }), 400, /one of them/],
    ];
    for (const [form, status, message] of cases) {
      const response = await allowing.fetch('/api/documents', { method: 'POST', body: form });
      expect(response.status, message.source).toBe(status);
      expect((await response.json()).error.message).toMatch(message);
    }
    expect(await documentCount(allowing)).toBe(before);
  });
});

describe('POST /api/documents with a URL', () => {
  it('fetches the page when private addresses are allowed, and refuses the same address by default', async () => {
    const response = await allowing.fetch('/api/documents', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ url: pageUrl }),
    });
    expect(response.status).toBe(201);
    expect((await response.json()).document.title).toBe('Pension reform: the unions call a new day of strikes');

    const before = await documentCount(strict);
    const refused = await strict.fetch('/api/documents', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ url: pageUrl }),
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toMatch(/does not fetch 127\.0\.0\.1 .* private, loopback or reserved address/);
    expect(await documentCount(strict)).toBe(before);
  });
});

describe('the import page and the export downloads', () => {
  it('lists the formats it takes and imports an uploaded file from the page form', async () => {
    const { cookie, csrfToken } = await allowing.sessionFor('Ana');
    const page = await (await fetch(`${allowing.url}/import`, { headers: { cookie } })).text();
    for (const text of ['<strong>Word</strong> (.docx)', '<strong>Web page</strong> (.html, .htm)', '<strong>XLIFF 1.2 or 2.x</strong> (.xlf, .xliff)',
      '<strong>Markdown</strong> (.md)', 'accept=".docx,.html,.htm,.xlf,.xliff,.md,.txt"', 'name="url"']) {
      expect(page).toContain(text);
    }
    const form = fileForm('storm.docx', await buildArticleDocx(), { _csrf: csrfToken, targetLanguage: 'en' });
    const response = await fetch(`${allowing.url}/documents`, { method: 'POST', body: form, redirect: 'manual', headers: { cookie } });
    expect(response.status).toBe(303);
    const broken = fileForm('storm.docx', 'not a zip', { _csrf: csrfToken });
    const refused = await fetch(`${allowing.url}/documents`, { method: 'POST', body: broken, redirect: 'manual', headers: { cookie } });
    expect(refused.status).toBe(415);
    expect(await refused.text()).toMatch(/not a Word file: it is not a zip archive\. Nothing was stored\./);
  });

  it('gives an XLIFF file back with the corrections in it', async () => {
    const original = fs.readFileSync(path.join(FIXTURES, 'article-1.2.xlf'));
    const { document } = await (await allowing.fetch('/api/documents', { method: 'POST', body: fileForm('greve.xlf', original) })).json();
    const untouched = await allowing.fetch(`/api/documents/${document.id}/export?format=xliff`);
    expect(untouched.headers.get('content-type')).toBe('application/xliff+xml; charset=utf-8');
    expect(Buffer.from(await untouched.arrayBuffer()).equals(original)).toBe(true);
    const { segments } = await (await allowing.fetch(`/api/documents/${document.id}`)).json();
    const saved = await allowing.fetch(`/api/segments/${segments[0].id}`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'Strike: unions call for a demonstration on Thursday', baseRevision: 0 }),
    });
    expect(saved.status).toBe(200);
    const corrected = await (await allowing.fetch(`/api/documents/${document.id}/export?format=xliff`)).text();
    expect(corrected).toBe(original.toString('utf8').replace('>Strike: the unions call to demonstrate on Thursday<', '>Strike: unions call for a demonstration on Thursday<'));
  });

  it('downloads Word and HTML exports', async () => {
    const created = await allowing.fetch('/api/documents', { method: 'POST', body: fileForm('reform.html', PAGE) });
    const { document } = await created.json();
    const docx = await allowing.fetch(`/api/documents/${document.id}/export?format=docx`);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers.get('content-disposition')).toMatch(/^attachment; filename="?\d+-pension-reform-the-unions-call-a-new-day-of-strikes\.docx"?$/);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) })).value;
    expect(text.startsWith('Pension reform: the unions call a new day of strikes\n\nDemonstrators marched from République to Nation on Tuesday.\n\n')).toBe(true);
    const html = await allowing.fetch(`/api/documents/${document.id}/export?format=html`);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toMatch(/^<article lang="en">\n<h1>Pension reform: the unions call a new day of strikes<\/h1>\n<p class="caption">/);
    const exportPage = await (await fetch(`${allowing.url}/documents/${document.id}/export`, { headers: { cookie: (await allowing.sessionFor('Ana')).cookie } })).text();
    expect(exportPage).toContain(`href="/api/documents/${document.id}/export?format=docx"`);
    expect(exportPage).toContain(`href="/api/documents/${document.id}/export?format=html"`);
  });
});
