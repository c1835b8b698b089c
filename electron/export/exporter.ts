import type { JourneyMap } from '../../shared/model/journeyMap';
import { validate } from '../../shared/validate/validate';
import { buildDeck } from '../../shared/deck/buildDeck';
import { drawSlide } from '../../shared/deck/drawDeck';
import type { Slide } from '../../shared/deck/model';
import { drawJourneyGrid } from '../../shared/drawing/gridDrawing';
import { renderSvg } from '../../shared/drawing/svg';
import { captionBand } from '../../shared/drawing/caption';
import { toDocument } from '../../shared/format/document';
import { mapToCsv } from '../../shared/format/csvExport';
import { exportFonts } from './fonts';
import { renderPdf } from './pdf';
import { renderPng } from './png';
import { AGREEMENT_MIME, agreementFileEnding, exportAgreement } from './agreementExport';
import { isAgreementFormat, type AgreementFormat } from '../../shared/agreement/agreement';

export type ExportFormat = AgreementFormat | 'pdf' | 'pptx' | 'png' | 'svg' | 'json' | 'csv';

/** A part of the canvas, in canvas coordinates: what the user sees when exporting "the current view". */
export interface ExportView {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How far an export is: a share of the work done (0–1) and what it is doing, in words for the progress bar. */
export interface ExportProgress {
  fraction: number;
  stage: string;
}

export interface ExportOptions {
  view?: ExportView;
  now?: Date;
  scale?: number;
  onProgress?: (progress: ExportProgress) => void;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  data: Buffer;
}

const MIME: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  png: 'image/png',
  svg: 'image/svg+xml',
  json: 'application/json',
  ...AGREEMENT_MIME,
  csv: 'text/csv',
};

/** A file name from the map's name: characters no file system accepts become spaces. */
export function exportFileName(mapName: string, format: ExportFormat): string {
  const base = mapName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80).replace(/[. ]+$/, '');
  return `${base || 'journey-map'}${isAgreementFormat(format) ? agreementFileEnding(format) : `.${format}`}`;
}

/** About 64 megapixels: a crisp image of a very large view without exhausting memory. */
export const MAX_PNG_PIXELS = 64_000_000;

/** The journey grid as SVG: the whole map, or the given view of it. */
export function exportSvg(map: JourneyMap, view?: ExportView): { svg: string; width: number; height: number } {
  const fonts = exportFonts();
  const drawing = drawJourneyGrid(map, { measure: fonts.measure, findings: validate(map, { mode: 'complete' }) });
  const pad = 24;
  const shown = view ?? { x: drawing.originX - pad, y: drawing.originY - pad, width: drawing.width + 2 * pad, height: drawing.height + 2 * pad };
  // The map's name and the team legend ride above the view, and text is drawn as the font's outlines.
  const caption = captionBand(map, shown, fonts.measure);
  const viewBox = caption.view;
  const svg = renderSvg([...drawing.shapes, ...caption.shapes], { viewBox, background: drawing.background, title: map.name, outlines: fonts.outlines });
  return { svg, width: viewBox.width, height: viewBox.height };
}

/**
 * Where the progress bar stands when buildDeck starts a step (the overview, each stage, then coverage, findings
 * and notes). The shares are the time each part took for generated maps of 3,000 and 10,000 cards: overview
 * about a fifth, the stage slides a quarter, coverage and findings a quarter, drawing the pages a fifth.
 */
function deckLayoutShare(step: number, steps: number): number {
  const stages = steps - 2;
  if (step === 0) return 0.03;
  if (step > stages) return 0.5;
  return 0.25 + (0.25 * (step - 1)) / stages;
}

/**
 * Every export, drawn from the map model and its findings — never from the screen — so the desktop app,
 * the browser host and the command line produce the same file.
 */
export async function exportMap(map: JourneyMap, format: ExportFormat, options: ExportOptions = {}): Promise<ExportedFile> {
  const now = options.now ?? new Date();
  const report = (fraction: number, stage: string) => options.onProgress?.({ fraction, stage });
  const file = (data: Buffer): ExportedFile => ({ fileName: exportFileName(map.name, format), mimeType: MIME[format], data });
  switch (format) {
    case 'agreement-md':
    case 'agreement-pdf':
      return file(await exportAgreement(map, format, now, report));
    case 'json':
      return file(Buffer.from(`${JSON.stringify(toDocument(map, now.toISOString()), null, 2)}\n`, 'utf8'));
    case 'csv':
      return file(Buffer.from(mapToCsv(map), 'utf8'));
    case 'svg':
      report(0.05, 'Drawing the map');
      return file(Buffer.from(exportSvg(map, options.view).svg, 'utf8'));
    case 'png': {
      report(0.05, 'Drawing the map');
      const { svg, width, height } = exportSvg(map, options.view);
      report(0.4, 'Rendering the image');
      // Crisp by default; a huge map is drawn at the largest scale that stays within the pixel budget.
      const scale = Math.min(options.scale ?? 2, Math.sqrt(MAX_PNG_PIXELS / (width * height)));
      return file(renderPng(svg, exportFonts(), scale));
    }
    case 'pdf':
    case 'pptx': {
      report(0, 'Checking the map');
      const fonts = exportFonts();
      const findings = validate(map, { mode: 'complete' });
      // One deck for both files, so the PDF and the PowerPoint always hold the same slides.
      const deck = buildDeck(map, findings, {
        measure: fonts.measure,
        date: now,
        onProgress: (step, steps, label) => report(deckLayoutShare(step, steps), `Laying out ${label}`),
      });
      const drawn = (done: number, count: number) => report(0.78 + (0.2 * done) / count, done < count ? `Drawing slide ${done + 1} of ${count}` : `Writing the ${format.toUpperCase()}`);
      const info = { title: map.name, subject: 'Buyer journey map', date: now };
      if (format === 'pdf') {
        // Slide by slide, each let go once it is on its page: a deck of thousands of slides is not held twice.
        const slides: (Slide | undefined)[] = deck.slides;
        const page = (index: number) => {
          const drawing = drawSlide(deck, index);
          slides[index] = undefined;
          return drawing;
        };
        return file(await renderPdf({ count: deck.slides.length, page }, fonts, info, drawn));
      }
      // Loaded on demand, so an export worker drawing a PDF or an image starts without PowerPoint's writer.
      const { renderPptx } = await import('./pptx');
      return file(await renderPptx(deck, info, drawn));
    }
  }
}
