/**
 * Formats a date with a moment.js pattern, as Obsidian's Daily notes and Periodic Notes do. The plugin
 * passes Obsidian's own `moment` (so `dddd` follows the user's language, like their daily notes);
 * the CLI passes the `moment` package. The core never converts a moment pattern by hand.
 */
export type DateFormatter = (date: Date, pattern: string) => string;
