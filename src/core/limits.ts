/**
 * Notes above this size are checked but not indexed or embedded: a multi-megabyte note is almost
 * always a paste or an export, and indexing it would stall every search. 2 MiB is ~4x the largest
 * real note in the test corpora (a 559 KB Excalidraw drawing).
 */
export const MAX_INDEXED_NOTE_BYTES = 2 * 1024 * 1024;
