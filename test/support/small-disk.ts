// A small real file system a test can fill: a tmpfs mounted on a temporary directory. Only root
// (with the right to mount) can make one; elsewhere `makeSmallDisk` says why it could not.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  dir: string;
  /** Writes a filler file until the disk is full; returns its path. */
  fill(): string;
  remove(): void;
}

/** Why no small disk can be made here, or null when one can (tried once: a tmpfs is mounted and removed). */
export function smallDiskUnavailable(): string | null {
  const disk = makeSmallDisk(64 * 1024);
  if ('unavailable' in disk) return disk.unavailable;
  disk.remove();
  return null;
}

export function makeSmallDisk(bytes: number): SmallDisk | { unavailable: string } {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return { unavailable: 'needs root on Linux to mount a tmpfs' };
  const dir = mkdtempSync(join(tmpdir(), 'sonar-small-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0700`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { unavailable: `mount failed: ${mounted.stderr.trim()}` };
  }
  return {
    dir,
    fill() {
      const filler = join(dir, 'filler');
      const fd = openSync(filler, 'w');
      try {
        for (const size of [65536, 4096, 512, 1]) {
          const chunk = Buffer.alloc(size, 0x5a);
          try {
            for (;;) writeSync(fd, chunk);
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
          }
        }
      } finally {
        closeSync(fd);
      }
      return filler;
    },
    remove() {
      spawnSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
