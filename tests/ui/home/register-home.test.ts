import { describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import LifeBetterPlugin from "../../../src/main";
import { HOME_VIEW_TYPE, HomeView } from "../../../src/ui/home/home-view";
import { MANIFEST, contentOf, makeApp, notices, registered, resetNotices, settle } from "../../support/obsidian-shims";

async function start(files: Record<string, string> = {}, data?: unknown) {
  const { app, mock } = makeApp(files);
  const plugin = new LifeBetterPlugin(app, MANIFEST);
  if (data !== undefined) registered(plugin).data__ = data;
  plugin.indexServices = { ...plugin.indexServices, startWorker: null };
  plugin.load();
  await settle();
  mock.workspace.setLayoutReady__();
  const registry = registered(plugin);
  const run = (id: string): void => void registry.commands__.get(id)?.callback?.();
  return { app, mock, plugin, registry, run };
}

describe("registering the home", () => {
  it("Open home opens one home view, without a hotkey", async () => {
    const { app, registry, run } = await start();
    const command = registry.commands__.get("open-home");
    expect(command?.name).toBe("Open home");
    expect(command?.hotkeys).toBeUndefined();
    expect(registry.views__.get(HOME_VIEW_TYPE)?.(app.workspace.getLeaf(true))).toBeInstanceOf(HomeView);
    run("open-home");
    await settle();
    run("open-home");
    await settle();
    expect(app.workspace.getLeavesOfType(HOME_VIEW_TYPE)).toHaveLength(1);
  });

  it("opens the home on start only when the setting says so", async () => {
    const off = await start();
    await settle();
    expect(off.app.workspace.getLeavesOfType(HOME_VIEW_TYPE)).toHaveLength(0);
    const on = await start({}, { openHomeOnStart: true });
    await vi.waitFor(() => expect(on.app.workspace.getLeavesOfType(HOME_VIEW_TYPE)).toHaveLength(1));
  });

  it("Create Bases views writes the bases once and then keeps them", async () => {
    resetNotices();
    const { mock, run } = await start({ "LifeBetter/Reflections.base": "views: []\n" });
    run("create-bases");
    await vi.waitFor(() => expect(notices.map((notice) => notice.text)).toContain("Created 3 bases in LifeBetter. Kept 1 that already existed."));
    expect(parse(contentOf(mock, "LifeBetter/Problems.base"))).toMatchObject({ filters: { and: ['kind == "problem"'] } });
    expect(contentOf(mock, "LifeBetter/Reflections.base")).toBe("views: []\n");
    run("create-bases");
    await vi.waitFor(() => expect(notices.map((notice) => notice.text)).toContain("The bases already exist in LifeBetter; nothing was changed."));
  });
});
