import { describe, expect, it } from 'vitest';
import { IdleWatch } from './idle-watch';

/** A clock the test moves by hand; due timers fire in order as time passes. */
function fakeClock() {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout(fn: () => void, ms: number) {
      const id = next++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(handle: unknown) {
      timers.delete(handle as number);
    },
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
    pending: () => timers.size,
  };
}

describe('the idle watch', () => {
  it('says idle once the period passes with nothing done', () => {
    const clock = fakeClock();
    let idle = 0;
    const watch = new IdleWatch(clock, { idleMs: 300_000, onIdle: () => idle++ });
    clock.advance(299_999);
    expect(idle).toBe(0);
    clock.advance(1);
    expect(idle).toBe(1);
    expect(watch.running).toBe(false);
    clock.advance(1_000_000);
    expect(idle).toBe(1);
    expect(clock.pending()).toBe(0);
  });

  it('counts from the last activity', () => {
    const clock = fakeClock();
    let idle = 0;
    const watch = new IdleWatch(clock, { idleMs: 60_000, onIdle: () => idle++ });
    clock.advance(50_000);
    watch.activity();
    clock.advance(50_000);
    expect(idle).toBe(0);
    clock.advance(9_999);
    expect(idle).toBe(0);
    clock.advance(1);
    expect(idle).toBe(1);
  });

  it('keeps the server session alive at most every half period, and only while the user is active', () => {
    const clock = fakeClock();
    let pings = 0;
    let idle = 0;
    const watch = new IdleWatch(clock, { idleMs: 60_000, onIdle: () => idle++, onKeepAlive: () => pings++ });
    for (let t = 0; t < 10 * 60; t++) {
      clock.advance(1_000);
      watch.activity(); // typing a long assessment, no calls
    }
    expect(idle).toBe(0);
    expect(pings).toBeGreaterThanOrEqual(19);
    expect(pings).toBeLessThanOrEqual(20);
    const before = pings;
    clock.advance(60_000);
    expect(idle).toBe(1);
    expect(pings - before).toBeLessThanOrEqual(1);
  });

  it('does nothing once stopped', () => {
    const clock = fakeClock();
    let idle = 0;
    const watch = new IdleWatch(clock, { idleMs: 1_000, onIdle: () => idle++ });
    watch.stop();
    clock.advance(10_000);
    expect(idle).toBe(0);
    expect(clock.pending()).toBe(0);
  });
});
