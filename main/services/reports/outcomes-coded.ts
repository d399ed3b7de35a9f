// The outcome report's coded events: each event of the period counted under its SNOMED CT concept
// (a CTV3 code through the site's map, domain/reports/coded-events/), and every code that could not
// be mapped listed in a section of its own with its count, so a CTV3 site sees what is missing
// from the totals instead of a quietly smaller number.
import type { ReportSection } from '../../../contract/channels/reports';
import type { ReportRow } from '../../../db/reports/report-worker';
import { CTV3_SYSTEM, shippedCtv3Map, type CodeMap } from '../../../domain/reports/coded-events/code-map';
import { countCodedEvents, type CodedEventRow } from '../../../domain/reports/coded-events/coded-event-counts';
import { templateRegistry } from '../../../domain/templates/library';
import { count, drawn } from './report-definition';

const EVENT_LABELS: Record<string, string> = { 'referral-outcome': 'Referral outcome: referred on', 'release-referral': 'Community referral on release' };

function eventLabel(event: string): string {
  if (event.startsWith('form:')) {
    const id = event.slice('form:'.length);
    return `Recorded in a form: ${templateRegistry.latest(id)?.title ?? id}`;
  }
  return EVENT_LABELS[event] ?? event;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export function codedRows(rows: readonly ReportRow[]): CodedEventRow[] {
  return rows.flatMap((r) => {
    const code = str(r.code);
    return code === null ? [] : [{ event: String(r.event), system: str(r.system), code, display: str(r.display), events: count(r, 'events') }];
  });
}

export function codedEventSections(rows: readonly ReportRow[], maps: readonly CodeMap[]): ReportSection[] {
  const map = maps.find((m) => m.from === CTV3_SYSTEM) ?? shippedCtv3Map;
  const { counted, unmapped, map: mapName } = countCodedEvents(codedRows(rows), map);
  const table = counted
    .map((c) => ({ event: eventLabel(c.event), code: c.code, display: c.display, events: c.events, mapped: c.mappedFromCtv3 }))
    .sort((a, b) => a.event.localeCompare(b.event) || a.code.localeCompare(b.code));
  const total = (event: string) => counted.filter((c) => c.event === event).reduce((n, c) => n + c.events, 0);
  const unmappedEvents = unmapped.reduce((n, u) => n + u.events, 0);
  const codedSection: ReportSection = {
    id: 'coded-events',
    title: 'Coded events (SNOMED CT)',
    description:
      'Events of the period recorded with a code: referrals on to a key service decided in the period, community referrals on release made in the period, and codes the site’s forms recorded in the period. ' +
      `Each counts under its SNOMED CT concept; an event recorded with a CTV3 code counts under the concept the site’s map gives it (${mapName}). Services without a checked code are not counted here.`,
    figures: [
      { id: 'coded', label: 'Coded events', value: counted.reduce((n, c) => n + c.events, 0), unit: 'count' },
      { id: 'referral-outcome', label: 'Referred on (coded)', value: total('referral-outcome'), unit: 'count' },
      { id: 'release-referral', label: 'Community referrals on release (coded)', value: total('release-referral'), unit: 'count' },
      { id: 'form', label: 'Codes recorded in forms', value: counted.filter((c) => c.event.startsWith('form:')).reduce((n, c) => n + c.events, 0), unit: 'count' },
      { id: 'mapped', label: 'Of all coded events, recorded in CTV3 and mapped', value: counted.reduce((n, c) => n + c.mappedFromCtv3, 0), unit: 'count' },
      { id: 'unmapped', label: 'Events with a code not mapped to SNOMED CT (not counted above)', value: unmappedEvents, unit: 'count' },
    ],
    table: {
      columns: [
        { id: 'event', label: 'Event', kind: 'text' },
        { id: 'code', label: 'SNOMED CT code', kind: 'text' },
        { id: 'display', label: 'Term', kind: 'text' },
        { id: 'events', label: 'Events', kind: 'count' },
        { id: 'mapped', label: 'Of which from CTV3', kind: 'count' },
      ],
      rows: table,
    },
    chart: drawn({ title: 'Coded events', stacked: false, categoryKey: 'display', valueLabel: 'Events', series: [{ key: 'events', label: 'Events' }], data: table.map((r) => ({ display: `${r.display} (${r.event})`, events: r.events })) }),
    notes: unmappedEvents > 0 ? [`${unmappedEvents} event(s) carry a code not mapped to SNOMED CT: they are listed under "Codes not mapped to SNOMED CT".`] : [],
  };
  const unmappedSection: ReportSection = {
    id: 'unmapped-codes',
    title: 'Codes not mapped to SNOMED CT',
    description: `Events of the period whose code is in no map the site loads (${mapName}) or in a code system SONAR does not know. They are not in the coded event counts: add the codes to the site’s map (a new version of it), restart SONAR so it reads the map, then run the report again.`,
    figures: [
      { id: 'codes', label: 'Codes not mapped', value: unmapped.length, unit: 'count' },
      { id: 'events', label: 'Events with them', value: unmappedEvents, unit: 'count' },
    ],
    table: {
      columns: [
        { id: 'event', label: 'Event', kind: 'text' },
        { id: 'system', label: 'Code system', kind: 'text' },
        { id: 'code', label: 'Code', kind: 'text' },
        { id: 'display', label: 'Term as recorded', kind: 'text' },
        { id: 'events', label: 'Events', kind: 'count' },
        { id: 'why', label: 'Why not counted', kind: 'text' },
      ],
      rows: unmapped.map((u) => ({ event: eventLabel(u.event), system: u.system, code: u.code, display: u.display, events: u.events, why: u.why })),
    },
    chart: null,
    notes: unmapped.length === 0 ? ['Every coded event of the period is counted under SNOMED CT.'] : [],
  };
  return [codedSection, unmappedSection];
}
