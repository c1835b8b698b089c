/** The way home from an open map, the same in every state of the map screen. */
export function BackToMaps({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="button ghost" onClick={onClick} aria-label="Back to maps">
      ← Maps
    </button>
  );
}
