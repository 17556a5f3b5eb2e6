import { Alert, Button, Card, cn, Field, Input, Textarea } from "@docket/ui";
import { Link } from "@docket/ui/router";
import { type FormEvent, useState } from "react";
import { describeApiError } from "../lib/api-error.ts";
import { checkFile, checkPastedText } from "../lib/file-rules.ts";
import { DropZone } from "./DropZone.tsx";
import { useCreateDocument } from "./use-create-document.ts";

type Tab = "file" | "text";

interface UploadRow {
  key: string;
  name: string;
  state: "uploading" | "done" | "failed";
  documentId?: string;
  error?: string;
}

export function UploadPanel() {
  const [tab, setTab] = useState<Tab>("file");
  const [rows, setRows] = useState<UploadRow[]>([]);
  const [rejected, setRejected] = useState<string[]>([]);
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [textError, setTextError] = useState<string | null>(null);
  const create = useCreateDocument();

  const update = (key: string, patch: Partial<UploadRow>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function uploadFiles(files: File[]) {
    const problems: string[] = [];
    const accepted: File[] = [];
    for (const file of files) {
      const check = checkFile(file);
      if (check.ok) accepted.push(file);
      else problems.push(check.reason);
    }
    setRejected(problems);
    // One at a time: keeps the progress list readable and the server's rate limits happy.
    for (const file of accepted) {
      const key = `${file.name}-${Date.now()}-${Math.random()}`;
      setRows((all) => [{ key, name: file.name, state: "uploading" as const }, ...all].slice(0, 8));
      try {
        const doc = await create.fromFile(file);
        update(key, { state: "done", documentId: doc.document.id });
      } catch (error) {
        update(key, { state: "failed", error: describeApiError(error) });
      }
    }
  }

  async function submitText(event: FormEvent) {
    event.preventDefault();
    const problem = checkPastedText(title, text);
    setTextError(problem);
    if (problem) return;
    const key = `text-${Date.now()}`;
    setRows((all) =>
      [{ key, name: title.trim(), state: "uploading" as const }, ...all].slice(0, 8),
    );
    try {
      const doc = await create.fromText(title.trim(), text);
      update(key, { state: "done", documentId: doc.document.id });
      setTitle("");
      setText("");
    } catch (error) {
      const message = describeApiError(error);
      update(key, { state: "failed", error: message });
      setTextError(message);
    }
  }

  return (
    <Card title="Add a document">
      <div
        role="tablist"
        aria-label="How to add a document"
        className="mb-4 flex gap-1 border-b border-slate-200"
      >
        {(["file", "text"] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`upload-tab-${t}`}
            aria-selected={tab === t}
            aria-controls={`upload-panel-${t}`}
            // Roving focus as in the ARIA tabs pattern: Tab enters the list, arrows switch.
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
            onKeyDown={(e) => {
              if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
              const next = tab === "file" ? "text" : "file";
              setTab(next);
              document.getElementById(`upload-tab-${next}`)?.focus();
            }}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm",
              tab === t
                ? "border-brand-600 font-medium text-brand-700"
                : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {t === "file" ? "Upload files" : "Paste text"}
          </button>
        ))}
      </div>

      <div
        id="upload-panel-file"
        role="tabpanel"
        aria-labelledby="upload-tab-file"
        hidden={tab !== "file"}
      >
        <DropZone onFiles={(files) => void uploadFiles(files)} />
        {rejected.length > 0 && (
          <div className="mt-3">
            <Alert title="Some files were not added">
              <ul className="list-disc pl-5">
                {rejected.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </Alert>
          </div>
        )}
      </div>

      <form
        id="upload-panel-text"
        role="tabpanel"
        aria-labelledby="upload-tab-text"
        hidden={tab !== "text"}
        onSubmit={(e) => void submitText(e)}
        className="flex flex-col gap-4"
        noValidate
      >
        <Field label="Title">
          {(p) => (
            <Input
              {...p}
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </Field>
        <Field label="Text" error={textError ?? undefined}>
          {(p) => <Textarea {...p} value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <div>
          <Button
            type="submit"
            loading={rows.some((r) => r.state === "uploading" && r.key.startsWith("text-"))}
          >
            Add text
          </Button>
        </div>
      </form>

      {rows.length > 0 && (
        <ul
          aria-label="Recent uploads"
          aria-live="polite"
          className="mt-4 divide-y divide-slate-100 rounded-md border border-slate-200 text-sm"
        >
          {rows.map((r) => (
            <li key={r.key} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <span className="truncate font-medium text-slate-800">{r.name}</span>
              {r.state === "uploading" && <span className="text-slate-500">Uploading…</span>}
              {r.state === "failed" && <span className="text-red-700">Failed: {r.error}</span>}
              {r.state === "done" && r.documentId && (
                <Link to={`/documents/${r.documentId}`} className="text-brand-700 underline">
                  Added — view progress
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
