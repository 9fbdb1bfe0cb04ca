/** A note that holds a record id, with the creation time that decides who keeps a shared id. */
export interface IdHolder {
  path: string;
  ctime: number;
}

/**
 * Decides who keeps an id several notes share: the oldest file keeps it (the original), then the
 * first path for equal times so every run and every surface (check, the plugin) agrees; the others
 * are copies that get a new id.
 */
export function splitIdHolders<T extends IdHolder>(holders: readonly T[]): { keeper: T; copies: T[] } | null {
  const [keeper, ...copies] = [...holders].sort((a, b) => a.ctime - b.ctime || a.path.localeCompare(b.path));
  return keeper ? { keeper, copies } : null;
}
