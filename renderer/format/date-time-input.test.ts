import { describe, expect, it } from 'vitest';
import { checkDateTime, draftFromDate, parseTime } from './date-time-input';

const now = new Date(2026, 10, 23, 14, 5);
const opts = { label: 'Date of arrival', now };

describe('date and time boxes', () => {
  it('reads local time and sends an instant', () => {
    const r = checkDateTime({ day: '23', month: '11', year: '2026', time: '13:40' }, opts);
    expect(r).toEqual({ ok: true, iso: new Date(2026, 10, 23, 13, 40).toISOString() });
  });

  it('accepts the usual ways of typing a time', () => {
    expect(parseTime('1405')).toEqual([14, 5]);
    expect(parseTime('9.05')).toEqual([9, 5]);
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('2pm')).toBeNull();
  });

  it('names what is missing or wrong', () => {
    expect(checkDateTime({ day: '', month: '', year: '', time: '' }, opts)).toMatchObject({ ok: false, message: 'Enter the date of arrival' });
    expect(checkDateTime({ day: '23', month: '11', year: '', time: '10:00' }, opts)).toMatchObject({ ok: false, parts: ['year'] });
    expect(checkDateTime({ day: '31', month: '11', year: '2026', time: '10:00' }, opts)).toMatchObject({ ok: false, message: 'Date of arrival must be a real date' });
    expect(checkDateTime({ day: '23', month: '11', year: '2026', time: '' }, opts)).toMatchObject({ ok: false, parts: ['time'] });
    expect(checkDateTime({ day: '23', month: '11', year: '2026', time: '25:00' }, opts)).toMatchObject({ ok: false, parts: ['time'] });
  });

  it('refuses the future unless asked not to', () => {
    const tomorrow = { day: '24', month: '11', year: '2026', time: '10:00' };
    expect(checkDateTime(tomorrow, opts)).toMatchObject({ ok: false, message: 'Date of arrival must be now or in the past' });
    expect(checkDateTime(tomorrow, { ...opts, notFuture: false }).ok).toBe(true);
  });

  it('starts from the clock', () => {
    expect(draftFromDate(now)).toEqual({ day: '23', month: '11', year: '2026', time: '14:05' });
  });
});
