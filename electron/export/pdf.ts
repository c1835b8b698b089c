import PDFDocument from 'pdfkit';
import type { Drawing, Shape } from '../../shared/drawing/shapes';
import type { ExportFonts, FontName, ShapedGlyph, ShapedRun } from './fonts';

export interface PdfInfo {
  title: string;
  subject?: string;
  date: Date;
}

/** The parts of PDFKit's embedded font that drawing text needs (PDFKit's EmbeddedFont; not in its type definitions). */
interface EmbeddedFont {
  id: string;
  /** The font's ascent, in thousandths of the font size. */
  ascender: number;
  subset: { includeGlyph(glyphId: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

const number = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Writes lines of text into the page content as PDFKit's doc.text does — glyphs from the font subset, each
 * glyph's width and Unicode text registered with it (so the text stays selectable), kerning as TJ
 * adjustments, marks placed by their offsets — but from the glyphs the export fonts already shaped to
 * measure the line (each word shaped once per export, not three more times per line), and one write to the
 * page per line instead of a dozen.
 */
class TextWriter {
  /** Per font: each glyph's id in the subset, as the four hex digits the content stream shows. */
  private readonly hex = new Map<EmbeddedFont, Map<number, string>>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: ExportFonts,
    private readonly embedded: Record<FontName, EmbeddedFont>,
  ) {}

  private hexOf(font: EmbeddedFont, glyph: ShapedGlyph, scale: number): string {
    let known = this.hex.get(font);
    if (!known) this.hex.set(font, (known = new Map()));
    let hex = known.get(glyph.id);
    if (hex === undefined) {
      const gid = font.subset.includeGlyph(glyph.id);
      hex = `0000${gid.toString(16)}`.slice(-4);
      if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * scale;
      if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
      known.set(glyph.id, hex);
    }
    return hex;
  }

  /**
   * One run of glyphs at `size` points from (x, top) in the page's y-down space, `top` being where PDFKit's
   * doc.text puts the top of the line (the baseline less the font's ascent). The operators and numbers are
   * the ones doc.text writes, so the page is drawn exactly as before.
   */
  write(run: ShapedRun, size: number, x: number, top: number): void {
    const glyphs = run.glyphs.filter((g) => g.codePoints[0] !== 0x0a);
    if (glyphs.length === 0) return;
    const font = this.embedded[run.font];
    const doc = this.doc as unknown as { page: { fonts: Record<string, unknown>; height: number }; addContent(data: string): void };
    if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
    // PDFKit's units: thousandths of the font size.
    const toThousandths = 1000 / this.fonts.unitsPerEm[run.font];
    const scale = size / 1000;
    // As doc.text: flip y back for the text, and place it by the top of the line (PDFKit's default baseline).
    const y = doc.page.height - top - (font.ascender / 1000) * size;
    const at = (gx: number, gy: number) => `1 0 0 1 ${number(gx)} ${number(gy)} Tm`;
    const out: string[] = ['q', `1 0 0 -1 0 ${number(doc.page.height)} cm`, 'BT', at(x, y), `/${font.id} ${number(size)} Tf`];
    let segment = '';
    const commands: string[] = [];
    const addSegment = (kern: number) => {
      if (segment) commands.push(`<${segment}> ${number(-kern)}`);
      segment = '';
    };
    const flush = (kern: number) => {
      addSegment(kern);
      if (commands.length) out.push(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    };
    let lastKern = 0;
    let hadOffset = false;
    for (const glyph of glyphs) {
      const xAdvance = glyph.xAdvance * toThousandths;
      const kern = xAdvance - glyph.advanceWidth * toThousandths;
      const xOffset = glyph.xOffset * toThousandths;
      const yOffset = glyph.yOffset * toThousandths;
      const hex = this.hexOf(font, glyph, toThousandths);
      if (xOffset || yOffset) {
        flush(lastKern);
        out.push(at(x + xOffset * scale, y + yOffset * scale));
        segment = hex;
        flush(kern);
        hadOffset = true;
      } else {
        if (hadOffset) {
          out.push(at(x, y));
          hadOffset = false;
        }
        segment += hex;
        if (kern !== 0) addSegment(kern);
      }
      lastKern = kern;
      x += xAdvance * scale;
    }
    flush(lastKern);
    out.push('ET', 'Q');
    doc.addContent(out.join('\n'));
  }
}

/** Fill and stroke settings already in force on the page: PDFKit would write them again for every shape. */
class PageState {
  private fill?: string;
  private stroke?: string;
  private lineWidth?: number;
  private lineJoin?: string;

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  reset(): void {
    this.fill = this.stroke = this.lineJoin = undefined;
    this.lineWidth = undefined;
  }
  fillColor(color: string): void {
    if (color !== this.fill) this.doc.fillColor((this.fill = color));
  }
  strokeColor(color: string): void {
    if (color !== this.stroke) this.doc.strokeColor((this.stroke = color));
  }
  width(width: number): void {
    if (width !== this.lineWidth) this.doc.lineWidth((this.lineWidth = width));
  }
  join(join: 'round'): void {
    if (join !== this.lineJoin) this.doc.lineJoin((this.lineJoin = join));
  }
}

interface Writers {
  text: TextWriter;
  state: PageState;
}

function drawShape(doc: PDFKit.PDFDocument, shape: Shape, fonts: ExportFonts, writers: Writers): void {
  const { state } = writers;
  switch (shape.kind) {
    case 'rect': {
      if (!shape.fill && !shape.stroke) return;
      if (shape.radius) doc.roundedRect(shape.x, shape.y, shape.w, shape.h, shape.radius);
      else doc.rect(shape.x, shape.y, shape.w, shape.h);
      paint(doc, state, shape.fill, shape.stroke, shape.strokeWidth, shape.dash);
      return;
    }
    case 'text': {
      const runs = fonts.shapeRuns(shape.text, shape.bold);
      const width = runs.reduce((sum, r) => sum + r.units * shape.size, 0);
      let x = shape.align === 'center' ? shape.x - width / 2 : shape.align === 'right' ? shape.x - width : shape.x;
      state.fillColor(shape.color);
      for (const run of runs) {
        writers.text.write(run, shape.size, x, shape.y - fonts.ascent[run.font] * shape.size);
        x += run.units * shape.size;
      }
      return;
    }
    case 'path': {
      const [first, ...rest] = shape.points;
      if (!first) return;
      doc.moveTo(first[0], first[1]);
      for (const [x, y] of rest) doc.lineTo(x, y);
      if (shape.closed) doc.closePath();
      state.join('round');
      paint(doc, state, shape.fill, shape.stroke, shape.width, shape.dash);
      if (shape.arrow && shape.points.length > 1) {
        const [x2, y2] = shape.points[shape.points.length - 1]!;
        const [x1, y1] = shape.points[shape.points.length - 2]!;
        const angle = Math.atan2(y2 - y1, x2 - x1);
        const size = 5 + shape.width * 2.5;
        doc
          .moveTo(x2, y2)
          .lineTo(x2 - size * Math.cos(angle - 0.45), y2 - size * Math.sin(angle - 0.45))
          .lineTo(x2 - size * Math.cos(angle + 0.45), y2 - size * Math.sin(angle + 0.45))
          .closePath();
        state.fillColor(shape.stroke);
        doc.fill();
      }
      return;
    }
    case 'circle':
      doc.circle(shape.cx, shape.cy, shape.r);
      paint(doc, state, shape.fill, shape.stroke, shape.strokeWidth);
      return;
  }
}

function paint(doc: PDFKit.PDFDocument, state: PageState, fill: string | undefined, stroke: string | undefined, width = 1, dash?: number[]): void {
  if (dash) doc.dash(dash[0]!, { space: dash[1] ?? dash[0]! });
  if (stroke) {
    state.width(width);
    state.strokeColor(stroke);
  }
  if (fill) state.fillColor(fill);
  if (fill && stroke) doc.fillAndStroke();
  else if (fill) doc.fill();
  else if (stroke) doc.stroke();
  if (dash) doc.undash();
}

/** Pages drawn one at a time as the PDF is written, so a deck of thousands of slides is never all in memory as shapes. */
export interface PageSource {
  count: number;
  page(index: number): Drawing;
}

/**
 * Vector PDF pages from drawings: the export font embedded (subset), text real text, one page per drawing.
 * onProgress is told after each page is drawn, for a progress bar.
 */
export async function renderPdf(pages: readonly Drawing[] | PageSource, fonts: ExportFonts, info: PdfInfo, onProgress?: (pagesDrawn: number, pageCount: number) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    info: { Title: info.title, Subject: info.subject, Creator: 'Throughline', Producer: 'Throughline', CreationDate: info.date, ModDate: info.date },
    displayTitle: true,
    lang: 'en',
  });
  const embedded = {} as Record<FontName, EmbeddedFont>;
  for (const [name, file] of [['regular', fonts.regularPath], ['bold', fonts.boldPath], ['fallback', fonts.fallbackPath]] as const) {
    doc.registerFont(name, file);
    embedded[name] = (doc.font(name) as unknown as { _font: EmbeddedFont })._font;
  }
  const writers: Writers = { text: new TextWriter(doc, fonts, embedded), state: new PageState(doc) };
  // The file as it is written. A page's compressed content arrives as a slice of zlib's 16 KB output buffer;
  // kept as is, thousands of pages would hold thousands of those buffers, so small slices are copied out.
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk.byteLength * 2 < chunk.buffer.byteLength ? Buffer.from(chunk) : chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // A stream only starts flowing on the next turn of the event loop; until then it queues what PDFKit writes
  // (every page of the deck, when they are all drawn in one go). So the pages are drawn once it flows.
  await new Promise((resolve) => setImmediate(resolve));
  const source: PageSource = 'page' in pages ? pages : { count: pages.length, page: (index) => pages[index]! };
  // PDFKit turns every operator into bytes of its own as it is written (a few per shape, tens of thousands a
  // page); gathered and written once per page, the page's content is the same bytes for a fraction of the work.
  const pageContent: string[] = [];
  const documentWithContent = doc as unknown as { addContent(data: string): unknown };
  const addContent = documentWithContent.addContent;
  documentWithContent.addContent = (data: string) => (pageContent.push(data), doc);
  const writePage = () => {
    if (pageContent.length) addContent.call(doc, pageContent.join('\n'));
    pageContent.length = 0;
  };
  for (let index = 0; index < source.count; index++) {
    const page = source.page(index);
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    writers.state.reset();
    if (page.background) {
      doc.rect(0, 0, page.width, page.height);
      writers.state.fillColor(page.background);
      doc.fill();
    }
    for (const shape of page.shapes) drawShape(doc, shape, fonts, writers);
    writePage();
    onProgress?.(index + 1, source.count);
  }
  doc.end();
  return done;
}
