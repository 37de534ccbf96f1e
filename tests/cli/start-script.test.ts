import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { START_COMMAND } from '../support/server-process.js';

describe('npm start', () => {
  it('runs in production mode with the heap capped at 1 GB and 8 MB semi-spaces, and the test servers run the same way', () => {
    expect(START_COMMAND).toEqual({ environment: { NODE_ENV: 'production' }, nodeFlags: ['--max-old-space-size=1024', '--max-semi-space-size=8'] });
    const limit = Number(execFileSync(process.execPath, [...START_COMMAND.nodeFlags, '-e', 'console.log(require("v8").getHeapStatistics().heap_size_limit)']).toString());
    // The old space limit plus the young generation: a little over 1 GB, far under the default here.
    expect(limit / 2 ** 20).toBeGreaterThan(1024);
    expect(limit / 2 ** 20).toBeLessThan(1200);
  });
});
