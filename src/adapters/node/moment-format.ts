import moment from "moment";
import type { DateFormatter } from "../../core/dates/date-format";

/** moment.js formatting for the CLI (English names, as Obsidian's default language). */
export const momentFormat: DateFormatter = (date, pattern) => moment(date).format(pattern);
