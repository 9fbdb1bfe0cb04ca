import type { VaultRecord } from "../../../src/core/vault/records";
import { isRecordKind } from "../../../src/core/schema/kinds";
import { noteName } from "../../../src/core/vault/paths";

/** A record as loadRecords would give it, for pure queue / summary / card tests. */
export function record(path: string, properties: Record<string, unknown>, body = "", mtime = 0): VaultRecord {
  const kind = properties.kind;
  if (!isRecordKind(kind)) throw new Error(`test record ${path} needs a kind`);
  return { path, name: noteName(path), kind, properties, body, mtime };
}

export const skill = (name: string, properties: Record<string, unknown> = {}, body = ""): VaultRecord =>
  record(`Skills/${name}.md`, { kind: "meta-skill", ...properties }, body);

export const decision = (name: string, properties: Record<string, unknown> = {}): VaultRecord =>
  record(`Entries/${name}.md`, { kind: "entry", type: "decision", ...properties });
