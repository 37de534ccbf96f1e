/**
 * The baselines of the HTTP benchmark, run in its own process (`node --import tsx
 * bench/baseline-server.ts`): a bare Express app with a hello-world route, a route sending a
 * stored body (a page, a JSON answer), and a route that inserts one row into SQLite with Retouche's durability
 * settings (WAL, synchronous=FULL). It prints "listening PORT" once ready and deletes its database on SIGTERM.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import express from 'express';

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'retouche-bench-baseline-'));
const db = new Database(path.join(directory, 'baseline.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL, created_at TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO rows (body, created_at) VALUES (?, ?)');

const app = express();
app.disable('x-powered-by');
app.use(express.json());
app.get('/hello', (_request, response) => {
  response.send('Hello, world!');
});
// Bodies stored once by a PUT (a page, a JSON answer), then served as they are with their type:
// what sending an answer of that size costs with no work behind it.
const bodies = new Map<string, { type: string; body: string }>();
app.put('/body/:name', express.text({ type: '*/*', limit: '10mb' }), (request, response) => {
  bodies.set(String(request.params.name), { type: request.get('content-type') ?? 'text/html', body: String(request.body) });
  response.sendStatus(204);
});
app.get('/body/:name', (request, response) => {
  const stored = bodies.get(String(request.params.name));
  if (!stored) response.sendStatus(404);
  else response.type(stored.type).send(stored.body);
});
app.post('/insert', (request, response) => {
  const { lastInsertRowid } = insert.run(JSON.stringify(request.body), new Date().toISOString());
  response.json({ id: Number(lastInsertRowid) });
});

const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => {
  server.close(() => {
    db.close();
    fs.rmSync(directory, { recursive: true, force: true });
    process.exit(0);
  });
  server.closeAllConnections();
});
