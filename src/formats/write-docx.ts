/** An article as a Word file, written with the docx library: Word's own styles, so the newsroom's template restyles it. */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ArticleOutline, OutlineBlock } from './article.js';
import { replaceForbidden } from './xml-escape.js';

/**
 * The title in Word's Title style, headings in Heading 1, captions in Caption, paragraphs in
 * Normal; a line break of the article is a line break in its paragraph. The document's language
 * is the article's, so Word's spelling checker reads it in the right one.
 */
export async function writeDocx(outline: ArticleOutline): Promise<Buffer> {
  const document = new Document({
    title: replaceForbidden(outline.title),
    creator: 'Retouche',
    styles: { default: { document: { run: { language: { value: outline.language } } } } },
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, children: runsOf([outline.title]) }),
        ...outline.blocks.map(formatBlock),
      ],
    }],
  });
  return Packer.toBuffer(document);
}

function formatBlock(block: OutlineBlock): Paragraph {
  const children = runsOf(block.lines);
  if (block.kind === 'heading') return new Paragraph({ heading: HeadingLevel.HEADING_1, children });
  return block.kind === 'caption' ? new Paragraph({ style: 'Caption', children }) : new Paragraph({ children });
}

function runsOf(lines: readonly string[]): TextRun[] {
  return lines.map((line, index) => new TextRun({ text: replaceForbidden(line), ...(index > 0 && { break: 1 }) }));
}
