import { app, BrowserWindow, dialog, Menu } from 'electron';
import path from 'node:path';
import type { Backend } from '../api/backend';
import { startBackendOrRestore, type RestorableError } from '../api/recovery';
import { defaultDataDir } from '../platform/paths';
import { registerIpc } from './ipc';
import { desktopRoomNetwork } from '../room/desktopRoomHost';
import { buildAppMenu } from './appMenu';
import { APP_ORIGIN, hardenApp, registerAppScheme, serveRenderer } from './security';

const appRoot = path.join(__dirname, '..', '..');
const rendererDir = path.join(appRoot, 'dist', 'renderer');

/**
 * better-sqlite3 built for Electron, kept apart from node_modules (which holds Node's build for the
 * tests). `npm start` builds it into .native/; packaging copies it into the app's resources.
 */
function electronNativeBinding(): string {
  const name = `electron-${process.versions.electron}-${process.platform}-${process.arch}`;
  return app.isPackaged
    ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(appRoot, '.native', name, 'better_sqlite3.node');
}

/** A damaged database is never opened: the user chooses between its newest good backup and quitting. */
async function offerRestore(error: RestorableError): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'Throughline',
    message: error.problem === 'damaged' ? 'The database is damaged' : 'The database is missing or empty',
    detail: `${error.message}\n\nRestoring keeps the current database file beside it, renamed.`,
    buttons: ['Restore newest backup', 'Quit'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return response === 0;
}

let mainWindow: BrowserWindow | undefined;
let backend: Backend | undefined;

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1600,
    height: 1000,
    minWidth: 960,
    minHeight: 600,
    title: 'Throughline',
    backgroundColor: '#f8fafc',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = undefined));
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // One database, one window: a second launch focuses the running app instead.
  app.on('second-instance', () => {
    if (!mainWindow) return createWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.setPath('userData', defaultDataDir());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('will-quit', () => {
    // Participants are told the session ended; the LAN listener closes with the process.
    void backend?.room.stop('The facilitator closed Throughline.');
    backend?.close();
  });

  app
    .whenReady()
    .then(async () => {
      hardenApp();
      serveRenderer(rendererDir);
      const started = await startBackendOrRestore(
        app.getPath('userData'),
        { nativeBinding: electronNativeBinding(), lockAs: 'desktop' },
        offerRestore,
      );
      if (!started) return app.quit();
      backend = started.backend;
      // Invite hosts the room from here, with the same host code as `serve --lan`.
      backend.room.setNetwork(desktopRoomNetwork({ dispatch: backend.dispatch, sessions: backend.sessions, room: backend.room, staticDir: rendererDir }));
      registerIpc(backend.dispatch, backend.sessions, backend.room);
      Menu.setApplicationMenu(Menu.buildFromTemplate(buildAppMenu(process.platform, app.isPackaged)));
      createWindow();
    })
    .catch((error: unknown) => {
      const message = (error as Error).message ?? String(error);
      dialog.showErrorBox('Throughline could not start', message.charAt(0).toUpperCase() + message.slice(1));
      app.quit();
    });
}
