import { Dialog } from '../components/Dialog';
import { useEditor, useEditorState } from '../editor/EditorContext';
import { invoke } from '../editor/editorStore';
import { RULES } from '../../shared/validate/validate';
import { setRuleSetting } from '../../shared/document/commands';
import type { RuleSetting } from '../../shared/model/rules';

/** Each rule off / info / warning / error for this map, with what it flags and why it matters. */
export function RuleSettingsDialog({ onClose }: { onClose: () => void }) {
  const editor = useEditor();
  const rules = useEditorState((s) => s.doc.rules);
  return (
    <Dialog title="Rule settings for this map" onClose={onClose}>
      <div className="rule-list">
        {RULES.map((rule) => {
          const current = rules[rule.id];
          return (
            <div key={rule.id} className="rule">
              <div className="rule-text">
                <label htmlFor={`rule-${rule.id}`} className="rule-title">
                  {rule.title}
                </label>
                <p className="rule-description">{rule.description}</p>
                <p className="rule-rationale muted">{rule.rationale}</p>
              </div>
              <select
                id={`rule-${rule.id}`}
                className="input"
                value={current ?? 'default'}
                onChange={(event) => editor.run(undefined, invoke(setRuleSetting, { ruleId: rule.id, setting: event.target.value as RuleSetting | 'default' }))}
              >
                <option value="default">Default ({rule.defaultSeverity})</option>
                <option value="error">Error</option>
                <option value="warning">Warning</option>
                <option value="info">Info</option>
                <option value="off">Off</option>
              </select>
            </div>
          );
        })}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
