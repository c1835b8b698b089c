import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, ipcChannel, type PreloadApi } from '../../shared/api/channels';

// Exactly the API contract, one function per channel; no ipcRenderer, no Node, nothing else.
const api = Object.fromEntries(
  CHANNEL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input)]),
) as PreloadApi;

contextBridge.exposeInMainWorld('throughline', Object.freeze(api));
