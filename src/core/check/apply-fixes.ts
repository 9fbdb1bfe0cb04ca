import { errorMessage } from "../errors";
import { newId } from "../ids";
import type { NoteRepository } from "../vault/repository";
import type { Finding } from "./findings";

export interface FixResult {
  applied: Finding[];
  failed: { finding: Finding; message: string }[];
}

/** Applies the property-only fixes of these findings. Bodies are never touched. */
export async function applyFixes(repo: NoteRepository, findings: Finding[], now: () => string): Promise<FixResult> {
  const result: FixResult = { applied: [], failed: [] };
  for (const finding of findings) {
    const fix = finding.fix;
    if (!fix) continue;
    try {
      await repo.updateProperties(finding.path, (properties) => {
        if (fix.action === "new-id") properties.id = newId();
        else {
          if (fix.replaces !== undefined && fix.replaces !== fix.property) delete properties[fix.replaces];
          properties[fix.property] = fix.value;
        }
        properties.updated = now();
      });
      result.applied.push(finding);
    } catch (error) {
      result.failed.push({ finding, message: errorMessage(error) });
    }
  }
  return result;
}
