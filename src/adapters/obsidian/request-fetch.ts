import { requestUrl } from "obsidian";
import type { FetchedResponse } from "../../core/embed/asset-download";

/**
 * Downloads through Obsidian's requestUrl rather than fetch: it is not bound by CORS (the Hub
 * redirects model files to another host), it works the same on desktop and mobile, and Obsidian's
 * review asks for it. It cannot stream, so progress moves per file, and it cannot be aborted, so a
 * cancel drops the request in flight (see cancellable below) instead of stopping it.
 */
export async function requestUrlFetch(url: string): Promise<FetchedResponse> {
  const response = await requestUrl({ url, throw: false });
  const headers = response.headers;
  return {
    ok: response.status >= 200 && response.status < 300,
    status: response.status,
    headers: { get: (name) => headers[name] ?? headers[name.toLowerCase()] ?? null },
    arrayBuffer: () => Promise.resolve(response.arrayBuffer),
  };
}

/** A fetch that refuses to start, and stops waiting, once the signal is aborted. */
export function cancellable(fetch: (url: string) => Promise<FetchedResponse>, signal: AbortSignal): (url: string) => Promise<FetchedResponse> {
  return (url) => {
    if (signal.aborted) return Promise.reject(new Error("the download was cancelled"));
    return new Promise((resolve, reject) => {
      const onAbort = (): void => reject(new Error("the download was cancelled"));
      signal.addEventListener("abort", onAbort, { once: true });
      fetch(url).then(
        (response) => {
          signal.removeEventListener("abort", onAbort);
          resolve(response);
        },
        (error: unknown) => {
          signal.removeEventListener("abort", onAbort);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  };
}
