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

/** No file of the built renderer has a path anywhere near this long; longer paths are refused unread. */
export const MAX_STATIC_PATH_LENGTH = 1024;

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** A file inside the built renderer, or why the URL path can never name one (a request to refuse, not to look up). */
export type StaticPath = { ok: true; file: string } | { ok: false; problem: string };

export function resolveStaticPath(root: string, urlPathname: string): StaticPath {
  if (urlPathname.length > MAX_STATIC_PATH_LENGTH) return { ok: false, problem: 'the path is too long' };
  let relative: string;
  try {
    relative = decodeURIComponent(urlPathname).replace(/^\/+/, '');
  } catch {
    return { ok: false, problem: 'the path is not valid percent-encoding' };
  }
  // File-system calls throw on a NUL byte rather than failing; refuse it before any of them sees it.
  if (relative.includes('\0')) return { ok: false, problem: 'the path contains a NUL byte' };
  if (relative.split(/[\\/]/).includes('..')) return { ok: false, problem: 'the path leaves the app folder' };
  const base = path.resolve(root);
  const file = path.resolve(base, relative || 'index.html');
  if (!file.startsWith(base + path.sep)) return { ok: false, problem: 'the path leaves the app folder' };
  return { ok: true, file };
}

/**
 * The file a URL path names inside the built renderer, or undefined when it would escape that folder or is
 * malformed. Shared by the browser host and Electron's app:// protocol so both serve exactly the same files.
 */
export function resolveStaticFile(root: string, urlPathname: string): string | undefined {
  const resolved = resolveStaticPath(root, urlPathname);
  return resolved.ok ? resolved.file : undefined;
}
