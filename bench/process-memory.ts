import { readFileSync } from 'node:fs';

/** A process's resident memory now, in MB, from /proc (Linux); 0 elsewhere or once it has ended. */
export function readRssMb(pid: number | undefined): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}
