/**
 * Lets the user choose a file from this device (desktop and mobile) with the browser's file picker.
 * Resolves to null when the picker is dismissed.
 */
export function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    // On body: Obsidian's createEl appends to the node it is called on, and a document takes no second element.
    const input = activeDocument.body.createEl("input", { attr: { type: "file", accept }, cls: "lifebetter-hidden-input" });
    const done = (file: File | null): void => {
      input.remove();
      resolve(file);
    };
    input.addEventListener("change", () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener("cancel", () => done(null), { once: true });
    input.click();
  });
}

/** Like pickFile, but several files may be chosen at once; resolves to none when the picker is dismissed. */
export function pickFiles(accept: string): Promise<File[]> {
  return new Promise((resolve) => {
    const input = activeDocument.createEl("input", { attr: { type: "file", accept, multiple: "" } });
    input.addClass("lifebetter-hidden-input");
    const done = (files: File[]): void => {
      input.remove();
      resolve(files);
    };
    input.addEventListener("change", () => done(Array.from(input.files ?? [])), { once: true });
    input.addEventListener("cancel", () => done([]), { once: true });
    activeDocument.body.appendChild(input);
    input.click();
  });
}

/** A File's bytes as chunks, read as they are needed (never the whole file at once). */
export async function* fileChunks(file: Blob): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
