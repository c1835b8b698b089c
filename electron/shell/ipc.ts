import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, ipcChannel } from '../../shared/api/channels';
import type { Dispatch } from '../api/dispatch';
import { APP_HOST, APP_SCHEME } from './security';

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  try {
    // Node's URL gives custom schemes an opaque origin ("null"), so compare scheme and host instead.
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** One handler per contract channel, all through the same sender check and the same validating dispatch. */
export function registerIpc(dispatch: Dispatch): void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'invalid-input', message: 'Refused: the call did not come from the Throughline window.' } };
      }
      return dispatch(name, input);
    });
  }
}
