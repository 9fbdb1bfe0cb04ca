import type momentFunction from "moment";
import { moment } from "obsidian";
import type { DateFormatter } from "../../core/dates/date-format";

/**
 * Obsidian's own moment, set to the user's language (so `dddd` names the day as their daily notes
 * do). obsidian.d.ts types it as a namespace import, which hides its call signature.
 */
export const obsidianMoment = moment as unknown as typeof momentFunction;

export const obsidianFormat: DateFormatter = (date, pattern) => obsidianMoment(date).format(pattern);
