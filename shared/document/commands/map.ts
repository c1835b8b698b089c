import { RULE_IDS, RULE_SETTINGS, type RuleId, type RuleSetting } from '../../model/rules';
import { defineCommand, CommandError } from '../command';
import { requireLabel, setOptionalText } from './support';

export const updateMapInfo = defineCommand<{ name?: string; description?: string }>({
  name: 'updateMapInfo',
  label: () => 'Edit map details',
  run(draft, changes) {
    if (changes.name !== undefined) {
      const name = requireLabel(changes.name, 'A map name');
      if (name !== draft.name) draft.name = name;
    }
    if ('description' in changes && (changes.description?.trim() || undefined) !== draft.description) {
      setOptionalText(draft, 'description', changes.description);
    }
  },
});

/** Sets how a rule counts for this map; the rule's default removes the setting. */
export const setRuleSetting = defineCommand<{ ruleId: RuleId; setting: RuleSetting | 'default' }>({
  name: 'setRuleSetting',
  label: (_doc, a) => `Set rule “${a.ruleId}” to ${a.setting}`,
  run(draft, { ruleId, setting }) {
    if (!RULE_IDS.includes(ruleId)) throw new CommandError(`"${ruleId}" is not a rule.`);
    if (setting === 'default') {
      if (ruleId in draft.rules) delete draft.rules[ruleId];
    } else if (draft.rules[ruleId] !== setting) {
      if (!RULE_SETTINGS.includes(setting)) throw new CommandError(`"${setting}" is not a rule setting.`);
      draft.rules[ruleId] = setting;
    }
  },
});
