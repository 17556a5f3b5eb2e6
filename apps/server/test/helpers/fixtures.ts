// A user with one of everything, written the way the system writes it: the file uploaded to
// Storage with the owner's own token (so Storage RLS applies), the rows inserted directly as
// create_document and the worker would. The isolation tests then depend only on isolation.
import { randomUUID } from "node:crypto";
import { type StackInfoLike, sql, type TestUser } from "./users.ts";

export interface OwnedThings {
  textDocumentId: string;
  fileDocumentId: string;
  filePath: string;
  jobId: string;
  outputId: string;
  notificationId: string;
}

export const FILE_TEXT = "dear diary, nobody else reads this";

export async function giveThings(stack: StackInfoLike, owner: TestUser): Promise<OwnedThings> {
  const fileDocumentId = randomUUID();
  const filePath = `${owner.id}/${fileDocumentId}/diary.txt`;
  const upload = await owner.client.storage
    .from("documents")
    .upload(filePath, new Blob([FILE_TEXT], { type: "text/plain" }), { contentType: "text/plain" });
  if (upload.error) throw new Error(`upload: ${upload.error.message}`);

  const one = async (text: string, values: unknown[]) => {
    const [row] = await sql<{ id: string }>(stack, text, values);
    if (!row) throw new Error(`fixture insert returned nothing: ${text}`);
    return row.id;
  };
  const textDocumentId = await one(
    `insert into public.documents (owner_id, title, source, text_content)
     values ($1, 'Private notes', 'text', 'secret plans') returning id`,
    [owner.id],
  );
  await one(
    `insert into public.documents (id, owner_id, title, source, file_name, mime_type, size_bytes, storage_path)
     values ($1, $2, 'Diary', 'file', 'diary.txt', 'text/plain', $3, $4) returning id`,
    [fileDocumentId, owner.id, FILE_TEXT.length, filePath],
  );
  const jobId = await one(
    `insert into public.jobs (owner_id, document_id, kind, payload)
     values ($1, $2::uuid, 'document__process', jsonb_build_object('documentId', $2::text)) returning id`,
    [owner.id, textDocumentId],
  );
  const outputId = await one(
    `insert into public.outputs (document_id, owner_id, kind, content)
     values ($1, $2, 'summary', 'a private summary') returning id`,
    [textDocumentId, owner.id],
  );
  const notificationId = await one(
    `insert into public.notifications (user_id, kind, title, body)
     values ($1, 'document_ready', 'Your document is ready', 'Private notes') returning id`,
    [owner.id],
  );
  return { textDocumentId, fileDocumentId, filePath, jobId, outputId, notificationId };
}
