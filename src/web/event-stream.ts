import type { Response } from 'express';
import type { FeedMessage, FeedSubscriber } from '../services/document-feed.js';
import { toEventJson } from './event-views.js';

/** Unsent bytes a stream may hold before it counts as too slow and is closed (its client reconnects and catches up). */
const MAX_UNSENT_BYTES = 1_000_000;
/** How long a client waits before reconnecting a lost stream (the `retry` field). */
const RECONNECT_MS = 2_000;

// Every stream of a document is sent the same message objects: each is written out once.
const frames = new WeakMap<FeedMessage, string>();

/**
 * Start a server-sent event stream on `response`, and the subscriber that writes the feed's
 * messages to it: a change as `event: <type>` with its id (what Last-Event-ID resumes from),
 * `presence`, `deleted` and `end` without one, and a comment line as the heartbeat.
 */
export function openEventStream(response: Response, access: FeedSubscriber['access']): FeedSubscriber {
  // no-transform keeps a compressing proxy or middleware from buffering the stream; X-Accel-Buffering tells nginx not to.
  response.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no', Connection: 'keep-alive',
  });
  response.flushHeaders();
  response.write(`retry: ${RECONNECT_MS}\n\n`);
  return {
    send(message) {
      if (response.writableEnded || response.destroyed) return false;
      let frame = frames.get(message);
      if (frame === undefined) frames.set(message, (frame = formatFrame(message)));
      response.write(frame);
      return response.writableLength <= MAX_UNSENT_BYTES;
    },
    close: () => void response.end(),
    access,
  };
}

function formatFrame(message: FeedMessage): string {
  switch (message.kind) {
    case 'event': return `id: ${message.event.id}\nevent: ${message.event.type}\ndata: ${JSON.stringify(toEventJson(message.event, message.segment))}\n\n`;
    case 'presence': return `event: presence\ndata: ${JSON.stringify({ editors: message.editors })}\n\n`;
    case 'deleted': return 'event: deleted\ndata: {}\n\n';
    case 'end': return `event: end\ndata: ${JSON.stringify({ reason: message.reason })}\n\n`;
    case 'heartbeat': return ': keep-alive\n\n';
  }
}
