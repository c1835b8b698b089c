import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { exportMap } from '../../electron/export/exporter';
import { exportFonts } from '../../electron/export/fonts';
import { captionBand } from '../../shared/drawing/caption';
import { parseDocument } from '../../shared/format/document';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { fullDocument } from './helpers';

function fullMap(): JourneyMap {
  const parsed = parseDocument(fullDocument());
  if (!parsed.ok) throw new Error('fixture invalid');
  return parsed.map;
}

/** Dark pixels in a rectangle of a rendered image. */
function inkIn(image: { width: number; pixels: Uint8Array | Buffer }, box: { x: number; y: number; width: number; height: number }): number {
  const pixels = image.pixels; // a getter that copies the whole image: read it once
  let ink = 0;
  for (let y = Math.max(0, Math.floor(box.y)); y < box.y + box.height; y++) {
    for (let x = Math.max(0, Math.floor(box.x)); x < box.x + box.width; x++) {
      const i = (y * image.width + x) * 4;
      if (pixels[i]! < 100 && pixels[i + 1]! < 100 && pixels[i + 2]! < 100) ink++;
    }
  }
  return ink;
}

describe('SVG and PNG images', () => {
  it('SVG of the grid: escaped, with the map’s names, searchable', async () => {
    const map = fullMap();
    map.teams[0]!.name = 'Μάρκετινγκ';
    map.touchpoints[1]!.title = 'Tags <b> & “quotes”';
    const svg = (await exportMap(map, 'svg')).data.toString('utf8');
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('Μάρκετινγκ');
    expect(svg).toContain('Tags &lt;b&gt; &amp; “quotes”');
    expect(svg).not.toContain('<b>');
  });

  it('renders the same without the export font installed: text is glyph outlines, and a control character cannot break the file', async () => {
    const map = fullMap();
    map.name = 'Bell \u0007 and form feed \u000c in a name';
    const svg = (await exportMap(map, 'svg')).data.toString('utf8');
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(svg).toContain('<defs><path id="g0"');
    // Every visible word is outlines; the text elements left are invisible, for search and selection.
    for (const text of svg.match(/<text[^>]*>/g) ?? []) expect(text).toContain('fill-opacity="0"');
    expect(svg).toContain('>Bell  and form feed  in a name</text>');
    for (const team of map.teams) expect(svg).toContain(`>${team.name}</text>`);
    // Rasterised with no font at all, as on a machine without Noto Sans: the name and the cards still have ink.
    const image = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'zoom', value: 1 } }).render();
    const withText = inkIn(image, { x: 0, y: 0, width: image.width / 2, height: 40 });
    const withoutText = new Resvg(svg.replace(/<use [^>]*\/>/g, ''), { font: { loadSystemFonts: false }, fitTo: { mode: 'zoom', value: 1 } }).render();
    expect(withText).toBeGreaterThan(200);
    expect(inkIn(withoutText, { x: 0, y: 0, width: image.width / 2, height: 40 })).toBeLessThan(withText / 10);
  });

  it('PNG of a view is that view at the requested scale, under a band with the map’s name and the team legend', async () => {
    const map = fullMap();
    const view = { x: 0, y: 0, width: 800, height: 450 };
    const png = (await exportMap(map, 'png', { view, scale: 2 })).data;
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    const band = captionBand(map, view, exportFonts().measure);
    expect(band.view.height).toBeGreaterThan(view.height);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, Math.round(band.view.height * 2)]);
    const texts = band.shapes.flatMap((s) => (s.kind === 'text' ? [s.text] : []));
    expect(texts).toEqual([map.name, ...map.teams.map((t) => t.name)]);
  });
});
