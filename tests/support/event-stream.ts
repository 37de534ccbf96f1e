/** One server-sent event as a client reads it. */
export interface StreamEvent {
  id: string | null;
  event: string;
  data: unknown;
  /** When it arrived (performance.now()). */
  at: number;
}

export interface EventStreamClient {
  status: number;
  /** Every event read so far, in order (heartbeats, being comments, are not events). */
  events: StreamEvent[];
  /** The first event from `from` on (an index into `events`) that `matches`; refused after `timeoutMs`. */
  next(matches: (event: StreamEvent) => boolean, options?: { from?: number; timeoutMs?: number }): Promise<StreamEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * Open an event stream with `request` (a fetch of the stream's address, credentials added, as a
 * test server's fetch does) and parse it as EventSource does (fields `id`, `event`, `data`; a
 * blank line ends an event; lines starting with ':' are comments). `headers`: Last-Event-ID.
 */
export async function openEventStream(
  request: (init: RequestInit) => Promise<Response>, headers: Record<string, string> = {},
): Promise<EventStreamClient> {
  const abort = new AbortController();
  const response = await request({ headers: { Accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const events: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of waiters) waiter();
  };
  let finished = false;
  const ended = (async () => {
    if (!response.body || response.status !== 200) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = { id: null as string | null, event: 'message', data: [] as string[] };
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            const name = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (name === 'id') fields.id = value;
            else if (name === 'event') fields.event = value;
            else if (name === 'data') fields.data.push(value);
          }
          if (fields.data.length === 0) continue;
          events.push({ id: fields.id, event: fields.event, data: JSON.parse(fields.data.join('\n')), at: performance.now() });
          wake();
        }
      }
    } catch {
      // Closed by the test.
    } finally {
      finished = true;
      wake();
    }
  })();
  return {
    status: response.status,
    events,
    ended,
    next(matches, { from = 0, timeoutMs = 3_000 } = {}) {
      return new Promise((resolve, reject) => {
        const look = () => {
          const found = events.slice(from).find(matches);
          if (found) {
            done();
            resolve(found);
          } else if (finished) {
            done();
            reject(new Error(`the stream ended without the event awaited; it sent: ${JSON.stringify(events.map((event) => event.event))}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no such event within ${timeoutMs} ms; the stream sent: ${JSON.stringify(events.map((event) => [event.id, event.event]))}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(look);
        };
        waiters.add(look);
        look();
      });
    },
    close: () => abort.abort(),
  };
}
