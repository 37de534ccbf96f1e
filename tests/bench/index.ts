/** Run every benchmark and print one table (`npm run bench`). */
import { benchSegmentation } from './segmentation.js';
import type { BenchRow } from './types.js';

const rows: BenchRow[] = [...(await benchSegmentation())];
console.table(rows);
