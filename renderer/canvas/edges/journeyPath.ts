import { getSmoothStepPath, Position } from '@xyflow/react';

/** The arrowhead's length along the line and its half width, in map units. */
const ARROW_LENGTH = 12;
const ARROW_HALF_WIDTH = 6;

export interface JourneyPath {
  line: string;
  arrow: string;
  labelX: number;
  labelY: number;
}

/**
 * A connection from the middle of a card's right side to the middle of another's left side: a smooth-step
 * line, and a closed arrowhead whose tip touches the target. The arrowhead is a path of its own, not an SVG
 * marker, so React Flow's connections and the ones drawn while a card is dragged (DraggedConnections) look
 * the same and neither needs marker definitions.
 */
export function journeyPath(sourceX: number, sourceY: number, targetX: number, targetY: number): JourneyPath {
  const [line, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, sourcePosition: Position.Right, targetX, targetY, targetPosition: Position.Left });
  const arrow = `M${targetX - ARROW_LENGTH},${targetY - ARROW_HALF_WIDTH} L${targetX},${targetY} L${targetX - ARROW_LENGTH},${targetY + ARROW_HALF_WIDTH} Z`;
  return { line, arrow, labelX, labelY };
}
