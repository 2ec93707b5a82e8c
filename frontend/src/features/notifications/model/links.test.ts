import { notificationHref } from "./links";

describe("notification links", () => {
  it("opens partners, persons and leads by id", () => {
    expect(notificationHref({ link_type: "partner", link_id: "p1" })).toBe("/partners/p1");
    expect(notificationHref({ link_type: "person", link_id: "x" })).toBe("/persons/x");
    expect(notificationHref({ link_type: "lead", link_id: "l" })).toBe("/leads/l");
  });

  it("sends deadlines to the tasks page", () => {
    expect(notificationHref({ link_type: "deadline", link_id: "d1" })).toBe("/tasks");
  });

  it("opens a message's thread", () => {
    expect(notificationHref({ link_type: "message", link_id: "t1" })).toBe("/messages/t1");
    expect(notificationHref({ link_type: "message", link_id: null })).toBeNull();
  });

  it("has no link for unknown kinds or a missing id", () => {
    expect(notificationHref({ link_type: "mailing", link_id: "m" })).toBeNull();
    expect(notificationHref({ link_type: "partner", link_id: null })).toBeNull();
    expect(notificationHref({ link_type: null, link_id: null })).toBeNull();
  });
});
