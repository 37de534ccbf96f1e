import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

/** A Word file as a newsroom's template makes it: title, byline, heading, caption, credit, list, table. */
export async function buildArticleDocx(): Promise<Uint8Array> {
  const document = new Document({
    styles: {
      paragraphStyles: [
        { id: 'Byline', name: 'Byline', basedOn: 'Normal', run: { italics: true } },
        { id: 'Credit', name: 'Credit', basedOn: 'Normal', run: { size: 16 } },
      ],
    },
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, text: 'Storm: three departments on orange alert' }),
        new Paragraph({ style: 'Byline', text: 'By Marie Lefèvre' }),
        new Paragraph({ children: [
          new TextRun('Meteorologists placed three departments on orange alert on Sunday. '),
          new TextRun({ text: 'Gusts of 130 km/h', bold: true }),
          new TextRun(' are expected on the coast.'),
          new TextRun({ text: 'Residents are advised to stay at home.', break: 1 }),
        ] }),
        new Paragraph({ style: 'Caption', text: 'Waves on the jetty at Biarritz on Sunday.' }),
        new Paragraph({ style: 'Credit', text: 'Photo: Gaizka Iroz / AFP' }),
        new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Schools closed on Monday' }),
        new Paragraph({ text: 'Schools in the three departments will stay closed.', bullet: { level: 0 } }),
        new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('Gironde: orange')] })] })] }),
      ],
    }],
  });
  return Packer.toBuffer(document);
}
