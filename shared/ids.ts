const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A short random id (about 103 bits), valid for the format; uses Web Crypto, present in browsers and Node. */
export function newId(prefix = ''): string {
  const bytes = new Uint8Array(20);
  globalThis.crypto.getRandomValues(bytes);
  let id = prefix;
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}
