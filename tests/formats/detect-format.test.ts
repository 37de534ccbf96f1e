import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/formats/detect-format.js';
import { FormatError } from '../../src/formats/format-error.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);

describe('detectFormat', () => {
  it.each([
    ['story.txt', 'Hello.', undefined, 'text'],
    ['STORY.MD', '# Hello', undefined, 'markdown'],
    ['page.htm', 'x', undefined, 'html'],
    ['page.html', 'x', undefined, 'html'],
    ['letter.docx', 'x', undefined, 'docx'],
    ['file.xlf', 'x', undefined, 'xliff'],
    ['file.xliff', 'x', undefined, 'xliff'],
    // No extension: the media type, then the content.
    ['page', 'x', 'text/html; charset=utf-8', 'html'],
    ['blob', '\uFEFF  <?xml version="1.0"?>\n<xliff version="2.0">', undefined, 'xliff'],
    ['blob', '<!DOCTYPE html><html><p>Hi</p></html>', undefined, 'html'],
    ['blob', 'Just text.', undefined, 'text'],
    ['blob', '<?xml version="1.0"?><note/>', undefined, 'text'],
    // An extension Retouche does not know, but content it does.
    ['story.php', '<!doctype html><p>x</p>', undefined, 'html'],
  ])('%s (%s, %s) is %s', (name, content, mediaType, format) => {
    expect(detectFormat({ name, bytes: bytes(content), mediaType })).toBe(format);
  });

  it('knows a zip without a name is a Word file', () => {
    expect(detectFormat({ name: 'blob', bytes: ZIP })).toBe('docx');
  });

  it.each([
    ['old.doc', /save the document as \.docx/],
    ['file.odt', /OpenDocument/],
    ['scan.pdf', /PDF files are not read/],
    ['image.png', /does not read \.png files\. It reads \.txt, \.md, \.html/],
  ])('refuses %s with a reason', (name, message) => {
    const error = (() => {
      try {
        detectFormat({ name, bytes: bytes('%PDF-1.4 binary') });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).problem).toBe('wrong-type');
    expect((error as FormatError).message).toMatch(message);
  });
});
