// "My thanks" as a PDF (pdfkit): the worker's name and area, every published quote with who and
// when, the quality counts, and the check code with where to check it. The words are the printable
// page's (workerAccount.thanks.*), in the language of the page it was asked from.
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Area } from '../areas/directory.ts';
import type { PageFormat } from '../format.ts';
import type { Translate } from '../i18n/index.ts';
import type { QualityKey } from '../qualities.ts';
import type { Thanks } from './thanks.ts';
import { formatCode } from './thanks.ts';

// DejaVu covers the accents and scripts of names (Siân, Łukasz); pdfkit's built-in Helvetica only
// Western European letters, so it is the fallback where the font is not installed.
const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const REGULAR = `${FONT_DIR}/DejaVuSans.ttf`;
const BOLD = `${FONT_DIR}/DejaVuSans-Bold.ttf`;

export function thanksPdf(input: {
  name: string;
  area: Area;
  thanks: Thanks;
  checkUrl: string;
  t: Translate;
  format: PageFormat;
}): Promise<Buffer> {
  const { thanks, t, format } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: format.lang === 'cy' ? 'cy' : 'en-GB',
    info: { Title: t('workerAccount.thanks.pdfTitle', { name: input.name }), Author: t('site.name') },
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

  doc.font(bold).fontSize(20).text(t('workerAccount.thanks.heading'));
  doc
    .moveDown(0.3)
    .font(regular)
    .fontSize(13)
    .text(
      t('workerAccount.thanks.lead', {
        name: input.name,
        area: format.place(input.area),
        authority: format.authority(input.area.authority),
      }),
    );
  doc
    .moveDown(0.3)
    .fontSize(10)
    .fillColor('#505a5f')
    .text(t('workerAccount.thanks.from', { when: format.dateTime(thanks.issuedAt) }))
    .fillColor('black');
  doc.moveDown();
  doc
    .font(bold)
    .fontSize(11)
    .text(`${t('workerAccount.thanks.code')} ${formatCode(thanks.code)}`);
  doc
    .font(regular)
    .fontSize(10)
    .text(t('workerAccount.thanks.checkAtShort', { url: input.checkUrl }));

  doc
    .moveDown()
    .font(bold)
    .fontSize(14)
    .text(t('workerAccount.thanks.published', { count: thanks.quotes.length }));
  if (thanks.qualities.length) {
    doc.moveDown(0.5).font(bold).fontSize(12).text(t('workerAccount.thanks.qualities'));
    doc.font(regular).fontSize(11);
    for (const q of thanks.qualities)
      doc.text(`${t(`quality.${q.key as QualityKey}`)}: ${t('count.families', { count: q.count })}`, { indent: 12 });
  }
  doc.moveDown().font(bold).fontSize(12).text(t('workerAccount.thanks.quotes'));
  doc.font(regular).fontSize(10).text(t('workerAccount.thanks.quotesNote'));
  for (const q of thanks.quotes) {
    doc.moveDown(0.6).font(regular).fontSize(11).text(`“${q.text}”`);
    doc
      .fontSize(10)
      .fillColor('#505a5f')
      .text(`— ${format.attribution(q.relationship, q.publishedAt)}`)
      .fillColor('black');
  }
  if (!thanks.quotes.length) doc.moveDown(0.5).fontSize(11).text(t('workerAccount.thanks.none'));
  doc.end();
  return done;
}
