import { describe, expect, it } from 'vitest';
import { NoticeHub } from './notice-hub';

describe('person-changed notices', () => {
  it('answers a waiting screen on the next publish, with each person once', async () => {
    const hub = new NoticeHub();
    const waiting = hub.wait(0, 5000);
    hub.publish(['a', 'b', 'a']);
    await expect(waiting).resolves.toEqual({ seq: 2, personIds: ['a', 'b'], all: false });
  });

  it('answers at once when something is already newer, and empty after the time limit', async () => {
    const hub = new NoticeHub();
    hub.publish(['a']);
    await expect(hub.wait(0, 5000)).resolves.toMatchObject({ personIds: ['a'] });
    await expect(hub.wait(hub.latest, 20)).resolves.toMatchObject({ personIds: [] });
  });

  it('pushes to subscribers until they unsubscribe', () => {
    const hub = new NoticeHub();
    const seen: string[][] = [];
    const stop = hub.subscribe((b) => seen.push(b.personIds));
    hub.publish(['x']);
    stop();
    hub.publish(['y']);
    expect(seen).toEqual([['x']]);
  });
});
