import { describe, expect, it } from "vitest";
import {
  InvalidJobPayloadError,
  JOB_KINDS,
  jobPayloadSchemas,
  parseAnyJobPayload,
  parseJobPayload,
} from "../src/index.ts";

const jobId = "7b0c1c1e-2f5e-4b8a-9d7e-0f6b1c2d3e4f";
const documentId = "3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b";

describe("parseJobPayload", () => {
  it("returns a valid document__process payload unchanged", () => {
    expect(parseJobPayload("document__process", { jobId, documentId })).toEqual({
      jobId,
      documentId,
    });
  });

  it("rejects a document__process payload without a documentId, naming the field", () => {
    const attempt = () => parseJobPayload("document__process", { jobId });
    expect(attempt).toThrow(InvalidJobPayloadError);
    expect(attempt).toThrow(/documentId/);
  });

  it("rejects ids that are not uuids", () => {
    expect(() => parseJobPayload("document__process", { jobId: "1", documentId })).toThrow(/jobId/);
  });

  it("accepts notification__send without a jobId and keeps optional fields", () => {
    const payload = parseJobPayload("notification__send", {
      userId: documentId,
      kind: "document_ready",
      title: "Ready",
      body: "Your document is processed",
      link: "/documents/1",
      email: true,
    });
    expect(payload.jobId).toBeUndefined();
    expect(payload.email).toBe(true);
  });

  it("rejects an over-long notification title", () => {
    expect(() =>
      parseJobPayload("notification__send", {
        userId: documentId,
        kind: "x",
        title: "t".repeat(201),
        body: "",
      }),
    ).toThrow(/title/);
  });

  it("reports every issue on the error object", () => {
    try {
      parseJobPayload("admin__reprocess_all", {});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidJobPayloadError);
      const invalid = error as InvalidJobPayloadError;
      expect(invalid.kind).toBe("admin__reprocess_all");
      expect(invalid.issues.map((issue) => issue.path.join("."))).toEqual(["jobId"]);
    }
  });

  it("accepts an empty maintenance__cleanup payload", () => {
    expect(parseJobPayload("maintenance__cleanup", {})).toEqual({});
  });
});

describe("parseAnyJobPayload", () => {
  it("refuses an unknown kind", () => {
    expect(() => parseAnyJobPayload("document__delete", {})).toThrow(/Unknown job kind/);
  });

  it("dispatches to the schema of a known kind", () => {
    expect(parseAnyJobPayload("admin__reprocess_all", { jobId })).toEqual({ jobId });
  });
});

describe("jobPayloadSchemas", () => {
  it("has exactly one schema per job kind", () => {
    expect(Object.keys(jobPayloadSchemas).sort()).toEqual([...JOB_KINDS].sort());
  });
});
