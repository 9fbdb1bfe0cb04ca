import { describe, expect, it } from "vitest";
import LifeBetterPlugin from "../../../src/main";
import { LifeBetterSettingTab } from "../../../src/ui/settings/settings-tab";
import type { SettingDefinitionItem, SettingDefinitionList } from "obsidian";
import { SettingTab } from "obsidian-test-mocks/obsidian";
import { MANIFEST, makeApp, registered, settle } from "../../support/obsidian-shims";

async function loadPlugin(data?: unknown): Promise<LifeBetterPlugin> {
  const { app } = makeApp({});
  const plugin = new LifeBetterPlugin(app, MANIFEST);
  if (data !== undefined) registered(plugin).data__ = data;
  plugin.load();
  await settle();
  return plugin;
}

type Mode = "display" | "definitions";

/** Shows the tab the way Obsidian does: display() before 1.13, the declarative definitions from 1.13. */
function openTab(plugin: LifeBetterPlugin, mode: Mode): LifeBetterSettingTab {
  const tab = new LifeBetterSettingTab(plugin.app, plugin);
  if (mode === "definitions") SettingTab.fromOriginalType__(tab).update();
  else SettingTab.fromOriginalType__(tab).renderTab__();
  // display() marks its container; the declarative rendering does not go through it.
  expect(tab.containerEl.classList.contains("lifebetter-settings")).toBe(mode === "display");
  return tab;
}

function typesList(tab: LifeBetterSettingTab): SettingDefinitionList {
  const list = tab.getSettingDefinitions().find((item: SettingDefinitionItem) => "type" in item && item.type === "list");
  if (!list) throw new Error("no list of custom types");
  return list as SettingDefinitionList;
}

/** The user adds a type: the "Add entry type" button, or the list's + affordance in Obsidian 1.13. */
function addType(tab: LifeBetterSettingTab, mode: Mode): void {
  if (mode === "definitions") typesList(tab).addItem?.action(createDiv());
  else button(tab, "Add entry type").click();
}

function removeType(tab: LifeBetterSettingTab, mode: Mode, index: number): void {
  if (mode === "definitions") typesList(tab).onDelete?.(index);
  else tab.containerEl.querySelectorAll<HTMLElement>('[aria-label="Remove this type"]')[index]?.click();
}

function inputs(tab: LifeBetterSettingTab, label: string): HTMLInputElement[] {
  return [...tab.containerEl.querySelectorAll<HTMLInputElement>(`[aria-label="${label}"]`)];
}

function typeInto(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event("input"));
}

