// Times in clinical text written by the back end (a flag's reason, a task's title): dd-Mmm-yyyy HH:mm
// in the site's time zone (UK sites: Europe/London), so a reason written at 00:30 BST does not read
// as the day before.
import { TZDate } from '@date-fns/tz';
import { format, isValid } from 'date-fns';

export const UK_TIME_ZONE = 'Europe/London';

export function formatClinicalDateTime(iso: string, timeZone: string = UK_TIME_ZONE): string {
  const d = new TZDate(Date.parse(iso), timeZone);
  return isValid(d) ? format(d, 'dd-MMM-yyyy HH:mm') : 'Not known';
}
