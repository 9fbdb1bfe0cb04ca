import { differenceInMinutes, format, formatDistanceStrict, parseISO } from "date-fns";

const two = (n: number): string => String(n).padStart(2, "0");

/** A running timer: "mm:ss" under an hour, "h:mm" from then on (the status bar stays short). */
export function elapsedText(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  return hours === 0 ? `${two(minutes)}:${two(whole % 60)}` : `${hours}:${two(minutes)}`;
}

/** Minutes of work as people say them: "45 min", "2 h", "1 h 30 min". */
export function minutesText(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** A stored date or date-time for reading: "20 Nov 2026" or "20 Nov 2026, 09:30". */
export function dateText(iso: string): string {
  const date = parseISO(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return format(date, iso.includes("T") ? "d MMM yyyy, HH:mm" : "d MMM yyyy");
}

/** "3 days ago", "5 minutes ago": a stored date relative to now. */
export function agoText(iso: string, now: Date): string {
  const date = parseISO(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (Math.abs(differenceInMinutes(now, date)) < 1) return "Just now";
  return `${formatDistanceStrict(date, now)} ago`;
}