function button(tab: LifeBetterSettingTab, text: string): HTMLButtonElement {
  const found = [...tab.containerEl.querySelectorAll("button")].find((candidate) => candidate.textContent === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

function savedData(plugin: LifeBetterPlugin): Record<string, unknown> {
  return JSON.parse(JSON.stringify(registered(plugin).data__)) as Record<string, unknown>;
}

describe.each<Mode>(["display", "definitions"])("settings tab (%s)", (mode) => {
  it("round-trips custom entry types through saved data", async () => {
    const plugin = await loadPlugin();
    const tab = openTab(plugin, mode);
    addType(tab, mode);
    const [name] = inputs(tab, "Type name");
    const [fields] = inputs(tab, "Type fields");
    if (!name || !fields) throw new Error("no row for the new type");
    typeInto(name, "experiment");
    typeInto(fields, "hypothesis, result, ");
    await settle();
    expect(plugin.settings.customEntryTypes).toEqual([{ name: "experiment", fields: ["hypothesis", "result"] }]);
    expect(savedData(plugin).customEntryTypes).toEqual([{ name: "experiment", fields: ["hypothesis", "result"] }]);

    // A fresh start of the plugin reads them back, and the tab shows them as they were saved.
    const reloaded = await loadPlugin(savedData(plugin));
    expect(reloaded.settings.customEntryTypes).toEqual([{ name: "experiment", fields: ["hypothesis", "result"] }]);
    const again = openTab(reloaded, mode);
    expect(inputs(again, "Type name").map((input) => input.value)).toEqual(["experiment"]);
    expect(inputs(again, "Type fields").map((input) => input.value)).toEqual(["hypothesis, result"]);
    // In Obsidian 1.13 the type is a searchable row named after it.
    expect(typesList(again).items?.map((item) => ("name" in item ? item.name : ""))).toEqual(["experiment"]);
  });

  it("refuses an invalid type name or field with a message and keeps what was typed", async () => {
    const plugin = await loadPlugin({ customEntryTypes: [{ name: "experiment", fields: [] }] });
    const tab = openTab(plugin, mode);
    const [name] = inputs(tab, "Type name");
    if (!name) throw new Error("no row");
    typeInto(name, "My Type");
    await settle();
    expect(plugin.settings.customEntryTypes).toEqual([]);
    expect(tab.containerEl.querySelector(".lifebetter-setting-error")?.textContent).toMatch(/"My Type" is not a valid type name/);
    expect(name.value).toBe("My Type");

    typeInto(name, "question");
    expect(tab.containerEl.querySelector(".lifebetter-setting-error")?.textContent).toMatch(/already a built-in type/);

    typeInto(name, "review");
    const [fields] = inputs(tab, "Type fields");
    if (!fields) throw new Error("no fields input");
    typeInto(fields, "mood");
    expect(tab.containerEl.querySelector(".lifebetter-setting-error")?.textContent).toMatch(/"mood" is already an entry property/);
    typeInto(fields, "went_well");
    await settle();
    expect(tab.containerEl.querySelector(".lifebetter-setting-error")?.textContent).toBe("");
    expect(plugin.settings.customEntryTypes).toEqual([{ name: "review", fields: ["went_well"] }]);
  });

  it("removes a custom type", async () => {
    const plugin = await loadPlugin({
      customEntryTypes: [
        { name: "experiment", fields: [] },
        { name: "review", fields: [] },
      ],
    });
    const tab = openTab(plugin, mode);
    removeType(tab, mode, 0);
    await settle();
    expect(plugin.settings.customEntryTypes).toEqual([{ name: "review", fields: [] }]);
    expect(inputs(tab, "Type name").map((input) => input.value)).toEqual(["review"]);
  });

  it("saves custom work-session activity types and says which names it could not use", async () => {
    const plugin = await loadPlugin({ customActivityTypes: ["pairing"] });
    const tab = openTab(plugin, mode);
    const [field] = inputs(tab, "Work session activity types");
    if (!field) throw new Error("no activity types field");
    expect(field.value).toBe("pairing");
    typeInto(field, "pairing, Reviews, two words");
    await settle();
    expect(plugin.settings.customActivityTypes).toEqual(["pairing", "reviews"]);
    expect(savedData(plugin)).toMatchObject({ customActivityTypes: ["pairing", "reviews"] });
    expect(tab.containerEl.textContent).toContain('Not saved: "two words"');
  });

  it("saves folders per kind and excluded folders, one per line", async () => {
    const plugin = await loadPlugin();
    const tab = openTab(plugin, mode);
    const [entries] = inputs(tab, "Entries folder");
    if (!entries) throw new Error("no entries folder");
    expect(entries.value).toBe("LifeBetter/Entries");
    typeInto(entries, "Journal/Inbox/");
    const excluded = tab.containerEl.querySelector<HTMLTextAreaElement>('[aria-label="Excluded folders"]');
    if (!excluded) throw new Error("no excluded folders");
    typeInto(excluded, "Templates\n\n  Archive/Old/ \n");
    await settle();
    expect(plugin.settings.folders.entry).toBe("Journal/Inbox");
    expect(plugin.settings.excludedFolders).toEqual(["Templates", "Archive/Old"]);
    expect(savedData(plugin)).toMatchObject({ folders: { entry: "Journal/Inbox" }, excludedFolders: ["Templates", "Archive/Old"] });

    typeInto(entries, "  ");
    expect(plugin.settings.folders.entry).toBe("Journal/Inbox");
  });

  it("saves whether the home opens on start", async () => {
    const plugin = await loadPlugin();
    const tab = openTab(plugin, mode);
    const toggle = tab.containerEl.querySelector<HTMLElement>('[aria-label="Open home on start"]');
    if (!toggle) throw new Error("no open home on start toggle");
    expect(toggle.classList.contains("is-enabled")).toBe(false);
    toggle.click();
    await settle();
    expect(plugin.settings.openHomeOnStart).toBe(true);
    expect(savedData(plugin)).toMatchObject({ openHomeOnStart: true });
  });

  it("saves search by meaning and the embedding model folder", async () => {
    const plugin = await loadPlugin();
    const tab = openTab(plugin, mode);
    const toggle = tab.containerEl.querySelector<HTMLElement>('[aria-label="Search by meaning"]');
    if (!toggle) throw new Error("no search by meaning toggle");
    expect(toggle.classList.contains("is-enabled")).toBe(true);
    toggle.click();
    const [folder] = inputs(tab, "Embedding model folder");
    if (!folder) throw new Error("no model folder");
    expect(folder.value).toBe("");
    typeInto(folder, " Models/MiniLM/ ");
    await settle();
    expect(plugin.settings).toMatchObject({ semanticIndex: false, embeddingModel: "Models/MiniLM" });
    expect(savedData(plugin)).toMatchObject({ semanticIndex: false, embeddingModel: "Models/MiniLM" });
    typeInto(folder, "  ");
    await settle();
    expect(savedData(plugin)).toMatchObject({ embeddingModel: "" });
  });

  it("saves the similar-notes count, hide linked and show private records", async () => {
    const plugin = await loadPlugin();
    const tab = openTab(plugin, mode);
    const slider = tab.containerEl.querySelector<HTMLInputElement>('[aria-label="Similar notes shown"]');
    if (!slider) throw new Error("no count slider");
    expect(slider.value).toBe("10");
    slider.value = "25";
    slider.dispatchEvent(new Event("input"));
    slider.dispatchEvent(new Event("change"));
    for (const label of ["Hide linked notes", "Show private records"]) {
      const toggle = tab.containerEl.querySelector<HTMLElement>(`[aria-label="${label}"]`);
      if (!toggle) throw new Error(`no ${label} toggle`);
      expect(toggle.classList.contains("is-enabled")).toBe(false);
      toggle.click();
    }
    await settle();
    expect(savedData(plugin)).toMatchObject({ similarResults: 25, hideLinked: true, showPrivate: true });
  });

  it("saves the review scheduler and the daily limits, refusing a limit that is not a whole number", async () => {
    const plugin = await loadPlugin({ reviewsPerDay: 7 });
    const tab = openTab(plugin, mode);
    const scheduler = tab.containerEl.querySelector<HTMLSelectElement>('[aria-label="Scheduler"]');
    if (!scheduler) throw new Error("no scheduler dropdown");
    expect(scheduler.value).toBe("sm2");
    expect([...scheduler.options].map((option) => option.text)).toEqual(["SM-2", "FSRS"]);
    scheduler.value = "fsrs";
    scheduler.dispatchEvent(new Event("change"));
    const [reviews] = inputs(tab, "Reviews per day");
    const [fresh] = inputs(tab, "New skills per day");
    if (!reviews || !fresh) throw new Error("no limit fields");
    expect([reviews.value, fresh.value]).toEqual(["7", "2"]);
    typeInto(reviews, "12");
    typeInto(fresh, "0");
    await settle();
    expect(savedData(plugin)).toMatchObject({ scheduler: "fsrs", reviewsPerDay: 12, newSkillsPerDay: 0 });
    typeInto(reviews, "2.5");
    await settle();
    expect(tab.containerEl.textContent).toContain("Enter a whole number, 0 or more.");
    expect(savedData(plugin)).toMatchObject({ reviewsPerDay: 12 });
  });

  it("saves the days after which a problem is stale, refusing 0", async () => {
    const plugin = await loadPlugin({});
    const tab = openTab(plugin, mode);
    const [stale] = inputs(tab, "Stale after (days)");
    if (!stale) throw new Error("no stale-days field");
    expect(stale.value).toBe("14");
    typeInto(stale, "30");
    await settle();
    expect(savedData(plugin)).toMatchObject({ staleDays: 30 });
    typeInto(stale, "0");
    await settle();
    expect(tab.containerEl.textContent).toContain("Enter a whole number, 1 or more.");
    expect(plugin.settings.staleDays).toBe(30);
  });
});
