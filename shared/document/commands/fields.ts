import { defineCommand, CommandError } from '../command';
import { RECORD_COLLECTIONS, type RecordCollection } from '../mapDoc';
import { RECORD_FIELDS, RECORD_KINDS } from '../records';

/**
 * Sets one field back to a value: "Put mine back" after another window replaced it. The path names a
 * record field (`[collection, id, field]`), a rule (`['rules', id]`) or the map's name or description.
 */
export const setFieldValue = defineCommand<{ path: string[]; value: unknown }>({
  name: 'setFieldValue',
  label: () => 'Put my value back',
  run(draft, { path, value }) {
    const [head, key, field] = path;
    if ((RECORD_COLLECTIONS as readonly string[]).includes(head!) && key !== undefined && field !== undefined) {
      const record = (draft[head as RecordCollection] as Map<string, Record<string, unknown>>).get(key);
      if (!record) throw new CommandError(`The ${RECORD_KINDS[head as RecordCollection]} is no longer in the map.`);
      if (!RECORD_FIELDS[head as RecordCollection].has(field)) throw new CommandError(`A ${RECORD_KINDS[head as RecordCollection]} has no field "${field}".`);
      if (value === undefined) delete record[field];
      else record[field] = structuredClone(value);
    } else if (head === 'rules' && key !== undefined) {
      const rules = draft.rules as Record<string, unknown>;
      if (value === undefined) delete rules[key];
      else rules[key] = value;
    } else if ((head === 'name' || head === 'description') && path.length === 1) {
      if (value === undefined) delete (draft as Record<string, unknown>)[head];
      else (draft as Record<string, unknown>)[head] = value;
    } else {
      throw new CommandError('That value cannot be put back.');
    }
  },
});
