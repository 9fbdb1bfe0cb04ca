import { WorkspaceLeaf } from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it } from "vitest";
import { RecordView, type RecordRead } from "../../../src/ui/common/record-view";
import { makeApp } from "../../support/obsidian-shims";

const DELAY_MS = 60;
const record = (title: string) => `---\nkind: entry\ntype: note\n---\n${title}\n`;
const FILES = { "Entries/a.md": record("a"), "Entries/b.md": record("b"), "Entries/c.md": record("c"), "Notes/plain.md": "Milk\n" };

interface Gate {
  release(): void;
  done: Promise<void>;
}

/** A view whose reads the test controls: each read waits for its gate (if any) and paints a label. */
class ProbeView extends RecordView {
  readonly seen: { changed: readonly string[] | null; afterChange: boolean }[] = [];
  painted: string[] = [];
  failures: string[] = [];
  gates: Gate[] = [];
  name = "";
  static readonly label = { type: "lifebetter-probe", title: "Probe", icon: "dot" };

  override async onOpen(): Promise<void> {
    this.followRecords(DELAY_MS);
    await this.refresh("first");
  }

  refresh(label: string): Promise<void> {
    this.name = label;
    return this.reread();
  }

  protected async readRecords(read: RecordRead): Promise<void> {
    const label = this.name;
    this.seen.push({ changed: read.changed, afterChange: read.afterChange });
    this.recordPaths = new Set(["Entries/a.md", "Entries/b.md", "Entries/c.md"]);
    const gate = this.gates.shift();
    if (gate) await gate.done;
    if (label === "broken") throw new Error("disk gone");
    if (read.stale()) return;
    this.painted.push(label);
  }

  protected readFailed(error: unknown): void {
    this.failures.push(String(error));
  }

  /** The next read waits until released. */
  gate(): Gate {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const gate = { release, done };
    this.gates.push(gate);
    return gate;
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function probe() {
  const { app } = makeApp(FILES);
  const view = new ProbeView(WorkspaceLeaf.create2__(app as never).asOriginalType3__(), null);
  view.load();
  await view.onOpen();
  return { app, view, file: (path: string) => app.vault.getFileByPath(path)! };
}

afterEach(() => document.body.empty());

describe("RecordView", () => {
  it("reads once after a burst of record edits, with the paths that changed; edits of ordinary notes read nothing", async () => {
    const { app, view, file } = await probe();
    expect(view.seen).toEqual([{ changed: null, afterChange: false }]);
    await app.vault.modify(file("Notes/plain.md"), "Milk, eggs\n");
    for (const path of ["Entries/a.md", "Entries/b.md", "Entries/a.md", "Entries/c.md"]) {
      await app.vault.modify(file(path), record(`${path} edited`));
      await wait(DELAY_MS / 4);
    }
    await wait(DELAY_MS * 3);
    expect(view.seen).toHaveLength(2);
    expect(view.seen[1]).toEqual({ changed: ["Entries/a.md", "Entries/b.md", "Entries/c.md"], afterChange: true });
  });

  it("tells Obsidian its type, title and icon from its label", async () => {
    const { view } = await probe();
    expect([view.getViewType(), view.getDisplayText(), view.getIcon()]).toEqual(["lifebetter-probe", "Probe", "dot"]);
  });

  it("reads everything after a record is renamed or deleted", async () => {
    const { app, view, file } = await probe();
    await app.vault.modify(file("Entries/a.md"), record("a edited"));
    await app.fileManager.trashFile(file("Entries/b.md"));
    await wait(DELAY_MS * 3);
    expect(view.seen.at(-1)).toEqual({ changed: null, afterChange: true });
  });

  it("never lets a slow older read paint over a newer one", async () => {
    const { view } = await probe();
    const slow = view.gate();
    const older = view.refresh("older");
    const newer = view.refresh("newer");
    slow.release();
    await Promise.all([older, newer]);
    expect(view.painted).toEqual(["first", "newer"]);
  });

  it("shows why a read failed, unless a newer read overtook it", async () => {
    const { view } = await probe();
    await view.refresh("broken");
    expect(view.failures).toEqual(["Error: disk gone"]);
    const slow = view.gate();
    const broken = view.refresh("broken");
    view.name = "after";
    const after = view.refresh("after");
    slow.release();
    await Promise.all([broken, after]);
    expect(view.failures).toHaveLength(1);
    expect(view.painted.at(-1)).toBe("after");
  });

  it("stops following changes when closed: a pending read never runs, one in flight does not paint", async () => {
    const { app, view, file } = await probe();
    const slow = view.gate();
    const inFlight = view.refresh("in flight");
    await app.vault.modify(file("Entries/a.md"), record("a edited"));
    const closing = view.onClose();
    slow.release();
    await Promise.all([inFlight, closing]);
    view.unload();
    await app.vault.modify(file("Entries/b.md"), record("b edited"));
    await wait(DELAY_MS * 3);
    expect(view.painted).toEqual(["first"]);
    expect(view.seen).toHaveLength(2);
  });
});
