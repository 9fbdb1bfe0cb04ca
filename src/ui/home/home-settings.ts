import type { LifeBetterSettings } from "../../core/settings";
import type { SettingRow } from "../index/similar-settings";

export const HOME_HEADING = "Home";
const ON_START_NAME = "Open home on start";

interface Host {
  settings: LifeBetterSettings;
  saveSettings(): Promise<void>;
}

/** Settings of the LifeBetter home. */
export function homeSettingRows(host: Host): SettingRow[] {
  return [
    {
      name: ON_START_NAME,
      desc: "Show the LifeBetter home (today and this week) when Obsidian starts.",
      render: (setting) => {
        setting.addToggle((toggle) => {
          toggle.toggleEl.setAttribute("aria-label", ON_START_NAME);
          toggle.setValue(host.settings.openHomeOnStart);
          toggle.onChange((on) => {
            host.settings.openHomeOnStart = on;
            void host.saveSettings();
          });
        });
      },
    },
  ];
}
