// A stay in words: "In custody since 23-Nov-2026 14:05", "Left prison 30-Nov-2026 10:00".
import type { Stay } from '../../contract/channels/stays';
import { formatClinicalDateTime } from './person-format';

const place: Record<Stay['kind'], string> = { custody: 'custody', prison: 'prison' };

export function stayKindLabel(kind: Stay['kind']): string {
  return kind === 'custody' ? 'Custody detention' : 'Prison stay';
}

export function currentStayText(stay: Stay | null): string {
  if (!stay) return 'No current stay at this site';
  return `In ${place[stay.kind]} since ${formatClinicalDateTime(stay.arrivedAt)}`;
}

export function stayPeriodText(stay: Stay): string {
  const from = formatClinicalDateTime(stay.arrivedAt);
  return stay.exitedAt ? `${from} to ${formatClinicalDateTime(stay.exitedAt)}` : `${from} to now`;
}
