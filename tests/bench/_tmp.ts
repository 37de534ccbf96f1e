import { correctSegment } from '../../src/services/correct-segment.js';
import { getAnalyzedSegment, getAnalyzedDocument } from '../../src/services/document-analysis.js';
import { importDocument } from '../../src/services/import-document.js';
import { createSqliteStorage } from '../../src/storage/sqlite/index.js';
import { createTempDatabase } from '../support/test-server.js';
import { buildArticle } from './large-document.js';
import { correctOneWord } from './http.js';
const database = createTempDatabase();
const storage = createSqliteStorage(database.file);
const { document } = await importDocument(storage, { text: buildArticle(100_000), author: 'bench' });
await getAnalyzedDocument(storage, document.id);
const segments = await storage.segments.listByDocument(document.id);
const st: number[] = [], an: number[] = [];
for (let i = 0; i < 300; i++) {
  const s = segments[(i * 13) % segments.length]!;
  let t = performance.now();
  const r = await correctSegment(storage, { segmentId: s.id, text: correctOneWord(s.original, i), baseRevision: s.revision, author: 'b' });
  st.push(performance.now() - t);
  segments[(i * 13) % segments.length] = r.segment;
  t = performance.now();
  await getAnalyzedSegment(storage, r.segment.id, r.segment);
  an.push(performance.now() - t);
}
const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!.toFixed(3);
console.log('segments', segments.length, 'store ms', med(st), 'analyse ms', med(an));
await storage.close(); database.remove();
