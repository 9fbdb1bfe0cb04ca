/**
 * Serves a model's files from memory to transformers.js through its custom-cache hook
 * (`env.customCache`). The worker gets the bytes from the plugin folder (read by Obsidian's adapter
 * on the main thread and transferred), so transformers.js never touches the network or a CDN.
 *
 * transformers.js asks the cache for "<localModelPath>/<model>/<file>" and then for
 * "<remoteHost>/<model>/resolve/<revision>/<file>"; both end in the model id and file name.
 */
export interface ModelFileCache {
  match(request: string): Promise<Response | undefined>;
  put(request: string, response: Response): Promise<void>;
}

export function memoryModelFiles(modelId: string, files: ReadonlyMap<string, Uint8Array<ArrayBuffer>>): ModelFileCache {
  const lookup = (request: string): Uint8Array<ArrayBuffer> | undefined => {
    const path = request.split(/[?#]/, 1)[0] ?? "";
    const at = path.indexOf(`${modelId}/`);
    if (at < 0) return undefined;
    const rest = path.slice(at + modelId.length + 1).replace(/^resolve\/[^/]+\//, "");
    return files.get(rest);
  };
  return {
    match: (request) => {
      const bytes = lookup(request);
      return Promise.resolve(bytes ? new Response(bytes, { status: 200, headers: { "content-length": String(bytes.length) } }) : undefined);
    },
    // Nothing is stored: the files already live in the plugin folder.
    put: () => Promise.resolve(),
  };
}
