import { ConfirmDialog } from '../components/ConfirmDialog';
import type { MapSummary } from '../../shared/api/contract';

interface DeleteMapDialogProps {
  map: MapSummary;
  onCancel: () => void;
  onDelete: () => void;
}

/** Deleting a map cannot be undone, so the confirmation names the map and what goes with it. */
export function DeleteMapDialog({ map, onCancel, onDelete }: DeleteMapDialogProps) {
  return (
    <ConfirmDialog
      title={`Delete “${map.name}”?`}
      message={`This removes the map with its ${map.stageCount} stages, ${map.teamCount} teams and ${map.touchpointCount} touchpoints from this computer. It cannot be undone. Export it as JSON first if you may need it again.`}
      confirmLabel="Delete map"
      onCancel={onCancel}
      onConfirm={onDelete}
    />
  );
}
