import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { api } from '../api/client';
import { Dialog } from '../components/Dialog';
import { roomStore, useRoom } from './roomStore';

/** Starts sharing the map (if it is not yet) and shows the join link with its QR code. */
export function InviteDialog({ mapId, onClose }: { mapId: string; onClose: () => void }) {
  const room = useRoom((v) => v.room);
  const [error, setError] = useState<string>();
  const [qr, setQr] = useState<string>();
  const [copied, setCopied] = useState(false);
  const shared = room?.sharing && room.mapId === mapId;
  const inviteUrl = shared ? room.inviteUrl : undefined;

  useEffect(() => {
    if (shared) return;
    let current = true;
    api['room.start']({ mapId }).then(
      (state) => current && roomStore.setState({ room: state }),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
    // Started once per opening of the dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapId]);

  useEffect(() => {
    if (!inviteUrl) return;
    void QRCode.toString(inviteUrl, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then(setQr);
  }, [inviteUrl]);

  const stop = async () => {
    roomStore.setState({ room: await api['room.stop']({}) });
    onClose();
  };

  return (
    <Dialog title="Invite the room" onClose={onClose}>
      {error ? (
        <p role="alert">{error}</p>
      ) : !inviteUrl ? (
        <p className="muted">Opening this map to the local network…</p>
      ) : (
        <div className="invite-body">
          {qr ? <img className="invite-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr)}`} alt="QR code of the join link" /> : <div className="invite-qr" />}
          <div>
            <p>
              People on the same network open this link, or scan the code, and type their name. They see and edit <strong>this map only</strong>; you set who may
              edit under People.
            </p>
            <label className="field">
              <span className="field-label">Join link</span>
              <input className="invite-link" readOnly value={inviteUrl} onFocus={(event) => event.currentTarget.select()} />
            </label>
            <p>
              <button
                type="button"
                className="button small"
                onClick={() => void navigator.clipboard?.writeText(inviteUrl).then(() => setCopied(true), () => setCopied(false))}
              >
                {copied ? 'Copied' : 'Copy link'}
              </button>
            </p>
            {room?.addresses && room.addresses.length === 0 && (
              <p role="note">This computer has no local network address right now: only this computer can open the link. Connect to the room’s network and invite again.</p>
            )}
            <p className="muted">Your firewall may ask whether Throughline may accept connections: allow it on private networks. “Stop sharing” ends everyone’s access at once.</p>
          </div>
        </div>
      )}
      <div className="dialog-actions">
        {shared && (
          <button type="button" className="button" onClick={() => void stop()}>
            Stop sharing
          </button>
        )}
        <button type="button" className="button primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
