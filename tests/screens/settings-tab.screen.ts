/** The settings tab with a custom entry type and an excluded folder, as display() draws it. */
import { Plugin } from "obsidian";
import { loadSettings } from "../../src/core/settings";
import { LifeBetterSettingTab, type SettingsHost } from "../../src/ui/settings/settings-tab";
import { MANIFEST, makeApp } from "../support/obsidian-shims";
import { showSettingTab } from "./host/frame";

export function render(root: HTMLElement): Promise<void> {
  const { app } = makeApp({});
  const settings = loadSettings({
    customEntryTypes: [{ name: "workout", fields: ["distance", "minutes"] }],
    excludedFolders: ["Archive", "Templates"],
  });
  class Host extends Plugin implements SettingsHost {
    override settings = settings;
    ignoredPrompts: string[] = [];
    saveSettings(): Promise<void> {
      return Promise.resolve();
    }
  }
  showSettingTab(root, new LifeBetterSettingTab(app, new Host(app, MANIFEST)));
  return Promise.resolve();
}
