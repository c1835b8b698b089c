import type { ExplainedProblem } from '../../shared/format/problemWording';
import './importProblems.css';

export interface RefusedImport {
  fileName: string;
  problems: ExplainedProblem[];
  /** Problems beyond those shown. */
  more: number;
}

/** Why a file was refused: each problem in plain words, with the technical path beneath for whoever fixes the file. */
export function ImportProblems({ refused, onDismiss }: { refused: RefusedImport | undefined; onDismiss: () => void }) {
  if (!refused) return null;
  return (
    <div className="error-banner import-problems" role="alert">
      <div>
        <p className="import-problems-title">“{refused.fileName}” cannot be imported, and nothing was changed:</p>
        <ul className="import-problems-list">
          {refused.problems.map((problem, i) => (
            <li key={i}>
              <span className="import-problem-sentence">{problem.sentence}</span>
              {problem.technical && <code className="import-problem-path">{problem.technical}</code>}
            </li>
          ))}
        </ul>
        {refused.more > 0 && <p className="import-problems-more">…and {refused.more} more {refused.more === 1 ? 'problem' : 'problems'}.</p>}
      </div>
      <button type="button" className="button ghost" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
