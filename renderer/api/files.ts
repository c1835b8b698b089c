/**
 * Saves bytes the API returned as a file: a download in the browser, the save dialog in the desktop app
 * (Electron asks where to save every download the app starts).
 */
export function saveFile(fileName: string, mimeType: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Reads a chosen file as text, refusing absurd sizes before reading them. */
export async function readTextFile(file: File, maxBytes: number): Promise<string> {
  if (file.size > maxBytes) throw new Error(`“${file.name}” is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB; that is not a journey map.`);
  return file.text();
}
