import PDFDocument from 'pdfkit';
import type { Drawing, Shape } from '../../shared/drawing/shapes';
import type { ExportFonts } from './fonts';

export interface PdfInfo {
  title: string;
  subject?: string;
  date: Date;
}

function drawShape(doc: PDFKit.PDFDocument, shape: Shape, fonts: ExportFonts): void {
  switch (shape.kind) {
    case 'rect': {
      if (!shape.fill && !shape.stroke) return;
      if (shape.radius) doc.roundedRect(shape.x, shape.y, shape.w, shape.h, shape.radius);
      else doc.rect(shape.x, shape.y, shape.w, shape.h);
      paint(doc, shape.fill, shape.stroke, shape.strokeWidth, shape.dash);
      return;
    }
    case 'text': {
      const runs = fonts.runs(shape.text, shape.size, shape.bold);
      const width = runs.reduce((sum, r) => sum + r.width, 0);
      let x = shape.align === 'center' ? shape.x - width / 2 : shape.align === 'right' ? shape.x - width : shape.x;
      for (const run of runs) {
        doc.font(run.font).fontSize(shape.size).fillColor(shape.color);
        doc.text(run.text, x, shape.y - fonts.ascent[run.font] * shape.size, { lineBreak: false });
        x += run.width;
      }
      return;
    }
    case 'path': {
      const [first, ...rest] = shape.points;
      if (!first) return;
      doc.moveTo(first[0], first[1]);
      for (const [x, y] of rest) doc.lineTo(x, y);
      if (shape.closed) doc.closePath();
      doc.lineJoin('round');
      paint(doc, shape.fill, shape.stroke, shape.width, shape.dash);
      if (shape.arrow && shape.points.length > 1) {
        const [x2, y2] = shape.points[shape.points.length - 1]!;
        const [x1, y1] = shape.points[shape.points.length - 2]!;
        const angle = Math.atan2(y2 - y1, x2 - x1);
        const size = 5 + shape.width * 2.5;
        doc
          .moveTo(x2, y2)
          .lineTo(x2 - size * Math.cos(angle - 0.45), y2 - size * Math.sin(angle - 0.45))
          .lineTo(x2 - size * Math.cos(angle + 0.45), y2 - size * Math.sin(angle + 0.45))
          .closePath()
          .fillColor(shape.stroke)
          .fill();
      }
      return;
    }
    case 'circle':
      doc.circle(shape.cx, shape.cy, shape.r);
      paint(doc, shape.fill, shape.stroke, shape.strokeWidth);
      return;
  }
}

function paint(doc: PDFKit.PDFDocument, fill: string | undefined, stroke: string | undefined, width = 1, dash?: number[]): void {
  if (dash) doc.dash(dash[0]!, { space: dash[1] ?? dash[0]! });
  if (stroke) doc.lineWidth(width).strokeColor(stroke);
  if (fill) doc.fillColor(fill);
  if (fill && stroke) doc.fillAndStroke();
  else if (fill) doc.fill();
  else if (stroke) doc.stroke();
  if (dash) doc.undash();
}

/**
 * Vector PDF pages from drawings: the export font embedded (subset), text real text, one page per drawing.
 * onProgress is told after each page is drawn, for a progress bar.
 */
export function renderPdf(pages: Drawing[], fonts: ExportFonts, info: PdfInfo, onProgress?: (pagesDrawn: number, pageCount: number) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    info: { Title: info.title, Subject: info.subject, Creator: 'Throughline', Producer: 'Throughline', CreationDate: info.date, ModDate: info.date },
    displayTitle: true,
    lang: 'en',
  });
  doc.registerFont('regular', fonts.regularPath);
  doc.registerFont('bold', fonts.boldPath);
  doc.registerFont('fallback', fonts.fallbackPath);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  pages.forEach((page, index) => {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    if (page.background) doc.rect(0, 0, page.width, page.height).fillColor(page.background).fill();
    for (const shape of page.shapes) drawShape(doc, shape, fonts);
    onProgress?.(index + 1, pages.length);
  });
  doc.end();
  return done;
}
