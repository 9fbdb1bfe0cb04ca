/**
 * Imported message text is someone else's text (a chatbot's answer, a pasted page): written as is,
 * a ```dataviewjs block or an inline `$= …` query would run under Dataview, `<% … %>` under Templater,
 * and a line `## You · 2026-01-05 09:00` or `---` would fake a turn or frontmatter. So each message is
 * written as one fenced code block: nothing inside a fence is a heading, link, tag, task, embed,
 * inline query or code block of its own, and Obsidian shows it as text (line breaks kept).
 */

/** Between `<` and `%`, so Templater (which scans the raw file, fences or not) finds no `<%`. */
const WORD_JOINER = "\u2060";

/** The longest run of backticks in the text: the fence must be longer, or a line of them would close it. */
function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return longest;
}

/** `<%` made inert for Templater; every other character kept (an invisible word joiner is added). */
export function withoutTemplaterTags(text: string): string {
  return text.replaceAll("<%", `<${WORD_JOINER}%`);
}

/** The message as an inert fenced block, ending with a line break. */
export function inertMessage(text: string): string {
  const lines = withoutTemplaterTags(text.replace(/\r\n?/g, "\n")).replace(/\n+$/, "");
  const fence = "`".repeat(Math.max(3, longestBacktickRun(lines) + 1));
  // No info string: no plugin claims a bare fence, and no word is added to what patterns and search read.
  return `${fence}\n${lines}\n${fence}\n`;
}

/** The message text as it was imported, from the fenced block's content (the inverse of inertMessage). */
export function messageFromInert(fenced: string): string {
  return fenced.replaceAll(`<${WORD_JOINER}%`, "<%");
}
