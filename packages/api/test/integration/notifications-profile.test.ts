import { describe, expect, it } from "vitest";
import { newUser, secret } from "../helpers.ts";

/** Notifications are written by the worker with the secret key. */
async function notify(userId: string, titles: string[]) {
  const { data, error } = await secret
    .from("notifications")
    .insert(titles.map((title) => ({ user_id: userId, kind: "document_ready", title, body: "" })))
    .select("id");
  if (error) throw error;
  return data.map((row) => row.id);
}

describe("notifications", () => {
  it("lists, counts unread and marks chosen ones read", async () => {
    const user = await newUser("notes");
    const [first, second] = await notify(user.id, ["one", "two", "three"]);
    expect((await user.caller.notifications.unreadCount()).count).toBe(3);
    expect((await user.caller.notifications.list({})).total).toBe(3);

    const marked = await user.caller.notifications.markRead({ ids: [first ?? "", second ?? ""] });
    expect(marked.count).toBe(2);
    expect((await user.caller.notifications.unreadCount()).count).toBe(1);
    expect(
      (await user.caller.notifications.list({ unreadOnly: true })).items.map((n) => n.title),
    ).toEqual(["three"]);

    // Marking again changes nothing: read_at keeps its first value.
    expect((await user.caller.notifications.markRead({ ids: [first ?? ""] })).count).toBe(0);
    expect((await user.caller.notifications.markRead({ all: true })).count).toBe(1);
    expect((await user.caller.notifications.unreadCount()).count).toBe(0);
  });

  it("cannot mark another user's notifications", async () => {
    const owner = await newUser("notes-owner");
    const other = await newUser("notes-other");
    const [id] = await notify(owner.id, ["private"]);
    expect((await other.caller.notifications.markRead({ ids: [id ?? ""] })).count).toBe(0);
    expect((await owner.caller.notifications.unreadCount()).count).toBe(1);
  });
});

describe("profile", () => {
  it("is created at sign-up and its display name can be changed", async () => {
    const user = await newUser("profile");
    const profile = await user.caller.profile.get();
    expect(profile).toMatchObject({ id: user.id, email: user.email, display_name: null });
    const updated = await user.caller.profile.update({ displayName: "  Ada Lovelace " });
    expect(updated.display_name).toBe("Ada Lovelace");
    expect((await user.caller.profile.get()).display_name).toBe("Ada Lovelace");
  });
});
