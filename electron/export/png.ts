import { Resvg } from '@resvg/resvg-js';
import { EXPORT_FONT_FAMILY } from '../../shared/drawing/svg';
import type { ExportFonts } from './fonts';

/** Rasterises an export SVG with the export font (never system fonts), so the PNG matches the SVG and PDF. */
export function renderPng(svg: string, fonts: ExportFonts, scale: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: [fonts.regularPath, fonts.boldPath, fonts.fallbackPath], loadSystemFonts: false, defaultFontFamily: EXPORT_FONT_FAMILY },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
