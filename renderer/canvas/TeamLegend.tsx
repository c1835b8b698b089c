import type { MapDoc } from '../../shared/document/mapDoc';
import { teamColor } from '../../shared/layout/teamColors';

/** Which colour is which team, on the canvas where the room can see it. */
export function TeamLegend({ doc }: { doc: MapDoc }) {
  return (
    <ul className="legend canvas-legend" aria-label="Teams">
      {doc.teamOrder.map((id, i) => (
        <li key={id} className="legend-item">
          <span className="legend-swatch" style={{ background: teamColor(doc.teams.get(id)!, i) }} aria-hidden="true" />
          {doc.teams.get(id)!.name}
        </li>
      ))}
    </ul>
  );
}
