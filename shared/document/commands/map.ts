import { defineCommand } from '../command';
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
