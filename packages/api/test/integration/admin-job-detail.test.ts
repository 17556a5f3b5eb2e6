import { describe, expect, it } from "vitest";
import { newUser, secret } from "../helpers.ts";

describe("admin.jobs.get", () => {
  it("shows any user's job with its payload, error and owner", async () => {
    const admin = await newUser("detail-admin", { admin: true });
    const owner = await newUser("detail-owner");
    const { job } = await owner.caller.documents.create({ source: "text", title: "t", text: "x" });
    const { error } = await secret
      .from("jobs")
      .update({ status: "failed", last_error: "the parser gave up" })
      .eq("id", job.id);
    if (error) throw error;

    const detail = await admin.caller.admin.jobs.get({ jobId: job.id });
    expect(detail.job).toMatchObject({
      id: job.id,
      owner_id: owner.id,
      status: "failed",
      last_error: "the parser gave up",
    });
    expect(detail.job.payload).toMatchObject({ documentId: job.document_id });
    expect(detail.ownerEmail).toBe(owner.email);
  });

  it("answers 404 for an unknown id and 403 for a non-admin", async () => {
    const admin = await newUser("detail-admin-404", { admin: true });
    const owner = await newUser("detail-not-admin");
    const { job } = await owner.caller.documents.create({ source: "text", title: "t", text: "x" });
    await expect(
      admin.caller.admin.jobs.get({ jobId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(owner.caller.admin.jobs.get({ jobId: job.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
