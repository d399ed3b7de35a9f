// When the custody officer acknowledged the handover, as sent to the server.
const minuteOf = (iso: string) => new Date(iso).toISOString().slice(0, 16);

/**
 * The instant to send. The boxes hold whole minutes: left as prefilled they mean "now", to the
 * second; typed in the same minute as the assessment was saved, they cannot mean before it.
 */
export function acknowledgedInstant(typed: string, touched: boolean, recordedAt: string, now: Date): string {
  if (!touched) return now.toISOString() < recordedAt ? recordedAt : now.toISOString();
  return typed < recordedAt && minuteOf(typed) === minuteOf(recordedAt) ? recordedAt : typed;
}
