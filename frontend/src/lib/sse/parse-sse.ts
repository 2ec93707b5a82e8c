/** One server-sent event: its `event:` name ("message" when absent) and its `data:` lines joined by newlines. */
export interface SseEvent {
  event: string;
  data: string;
}

/**
 * An incremental text/event-stream parser (the WHATWG rules we need): network chunks may end anywhere,
 * even mid-line, so the unfinished tail is kept until the next chunk. Comment lines (`: keep-alive`) and
 * fields we do not use (`id:`, `retry:`) are skipped; a frame without data is not an event.
 */
export function createSseParser(): { push(chunk: string): SseEvent[] } {
  let buffer = "";
  let event = "";
  let data: string[] = [];
  let pendingCr = false;

  const line = (l: string, out: SseEvent[]) => {
    if (l === "") {
      if (data.length > 0) out.push({ event: event || "message", data: data.join("\n") });
      event = "";
      data = [];
      return;
    }
    if (l.startsWith(":")) return;
    const colon = l.indexOf(":");
    const field = colon === -1 ? l : l.slice(0, colon);
    let value = colon === -1 ? "" : l.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  };

  return {
    push(chunk) {
      const out: SseEvent[] = [];
      // A CRLF split across two chunks: the LF that opens this chunk belongs to the CR that ended the last.
      if (pendingCr && chunk.startsWith("\n")) chunk = chunk.slice(1);
      pendingCr = chunk.endsWith("\r");
      buffer += chunk;
      const lines = buffer.split(/\r\n|\r|\n/);
      // The last piece has no line ending yet (or is "" right after one): keep it for the next chunk.
      buffer = lines.pop() ?? "";
      for (const l of lines) line(l, out);
      return out;
    },
  };
}
