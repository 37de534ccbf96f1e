import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createTempDatabase, REPO_ROOT } from './test-server.js';

export interface ServerProcess {
  url: string;
  /** fetch() against this server, as the test editor (adds the editor's credentials). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  process: ChildProcess;
  databaseFile: string;
  /** Everything the server printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL: no shutdown code runs, as in a crash or power cut of the process. */
  kill(): Promise<void>;
}

/**
 * The real entry point (src/server.ts through tsx) in its own process on a fresh database and a
 * free port: it seeds the database on first start exactly as `npm start` does.
 */
export async function startServerProcess(options: { databaseFile?: string } = {}): Promise<ServerProcess> {
  // Restarting on an existing file (after a crash, say) must not delete it on stop: the caller owns it.
  const database = options.databaseFile ? { file: options.databaseFile, remove: () => {} } : createTempDatabase();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src', 'server.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', RETOUCHE_DB: database.file },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${output}`)), 30_000);
    child.stdout.on('data', () => {
      const match = /serving (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    fetch: (path, init) => fetch(`${url}${path}`, init),
    process: child,
    databaseFile: database.file,
    output: () => output,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      database.remove();
    },
  };
}
