/**
 * Hosts the app may open in the user's browser; everything else a page tries to open is dropped.
 * Only https, only these exact hosts. The app links to nothing outside itself yet, so the list is empty.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [];

export function isAllowedExternalUrl(url: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && hosts.includes(parsed.hostname);
}
