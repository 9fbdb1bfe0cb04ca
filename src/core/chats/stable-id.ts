import { v4 } from "uuid";

const encoder = new TextEncoder();

/**
 * A record id derived from where the record came from (e.g. "chatgpt:<conversation id>"), so importing
 * the same export again finds the notes it made instead of making new ones. It is a valid UUID v4
 * (random bits taken from SHA-256 of the key), as every LifeBetter id must be.
 */
export async function stableId(key: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(key)));
  return v4({ random: digest.slice(0, 16) });
}
