import { useState } from 'react';
import { useEditor, useEditorState } from '../editor/EditorContext';
import { cardsPerStage, findingsOf } from '../editor/derived';
import { createdElement } from '../editor/createdElement';
import { useZoomTo } from '../editor/useReveal';
import { countBySeverity } from '../../shared/validate/validate';
import { SEVERITIES, type Finding, type Severity } from '../../shared/validate/types';
import { SEVERITY_SYMBOL } from '../canvas/issues';
import { RuleSettingsDialog } from './RuleSettingsDialog';
import { isParticipantWindow } from '../room/roomStore';

const GROUP_TITLE: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };
/**
 * A big map can have thousands of findings, and the panel shows about five rows: list the first few of each
 * group and offer more on demand, so opening or editing a big map does not build hundreds of rows nobody sees.
 */
const FIRST_SHOWN = 20;
const SHOWN_MORE = 100;

/**
 * The validator's findings, grouped by severity: click one to select and zoom to what it concerns; a quick
 * fix applies as one undoable step.
 */
export function ProblemsPanel() {
  const editor = useEditor();
  const doc = useEditorState((s) => s.doc);
  const findings = findingsOf(doc);
  const counts = countBySeverity(findings);
  const zoomTo = useZoomTo();
  const [showRules, setShowRules] = useState(false);
  const [shownCount, setShownCount] = useState<Partial<Record<Severity, number>>>({});

  const reveal = (finding: Finding) => {
    editor.select(finding.targetIds);
    zoomTo(finding.targetIds);
  };
  const fix = (finding: Finding) => {
    const quickFix = finding.fix!;
    if (quickFix.kind === 'focus') {
      editor.select([quickFix.targetId]);
      editor.store.setState({ focus: { id: quickFix.targetId, field: quickFix.field } });
      zoomTo([quickFix.targetId]);
      return;
    }
    const steps = quickFix.steps();
    const before = editor.store.getState().doc;
    if (!editor.run(quickFix.label, ...steps)) return;
    // A fix that adds something (a card, a stage, a handoff) hands it over for naming: selected, its title focused.
    const created = createdElement(steps, before, editor.store.getState().doc);
    if (created) {
      editor.select([created.id]);
      editor.store.setState({ focus: created });
    }
  };
  const unstartedStages = doc.stageOrder.filter((id) => !cardsPerStage(doc).has(id)).length;

  return (
    <section className="panel problems" aria-label="Problems">
      <header className="panel-bar">
        <h2 className="panel-heading">Problems</h2>
        <span className="problem-counts">
          {SEVERITIES.map((s) => (
            <span key={s} className={`count count-${s}`}>
              <span aria-hidden="true">{SEVERITY_SYMBOL[s]}</span> {counts[s]} {s === 'info' ? 'info' : `${s}${counts[s] === 1 ? '' : 's'}`}
            </span>
          ))}
        </span>
        {!isParticipantWindow && (
          <button type="button" className="button ghost small" onClick={() => setShowRules(true)}>
            Rule settings
          </button>
        )}
      </header>
      {findings.length === 0 ? (
        <p className="muted panel-empty">
          {unstartedStages > 0
            ? `Nothing to fix so far. ${unstartedStages === 1 ? 'One stage waits' : `${unstartedStages} stages wait`} for a first touchpoint: a stage is checked once it, or a stage after it, has one.`
            : 'No problems: every stage is covered and every touchpoint has one lead.'}
        </p>
      ) : (
        <div className="problem-groups">
          {SEVERITIES.filter((s) => counts[s] > 0).map((severity) => {
            const group = findings.filter((f) => f.severity === severity);
            const shown = group.slice(0, shownCount[severity] ?? FIRST_SHOWN);
            const more = Math.min(SHOWN_MORE, group.length - shown.length);
            return (
            <div key={severity} className="problem-group">
              <h3 className={`problem-group-title count-${severity}`}>
                {GROUP_TITLE[severity]} ({counts[severity]})
              </h3>
              <ul className="problem-list">
                {shown.map((finding, i) => (
                    <li key={`${finding.ruleId}-${finding.targetIds.join(',')}-${i}`} className={`problem problem-${severity}`}>
                      <button type="button" className="problem-message" onClick={() => reveal(finding)} title={finding.ruleId}>
                        <span className="problem-symbol" aria-hidden="true">
                          {SEVERITY_SYMBOL[severity]}
                        </span>
                        {finding.message}
                      </button>
                      {finding.fix && (
                        <button type="button" className="button small fix" onClick={() => fix(finding)}>
                          {finding.fix.label}
                        </button>
                      )}
                    </li>
                  ))}
              </ul>
              {shown.length < group.length && (
                <button type="button" className="button ghost small" onClick={() => setShownCount({ ...shownCount, [severity]: shown.length + more })}>
                  Show {more} more ({shown.length} of {group.length} shown)
                </button>
              )}
            </div>
            );
          })}
        </div>
      )}
      {showRules && <RuleSettingsDialog onClose={() => setShowRules(false)} />}
    </section>
  );
}
