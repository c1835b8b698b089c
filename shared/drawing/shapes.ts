/**
 * A tiny drawing vocabulary, in points, y downwards. Slides, the journey grid and every export are built
 * from these shapes in shared code; the SVG and PDF writers only translate them.
 */
/** Where a rectangle is and how it looks: shared by these shapes and the deck model's boxes. */
export interface RectGeometry {
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  radius?: number;
  dash?: number[];
}

export interface RectShape extends RectGeometry {
  kind: 'rect';
}

/** One line of text; `y` is the baseline. Wrapping happens before, with the same font metrics as the writers. */
export interface TextShape {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  size: number;
  bold?: boolean;
  color: string;
  align?: 'left' | 'center' | 'right';
}

export interface PathShape {
  kind: 'path';
  points: [number, number][];
  stroke: string;
  width: number;
  dash?: number[];
  /** Draws an arrowhead at the last point. */
  arrow?: boolean;
  closed?: boolean;
  fill?: string;
}

export interface CircleShape {
  kind: 'circle';
  cx: number;
  cy: number;
  r: number;
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
}

export type Shape = RectShape | TextShape | PathShape | CircleShape;

export interface Drawing {
  width: number;
  height: number;
  shapes: Shape[];
  background?: string;
}

/** Width of `text` at `size` points in the export font; supplied by the side that has the font files. */
export type MeasureText = (text: string, size: number, bold?: boolean) => number;

/** Moves and scales shapes, e.g. to place the journey grid on a slide. */
export function transformShapes(shapes: Shape[], dx: number, dy: number, scale: number): Shape[] {
  const X = (x: number) => dx + x * scale;
  const Y = (y: number) => dy + y * scale;
  return shapes.map((s): Shape => {
    switch (s.kind) {
      case 'rect':
        return { ...s, x: X(s.x), y: Y(s.y), w: s.w * scale, h: s.h * scale, radius: s.radius && s.radius * scale, strokeWidth: s.strokeWidth && s.strokeWidth * scale, dash: s.dash?.map((d) => d * scale) };
      case 'text':
        return { ...s, x: X(s.x), y: Y(s.y), size: s.size * scale };
      case 'path':
        return { ...s, points: s.points.map(([x, y]) => [X(x), Y(y)]), width: s.width * scale, dash: s.dash?.map((d) => d * scale) };
      case 'circle':
        return { ...s, cx: X(s.cx), cy: Y(s.cy), r: s.r * scale, strokeWidth: s.strokeWidth && s.strokeWidth * scale };
    }
  });
}
