import { applyPatch } from 'diff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElements, parseXml, readXliffText } from '../support/parse-xml.js';
import { importSeedThroughApi, startTestServer, type SeedDocument, type TestServer } from '../support/test-server.js';

let server: TestServer;
let seed: SeedDocument;
/** The plain-text export right after import: the machine translation the patch applies to. */
let machineTranslation: string;

const TENANT = 'This is an announcement that will not fail to react the tenant of the White House as he has invested in the file.';
const FIXED = 'This announcement is sure to draw a reaction from the occupant of the White House, who has taken a personal interest in the matter.';
const OFFER = "Microsoft's offer to buy out TikTok's US operations has been rejected by ByteDance, the platform's Chinese owner, the US IT giant announced Sunday evening.";
const HOSTILE = '<script>alert(1)</script> & "quotes" ]]>';

beforeAll(async () => {
  server = await startTestServer();
  seed = await importSeedThroughApi(server);
  machineTranslation = await (await download('txt')).text();
  for (const [original, text] of [[TENANT, FIXED], [OFFER, HOSTILE]] as const) {
    const segment = seed.segments.find((candidate) => candidate.original === original)!;
    const saved = await server.fetch(`/api/segments/${segment.id}`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, baseRevision: 0, author: 'Ana' }),
    });
    expect(saved.status).toBe(200);
  }
});
afterAll(() => server.close());

function download(format: string) {
  return server.fetch(`/api/documents/${seed.document.id}/export?format=${format}`);
}

/** Status, media type and attachment name of a download. */
function describeDownload(response: Response) {
  const disposition = response.headers.get('content-disposition') ?? '';
  const attachment = /^attachment; filename="?([^";]+)"?$/.exec(disposition)?.[1] ?? `not an attachment: ${disposition}`;
  return { status: response.status, type: response.headers.get('content-type'), attachment };
}

describe('export downloads', () => {
  const id = () => seed.document.id;

  it('plain text has the corrections and the hostile text as is', async () => {
    const response = await download('txt');
    expect(describeDownload(response)).toEqual({ status: 200, type: 'text/plain; charset=utf-8', attachment: `${id()}-seed.txt` });
    const text = await response.text();
    expect(text).toContain(`${FIXED}\n\n${HOSTILE}\n\n`);
  });

  it('Markdown has the title, headings and paragraphs, with the hostile text escaped', async () => {
    const response = await download('md');
    expect(describeDownload(response)).toEqual({ status: 200, type: 'text/markdown; charset=utf-8', attachment: `${id()}-seed.md` });
    const markdown = await response.text();
    // The photo's caption and credit are page noise, left out.
    expect(markdown.startsWith(`# Seed\n\n${FIXED}\n\n`)).toBe(true);
    expect(markdown).toContain('\n\n## Decrees against complaint\n\n');
    expect(markdown).toContain(`\n\n${FIXED}\n\n\\<script>alert(1)\\</script> & "quotes" \\]\\]>\n\n`);
    expect(markdown).not.toContain('Dongxu Fang');
    expect(markdown).not.toContain('in front of the American flag');
  });

  it('JSON has every sentence with its revisions', async () => {
    const response = await download('json');
    expect(describeDownload(response)).toEqual({ status: 200, type: 'application/json; charset=utf-8', attachment: `${id()}-seed.json` });
    const json = await response.json();
    expect(json.segments).toHaveLength(28);
    expect(json.segments.find((segment: { original: string }) => segment.original === OFFER)).toMatchObject({ text: HOSTILE, status: 'edited' });
  });

  it('a JSON export that fails half-way ends as a failed download, and the server goes on', async () => {
    const broken = await startTestServer();
    const imported = await importSeedThroughApi(broken);
    // The sentences' revisions cannot be read once the head of the file is out (a lost database connection, say).
    Object.assign(broken.storage.revisions, { listBySegments: () => Promise.reject(new Error('connection lost')) });
    // Compressed, the head may still be in gzip's buffer: the client then sees no answer at all, else a body cut short.
    for (const encoding of ['identity', 'gzip']) {
      const download = broken.fetch(`/api/documents/${imported.document.id}/export?format=json`, { headers: { 'Accept-Encoding': encoding } });
      await expect(download.then((response) => response.text()), encoding).rejects.toThrow();
    }
    expect((await broken.fetch(`/api/documents/${imported.document.id}/export?format=txt`)).status).toBe(200);
    await broken.close();
  });

  it('the patch turns the machine translation into the corrected text', async () => {
    const response = await download('patch');
    expect(describeDownload(response)).toEqual({ status: 200, type: 'text/x-diff; charset=utf-8', attachment: `${id()}-seed.patch` });
    const patch = await response.text();
    expect(patch).toContain(`--- ${id()}-seed.mt.txt\n+++ ${id()}-seed.txt\n`);
    expect(applyPatch(machineTranslation, patch)).toBe(await (await download('txt')).text());
  });

  it('XLIFF parses, has one unit per sentence and the corrected text as targets', async () => {
    const response = await download('xliff');
    expect(describeDownload(response)).toEqual({ status: 200, type: 'application/xliff+xml; charset=utf-8', attachment: `${id()}-seed.xlf` });
    const root = parseXml(await response.text());
    expect(root.attributes).toMatchObject({ version: '2.1', srcLang: 'en', trgLang: 'en' });
    const units = findElements(root, 'unit');
    expect(units).toHaveLength(28);
    const targets = findElements(root, 'target').map(readXliffText);
    expect(targets).toContain(FIXED);
    expect(targets).toContain(HOSTILE);
    expect(findElements(root, 'source').map(readXliffText)).toContain(TENANT);
  });

  it('CSV is the report: a header and one row per sentence', async () => {
    const response = await download('csv');
    expect(describeDownload(response)).toEqual({
      status: 200, type: 'text/csv; charset=utf-8; header=present', attachment: `${id()}-seed-report.csv`,
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = new TextDecoder().decode(bytes).split('\r\n');
    expect(rows).toHaveLength(1 + 28 + 1);
    expect(rows[0]!.startsWith('sentence,paragraph,role,status,changed,edit_rate')).toBe(true);
    // 24 MT words replaced by 4 (4 substitutions, 20 deletions): rate 6; "(1)" makes it a number change too.
    expect(rows.find((row) => row.startsWith('5,'))).toBe(
      `5,5,body,edited,yes,6,24,4,word-choice numbers,1,0,0,1,false-friends,"${OFFER}","${HOSTILE.replaceAll('"', '""')}"`,
    );
    expect(rows.at(-1)).toBe('');
  });

  it('refuses an unknown format', async () => {
    const response = await download('pdf');
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('invalid-input');
  });
});

describe('post-editing report page', () => {
  it('shows the summary, the checks and each sentence, with text escaped', async () => {
    const response = await server.fetch(`/documents/${seed.document.id}/report`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<h1>Post-editing report</h1>');
    expect(html).toContain(`href="/api/documents/${seed.document.id}/export?format=csv"`);
    expect(html).toContain('False friends and calques');
    expect(html).toContain('<ins>occupant</ins>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
  });
});
