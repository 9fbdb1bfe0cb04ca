/**
 * SHA-256 of each text's UTF-8 bytes: the embedding cache's key. Web Crypto (`crypto.subtle`) is in
 * Obsidian (Electron), its workers and Node 20 alike, so the CLI and the plugin compute the same keys.
 */
export type TextHasher = (texts: readonly string[]) => Promise<Uint8Array[]>;

const encoder = new TextEncoder();

export const sha256Texts: TextHasher = async (texts) =>
  // All digests are started at once: subtle.digest is asynchronous and this overlaps its round trips.
  Promise.all(texts.map(async (text) => new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)))));

export const HASH_BYTES = 32;

/** SHA-256 of bytes: the checksum of the embedding cache and of the saved index. */
export async function sha256Bytes(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
}

/**
 * A digest as a 32-character string, one character per byte: an opaque Map key. It is about ten
 * times faster to make and to write back than hex, which counts when 50k keys are loaded at startup.
 */
export function digestKey(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

/** Writes a digestKey's 32 bytes into `target` at `offset` (the file stores the raw digests). */
export function writeDigestKey(key: string, target: Uint8Array, offset: number): void {
  for (let i = 0; i < key.length; i++) target[offset + i] = key.charCodeAt(i);
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/** A digest as lowercase hex (for checksums people compare, e.g. downloaded files). */
export function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += HEX[byte] ?? "";
  return hex;
}
