// The default period the reports screen offers.

/** The first day of the month before `now`, and its last day: the usual period for a monthly report. */
export function lastMonth(now: Date): { from: Date; to: Date } {
  const from = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const to = new Date(now.getFullYear(), now.getMonth(), 0);
  return { from, to };
}
