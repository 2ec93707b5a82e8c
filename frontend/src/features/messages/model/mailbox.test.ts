import { composeBody, hasRecipients, isUnread, parseMailbox, replyBody, threadPeople } from "./mailbox";

describe("mailbox", () => {
  it("reads the box from the URL, defaulting to the inbox", () => {
    expect(parseMailbox("sent")).toBe("sent");
    expect(parseMailbox("inbox")).toBe("inbox");
    expect(parseMailbox(null)).toBe("inbox");
    expect(parseMailbox("trash")).toBe("inbox");
  });

  it("never counts the caller's own messages as unread", () => {
    expect(isUnread({ sender_id: "u2", read_at: null }, "u1")).toBe(true);
    expect(isUnread({ sender_id: "u2", read_at: "2026-01-01T00:00:00Z" }, "u1")).toBe(false);
    expect(isUnread({ sender_id: "u1", read_at: null }, "u1")).toBe(false);
  });
});

describe("compose", () => {
  it("needs at least one user or team", () => {
    expect(hasRecipients({ to_user_ids: [], to_team_ids: [] })).toBe(false);
    expect(hasRecipients({ to_user_ids: [], to_team_ids: ["t"] })).toBe(true);
    expect(hasRecipients({ to_user_ids: ["u"], to_team_ids: [] })).toBe(true);
  });

  it("trims the subject and keeps the body as typed", () => {
    expect(composeBody({ to_user_ids: ["u"], to_team_ids: [], subject: "  Hi ", body: " line\n" })).toEqual({
      to_user_ids: ["u"],
      to_team_ids: [],
      subject: "Hi",
      body: " line\n",
    });
  });

  const thread = [
    { id: "m1", sender_id: "a", recipient_ids: ["me", "b"] },
    { id: "m2", sender_id: "b", recipient_ids: ["a", "me", "c"] },
  ];

  it("finds everyone in the conversation but the caller", () => {
    expect(threadPeople(thread, "me").sort()).toEqual(["a", "b", "c"]);
    expect(threadPeople([], "me")).toEqual([]);
  });

  it("replies to the thread's latest message, to everyone in it", () => {
    expect(replyBody(thread, "me", "ok")).toEqual({ reply_to: "m2", to_user_ids: ["a", "b", "c"], body: "ok" });
    expect(replyBody([], "me", "ok")).toBeNull();
  });
});
