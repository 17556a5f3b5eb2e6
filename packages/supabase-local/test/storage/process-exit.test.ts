// A program that starts a stack, uploads a file large enough to be hashed off the event loop, and
// stops the stack must then exit by itself: the hashing thread may never hold the process open.
import { spawn } from "node:child_process";
import { expect, it } from "vitest";

const program = `
import { createClient } from "@supabase/supabase-js";
import { startTestStack } from "@docket/supabase-local/testing";
const stack = await startTestStack({ log: () => {} });
const client = createClient(stack.apiUrl, stack.secretKey, { auth: { persistSession: false } });
await client.storage.createBucket("exit-check");
const { error } = await client.storage
  .from("exit-check")
  .upload("big.bin", new Uint8Array(3 * 1024 * 1024));
if (error) throw error;
await stack.stop();
console.log("stopped");
`;

it("a process exits on its own after stop(), also after a large upload", async () => {
  const child = spawn(process.execPath, ["--input-type=module", "-e", program], {
    cwd: new URL("../..", import.meta.url),
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  const exited = await new Promise<number | string>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve("still running 20 s after start");
    }, 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code ?? -1);
    });
  });
  expect(output).toContain("stopped");
  expect(exited).toBe(0);
}, 30_000);
