/** The status bar's one line about the index. Numbers are grouped ("10,000") for reading at a glance. */

const count = (n: number): string => n.toLocaleString("en-US");

export function indexingText(done: number, total: number): string {
  return `Indexing ${count(done)} / ${count(total)}`;
}

export function readyText(notes: number): string {
  return `Index ready · ${count(notes)} ${notes === 1 ? "note" : "notes"}`;
}

export function fullTextOnlyText(reason: string): string {
  return `Full text only — ${reason}`;
}

export function downloadingText(percent: number): string {
  return `Downloading model ${Math.floor(Math.min(100, percent))}%`;
}
