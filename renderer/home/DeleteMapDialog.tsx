import { Dialog } from '../components/Dialog';
import type { MapSummary } from '../../shared/api/contract';

interface DeleteMapDialogProps {
  map: MapSummary;
  onCancel: () => void;
  onDelete: () => void;
}

/** Deleting cannot be undone, so the confirmation names the map and what goes with it. */
export function DeleteMapDialog({ map, onCancel, onDelete }: DeleteMapDialogProps) {
  return (
    <Dialog title={`Delete “${map.name}”?`} onClose={onCancel}>
      <p>
        This removes the map with its {map.stageCount} stages, {map.teamCount} teams and {map.touchpointCount} touchpoints from this
        computer. It cannot be undone. Export it as JSON first if you may need it again.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button ghost" autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button danger-solid" onClick={onDelete}>
          Delete map
        </button>
      </div>
    </Dialog>
  );
}
