/**
 * A label that fits a width: the whole text when it fits, else its longest start that fits with a full
 * stop ("Consideration" → "Consid."), never shorter than three letters. A deliberate abbreviation reads
 * better in a column header than a cut-off "Considera…".
 */
export function abbreviateToFit(text: string, maxWidth: number, measure: (text: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  for (let length = text.length - 1; length > 3; length--) {
    const candidate = `${text.slice(0, length).trimEnd()}.`;
    if (measure(candidate) <= maxWidth) return candidate;
  }
  return `${text.slice(0, 3)}.`;
}

let context: CanvasRenderingContext2D | null | undefined;

/** Text widths at a weight and size (e.g. `700 11.5px`) in the page's own font, measured off-screen; a rough estimate without a canvas. */
export function textMeasurer(weightAndSize: string): (text: string) => number {
  context ??= typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return (text) => text.length * 7;
  const ctx = context;
  const font = `${weightAndSize} ${getComputedStyle(document.body).fontFamily}`;
  return (text) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
}
