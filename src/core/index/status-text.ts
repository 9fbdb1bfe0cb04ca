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

/** Minutes or hours left, at a glance ("under a minute", "28 min", "1 h 5 min"). */
function timeLeft(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return "under a minute";
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/**
 * While the first index embeds: how far, how fast and how long, or that it is paused (by hand, or
 * "idle": it waits for the user to stop typing, with "only while idle").
 */
export function embeddingText(done: number, total: number, ratePerSecond: number, secondsLeft: number | null, paused: boolean | "idle"): string {
  const progress = `${count(done)} / ${count(total)}`;
  if (paused === "idle") return `Meaning waits while you work · ${progress}`;
  if (paused) return `Meaning paused · ${progress}`;
  const rate = ratePerSecond > 0 ? ` · ${ratePerSecond < 10 ? ratePerSecond.toFixed(1) : Math.round(ratePerSecond)}/s` : "";
  const left = secondsLeft === null ? "" : ` · ${timeLeft(secondsLeft)} left`;
  return `Meaning ${progress}${rate}${left}`;
}
