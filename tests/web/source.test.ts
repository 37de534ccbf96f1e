import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElements, parseXml, readXliffText } from '../support/parse-xml.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// A translation and its original, written for this test: four French sentences, the translation
// merges the last two into one and adds nothing.
const FRENCH = [
  "Le ministre de l'Économie a annoncé mardi une hausse de 3,5 % du salaire minimum.",
  'Les syndicats ont salué une mesure attendue depuis des mois.',
  "Le patronat craint pour l'emploi. Il demande des compensations.",
].join('\n\n');
const ENGLISH = [
  'The Economy Minister announced on Tuesday a 3.5% rise in the minimum wage.',
  'The unions welcomed a measure they had awaited for months.',
  'Employers fear for jobs and are asking for compensation.',
].join('\n\n');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function post(path: string, body: unknown, method = 'POST') {
  const response = await server.fetch(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

describe('source texts', () => {
  it('imports a translation with its source and aligns them, 2-1 included', async () => {
    const created = await post('/api/documents', { title: 'Wage', text: ENGLISH, sourceText: FRENCH });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ source: { language: 'fr', sentenceCount: 4, linkedCount: 3 }, sourceError: null });
    const alignment = (await server.fetch(`/api/documents/${created.body.document.id}/source`).then((response) => response.json()));
    expect(alignment.language).toBe('fr');
    expect(alignment.links.map((link: { source: string }) => link.source)).toEqual([
      "Le ministre de l'Économie a annoncé mardi une hausse de 3,5 % du salaire minimum.",
      'Les syndicats ont salué une mesure attendue depuis des mois.',
      "Le patronat craint pour l'emploi. Il demande des compensations.",
    ]);
    expect(alignment.unlinked).toEqual([]);
  });

  it('lets an editor correct a link, stored and shown on the source page', async () => {
    const created = await post('/api/documents', { title: 'Wage 2', text: ENGLISH, sourceText: FRENCH });
    const id = created.body.document.id;
    const { segments } = await server.fetch(`/api/documents/${id}`).then((response) => response.json());
    expect((await post(`/api/segments/${segments[2].id}/source-links`, { positions: '3' }, 'PUT')).status).toBe(200);
    const alignment = await server.fetch(`/api/documents/${id}/source`).then((response) => response.json());
    expect(alignment.links[2].source).toBe("Le patronat craint pour l'emploi.");
    expect(alignment.unlinked).toHaveLength(1);
    expect((await post(`/api/segments/${segments[2].id}/source-links`, { positions: '9' }, 'PUT')).body.error.message).toMatch(/has no sentence 9 \(it has 4\)/);
    const { cookie } = await server.sessionFor('Ana');
    const page = await (await fetch(`${server.url}/documents/${id}/source`, { headers: { cookie } })).text();
    expect(page).toContain('1 source sentence is linked to no translated sentence');
  });

  it('refuses a source in the translation\'s language, an empty one, or one ten times too long, keeping the document usable', async () => {
    const created = await post('/api/documents', { title: 'Wage 3', text: ENGLISH, sourceText: ENGLISH });
    expect(created.status).toBe(201);
    expect(created.body.sourceError).toMatch(/looks like English, the language of the translation/);
    const id = created.body.document.id;
    expect((await post(`/api/documents/${id}/source`, { sourceText: '  ' })).body.error.message).toMatch(/source is empty/);
    expect((await post(`/api/documents/${id}/source`, { sourceText: FRENCH.repeat(12) })).body.error.message).toMatch(/times longer than the translation/);
    const alignment = await server.fetch(`/api/documents/${id}/source`).then((response) => response.json());
    expect(alignment).toMatchObject({ language: null, sentences: [] });
    expect((await server.fetch(`/api/documents/${id}`)).status).toBe(200);
  });

  it('exports the source: XLIFF with the original as <source> and the MT as a note, JSON with each sentence\'s source', async () => {
    const created = await post('/api/documents', { title: 'Wage 5', text: ENGLISH, sourceText: FRENCH });
    const id = created.body.document.id;
    const xliff = await (await server.fetch(`/api/documents/${id}/export?format=xliff`)).text();
    const root = parseXml(xliff);
    expect(root.attributes).toMatchObject({ srcLang: 'fr', trgLang: 'en' });
    const [unit] = findElements(root, 'unit');
    expect(readXliffText(findElements(unit!, 'source')[0]!)).toBe("Le ministre de l'Économie a annoncé mardi une hausse de 3,5 % du salaire minimum.");
    expect(readXliffText(findElements(unit!, 'note')[0]!)).toBe('The Economy Minister announced on Tuesday a 3.5% rise in the minimum wage.');
    const json = await (await server.fetch(`/api/documents/${id}/export?format=json`)).json();
    expect(json.document.sourceLanguage).toBe('fr');
    expect(json.segments[1].source).toBe('Les syndicats ont salué une mesure attendue depuis des mois.');
  });

  it('gives each sentence its source, shows it on the page, and runs the bilingual checks on it', async () => {
    const wrongNumber = ENGLISH.replace('a 3.5% rise', 'a 35% rise');
    const created = await post('/api/documents', { title: 'Wage 6', text: wrongNumber, sourceText: FRENCH });
    const id = created.body.document.id;
    const document = await (await server.fetch(`/api/documents/${id}`)).json();
    expect(document.segments[1].source).toBe('Les syndicats ont salué une mesure attendue depuis des mois.');
    const flag = document.segments[0].flags.find((candidate: { checkId: string }) => candidate.checkId === 'number-mismatch');
    expect(flag).toBeDefined();
    expect(document.segments[0].text.slice(flag.start, flag.end)).toContain('35');
    const checks = (await (await server.fetch('/api/checks')).json()).checks;
    expect(checks.filter((check: { needsSource: boolean }) => check.needsSource).map((check: { id: string }) => check.id)).toContain('number-mismatch');
    const { cookie } = await server.sessionFor('Ana');
    const page = await (await fetch(`${server.url}/documents/${id}`, { headers: { cookie } })).text();
    expect(page).toContain('<p class="source-text" lang="fr"><span class="label">source</span> Les syndicats ont salué');
    // Correcting the number clears the flag: the sentence is re-analysed against its source.
    const fixed = await post(`/api/segments/${document.segments[0].id}`, { text: ENGLISH.split('\n\n')[0], baseRevision: 0 }, 'PUT');
    expect(fixed.body.segment.flags.some((candidate: { checkId: string }) => candidate.checkId === 'number-mismatch')).toBe(false);
  });

  it('attaches a source later from the plain form, with the CSRF token', async () => {
    const created = await post('/api/documents', { title: 'Wage 4', text: ENGLISH });
    const { cookie, csrfToken } = await server.sessionFor('Ana');
    const form = new FormData();
    form.set('_csrf', csrfToken);
    form.set('sourceText', FRENCH);
    const response = await fetch(`${server.url}/documents/${created.body.document.id}/source`, { method: 'POST', body: form, headers: { cookie }, redirect: 'manual' });
    expect(response.status).toBe(303);
    const alignment = await server.fetch(`/api/documents/${created.body.document.id}/source`).then((answer) => answer.json());
    expect(alignment.sentences).toHaveLength(4);
  });
});
