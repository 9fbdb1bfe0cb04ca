/**
 * A 106-bit content hash (two 53-bit cyrb53 rounds with different seeds) in pure JS: the worker and
 * mobile have no Node crypto, and WebCrypto is async and slow for thousands of short texts. Keys the
 * embedding reuse, so a collision would only ever reuse a wrong vector; at 106 bits that is
 * negligible for any vault.
 */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function hashText(text: string): string {
  return cyrb53(text, 1).toString(36).padStart(11, "0") + cyrb53(text, 0x9e3779b9).toString(36).padStart(11, "0");
}
