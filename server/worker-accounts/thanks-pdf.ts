// "My thanks" as a PDF (pdfkit): the worker's name and area, every published quote with who and
// when, the quality counts, and the check code with where to check it.
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Area } from '../areas/directory.ts';
import { attribution, dateTime, plural } from '../format.ts';
import type { Thanks } from './thanks.ts';
import { formatCode } from './thanks.ts';

// DejaVu covers the accents and scripts of names (Siân, Łukasz); pdfkit's built-in Helvetica only
// Western European letters, so it is the fallback where the font is not installed.
const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const REGULAR = `${FONT_DIR}/DejaVuSans.ttf`;
const BOLD = `${FONT_DIR}/DejaVuSans-Bold.ttf`;

export function thanksPdf(input: { name: string; area: Area; thanks: Thanks; checkUrl: string }): Promise<Buffer> {
  const { thanks } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `Thanks from families: ${input.name}`, Author: 'The Good Social Worker directory' },
  });
  const hasFont = existsSync(REGULAR) && existsSync(BOLD);
  const regular = hasFont ? REGULAR : 'Helvetica';
  const bold = hasFont ? BOLD : 'Helvetica-Bold';
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font(bold).fontSize(20).text('Thanks from families');
  doc.moveDown(0.3).font(regular).fontSize(13).text(`${input.name}, social worker, ${input.area.name} (${input.area.authority})`);
  doc
    .moveDown(0.3)
    .fontSize(10)
    .fillColor('#505a5f')
    .text(`From The Good Social Worker directory. Issued ${dateTime(thanks.issuedAt)}.`)
    .fillColor('black');
  doc.moveDown();
  doc
    .font(bold)
    .fontSize(11)
    .text(`Check code: ${formatCode(thanks.code)}`);
  doc.font(regular).fontSize(10).text(`Anyone can check this document is genuine at ${input.checkUrl} with this code.`);

  doc
    .moveDown()
    .font(bold)
    .fontSize(14)
    .text(`${plural(thanks.quotes.length, 'recommendation')} published`);
  if (thanks.qualities.length) {
    doc.moveDown(0.5).font(bold).fontSize(12).text('What families said they did well');
    doc.font(regular).fontSize(11);
    for (const q of thanks.qualities) doc.text(`${q.label}: ${plural(q.count, 'family', 'families')}`, { indent: 12 });
  }
  doc.moveDown().font(bold).fontSize(12).text('What families said');
  doc.font(regular).fontSize(10).text('Each quote was shortened and anonymised by a moderator before it was published.');
  for (const q of thanks.quotes) {
    doc.moveDown(0.6).font(regular).fontSize(11).text(`“${q.text}”`);
    doc
      .fontSize(10)
      .fillColor('#505a5f')
      .text(`— ${attribution(q.relationship, q.publishedAt)}`)
      .fillColor('black');
  }
  if (!thanks.quotes.length) doc.moveDown(0.5).fontSize(11).text('No quotes are published on this profile at the moment.');
  doc.end();
  return done;
}
