import { useEditor, useEditorState } from '../editor/EditorContext';
import { mapOf } from '../editor/derived';
import { computeCoverage, type CoverageCell } from '../../shared/validate/coverage';
import { teamColor } from '../../shared/layout/teamColors';
import { useZoomTo } from '../editor/useReveal';
import { useOverflowEdges } from './useOverflowEdges';
import { abbreviateToFit, textMeasurer } from './abbreviate';
import './coverage.css';

// Keep in step with coverage.css: the team column, the narrowest stage column, the stage header's font.
const TEAM_COLUMN = 100;
const MIN_STAGE_COLUMN = 56;
const STAGE_FONT = '700 11.5px';

/** What a cell says, on screen and to a screen reader. */
function describeCell(cell: CoverageCell): { text: string; spoken: string; kind: 'gap' | 'empty' | 'covered' } {
  if (cell.gap) return { text: 'Gap', spoken: 'gap', kind: 'gap' };
  if (cell.lead.length === 0 && cell.support.length === 0) return { text: '–', spoken: 'none', kind: 'empty' };
  return { text: `${cell.lead.length} · ${cell.support.length}`, spoken: `leads ${cell.lead.length}, supports ${cell.support.length}`, kind: 'covered' };
}

/**
 * Stages × teams: how many touchpoints each team leads and supports in each stage. A gap is an empty cell
 * where the model expects the team (marketing everywhere, sales in intent and purchase); other empty cells
 * are just empty. Compact columns fit seven stages at full HD; more scroll, with the cut-off edge faded.
 */
export function CoveragePanel() {
  const editor = useEditor();
  const doc = useEditorState((s) => s.doc);
  const map = mapOf(doc);
  const rows = computeCoverage(map);
  const zoomTo = useZoomTo();
  const { ref, edges } = useOverflowEdges<HTMLDivElement>();
  const more = [edges.left && 'more-left', edges.right && 'more-right', edges.bottom && 'more-below'].filter(Boolean).join(' ');
  const stageColumn = Math.max(MIN_STAGE_COLUMN, (edges.width - TEAM_COLUMN) / Math.max(1, map.stages.length));
  const measure = textMeasurer(STAGE_FONT);
  return (
    <section className="panel coverage" aria-label="Coverage">
      <header className="panel-bar">
        <h2 className="panel-heading">Coverage</h2>
        <span className="muted small-text">leads · supports per stage</span>
      </header>
      {map.stages.length === 0 || map.teams.length === 0 ? (
        <p className="muted panel-empty">Add stages and teams to see who covers what.</p>
      ) : (
        <div className={`coverage-frame ${more}`}>
          <div className="coverage-scroll" ref={ref}>
            <table className="coverage-table" style={{ '--stage-count': map.stages.length } as React.CSSProperties}>
              <colgroup>
                <col className="coverage-team-column" />
                {map.stages.map((s) => (
                  <col key={s.id} />
                ))}
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Team</span>
                  </th>
                  {map.stages.map((s) => {
                    // Abbreviated to fit its column on screen; the whole name on hover and for screen readers.
                    const shown = edges.width ? abbreviateToFit(s.name, stageColumn - 4, measure) : s.name;
                    return (
                      <th key={s.id} scope="col" title={s.name} className="coverage-stage">
                        {shown === s.name ? (
                          s.name
                        ) : (
                          <>
                            <span aria-hidden="true">{shown}</span>
                            <span className="visually-hidden">{s.name}</span>
                          </>
                        )}
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, r) => {
                  const team = map.teams[r]!;
                  return (
                    <tr key={team.id}>
                      <th scope="row" title={team.name} className="coverage-team">
                        <span className="legend-swatch" style={{ background: teamColor(team, r) }} aria-hidden="true" /> {team.name}
                      </th>
                      {row.map((cell, c) => {
                        const stage = map.stages[c]!;
                        const said = describeCell(cell);
                        const ids = [...cell.lead, ...cell.support];
                        return (
                          <td key={cell.stageId} className={`coverage-${said.kind}`}>
                            <button
                              type="button"
                              className="coverage-cell"
                              aria-label={`${team.name} in ${stage.name}: ${said.spoken}`}
                              onClick={() => {
                                editor.select(ids);
                                if (ids.length) zoomTo(ids);
                              }}
                            >
                              {said.text}
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
        </div>
      )}
      {map.stages.length > 0 && map.teams.length > 0 && (
        <p className="muted small-text coverage-legend">Gap: no marketing team in a stage, or no sales team at intent or purchase. –: empty, nobody expected.</p>
      )}
    </section>
  );
}
