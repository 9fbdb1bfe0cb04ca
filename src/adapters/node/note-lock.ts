import { randomUUID } from "node:crypto";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as nodePath from "node:path";

/** Who holds a lock: enough to tell whether its holder is still alive. */
interface LockOwner {
  pid: number;
  host: string;
  token: string;
}

/** How long a writer waits for another before giving up (a write holds the lock for milliseconds). */
const WAIT_MS = 15_000;
/** A lock older than this is left over from a writer that hung or died on another machine. */
const STALE_MS = 30_000;

/** The lock beside a note: a dot-file, so Obsidian, sync and LifeBetter's own listing ignore it. */
export function lockPathFor(target: string): string {
  return nodePath.join(nodePath.dirname(target), `.${nodePath.basename(target)}.lifebetter-lock`);
}

/** A unique name beside `target` for a file about to be renamed or linked into place. */
export function tempPathFor(target: string, purpose: string): string {
  return nodePath.join(nodePath.dirname(target), `.${nodePath.basename(target)}.${process.pid}.${randomUUID()}.${purpose}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, but another user's
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === "number" && typeof value.host === "string" && typeof value.token === "string") return value as LockOwner;
  } catch {
    // not a lock LifeBetter wrote: judged by its age alone
  }
  return undefined;
}

/** A lock whose holder died (same machine, pid gone) or that is older than any write takes. */
function isStale(owner: LockOwner | undefined, ageMs: number): boolean {
  if (ageMs > STALE_MS) return true;
  return owner !== undefined && owner.host === os.hostname() && owner.pid !== process.pid && !alive(owner.pid);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates the lock with its content in one step: the content is written aside, then hard-linked into place. */
async function tryCreate(lock: string, owner: LockOwner): Promise<boolean> {
  const temp = tempPathFor(lock, "lifebetter-tmp");
  await fs.writeFile(temp, JSON.stringify(owner), { flag: "wx" });
  try {
    await fs.link(temp, lock); // fails with EEXIST while someone else holds it
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await fs.rm(temp, { force: true });
  }
}

/**
 * Removes a stale lock without removing a fresh one that replaced it meanwhile: the lock is moved
 * aside first, and put back if it turns out not to be the one judged stale.
 */
async function breakStale(lock: string, seen: string): Promise<void> {
  const aside = tempPathFor(lock, "lifebetter-stale");
  try {
    await fs.rename(lock, aside);
  } catch {
    return; // already gone: someone else broke or released it
  }
  const moved = await fs.readFile(aside, "utf8").catch(() => "");
  if (moved !== seen) await fs.link(aside, lock).catch(() => undefined);
  await fs.rm(aside, { force: true });
}

/**
 * Runs `work` while holding the note's lock, so that LifeBetter processes writing one note take turns
 * (read, transform, rename) instead of overwriting each other. A lock left by a crashed process is
 * recovered: by its pid on this machine, by its age otherwise.
 */
export async function withNoteLock<T>(target: string, describe: string, work: () => Promise<T>): Promise<T> {
  const lock = lockPathFor(target);
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), token: randomUUID() };
  const deadline = Date.now() + WAIT_MS;
  let holder: LockOwner | undefined;
  while (!(await tryCreate(lock, owner))) {
    let seen: string;
    let ageMs: number;
    try {
      seen = await fs.readFile(lock, "utf8");
      ageMs = Date.now() - (await fs.stat(lock)).mtimeMs;
    } catch {
      continue; // released between our attempt and the look: try again at once
    }
    holder = parseOwner(seen);
    if (isStale(holder, ageMs)) {
      await breakStale(lock, seen);
      continue;
    }
    if (Date.now() > deadline) {
      const who = holder ? ` (process ${holder.pid}${holder.host === os.hostname() ? "" : ` on ${holder.host}`})` : "";
      throw new Error(`"${describe}" is being changed by another LifeBetter command${who}; nothing was written, try again`);
    }
    await pause(2 + Math.random() * 10);
  }
  try {
    return await work();
  } finally {
    // Only our own lock is removed: a stale-lock recovery elsewhere may have replaced it.
    const current = await fs.readFile(lock, "utf8").catch(() => "");
    if (parseOwner(current)?.token === owner.token) await fs.rm(lock, { force: true });
  }
}
