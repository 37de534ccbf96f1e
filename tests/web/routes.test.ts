import { describe, expect, it } from 'vitest';
import { registrationsOf } from '../../src/web/route-table.js';
import { ROUTES } from '../../src/web/routes.js';

describe('the route table', () => {
  it('registers every method and path once, pages and API together', () => {
    const registered = ROUTES.flatMap(registrationsOf).map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    const twice = registered.filter((key, index) => registered.indexOf(key) !== index);
    expect(twice).toEqual([]);
    const entries = ROUTES.map(({ method, path }) => `${method} ${path}`);
    expect(entries.filter((key, index) => entries.indexOf(key) !== index)).toEqual([]);
  });

  it('mounts a route that answers both at its path for people and under /api for scripts, a PUT form posting', () => {
    const save = ROUTES.find((route) => route.method === 'put' && route.path === '/segments/:id')!;
    expect(registrationsOf(save)).toEqual([
      { method: 'put', path: '/api/segments/:id', answer: 'json' },
      { method: 'post', path: '/segments/:id', answer: 'html' },
    ]);
  });

  it('keeps every route of the README\'s JSON API', () => {
    const api = new Set(ROUTES.flatMap(registrationsOf).filter((registration) => registration.answer === 'json')
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`));
    const documented = [
      'GET /api/documents', 'POST /api/documents', 'GET /api/documents/:id', 'GET /api/documents/:id/progress', 'GET /api/documents/:id/export',
      'PUT /api/segments/:id', 'POST /api/segments/:id/compare', 'POST /api/segments/:id/revert', 'POST /api/segments/:id/status', 'POST /api/segments/:id/comments',
      'POST /api/segments/:id/apply-suggestion', 'POST /api/segments/:id/dismissals', 'GET /api/segments/:id/revisions',
      'GET /api/segments/:id/blame', 'GET /api/segments/:id/propagation', 'POST /api/documents/:id/replacements/preview',
      'POST /api/replacements', 'GET /api/documents/:id/timeline', 'GET /api/documents/:id/compare', 'POST /api/documents/:id/revert-author',
      'POST /api/documents/:id/source', 'GET /api/documents/:id/source', 'PUT /api/segments/:id/source-links', 'GET /api/checks',
      'DELETE /api/segments/:id/dismissals/:dismissalId', 'POST /api/actions/:id/undo', 'GET /api/documents/:id/events',
      'POST /api/segments/:id/presence', 'PUT /api/documents/:id/title', 'PUT /api/documents/:id/archived', 'DELETE /api/documents/:id',
      'PUT /api/documents/:id/variant', 'GET /api/rules', 'POST /api/rules', 'GET /api/rules/export', 'PUT /api/rules/:id',
      'POST /api/rules/:id/delete', 'POST /api/judgements/:kind/:id/override',
    ];
    expect(documented.filter((route) => !api.has(route))).toEqual([]);
    expect(api.size).toBe(documented.length);
  });
});
