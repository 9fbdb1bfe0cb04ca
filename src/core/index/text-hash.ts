/**
 * A 106-bit content hash (two 53-bit cyrb53 rounds with different seeds), kept synchronous on
 * purpose: `NoteIndex.apply` extracts and indexes a note in one synchronous step so no vault event
 * can interleave, and cluster labels hash terms inline; Web Crypto's SHA-256 (used for files and
 * the embedding cache) is async only and measured 2.5-4x slower here (10k note texts: 127 ms vs
 * 323-478 ms). It only keys vector reuse within the index, so a collision would at worst reuse a
 * wrong vector; at 106 bits that is negligible for any vault.
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
