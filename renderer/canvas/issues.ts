import type { Finding, Severity } from '../../shared/validate/types';

/** What a card, header, lane or handoff shows of the findings about it. */
export interface IssueSummary {
  severity: Severity;
  count: number;
  messages: string[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_SYMBOL: Record<Severity, string> = { error: '✖', warning: '▲', info: 'i' };
export const SEVERITY_WORD: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

/**
 * Findings by the element they concern, worst severity first. Summaries are reused while their content is
 * the same, so a card re-renders only when its own findings change.
 */
export function createIssueSummarizer() {
  let previous = new Map<string, { key: string; summary: IssueSummary }>();
  return function summarize(findings: readonly Finding[]): Map<string, IssueSummary> {
    const grouped = new Map<string, Finding[]>();
    for (const finding of findings) {
      for (const id of finding.targetIds) {
        const list = grouped.get(id);
        if (list) list.push(finding);
        else grouped.set(id, [finding]);
      }
    }
    const next = new Map<string, { key: string; summary: IssueSummary }>();
    const result = new Map<string, IssueSummary>();
    for (const [id, list] of grouped) {
      const sorted = [...list].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
      const messages = sorted.map((f) => `${SEVERITY_WORD[f.severity]}: ${f.message}`);
      const key = messages.join('\n');
      const old = previous.get(id);
      const entry = old && old.key === key ? old : { key, summary: { severity: sorted[0]!.severity, count: sorted.length, messages } };
      next.set(id, entry);
      result.set(id, entry.summary);
    }
    previous = next;
    return result;
  };
}
