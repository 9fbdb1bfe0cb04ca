import { validate, version } from "uuid";

/** A new record id: a UUID v4 from the platform's crypto (Node and Obsidian, desktop and mobile). */
export function newId(): string {
  // `crypto` is the Web Crypto global in Obsidian (desktop and mobile) and in Node 20.
  return crypto.randomUUID();
}

export function isRecordId(value: unknown): value is string {
  return typeof value === "string" && validate(value) && version(value) === 4;
}
