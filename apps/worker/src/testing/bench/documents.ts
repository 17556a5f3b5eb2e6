import { enqueueJob } from "@docket/jobs";
import { createSecretClient } from "@docket/supabase";
import type { WorkerConfig } from "../../config.ts";
import { analyzeDocument } from "../../processing/analyze.ts";
import { startWorker } from "../../runner.ts";
import { makePdf } from "../make-pdf.ts";
import { type BenchContext, silentSink } from "./context.ts";

const SENTENCES = [
  "The quarterly review on 2024-03-15 showed revenue of $12,500.00 across the northern region.",
  "Questions about the invoice go to billing@docket.example or https://docket.example/help.",
  "Customers renewed their contracts early, and the support team closed most open tickets.",
  "Le comité a validé le budget pour l'année prochaine après une longue discussion.",
  "Shipping costs rose by 20 EUR per pallet while warehouse throughput improved steadily.",
];

export function sampleText(bytes: number): string {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const sentence = `${SENTENCES[i % SENTENCES.length]} ${i % 7 === 6 ? "\n\n" : ""}`;
    out.push(sentence);
    size += Buffer.byteLength(sentence);
  }
  return out.join("");
}

export function samplePdf(pages: number): Uint8Array {
  return makePdf({
    pages: Array.from({ length: pages }, (_, p) =>
      Array.from({ length: 45 }, (_, l) =>
        `${p + 1}.${l + 1} ${SENTENCES[(p + l) % SENTENCES.length]}`.slice(0, 95),
      ),
    ),
  });
}

export interface DocResult {
  docsPerSecond: number;
  msPerDoc: number;
  analyzeMs: number;
  bytes: number;
}

/**
 * End to end through the real worker: upload to Storage, enqueue, wait for `succeeded` (download,
 * extract, analyse, upload four outputs, upsert rows, status writes). `analyzeMs` is the pure
 * processing part of one document, measured in-process, to show where the time goes.
 */
export async function documentThroughput(
  ctx: BenchContext,
  stack: { apiUrl: string; secretKey: string },
  file: { name: string; mime: string; bytes: Uint8Array },
  count: number,
  config: WorkerConfig,
): Promise<DocResult> {
  const supabase = createSecretClient({ url: stack.apiUrl, secretKey: stack.secretKey });
  const docIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    const path = `${ctx.owner}/${id}/${file.name}`;
    const { error } = await supabase.storage
      .from("documents")
      .upload(path, file.bytes, { contentType: file.mime });
    if (error) throw error;
    await ctx.db.query(
      `insert into public.documents (id, owner_id, title, source, file_name, mime_type, size_bytes, storage_path)
       values ($1, $2, $3, 'file', $3, $4, $5, $6)`,
      [id, ctx.owner, file.name, file.mime, file.bytes.byteLength, path],
    );
    docIds.push(id);
  }
  const analyzeStart = performance.now();
  await analyzeDocument({
    title: file.name,
    fileName: file.name,
    mimeType: file.mime,
    bytes: file.bytes,
  });
  const analyzeMs = performance.now() - analyzeStart;

  const worker = await startWorker(config, {
    handleSignals: false,
    noCron: true,
    sink: silentSink,
  });
  try {
    const began = performance.now();
    const jobIds: string[] = [];
    for (const documentId of docIds) {
      jobIds.push(
        await enqueueJob(ctx.db, {
          ownerId: ctx.owner,
          kind: "document__process",
          input: { documentId },
          documentId,
        }),
      );
    }
    const deadline = Date.now() + 300_000;
    for (;;) {
      const { rows } = await ctx.db.query<{ done: number; failed: number }>(
        `select count(*) filter (where status = 'succeeded')::int as done,
                count(*) filter (where status = 'failed')::int as failed
         from public.jobs where id = any($1)`,
        [jobIds],
      );
      if ((rows[0]?.failed ?? 0) > 0) throw new Error(`${file.name}: a document failed`);
      if ((rows[0]?.done ?? 0) === count) break;
      if (Date.now() > deadline) throw new Error(`${file.name}: not done in 300 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const seconds = (performance.now() - began) / 1000;
    return {
      docsPerSecond: count / seconds,
      msPerDoc: (seconds * 1000) / count,
      analyzeMs,
      bytes: file.bytes.byteLength,
    };
  } finally {
    await worker.stop();
  }
}
