import type { Plugin } from "obsidian";

/**
 * Makes the index's status bar item a button: a click, Enter or Space opens its panel. Listeners
 * go through the plugin, so they are removed on unload.
 */
export function makeStatusItemOpen(plugin: Plugin, itemEl: HTMLElement, open: () => void): void {
  itemEl.addClass("mod-clickable");
  itemEl.setAttribute("role", "button");
  itemEl.setAttribute("tabindex", "0");
  itemEl.setAttribute("aria-label", "Search index details");
  itemEl.setAttribute("data-tooltip-position", "top");
  plugin.registerDomEvent(itemEl, "click", () => open());
  plugin.registerDomEvent(itemEl, "keydown", (evt) => {
    if (evt.key !== "Enter" && evt.key !== " ") return;
    evt.preventDefault();
    open();
  });
}
