import { memo } from 'react';
import { BaseEdge, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import { journeyPath } from './journeyPath';

/** A connection on the canvas: the line and arrowhead of journeyPath, with its label. */
export const JourneyEdge = memo(function JourneyEdge({ sourceX, sourceY, targetX, targetY, label, interactionWidth }: EdgeProps) {
  const { line, arrow, labelX, labelY } = journeyPath(sourceX, sourceY, targetX, targetY);
  return (
    <>
      <BaseEdge path={line} labelX={labelX} labelY={labelY} label={label} interactionWidth={interactionWidth} />
      <path className="journey-arrow" d={arrow} />
    </>
  );
});

/** At module scope so React Flow never sees a new object and remounts every connection. */
export const edgeTypes: EdgeTypes = { journey: JourneyEdge };
