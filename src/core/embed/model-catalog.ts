/**
 * The sentence models LifeBetter offers, each with how it must be used: its pooling and the
 * prefixes it was trained with (E5 models expect "query: " before a search and "passage: " before
 * a text to find; without them their ranking is measurably worse). A model not listed here is used
 * with mean pooling and no prefixes.
 */
export interface ModelProfile {
  id: string;
  /** For the settings menu. */
  label: string;
  /** What it reads well: "English" or "50+ languages". */
  languages: string;
  pooling: "mean";
  queryPrefix: string;
  passagePrefix: string;
  /** Size of the q8 weights, for the download notice. */
  approxMegabytes: number;
  /**
   * The sequence length the model was trained at, in word pieces (sentence-transformers'
   * `max_seq_length`): longer input is cut there, so long text is split into passages this long.
   * Its tokenizer's `model_max_length` is often larger (512), which only costs time and drifts from
   * how the model was trained. Absent: the tokenizer's own limit.
   */
  maxTokens?: number;
}

export const MODEL_CATALOG: readonly ModelProfile[] = [
  {
    id: "Xenova/all-MiniLM-L6-v2",
    label: "English, small (all-MiniLM-L6-v2)",
    languages: "English",
    pooling: "mean",
    queryPrefix: "",
    passagePrefix: "",
    approxMegabytes: 23,
    maxTokens: 256,
  },
  {
    id: "Xenova/multilingual-e5-small",
    label: "Multilingual (multilingual-e5-small)",
    languages: "about 100 languages",
    pooling: "mean",
    queryPrefix: "query: ",
    passagePrefix: "passage: ",
    approxMegabytes: 118,
    maxTokens: 512,
  },
  {
    id: "Xenova/paraphrase-multilingual-MiniLM-L12-v2",
    label: "Multilingual paraphrases (paraphrase-multilingual-MiniLM-L12-v2)",
    languages: "50+ languages",
    pooling: "mean",
    queryPrefix: "",
    passagePrefix: "",
    approxMegabytes: 118,
    maxTokens: 128,
  },
];

/**
 * The profile of a model given as a Hub id or a folder: a folder laid out as `<org>/<name>` (as
 * transformers.js caches models) is recognised by its last two path parts.
 */
export function modelProfile(idOrFolder: string): ModelProfile {
  const parts = idOrFolder.replace(/\\/g, "/").replace(/\/+$/, "").split("/");
  const tail = parts.slice(-2).join("/").toLowerCase();
  const known = MODEL_CATALOG.find((model) => model.id.toLowerCase() === tail || model.id.toLowerCase() === idOrFolder.toLowerCase());
  return known ?? { id: idOrFolder, label: idOrFolder, languages: "unknown", pooling: "mean", queryPrefix: "", passagePrefix: "", approxMegabytes: 0 };
}
