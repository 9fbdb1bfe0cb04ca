import type { Setting } from "obsidian";
import { EMBEDDING_DEVICES, type EmbeddingDeviceSetting } from "../../core/embed/embed-device";
import type { LifeBetterSettings } from "../../core/settings";
import type { SettingRow } from "./similar-settings";

interface Host {
  settings: LifeBetterSettings;
  saveSettings(): Promise<void>;
}

const DEVICE_NAME = "Compute meaning on";
const DEVICE_LABELS: Record<EmbeddingDeviceSetting, string> = {
  auto: "Automatic (graphics card when available)",
  webgpu: "Graphics card (WebGPU)",
  wasm: "Processor (WASM)",
};
const IDLE_NAME = "Only while idle";
const IDLE_SECONDS_NAME = "Idle after (seconds)";
const IDLE_SECONDS_DESC = "How long without typing or clicking before paused meaning goes on.";

/** How meaning is computed: on which device, and whether only while the user is idle. */
export function embeddingSettingRows(host: Host): SettingRow[] {
  return [
    {
      name: DEVICE_NAME,
      desc: "The graphics card (WebGPU) computes meaning many times faster than the processor; it needs a one-time download of about 27 MB. Automatic uses it when this device offers it and the processor otherwise. The status panel says which one runs. Applies when the index next starts.",
      render: (setting: Setting) => {
        setting.addDropdown((dropdown) => {
          dropdown.selectEl.setAttribute("aria-label", DEVICE_NAME);
          for (const device of EMBEDDING_DEVICES) dropdown.addOption(device, DEVICE_LABELS[device]);
          dropdown.setValue(host.settings.embeddingDevice);
          dropdown.onChange((value) => {
            const device = EMBEDDING_DEVICES.find((known) => known === value);
            if (!device) return;
            host.settings.embeddingDevice = device;
            void host.saveSettings();
          });
        });
      },
    },
    {
      name: IDLE_NAME,
      desc: "While notes are first indexed, pause computing meaning when you type or click, and go on once you have been idle for a while. Searches by words work throughout.",
      render: (setting: Setting) => {
        setting.addToggle((toggle) => {
          toggle.toggleEl.setAttribute("aria-label", IDLE_NAME);
          toggle.setValue(host.settings.embedOnlyWhenIdle);
          toggle.onChange((on) => {
            host.settings.embedOnlyWhenIdle = on;
            void host.saveSettings();
          });
        });
      },
    },
    {
      name: IDLE_SECONDS_NAME,
      desc: IDLE_SECONDS_DESC,
      render: (setting: Setting) => {
        setting.addText((text) => {
          text.inputEl.type = "number";
          text.inputEl.min = "1";
          text.inputEl.setAttribute("aria-label", IDLE_SECONDS_NAME);
          text.setValue(String(host.settings.idleSeconds));
          text.inputEl.addEventListener("input", () => {
            const raw = text.inputEl.value.trim();
            const value = Number(raw);
            const valid = raw !== "" && Number.isInteger(value) && value >= 1;
            setting.descEl.setText(valid ? IDLE_SECONDS_DESC : "Enter a whole number of seconds, 1 or more.");
            setting.settingEl.toggleClass("lifebetter-invalid", !valid);
            if (!valid) return;
            host.settings.idleSeconds = value;
            void host.saveSettings();
          });
        });
      },
    },
  ];
}
