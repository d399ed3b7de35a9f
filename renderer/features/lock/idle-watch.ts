// Counts the time since the user last did anything (key, pointer, focus) and says when it passes
// the site's idle period. While the user is active it also asks, at most every half period, for the
// server session to be kept alive: the server measures idleness by calls, and someone typing a long
// assessment makes none. The clock is passed in so tests (and Playwright's page.clock) drive it.
import type { Timers } from '../../app/app-state';

export interface IdleClock extends Timers {
  now(): number;
}

export interface IdleWatchOptions {
  idleMs: number;
  onIdle(): void;
  /** Called when the user has been active since the last keep-alive, at most every idleMs / 2. */
  onKeepAlive?(): void;
}

export class IdleWatch {
  private lastActivity: number;
  private lastKeepAlive: number;
  private handle: unknown = null;
  private stopped = false;

  constructor(
    private readonly clock: IdleClock,
    private readonly options: IdleWatchOptions,
  ) {
    const now = clock.now();
    this.lastActivity = now;
    this.lastKeepAlive = now;
    this.schedule(options.idleMs);
  }

  /** The user did something. */
  activity(): void {
    if (!this.stopped) this.lastActivity = this.clock.now();
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
  }

  get running(): boolean {
    return !this.stopped;
  }

  private schedule(ms: number): void {
    this.handle = this.clock.setTimeout(() => this.check(), Math.max(ms, 1));
  }

  private check(): void {
    this.handle = null;
    if (this.stopped) return;
    const { idleMs, onIdle, onKeepAlive } = this.options;
    const now = this.clock.now();
    const idle = now - this.lastActivity;
    if (idle >= idleMs) {
      this.stopped = true;
      onIdle();
      return;
    }
    const half = idleMs / 2;
    if (onKeepAlive && this.lastActivity > this.lastKeepAlive && now - this.lastKeepAlive >= half) {
      this.lastKeepAlive = now;
      onKeepAlive();
    }
    this.schedule(Math.min(idleMs - idle, half));
  }
}
