// Runs one of the npm run tools (main/tools/*.ts) the way site IT would, in its own process.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export function runTool(tool: string, args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [tsx, join(root, 'main', 'tools', `${tool}.ts`), ...args], { encoding: 'utf8' });
}

/** The same, without waiting: the caller keeps working while the tool runs. */
export function runToolAsync(tool: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, join(root, 'main', 'tools', `${tool}.ts`), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
