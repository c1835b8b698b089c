import { app, protocol, session, shell } from 'electron';
import fs from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../host/contentSecurity';
import { contentTypeOf, resolveStaticFile } from '../host/staticFiles';
import { isAllowedExternalUrl } from '../platform/externalLinks';

export const APP_SCHEME = 'throughline';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Must run before the app is ready: the renderer is served from a privileged, secure custom scheme, not file://. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer on throughline://app/ with the Content-Security-Policy as a header. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveStaticFile(rendererDir, url.pathname) : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: {
          'content-type': contentTypeOf(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/** Electron's security checklist, applied to every session and web contents the app ever creates. */
export function hardenApp(): void {
  const ses = session.defaultSession;
  // Everything is denied except full screen, which Present asks for and which reaches nothing outside the window.
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'fullscreen'));
  ses.setPermissionCheckHandler((_contents, permission) => permission === 'fullscreen');
  // No remote content: the window may only load the app's own scheme, blobs and data it made itself
  // (exports, inlined assets), and DevTools while developing.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url;
    const allowed = url.startsWith(`${APP_ORIGIN}/`) || url.startsWith(`blob:${APP_ORIGIN}/`) || url.startsWith('data:') || url.startsWith('devtools://');
    callback({ cancel: !allowed });
  });

  // Exports are downloads of blobs the app made; the user picks where each one goes.
  ses.on('will-download', (event, item) => {
    if (!item.getURL().startsWith('blob:')) return event.preventDefault();
    item.setSaveDialogOptions({ title: 'Save export', defaultPath: item.getFilename() });
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
