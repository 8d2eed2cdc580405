import { spawn, type ChildProcess } from 'node:child_process';

/** A `hearken-collector` CLI process on a free port. */
export interface CollectorProcess {
  url: string;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr. */
  output(): string;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/** Starts the built CLI (`packages/collector/dist/bin.js`) with `args` and `--port 0`; resolves once it listens. */
export async function startCollectorProcess(args: string[]): Promise<CollectorProcess> {
  const child = spawn(process.execPath, ['packages/collector/dist/bin.js', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`collector exited with ${code}: ${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
