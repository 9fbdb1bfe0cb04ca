import { addDays } from "date-fns";
import type { DateFormatter } from "../dates/date-format";
import type { ReflectionPrompt } from "./prompts";

/**
 * Fills the placeholders of Obsidian's core templates ({{date}}, {{time}}, {{title}}, {{date:FORMAT}},
 * {{time:FORMAT}}, {{yesterday}}, {{tomorrow}}) as the Daily notes plugin does for a new note.
 * Anything else, Templater's `<% … %>` included, is left as written for the plugin that owns it.
 */
export function fillTemplate(template: string, values: { date: Date; now: Date; title: string; dateFormat: string }, format: DateFormatter): string {
  return template.replace(/\{\{\s*(date|time|title|yesterday|tomorrow)\s*(?::([^}]*))?\}\}/gi, (whole, name: string, pattern: string | undefined) => {
    const custom = pattern?.trim();
    switch (name.toLowerCase()) {
      case "title":
        return values.title;
      case "date":
        return custom ? format(values.date, custom) : values.title;
      case "time":
        return format(values.now, custom || "HH:mm");
      case "yesterday":
        return format(addDays(values.date, -1), values.dateFormat);
      case "tomorrow":
        return format(addDays(values.date, 1), values.dateFormat);
      default:
        return whole;
    }
  });
}

/** The default reflection body: each prompt a heading, answered by list items under it. */
export function promptSections(prompts: readonly ReflectionPrompt[], eol = "\n"): string {
  return prompts.map((prompt) => `## ${prompt.heading}${eol}${eol}`).join("");
}
