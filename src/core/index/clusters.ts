import { kmeans } from "ml-kmeans";
import type { IndexedNote, NoteIndex } from "./note-index";
import type { SearchResult } from "./index-types";
import { resolveNote } from "./resolve-note";
import { hashText } from "./text-hash";

export interface NoteCluster {
  /** Its most telling terms, e.g. "sleep · mood · energy". */
  label: string;
  terms: string[];
  /** Members, closest to the centroid first (score = cosine to the centroid). */
  notes: SearchResult[];
  centroid: number[];
}

/** Dimensions of the bag-of-words vectors used when there are no embeddings. */
const TERM_DIMENSIONS = 256;
const LABEL_TERMS = 3;

function normalise(vector: number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
  return norm > 0 ? vector.map((x) => x / norm) : vector;
}

/** A hashed bag of the note's telling terms: clusters by shared words when no model is loaded. */
function termVector(note: IndexedNote): number[] {
  const vector = new Array<number>(TERM_DIMENSIONS).fill(0);
  for (const term of [...note.record.terms, ...note.record.tags]) vector[parseInt(hashText(term).slice(0, 6), 36) % TERM_DIMENSIONS]! += 1;
  return normalise(vector);
}

function pointOf(index: NoteIndex, note: IndexedNote): number[] {
  const vector = index.noteVectors?.entriesOf(note.no)[0]?.vector;
  return vector ? Array.from(vector) : termVector(note);
}

/**
 * Terms frequent in the cluster and rare in the other notes (document frequency in the cluster
 * over document frequency overall, weighted by how many members use the term). Only terms that most
 * members share (more than half, and at least two) may label it: a label must say what the cluster's
 * evidence is about, not what a few of its notes mention.
 */
function telling(members: IndexedNote[], all: IndexedNote[]): string[] {
  const df = (notes: IndexedNote[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const note of notes) for (const term of new Set([...note.record.terms, ...note.record.tags])) counts.set(term, (counts.get(term) ?? 0) + 1);
    return counts;
  };
  const inside = df(members);
  const overall = df(all);
  return [...inside]
    .filter(([, n]) => n >= Math.min(2, members.length) && n > members.length / 2)
    .map(([term, n]) => [term, (n / members.length) * Math.log((all.length + 1) / (overall.get(term) ?? 1))] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, LABEL_TERMS)
    .map(([term]) => term);
}

/**
 * Groups notes (paths or ids; all notes when `refs` is empty) into k clusters with k-means
 * (ml-kmeans, k-means++ with a fixed seed so the same vault gives the same clusters) over their
 * note vectors, or over bags of their terms when there is no model.
 */
export function detectClusters(index: NoteIndex, refs: string[], k: number): NoteCluster[] {
  const notes = refs.length === 0 ? [...index.notes.values()] : refs.flatMap((ref) => resolveNote(index, ref) ?? []);
  const unique = [...new Map(notes.map((n) => [n.no, n])).values()];
  if (unique.length === 0 || k < 1) return [];
  const useVectors = unique.every((note) => index.noteVectors?.has(note.no));
  const points = unique.map((note) => (useVectors ? pointOf(index, note) : termVector(note)));
  const clusterCount = Math.min(k, unique.length);
  const result = kmeans(points, clusterCount, { seed: 42, initialization: "kmeans++", maxIterations: 100 });
  const clusters: NoteCluster[] = result.centroids.map((centroid) => ({ label: "", terms: [], notes: [], centroid }));
  const members: IndexedNote[][] = clusters.map(() => []);
  const pointIndex = new Map<IndexedNote, number>();
  result.clusters.forEach((cluster, i) => {
    members[cluster]!.push(unique[i]!);
    pointIndex.set(unique[i]!, i);
  });
  return clusters
    .map((cluster, c) => {
      const unit = normalise(cluster.centroid);
      const scored = members[c]!.map((note) => {
        const point = points[pointIndex.get(note)!]!;
        const score = point.reduce((sum, x, d) => sum + x * unit[d]!, 0);
        const { path, id, title, kind } = note.record;
        return { path, id, title, kind, score: Math.round(score * 1000) / 1000 };
      });
      const terms = telling(members[c]!, unique);
      return { ...cluster, terms, label: terms.join(" · "), notes: scored.sort((a, b) => b.score - a.score) };
    })
    .filter((cluster) => cluster.notes.length > 0)
    .sort((a, b) => b.notes.length - a.notes.length);
}
