import type { JourneyMap } from '../../shared/model/journeyMap';
import { validate } from '../../shared/validate/validate';
import { buildDeck } from '../../shared/drawing/slides';
import { drawJourneyGrid } from '../../shared/drawing/gridDrawing';
import { renderSvg } from '../../shared/drawing/svg';
import { toDocument } from '../../shared/format/document';
import { exportFonts } from './fonts';
import { renderPdf } from './pdf';
import { renderPng } from './png';

export type ExportFormat = 'pdf' | 'png' | 'svg' | 'json';

/** A part of the canvas, in canvas coordinates: what the user sees when exporting "the current view". */
export interface ExportView {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  data: Buffer;
}

const MIME: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  svg: 'image/svg+xml',
  json: 'application/json',
};

/** A file name from the map's name: characters no file system accepts become spaces. */
export function exportFileName(mapName: string, format: ExportFormat): string {
  const base = mapName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80).replace(/[. ]+$/, '');
  return `${base || 'journey-map'}.${format}`;
}

/** About 64 megapixels: a crisp image of a very large view without exhausting memory. */
export const MAX_PNG_PIXELS = 64_000_000;

/** The journey grid as SVG: the whole map, or the given view of it. */
export function exportSvg(map: JourneyMap, view?: ExportView): { svg: string; width: number; height: number } {
  const fonts = exportFonts();
  const drawing = drawJourneyGrid(map, { measure: fonts.measure, findings: validate(map) });
  const pad = 24;
  const viewBox = view ?? { x: drawing.originX - pad, y: drawing.originY - pad, width: drawing.width + 2 * pad, height: drawing.height + 2 * pad };
  return { svg: renderSvg(drawing.shapes, { viewBox, background: drawing.background, title: map.name }), width: viewBox.width, height: viewBox.height };
}

/**
 * Every export, drawn from the map model and its findings — never from the screen — so the desktop app,
 * the browser host and the command line produce the same file.
 */
export async function exportMap(map: JourneyMap, format: ExportFormat, options: { view?: ExportView; now?: Date; scale?: number } = {}): Promise<ExportedFile> {
  const now = options.now ?? new Date();
  const file = (data: Buffer): ExportedFile => ({ fileName: exportFileName(map.name, format), mimeType: MIME[format], data });
  switch (format) {
    case 'json':
      return file(Buffer.from(`${JSON.stringify(toDocument(map, now.toISOString()), null, 2)}\n`, 'utf8'));
    case 'svg':
      return file(Buffer.from(exportSvg(map, options.view).svg, 'utf8'));
    case 'png': {
      const { svg, width, height } = exportSvg(map, options.view);
      // Crisp by default; a huge map is drawn at the largest scale that stays within the pixel budget.
      const scale = Math.min(options.scale ?? 2, Math.sqrt(MAX_PNG_PIXELS / (width * height)));
      return file(renderPng(svg, exportFonts(), scale));
    }
    case 'pdf': {
      const fonts = exportFonts();
      const findings = validate(map);
      const pages = buildDeck(map, findings, { measure: fonts.measure, date: now });
      return file(await renderPdf(pages, fonts, { title: map.name, subject: 'Buyer journey map', date: now }));
    }
  }
}
