import type { DocumentEventRecord, PresenceRecord } from '../model.js';
import type { DocumentSignal } from '../storage/document-signals.js';
import type { Storage } from '../storage/types.js';
import { readAnalyzedSegment, type AnalyzedSegment } from './analyzed-segments.js';
import type { Analyzer } from './document-analysis.js';
import { ServiceError } from './errors.js';

/** Events read per query, catching a stream up or following a document. */
const PAGE = 500;
/** How often a stream's caller is checked (session or token still valid, user enabled): access ends within this. */
export const ACCESS_CHECK_MS = 5_000;
/** How often an idle stream says it is alive, well within proxies' read timeouts (nginx: 60 s). */
export const HEARTBEAT_MS = 15_000;

/** What a stream is sent: the feed makes each once and every stream of the document shares it. */
export type FeedMessage =
  /** A change, with the sentence it changed as it is now (its text, status and flags), when it changed one. */
  | { kind: 'event'; event: DocumentEventRecord; segment: AnalyzedSegment | null }
  /** Who has which sentence open now. */
  | { kind: 'presence'; editors: PresenceRecord[] }
  | { kind: 'deleted' }
  /** The stream ends: the caller's access ended, or the server is stopping. */
  | { kind: 'end'; reason: 'access' | 'closing' }
  | { kind: 'heartbeat' };

/** One open stream, as the web layer gives it to the feed. */
export interface FeedSubscriber {
  /** Send a message; false when the connection cannot take more (too slow): the feed then closes it. */
  send(message: FeedMessage): boolean;
  close(): void;
  /** Whether the caller may still read: `key` names the credential, so streams sharing one are checked once. */
  access: { key: string; check(): Promise<boolean> };
}

export interface DocumentFeed {
  /**
   * Follow a document from the event after `afterId` (everything from then, none twice), or from
   * now when undefined; then the presence list. Returns the way to stop.
   */
  subscribe(documentId: number, afterId: number | undefined, subscriber: FeedSubscriber): Promise<() => void>;
  /** Open streams, and documents followed, for tests and the benchmark. */
  stats(): { streams: number; documents: number };
  /** End every stream and stop watching the storage. */
  close(): void;
}

interface Follower {
  subscriber: FeedSubscriber;
  /** The last event sent to it. */
  lastId: number;
  /** Still reading what it missed: the document's new events are not sent to it meanwhile. */
  catchingUp: boolean;
}

interface Hub {
  documentId: number;
  followers: Set<Follower>;
  /** The newest event read for the document; resolved once the hub knows it. */
  cursor: Promise<number>;
  pumping: boolean;
  again: boolean;
  presenceTimer?: NodeJS.Timeout | undefined;
}

/**
 * The live document: each document followed has one hub on this server, which reads the
 * document's new events once when the storage signals them (on PostgreSQL, signals from every
 * server) and hands the same messages to every stream of it. Streams that reconnect catch up
 * from the event log first, so nothing is lost or sent twice.
 */
