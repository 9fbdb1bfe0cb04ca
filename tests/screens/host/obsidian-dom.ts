/**
 * Gives the elements obsidian-test-mocks builds the class names and order Obsidian's real DOM has
 * (the mock makes bare divs, a setting's control before its name), so obsidian-theme.css can style a
 * screen like Obsidian. Hooks into the mock's per-class constructor callbacks; runs in the page only.
 */
import {
  ButtonComponent,
  DropdownComponent,
  ExtraButtonComponent,
  Modal,
  Notice,
  Setting,
  SettingTab,
  SliderComponent,
  TextComponent,
  ToggleComponent,
  addIcon,
  getIconIds,
  setIcon,
} from "obsidian-test-mocks/obsidian";

/** Runs `dress` after the mock's own constructor callback `hook` of `prototype`. */
function after<T extends object>(prototype: T, hook: string, dress: (self: T) => void): void {
  const record = prototype as Record<string, unknown>;
  const previous = record[hook] as ((this: T, ...args: unknown[]) => void) | undefined;
  record[hook] = function dressed(this: T, ...args: unknown[]): void {
    previous?.apply(this, args);
    dress(this);
  };
}

// Lucide's paths for the icons our views use; the mock's registry is empty.
const ICONS: Record<string, string> = {
  x: '<path d="M18 6 6 18"/><path d="m6 6 12 12"/>',
  plus: '<path d="M5 12h14"/><path d="M12 5v14"/>',
  trash: '<path d="M3 6h18"/><path d="M19 6v14c0 1-1 2-2 2H7c-1 0-2-1-2-2V6"/><path d="M8 6V4c0-1 1-2 2-2h4c1 0 2 1 2 2v2"/>',
  "refresh-cw": '<path d="M3 12a9 9 0 0 1 15-6.7L21 8"/><path d="M21 3v5h-5"/><path d="M21 12a9 9 0 0 1-15 6.7L3 16"/><path d="M8 16H3v5"/>',
  search: '<circle cx="11" cy="11" r="8"/><path d="m21 21-4.3-4.3"/>',
  "file-text":
    '<path d="M15 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V7Z"/><path d="M14 2v4a2 2 0 0 0 2 2h4"/><path d="M10 9H8"/><path d="M16 13H8"/><path d="M16 17H8"/>',
  "chevron-right": '<path d="m9 18 6-6-6-6"/>',
  "chevron-down": '<path d="m6 9 6 6 6-6"/>',
  pencil: '<path d="M21.2 6.8a2.8 2.8 0 0 0-4-4L3.8 16.2 2 22l5.8-1.8Z"/>',
  link: '<path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7"/><path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7"/>',
};

// An icon missing from ICONS still takes its place on screen: a dotted circle.
const UNKNOWN_ICON = '<circle cx="12" cy="12" r="9" stroke-dasharray="3 3"/>';

function svg(paths: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`;
}

/** Draws `icon` into `el` as Obsidian's setIcon does (the mock's buttons only remember its name). */
function drawIcon(el: HTMLElement, icon: string): void {
  if (!getIconIds().includes(icon)) addIcon(icon, svg(UNKNOWN_ICON));
  setIcon(el, icon);
}

export function dressMocks(): void {
  for (const [name, paths] of Object.entries(ICONS)) addIcon(name, svg(paths));
  // The mock's own methods, read without binding: each call passes `this`.
  const extraIcon: ExtraButtonComponent["setIcon"] = Reflect.get(ExtraButtonComponent.prototype, "setIcon");
  ExtraButtonComponent.prototype.setIcon = function setExtraIcon(this: ExtraButtonComponent, icon: string) {
    drawIcon(this.extraSettingsEl, icon);
    return extraIcon.call(this, icon);
  };
  const buttonIcon: ButtonComponent["setIcon"] = Reflect.get(ButtonComponent.prototype, "setIcon");
  ButtonComponent.prototype.setIcon = function setButtonIcon(this: ButtonComponent, icon: string) {
    drawIcon(this.buttonEl, icon);
    return buttonIcon.call(this, icon);
  };
  after(Modal.prototype, "constructor__", (modal) => {
    modal.containerEl.addClass("modal-container");
    modal.containerEl.prepend(createDiv("modal-bg"));
    modal.modalEl.addClass("modal");
    modal.titleEl.addClass("modal-title");
    modal.contentEl.addClass("modal-content");
    const close = createDiv({ cls: "modal-close-button", text: "×", attr: { "aria-label": "Close" } });
    modal.modalEl.prepend(close, createDiv("modal-header"));
    modal.modalEl.querySelector(".modal-header")?.appendChild(modal.titleEl);
  });
  after(Setting.prototype, "constructor__", (setting) => {
    setting.settingEl.addClass("setting-item");
    setting.infoEl.addClass("setting-item-info");
    setting.nameEl.addClass("setting-item-name");
    setting.descEl.addClass("setting-item-description");
    setting.controlEl.addClass("setting-item-control");
    setting.settingEl.prepend(setting.infoEl);
  });
  after(SettingTab.prototype, "constructor__", (tab) => tab.containerEl.addClass("vertical-tab-content"));
  after(DropdownComponent.prototype, "constructor3__", (dropdown) => dropdown.selectEl.addClass("dropdown"));
  after(SliderComponent.prototype, "constructor3__", (slider) => slider.sliderEl.addClass("slider"));
  after(ToggleComponent.prototype, "constructor3__", (toggle) => toggle.toggleEl.addClass("checkbox-container"));
  after(ExtraButtonComponent.prototype, "constructor2__", (button) => button.extraSettingsEl.addClass("clickable-icon", "extra-setting-button"));
  after(TextComponent.prototype, "constructor4__", (text) => text.inputEl.setAttribute("type", text.inputEl.getAttribute("type") ?? "text"));
  after(Notice.prototype, "constructor__", (notice) => notice.containerEl.addClass("notice"));
}
