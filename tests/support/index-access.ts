import type { IndexAccess, IndexAvailability, IndexQueries } from "../../src/ui/plugin-context";

/** The reason a fake index gives when it is unavailable. */
export const FAKE_UNAVAILABLE = "the search index could not start (the status bar says why)";

/** An index access for tests: where the index stands (read at each call) and its one ready promise. */
export function indexAccess<Q = IndexQueries>(availability: () => IndexAvailability<Q>, ready: Promise<void> = Promise.resolve()): IndexAccess<Q> {
  return { availability, ready };
}

/** Ready with these queries, or unavailable when there are none. */
export function settledIndex<Q>(queries: Q | null): IndexAccess<Q> {
  return indexAccess<Q>(() => (queries ? { state: "ready", queries } : { state: "unavailable", reason: FAKE_UNAVAILABLE }));
}
