// Test helpers that look at what Storage left on disk and send requests a browser or supabase-js
// would never send (raw paths, cut-off bodies).

import { readdir } from "node:fs/promises";
import { request } from "node:http";
import { join, relative } from "node:path";

/** Every file below `dir`, as paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

export interface RawResponse {
  status: number;
  body: string;
}

/** Sends `path` exactly as written (no URL normalisation) to the gateway. */
export function rawRequest(
  apiUrl: string,
  options: { method: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  const { hostname, port } = new URL(apiUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, method: options.method, path: options.path, headers: options.headers },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** Starts an upload announcing `declared` bytes, sends `sent` bytes, then cuts the connection. */
export function interruptedUpload(
  apiUrl: string,
  path: string,
  headers: Record<string, string>,
  declared: number,
  sent: number,
): Promise<void> {
  const { hostname, port } = new URL(apiUrl);
  return new Promise((resolve) => {
    const req = request({
      hostname,
      port,
      method: "POST",
      path,
      headers: { ...headers, "content-length": String(declared) },
    });
    req.on("error", () => resolve());
    req.write(Buffer.alloc(sent, 97), () => {
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 200);
    });
  });
}
