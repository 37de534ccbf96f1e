/**
 * The baselines of the HTTP benchmark, run in its own process (`node --import tsx
 * bench/baseline-server.ts`): a bare Express app with a hello-world route, a route sending a
 * page-sized body, and a route that inserts one row into SQLite with Retouche's durability
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
// The body of a page, stored once by a PUT, then served as is: what sending a page of that size
// costs with no work behind it.
let body = '';
app.put('/body', express.text({ type: '*/*', limit: '10mb' }), (request, response) => {
  body = String(request.body);
  response.sendStatus(204);
});
app.get('/body', (_request, response) => {
  response.type('html').send(body);
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
