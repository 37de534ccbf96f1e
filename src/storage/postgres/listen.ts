import pg from 'pg';
import { RESYNC } from '../engine.js';

/** The channel every Retouche server of a database announces and listens on. */
export const CHANNEL = 'retouche';
/** Waits before connecting again after the listening connection was lost: quick at first, then every few seconds. */
const RECONNECT_DELAYS_MS = [100, 500, 1_000, 2_000, 5_000];

export interface Announcements {
  listen(listener: (message: string) => void): () => void;
  close(): Promise<void>;
}

/**
 * PostgreSQL's LISTEN on one connection of its own (a pooled one would be handed to other
 * queries), opened with the first listener and closed with the last. NOTIFY is transactional:
 * what a transaction announces reaches every listening server once it commits, never if it rolls
 * back, so no broker is needed. Listeners hear RESYNC once the connection listens, and again
 * after a lost connection was opened again, since what was announced meanwhile never arrives.
 */
export function createAnnouncements(url: string): Announcements {
  const listeners = new Set<(message: string) => void>();
  let client: pg.Client | undefined;
  let reconnect: NodeJS.Timeout | undefined;
  let failures = 0;
  let closed = false;

  const tell = (message: string) => {
    for (const listener of listeners) listener(message);
  };

  async function connect(): Promise<void> {
    const connection = new pg.Client({ connectionString: url });
    client = connection;
    connection.on('notification', (notification) => {
      if (notification.channel === CHANNEL && notification.payload !== undefined) tell(notification.payload);
    });
    connection.on('error', () => lose(connection));
    connection.on('end', () => lose(connection));
    try {
      await connection.connect();
      await connection.query(`LISTEN ${CHANNEL}`);
    } catch {
      lose(connection);
      return;
    }
    // Announcements made before this connection listened (while it was being opened, or lost) are
    // not coming: whoever listens must look again.
    failures = 0;
    tell(RESYNC);
  }

  function lose(connection: pg.Client): void {
    if (client !== connection) return;
    client = undefined;
    void connection.end().catch(() => undefined);
    if (closed || listeners.size === 0) return;
    const delay = RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length - 1)]!;
    failures += 1;
    reconnect = setTimeout(() => {
      reconnect = undefined;
      void connect();
    }, delay);
  }

  async function disconnect(): Promise<void> {
    clearTimeout(reconnect);
    reconnect = undefined;
    const connection = client;
    client = undefined;
    await connection?.end().catch(() => undefined);
  }

  return {
    listen(listener) {
      const own = (message: string) => listener(message);
      listeners.add(own);
      if (!client && !reconnect && !closed) void connect();
      return () => {
        listeners.delete(own);
        if (listeners.size === 0) void disconnect();
      };
    },
    async close() {
      closed = true;
      listeners.clear();
      await disconnect();
    },
  };
}
