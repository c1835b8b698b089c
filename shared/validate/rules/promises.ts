import type { Rule } from '../types';
import { quote } from '../wording';

// The agreement compares promises the way these rules do.
export { promiseKey } from '../promiseSpans';

export const promiseNotSetUp: Rule = {
  id: 'promise-not-set-up',
  defaultSeverity: 'warning',
  title: 'Promise not set up',
  description: 'A promise made at a sales-led touchpoint that no marketing touchpoint makes in the same or an earlier stage.',
  rationale: 'One voice: what sales sells should be what marketing already promised. A promise the buyer first hears from sales is a story only one side tells.',
  checkPromiseCard(t, info, spans, index, emit) {
    if (!info.bySales) return;
    for (let i = 0; i < t.promises.length; i++) {
      const made = spans.marketing.get(info.keys[i]!);
      if (made && made.first <= info.at) continue;
      const promise = t.promises[i]!;
      emit({
        message: `${quote(t.title)} promises ${quote(promise)}, but no marketing touchpoint up to ${quote(index.stages.get(t.stageId)!.name)} sets it up.`,
        targetIds: [t.id],
      });
    }
  },
};

export const promiseNotFollowedThrough: Rule = {
  id: 'promise-not-followed-through',
  defaultSeverity: 'info',
  title: 'Promise not followed through',
  description: 'A promise marketing makes that no sales touchpoint carries in the same or a later stage.',
  rationale: 'One voice: a promise marketing makes and sales never repeats leaves the buyer wondering whether it still holds.',
  checkPromiseCard(t, info, spans, index, emit) {
    if (!info.byMarketing || index.teamsWithRole('sales').length === 0) return;
    for (let i = 0; i < t.promises.length; i++) {
      const carried = spans.sales.get(info.keys[i]!);
      if (carried && carried.last >= info.at) continue;
      const promise = t.promises[i]!;
      emit({
        message: `Marketing promises ${quote(promise)} at ${quote(t.title)}, but no sales touchpoint from ${quote(index.stages.get(t.stageId)!.name)} on carries it.`,
        targetIds: [t.id],
      });
    }
  },
};
