import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

/** The shared, read-only corpora of real vaults nobody here wrote. */
export const CORPORA_ROOT = process.env.LIFEBETTER_CORPORA ?? fileURLToPath(new URL("../../../shared/corpora", import.meta.url));

/** The small vault the project writes itself (tests/fixtures/vault): the same code paths, in every clone. */
export const FIXTURE_VAULT = fileURLToPath(new URL("../fixtures/vault", import.meta.url));

let noted = false;

/**
 * Whether the shared corpora are beside this checkout. A clone on its own has none: the tests on them
 * skip with a printed note (the fixture vault still runs), unless LIFEBETTER_REQUIRE_CORPORA=1 (CI),
 * where their absence fails the test file.
 */
export function corporaAvailable(): boolean {
  if (existsSync(CORPORA_ROOT)) return true;
  const reason = `the shared corpora of real vaults are not at ${CORPORA_ROOT} (set LIFEBETTER_CORPORA to their folder)`;
  if (process.env.LIFEBETTER_REQUIRE_CORPORA === "1") throw new Error(`${reason}, and LIFEBETTER_REQUIRE_CORPORA=1 requires them`);
  if (!noted) console.warn(`Skipping the tests on real vaults: ${reason}. The fixture vault in tests/fixtures/vault runs the same code paths.`);
  noted = true;
  return false;
}

export const LOOSE_CORPORA = [
  "obsidian-help",
  "vault-kepano",
  "vault-lesleylai-garden",
  "vault-digitallyliterate",
  "journal/obsidian-tracker-examples",
  "journal/dataview-example-vault",
  "journal/heatmap-calendar-example",
  "journal/aww-werther-demo",
];

export const ARCHIVED_CORPORA = [
  { archive: "large-digitalyoshixi-zettelkasten.tar.gz", folder: "digitalyoshixi-zettelkasten" },
  { archive: "large-winrt-api.tar.gz", folder: "winrt-api" },
];

/** Extracts an archived corpus once per machine into the temp folder and returns its path. */
export function extractedCorpus(archive: string, folder: string): string {
  const target = path.join(os.tmpdir(), "lifebetter-corpora");
  const extracted = path.join(target, folder);
  if (!existsSync(path.join(extracted, ".complete"))) {
    mkdirSync(target, { recursive: true });
    execFileSync("tar", ["-xzf", path.join(CORPORA_ROOT, archive), "-C", target]);
    execFileSync("touch", [path.join(extracted, ".complete")]);
  }
  return extracted;
}
