import { SEVERITY_SYMBOL, type IssueSummary } from '../issues';

/**
 * The finding marker on a card, header, lane or handoff: a shape and a symbol per severity (not colour
 * alone), the count, and the messages on hover and for screen readers.
 */
export function IssueBadge({ issue, id }: { issue: IssueSummary | undefined; id: string }) {
  if (!issue) return null;
  return (
    <span className={`issue-badge issue-${issue.severity}`} title={issue.messages.join('\n')} id={id}>
      <span aria-hidden="true">{SEVERITY_SYMBOL[issue.severity]}</span>
      {issue.count > 1 && <span aria-hidden="true">{issue.count}</span>}
      <span className="visually-hidden">{issue.messages.join(' ')}</span>
    </span>
  );
}

export const issueClass = (issue: IssueSummary | undefined) => (issue ? ` has-issue issue-outline-${issue.severity}` : '');
