import { CONNECTION_PROPERTIES } from "../../core/schema/kinds";
import type { ConnectionType } from "../../core/connections/accept-connection";
import { humanize } from "../common/labels";

/**
 * "Accept as connection" under a similar note: one button per link type (related, similar to, …).
 * A type the active note already holds for this note is shown pressed and cannot be added twice.
 */
export function renderConnectionPicker(parentEl: HTMLElement, held: readonly ConnectionType[], pick: (type: ConnectionType) => void): HTMLElement {
  const pickerEl = parentEl.createDiv({ cls: "lifebetter-connect-picker", attr: { role: "group", "aria-label": "Link type" } });
  pickerEl.createSpan({ cls: "lifebetter-connect-label", text: "Link as" });
  for (const type of CONNECTION_PROPERTIES) {
    const already = held.includes(type);
    const button = pickerEl.createEl("button", {
      cls: "lifebetter-connect-type",
      text: humanize(type),
      attr: { "data-type": type, "aria-pressed": String(already) },
    });
    button.disabled = already;
    button.addEventListener("click", () => pick(type));
  }
  return pickerEl;
}
