import type { Setting } from "obsidian";
import { SIMILAR_RESULTS_RANGE, similarCount, type LifeBetterSettings } from "../../core/settings";

export const SIMILAR_SETTINGS_HEADING = "Similar notes and search";

interface Host {
  settings: LifeBetterSettings;
  saveSettings(): Promise<void>;
}

/** One row of the settings tab: what Obsidian 1.13's definitions and the hand-built tab both use. */
export interface SettingRow {
  name: string;
  desc: string;
  render: (setting: Setting) => void;
}

const COUNT_NAME = "Similar notes shown";
const HIDE_LINKED_NAME = "Hide linked notes";
const PRIVATE_NAME = "Show private records";

function toggle(host: Host, key: "hideLinked" | "showPrivate", label: string): (setting: Setting) => void {
  return (setting) => {
    setting.addToggle((control) => {
      control.toggleEl.setAttribute("aria-label", label);
      control.setValue(host.settings[key]);
      control.onChange((on) => {
        host.settings[key] = on;
        void host.saveSettings();
      });
    });
  };
}

/** Settings of the similar-notes sidebar, search by meaning and the capture suggestions. */
export function similarSettingRows(host: Host): SettingRow[] {
  return [
    {
      name: COUNT_NAME,
      desc: "How many similar notes the sidebar lists for the active note.",
      render: (setting) => {
        setting.addSlider((slider) => {
          slider.sliderEl.setAttribute("aria-label", COUNT_NAME);
          slider.setLimits(SIMILAR_RESULTS_RANGE.min, SIMILAR_RESULTS_RANGE.max, 1);
          slider.setValue(host.settings.similarResults);
          slider.sliderEl.value = String(host.settings.similarResults);
          // Saved when the slider is let go, not at every step of a drag.
          slider.sliderEl.addEventListener("change", () => {
            host.settings.similarResults = similarCount(Number(slider.sliderEl.value));
            void host.saveSettings();
          });
        });
      },
    },
    {
      name: HIDE_LINKED_NAME,
      desc: "Leave out notes the active note already links to, or that link to it. The sidebar has the same switch.",
      render: toggle(host, "hideLinked", HIDE_LINKED_NAME),
    },
    {
      name: PRIVATE_NAME,
      desc: "Records with the private property are hidden from similar notes, search by meaning and capture suggestions unless this is on.",
      render: toggle(host, "showPrivate", PRIVATE_NAME),
    },
  ];
}
