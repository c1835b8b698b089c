import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import type { MapSummary } from '../../shared/api/contract';
import { NameField, useSubmitState } from './NameField';

interface RenameMapDialogProps {
  map: MapSummary;
  onCancel: () => void;
  onRename: (name: string) => Promise<void>;
}

export function RenameMapDialog({ map, onCancel, onRename }: RenameMapDialogProps) {
  const [name, setName] = useState(map.name);
  const { error, busy, submit } = useSubmitState();
  return (
    <Dialog title={`Rename “${map.name}”`} onClose={onCancel}>
      <form className="dialog-form" onSubmit={(event) => submit(event, name, () => onRename(name.trim()))}>
        <NameField label="Map name" value={name} onChange={setName} error={error} />
        <div className="dialog-actions">
          <button type="button" className="button ghost" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            Rename
          </button>
        </div>
      </form>
    </Dialog>
  );
}
