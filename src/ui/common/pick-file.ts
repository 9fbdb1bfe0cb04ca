/**
 * Lets the user choose a file from this device (desktop and mobile) with the browser's file picker.
 * Resolves to null when the picker is dismissed.
 */
export async function pickFile(accept: string): Promise<File | null> {
  return (await choose(accept, false))[0] ?? null;
}

/** Like pickFile, but several files may be chosen at once; resolves to none when the picker is dismissed. */
export function pickFiles(accept: string): Promise<File[]> {
  return choose(accept, true);
}

function choose(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    // On body: Obsidian's createEl appends to the node it is called on, and a document takes no second element.
    const input = activeDocument.body.createEl("input", {
      attr: { type: "file", accept, ...(multiple ? { multiple: "" } : {}) },
      cls: "lifebetter-hidden-input",
    });
    const done = (files: File[]): void => {
      input.remove();
      resolve(files);
    };
    input.addEventListener("change", () => done(Array.from(input.files ?? [])), { once: true });
    input.addEventListener("cancel", () => done([]), { once: true });
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
