import { createHash } from "node:crypto";
import type { TextHasher } from "../../core/embed/text-hash";

/**
 * The same SHA-256 keys as the core's Web Crypto hasher, computed synchronously by Node: measured
 * here about 10× faster for many short texts, because each crypto.subtle.digest call is a round
 * trip to a thread pool. The CLI uses it; caches stay interchangeable with the plugin's.
 */
export const nodeSha256Texts: TextHasher = (texts) => Promise.resolve(texts.map((text) => new Uint8Array(createHash("sha256").update(text, "utf8").digest())));
