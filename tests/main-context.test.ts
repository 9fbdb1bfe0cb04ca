import { describe, expect, it, vi } from "vitest";
import LifeBetterPlugin from "../src/main";
import { registerCapture } from "../src/ui/capture/register-capture";
import { registerHome } from "../src/ui/home/register-home";
import { registerMemoryViews } from "../src/ui/index/register-memory-views";
import { registerPatterns } from "../src/ui/patterns/register-patterns";
import { registerProblems } from "../src/ui/problems/register-problems";
import { registerReflections } from "../src/ui/reflection/register-reflections";
import { registerReview } from "../src/ui/review/register-review";
import { registerDataSafety } from "../src/ui/transfer/data-safety-commands";
import { CaptureModal } from "../src/ui/capture/capture-modal";
import { PROBLEM_VIEW_TYPE, ProblemItemView } from "../src/ui/problems/problem-view";
import { MANIFEST, makeApp, registered, settle } from "./support/obsidian-shims";
import { button, control, onlyModal } from "./support/problems-ui";

// Each feature's register function, spied on but still doing its work.
vi.mock("../src/ui/capture/register-capture", async (original) => {
  const module = await original<typeof import("../src/ui/capture/register-capture")>();
  return { ...module, registerCapture: vi.fn(module.registerCapture) };
});
vi.mock("../src/ui/problems/register-problems", async (original) => {
  const module = await original<typeof import("../src/ui/problems/register-problems")>();
  return { ...module, registerProblems: vi.fn(module.registerProblems) };
});
vi.mock("../src/ui/review/register-review", async (original) => {
  const module = await original<typeof import("../src/ui/review/register-review")>();
  return { ...module, registerReview: vi.fn(module.registerReview) };
});
vi.mock("../src/ui/reflection/register-reflections", async (original) => {
  const module = await original<typeof import("../src/ui/reflection/register-reflections")>();
  return { ...module, registerReflections: vi.fn(module.registerReflections) };
});
vi.mock("../src/ui/patterns/register-patterns", async (original) => {
  const module = await original<typeof import("../src/ui/patterns/register-patterns")>();
  return { ...module, registerPatterns: vi.fn(module.registerPatterns) };
});
vi.mock("../src/ui/home/register-home", async (original) => {
  const module = await original<typeof import("../src/ui/home/register-home")>();
  return { ...module, registerHome: vi.fn(module.registerHome) };
});
vi.mock("../src/ui/transfer/data-safety-commands", async (original) => {
  const module = await original<typeof import("../src/ui/transfer/data-safety-commands")>();
  return { ...module, registerDataSafety: vi.fn(module.registerDataSafety) };
});
vi.mock("../src/ui/index/register-memory-views", async (original) => {
  const module = await original<typeof import("../src/ui/index/register-memory-views")>();
  return { ...module, registerMemoryViews: vi.fn(module.registerMemoryViews) };
});

const REGISTERS = {
  registerCapture,
  registerProblems,
  registerReview,
  registerReflections,
  registerPatterns,
  registerHome,
  registerDataSafety,
  registerMemoryViews,
};

async function start(files: Record<string, string> = {}) {
  const { app, mock } = makeApp(files);
  const plugin = new LifeBetterPlugin(app, MANIFEST);
  plugin.indexServices = { ...plugin.indexServices, startWorker: null };
  plugin.load();
  await settle();
  return { app, mock, plugin, registry: registered(plugin) };
}

describe("the plugin context", () => {
  it("is the one argument every feature registers with, capture included", async () => {
    const { plugin } = await start();
    for (const [name, register] of Object.entries(REGISTERS)) {
      const calls = vi.mocked(register).mock.calls as unknown[][];
      expect(calls, name).toHaveLength(1);
      expect(calls[0], name).toEqual([plugin.context]);
      expect(calls[0]?.[0], name).toBe(plugin.context);
    }
  });

  it("carries one feature's action to another: the problem view's log button opens the capture form", async () => {
    const problem = "LifeBetter/Problems/Ship v2.md";
    const { app, registry } = await start({ [problem]: "---\nid: 1\nkind: problem\nstatus: active\n---\n# Ship v2\n" });
    const view = registry.views__.get(PROBLEM_VIEW_TYPE)?.(app.workspace.getLeaf(true));
    if (!(view instanceof ProblemItemView)) throw new Error("no problem view");
    await view.setState({ path: problem }, { history: false });
    await view.onOpen();
    const root = view.contentEl;
    await vi.waitFor(() => button(root, "Log blocker"));
    button(root, "Log blocker").click();
    const modal = onlyModal(CaptureModal);
    expect(control<HTMLSelectElement>(modal.contentEl, "Type").value).toBe("blocker");
    expect(control(modal.contentEl, "Problem").value).toBe("[[Ship v2]]");
    modal.close();
  });

  it("tells the views the index is building until it has started or failed, through one promise", async () => {
    const { mock, plugin } = await start();
    const { index } = plugin.context;
    expect(index.availability()).toEqual({ state: "building" });
    let settled = false;
    void index.ready.then(() => (settled = true));
    await settle();
    expect(settled).toBe(false);
    mock.workspace.setLayoutReady__();
    await index.ready;
    expect(index.availability()).toEqual({ state: "unavailable", reason: "the search index could not start (the status bar says why)" });
    expect(plugin.context.index.ready).toBe(index.ready);
  });
});
