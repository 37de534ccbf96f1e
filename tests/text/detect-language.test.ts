import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectLanguage, SUPPORTED_LANGUAGES } from '../../src/text/detect-language.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const seedText = readFileSync(path.resolve(repoRoot, 'seeds/000_4247dde334aa655b.txt'), 'utf8');

describe('detectLanguage', () => {
  it.each<[string, string, string]>([
    ['the seed article', seedText, 'en'],
    [
      'a French paragraph',
      "Le groupe de Redmond avait fait part début août de son intérêt pour TikTok, sous la menace d'une interdiction aux États-Unis.",
      'fr',
    ],
    ['a German sentence', 'Die Regierung hat am Sonntag angekündigt, dass die Verhandlungen fortgesetzt werden.', 'de'],
    ['a Spanish sentence', 'El presidente anunció el domingo que las negociaciones continuarán la próxima semana.', 'es'],
    // franc alone called this French: too short to tell, so no false "not English" warning.
    ['short English lines', 'First paragraph here. Second sentence.\n\nNext paragraph.\n', 'und'],
    ['empty text', '', 'und'],
    ['a word', 'ok', 'und'],
    ['digits and punctuation', '2020-09-14 12:00 — 3,5 % / 42', 'und'],
  ])('%s', (_name, text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it('stays bounded on a long text', () => {
    expect(detectLanguage(seedText.repeat(500))).toBe('en');
  });

  it('offers at least the main European languages, each with an ISO 639-1 code', () => {
    const codes = SUPPORTED_LANGUAGES.map((language) => language.code);
    expect(codes).toEqual(expect.arrayContaining(['en', 'fr', 'de', 'es', 'it', 'pt', 'nl']));
    for (const code of codes) expect(code).toMatch(/^[a-z]{2}$/);
  });
});