export function createDocumentFeed(storage: Storage, analyzer: Analyzer, options: { accessCheckMs?: number; heartbeatMs?: number } = {}): DocumentFeed {
  const hubs = new Map<number, Hub>();
  let stopWatching: (() => void) | undefined;
  let timers: NodeJS.Timeout[] = [];

  function start(): void {
    if (stopWatching) return;
    stopWatching = storage.events.watch(onSignal);
    const heartbeat = setInterval(() => broadcastAll({ kind: 'heartbeat' }), options.heartbeatMs ?? HEARTBEAT_MS);
    const access = setInterval(() => void checkAccess(), options.accessCheckMs ?? ACCESS_CHECK_MS);
    // Nothing here should keep a stopping process alive.
    timers = [heartbeat, access];
    for (const timer of timers) timer.unref();
  }

  function onSignal(signal: DocumentSignal): void {
    if (signal.kind === 'resync') {
      for (const hub of hubs.values()) {
        void pump(hub);
        void sendPresence(hub);
      }
      return;
    }
    const hub = hubs.get(signal.documentId);
    if (!hub) return;
    if (signal.kind === 'events') void pump(hub);
    else if (signal.kind === 'presence') void sendPresence(hub);
    else endHub(hub, { kind: 'deleted' });
  }

  /** Read the hub's new events and hand them to every follower not catching up; one reader at a time, again if signalled meanwhile. */
  async function pump(hub: Hub): Promise<void> {
    if (hub.pumping) {
      hub.again = true;
      return;
    }
    hub.pumping = true;
    try {
      do {
        hub.again = false;
        let batch: DocumentEventRecord[];
        do {
          batch = await storage.events.listAfter(hub.documentId, await hub.cursor, PAGE);
          if (batch.length === 0) break;
          const messages = await toMessages(batch);
          hub.cursor = Promise.resolve(batch.at(-1)!.id);
          for (const follower of hub.followers) if (!follower.catchingUp) deliver(hub, follower, messages);
        } while (batch.length === PAGE);
      } while (hub.again);
    } catch {
      // The database failed for a moment: the next signal, or the next stream's catch-up, reads again from the cursor.
    } finally {
      hub.pumping = false;
    }
  }

  /** The messages of some events, each sentence they changed read once, as it is now. */
  async function toMessages(events: readonly DocumentEventRecord[]): Promise<FeedMessage[]> {
    const segments = new Map<number, AnalyzedSegment | null>();
    for (const event of events) {
      if (event.segmentId === null || segments.has(event.segmentId)) continue;
      segments.set(event.segmentId, await readAnalyzedSegment(storage, analyzer, event.segmentId).catch((error: unknown) => {
        if (error instanceof ServiceError) return null;
        throw error;
      }));
    }
    return events.map((event) => ({ kind: 'event', event, segment: event.segmentId === null ? null : segments.get(event.segmentId) ?? null }));
  }

  function deliver(hub: Hub, follower: Follower, messages: readonly FeedMessage[]): void {
    for (const message of messages) {
      if (message.kind !== 'event' || message.event.id <= follower.lastId) continue;
      follower.lastId = message.event.id;
      if (!follower.subscriber.send(message)) return drop(hub, follower);
    }
  }

  async function sendPresence(hub: Hub, only?: Follower): Promise<void> {
    if (!only) clearTimeout(hub.presenceTimer);
    const editors = await storage.presence.list(hub.documentId, new Date().toISOString()).catch(() => undefined);
    if (!editors || !hubs.has(hub.documentId)) return;
    const message: FeedMessage = { kind: 'presence', editors };
    for (const follower of only ? [only] : hub.followers) if (!follower.subscriber.send(message)) drop(hub, follower);
    // An editor who stops saying so drops off the list when their presence expires: others learn of it then.
    const next = Math.min(...editors.map((editor) => Date.parse(editor.expiresAt)));
    if (Number.isFinite(next) && !only) {
      hub.presenceTimer = setTimeout(() => void sendPresence(hub), Math.max(0, next - Date.now()) + 50);
      hub.presenceTimer.unref();
    }
  }

  async function checkAccess(): Promise<void> {
    const byKey = new Map<string, { check(): Promise<boolean>; followers: [Hub, Follower][] }>();
    for (const hub of hubs.values()) {
      for (const follower of hub.followers) {
        const { key, check } = follower.subscriber.access;
        const group = byKey.get(key) ?? byKey.set(key, { check, followers: [] }).get(key)!;
        group.followers.push([hub, follower]);
      }
    }
    for (const group of byKey.values()) {
      const allowed = await group.check().catch(() => true);
      if (allowed) continue;
      for (const [hub, follower] of group.followers) {
        follower.subscriber.send({ kind: 'end', reason: 'access' });
        drop(hub, follower);
      }
    }
  }

  function broadcastAll(message: FeedMessage): void {
    for (const hub of hubs.values()) for (const follower of hub.followers) if (!follower.subscriber.send(message)) drop(hub, follower);
  }

  function drop(hub: Hub, follower: Follower): void {
    if (!hub.followers.delete(follower)) return;
    follower.subscriber.close();
    if (hub.followers.size === 0) forget(hub);
  }

  function endHub(hub: Hub, last: FeedMessage): void {
    for (const follower of [...hub.followers]) {
      follower.subscriber.send(last);
      drop(hub, follower);
    }
    forget(hub);
  }

  function forget(hub: Hub): void {
    clearTimeout(hub.presenceTimer);
    if (hubs.get(hub.documentId) === hub) hubs.delete(hub.documentId);
  }

  function hubOf(documentId: number): Hub {
    let hub = hubs.get(documentId);
    if (!hub) {
      hub = { documentId, followers: new Set(), cursor: storage.events.latestId(documentId), pumping: false, again: false };
      hub.cursor.catch(() => undefined);
      hubs.set(documentId, hub);
    }
    return hub;
  }

  return {
    async subscribe(documentId, afterId, subscriber) {
      start();
      const hub = hubOf(documentId);
      const follower: Follower = { subscriber, lastId: afterId ?? -1, catchingUp: true };
      hub.followers.add(follower);
      try {
        if (afterId === undefined) follower.lastId = await hub.cursor;
        // Catch up from the log until level with the hub: from then on the hub sends it what comes.
        for (;;) {
          const batch = await storage.events.listAfter(documentId, follower.lastId, PAGE);
          if (batch.length > 0) deliver(hub, follower, await toMessages(batch));
          if (!hub.followers.has(follower)) return () => undefined;
          if (batch.length < PAGE && follower.lastId >= await hub.cursor) break;
        }
        follower.catchingUp = false;
        await sendPresence(hub, follower);
      } catch (error) {
        drop(hub, follower);
        throw error;
      }
      return () => {
        const current = hubs.get(documentId);
        if (current?.followers.has(follower)) {
          current.followers.delete(follower);
          if (current.followers.size === 0) forget(current);
        }
      };
    },
    stats() {
      let streams = 0;
      for (const hub of hubs.values()) streams += hub.followers.size;
      return { streams, documents: hubs.size };
    },
    close() {
      for (const hub of [...hubs.values()]) endHub(hub, { kind: 'end', reason: 'closing' });
      for (const timer of timers) clearInterval(timer);
      timers = [];
      stopWatching?.();
      stopWatching = undefined;
    },
  };
}
