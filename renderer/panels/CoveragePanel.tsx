import { useEditor, useEditorState } from '../editor/EditorContext';
import { mapOf } from '../editor/derived';
import { computeCoverage } from '../../shared/validate/coverage';
import { teamColor } from '../../shared/layout/teamColors';
import { useZoomTo } from '../editor/useReveal';

/** Stages × teams: how many touchpoints each team leads and supports in each stage; empty cells are gaps. */
export function CoveragePanel() {
  const editor = useEditor();
  const doc = useEditorState((s) => s.doc);
  const map = mapOf(doc);
  const rows = computeCoverage(map);
  const zoomTo = useZoomTo();
  return (
    <section className="panel coverage" aria-label="Coverage">
      <header className="panel-bar">
        <h2 className="panel-heading">Coverage</h2>
        <span className="muted small-text">leads · supports per stage; click a cell to highlight its cards</span>
      </header>
      {map.stages.length === 0 || map.teams.length === 0 ? (
        <p className="muted panel-empty">Add stages and teams to see who covers what.</p>
      ) : (
        <div className="coverage-scroll">
          <table className="coverage-table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Team</span>
                </th>
                {map.stages.map((s) => (
                  <th key={s.id} scope="col">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, r) => {
                const team = map.teams[r]!;
                return (
                  <tr key={team.id}>
                    <th scope="row">
                      <span className="legend-swatch" style={{ background: teamColor(team, r) }} aria-hidden="true" /> {team.name}
                    </th>
                    {row.map((cell, c) => {
                      const stage = map.stages[c]!;
                      const gap = cell.lead.length === 0 && cell.support.length === 0;
                      const ids = [...cell.lead, ...cell.support];
                      return (
                        <td key={cell.stageId} className={gap ? 'gap' : undefined}>
                          <button
                            type="button"
                            className="coverage-cell"
                            aria-label={`${team.name} in ${stage.name}: ${gap ? 'gap' : `leads ${cell.lead.length}, supports ${cell.support.length}`}`}
                            onClick={() => {
                              editor.select(ids);
                              if (ids.length) zoomTo(ids);
                            }}
                          >
                            {gap ? 'Gap' : `${cell.lead.length} · ${cell.support.length}`}
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
