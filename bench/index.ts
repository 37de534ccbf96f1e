/**
 * Run every benchmark and print one table (`npm run bench`); `--json` prints JSON instead, and
 * `--quick` gives the HTTP benchmarks 3 s per route instead of 10.
 */
import os from 'node:os';
import { benchAlignment } from './alignment.js';
import { benchAnalysis } from './analysis.js';
import { benchHistory } from './history.js';
import { benchHttp } from './http.js';
import { benchLargeDocument } from './large-document.js';
import { benchLiveStreams } from './live-streams.js';
import { benchLongHistory } from './long-history.js';
import { benchManyDocuments } from './many-documents.js';
import { benchPostgres } from './postgres.js';
import { benchSaveCost } from './save-cost.js';
import { benchSegmentation } from './segmentation.js';
import { benchStorage } from './storage.js';
import type { BenchRow } from './types.js';

const rows: BenchRow[] = [
  ...(await benchSegmentation()),
  ...(await benchAnalysis()),
  ...(await benchAlignment()),
  ...(await benchHistory()),
  ...(await benchStorage()),
  ...(await benchPostgres()),
  ...(await benchSaveCost()),
  ...(await benchHttp()),
  ...(await benchLargeDocument()),
  ...(await benchLongHistory()),
  ...(await benchManyDocuments()),
  ...(await benchLiveStreams()),
];
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ date: new Date().toISOString(), cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, rows }, null, 2));
} else {
  console.log(`${new Date().toISOString()} · ${os.cpus()[0]?.model} × ${os.cpus().length} · Node ${process.version}`);
  console.table(rows.map(({ name, value, unit, baseline, ratio, target, pass }) => ({ name, value, unit, baseline, ratio, target, pass })));
}
