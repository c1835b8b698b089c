import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path names inside the built renderer, or undefined when it would escape that folder.
 * Shared by the browser host and Electron's app:// protocol so both serve exactly the same files.
 */
export function resolveStaticFile(root: string, urlPathname: string): string | undefined {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPathname).replace(/^\/+/, '');
  } catch {
    return undefined;
  }
  const base = path.resolve(root);
  const file = path.resolve(base, relative || 'index.html');
  return file.startsWith(base + path.sep) ? file : undefined;
}
