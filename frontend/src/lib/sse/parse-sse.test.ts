import { createSseParser } from "./parse-sse";

describe("SSE parser", () => {
  it("parses named events with JSON data", () => {
    const p = createSseParser();
    expect(p.push('event: unread\ndata: {"unread_count": 2}\n\n')).toEqual([{ event: "unread", data: '{"unread_count": 2}' }]);
  });

  it("splits several frames out of one chunk", () => {
    const p = createSseParser();
    const events = p.push("event: a\ndata: 1\n\nevent: b\ndata: 2\n\n");
    expect(events.map((e) => e.event)).toEqual(["a", "b"]);
  });

  it("ignores comments such as keep-alives", () => {
    const p = createSseParser();
    expect(p.push(": keep-alive\n\n")).toEqual([]);
    expect(p.push(": keep-alive\n\nevent: unread\ndata: x\n\n")).toEqual([{ event: "unread", data: "x" }]);
  });

  it("keeps a frame cut in the middle until the rest arrives", () => {
    const p = createSseParser();
    expect(p.push("event: unr")).toEqual([]);
    expect(p.push('ead\ndata: {"unread')).toEqual([]);
    expect(p.push('_count": 3}\n')).toEqual([]);
    expect(p.push("\n")).toEqual([{ event: "unread", data: '{"unread_count": 3}' }]);
  });

  it("joins multi-line data and defaults the event name to message", () => {
    const p = createSseParser();
    expect(p.push("data: one\ndata: two\n\n")).toEqual([{ event: "message", data: "one\ntwo" }]);
  });

  it("accepts CRLF line endings, even when the CR and LF arrive in different chunks", () => {
    const p = createSseParser();
    expect(p.push("event: unread\r\ndata: 1\r")).toEqual([]);
    expect(p.push("\n\r\n")).toEqual([{ event: "unread", data: "1" }]);
  });

  it("does not emit a frame without data and resets the name after each frame", () => {
    const p = createSseParser();
    expect(p.push("event: lonely\n\ndata: 5\n\n")).toEqual([{ event: "message", data: "5" }]);
  });
});
