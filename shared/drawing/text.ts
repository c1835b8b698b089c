import type { MeasureText } from './shapes';

const ELLIPSIS = '…';

/** The longest prefix of `text` that fits in `maxWidth` with an ellipsis, or the text itself when it fits. */
export function truncate(text: string, maxWidth: number, size: number, measure: MeasureText, bold = false): string {
  if (measure(text, size, bold) <= maxWidth) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(text.slice(0, mid).trimEnd() + ELLIPSIS, size, bold) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? ELLIPSIS : text.slice(0, low).trimEnd() + ELLIPSIS;
}

/**
 * Breaks text into lines no wider than `maxWidth`, at spaces where possible (a word longer than a line is
 * cut); after `maxLines`, the last line ends with an ellipsis.
 */
export function wrap(text: string, maxWidth: number, size: number, measure: MeasureText, maxLines = Infinity, bold = false): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate, size, bold) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (measure(line, size, bold) > maxWidth && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && measure(line.slice(0, cut), size, bold) > maxWidth) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    if (line || lines.length === 0) lines.push(line);
  }
  if (lines.length <= maxLines) return lines;
  // The next word did not fit on the last kept line, so adding it forces the ellipsis.
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncate(`${kept[maxLines - 1]} ${lines[maxLines]}`, maxWidth, size, measure, bold);
  return kept;
}
