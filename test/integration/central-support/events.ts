// Content-hashed clinical events as a site would push them, built by a test "site" with its own
// hybrid logical clock. Each builder returns a complete event of the shared catalogue.
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { contentHashInput } from '../../../contract/sync/content-hash';
import type { ClinicalEvent, EventOf, EventType } from '../../../contract/sync/events';
import type { DataCategory } from '../../../domain/access/disclosure';
import type { Role } from '../../../domain/access/roles';
import { encodeHlc, tickHlc, HLC_ZERO, type Hlc } from '../../../domain/sync/hlc';

export function hashEvent<E extends ClinicalEvent>(unhashed: Omit<E, 'contentHash'>): E {
  const contentHash = createHash('sha256').update(contentHashInput(unhashed as unknown as ClinicalEvent)).digest('hex');
  return { ...unhashed, contentHash } as E;
}

interface Common {
  personId: string;
  recordId: string;
  baseVersion: number | null;
  sensitivity: DataCategory;
}

export class SiteEvents {
  private hlc: Hlc = HLC_ZERO;

  constructor(
    readonly site: string,
    readonly author: { id: string; name: string; role: Role } = { id: 'u1', name: 'Alex Morgan', role: 'custody_hcp' },
    private readonly clock: () => number = () => Date.now(),
  ) {}

  make<T extends EventType>(type: T, recordType: EventOf<T>['recordType'], common: Common, payload: EventOf<T>['payload'], nowMs?: number): EventOf<T> {
    const now = nowMs ?? this.clock();
    this.hlc = tickHlc(this.hlc, now);
    return hashEvent<EventOf<T>>({
      eventId: uuidv7(),
      personId: common.personId,
      recordId: common.recordId,
      baseVersion: common.baseVersion,
      hlc: encodeHlc(this.hlc).toString(),
      originSite: this.site,
      author: { ...this.author },
      recordedAt: new Date(now).toISOString(),
      sensitivity: common.sensitivity,
      type,
      recordType,
      payload,
    } as unknown as Omit<EventOf<T>, 'contentHash'>);
  }

  register(personId: string, familyName = 'SMITH', givenNames = 'John'): EventOf<'person.registered'> {
    return this.make('person.registered', 'person', { personId, recordId: personId, baseVersion: null, sensitivity: 'demographics' }, { familyName, givenNames, title: null, birthDate: '1990-04-02', sex: 'male' });
  }

  demographics(personId: string, baseVersion: number, familyName: string): EventOf<'person.demographics_changed'> {
    return this.make('person.demographics_changed', 'person', { personId, recordId: personId, baseVersion, sensitivity: 'demographics' }, { familyName, givenNames: 'John', title: null, birthDate: '1990-04-02', sex: 'male' });
  }

  identifier(personId: string, type: 'nhs_number' | 'chi_number' | 'nomis_number' | 'pnc_id', value: string): EventOf<'identifier.added'> {
    return this.make('identifier.added', 'identifier', { personId, recordId: uuidv7(), baseVersion: null, sensitivity: 'demographics' }, { type, value });
  }

  stayStarted(personId: string, kind: 'custody' | 'prison' = 'custody'): EventOf<'stay.started'> {
    return this.make('stay.started', 'stay', { personId, recordId: uuidv7(), baseVersion: null, sensitivity: 'demographics' }, { siteCode: this.site, kind, arrivedAt: new Date(this.clock()).toISOString(), arrivalReason: null });
  }

  stayEnded(personId: string, stayId: string, baseVersion: number, exitedAt: Date): EventOf<'stay.ended'> {
    return this.make('stay.ended', 'stay', { personId, recordId: stayId, baseVersion, sensitivity: 'demographics' }, { exitedAt: exitedAt.toISOString(), exitReason: 'Released', exitDestination: 'Home' });
  }

  flagRaised(personId: string, code = 'SELF_HARM', sensitivity: DataCategory = 'risk_flags'): EventOf<'flag.raised'> {
    return this.make('flag.raised', 'flag', { personId, recordId: uuidv7(), baseVersion: null, sensitivity }, { code, label: 'Self-harm risk', severity: 'high', reason: 'Current thoughts of self-harm', partnerAdvice: null, sourceResponseId: null });
  }

  flagUpdated(personId: string, flagId: string, baseVersion: number, severity: 'low' | 'moderate' | 'high' | 'severe', sensitivity: DataCategory = 'risk_flags'): EventOf<'flag.updated'> {
    return this.make('flag.updated', 'flag', { personId, recordId: flagId, baseVersion, sensitivity }, { label: 'Self-harm risk', severity, reason: `Reassessed: ${severity}`, partnerAdvice: null, sourceResponseId: null });
  }

  flagEnded(personId: string, flagId: string, baseVersion: number): EventOf<'flag.ended'> {
    return this.make('flag.ended', 'flag', { personId, recordId: flagId, baseVersion, sensitivity: 'risk_flags' }, { reason: 'No longer at risk after review' });
  }

  consent(personId: string, decision: 'share' | 'do_not_share', categories: DataCategory[], decidedOn: string): EventOf<'consent.recorded'> {
    return this.make('consent.recorded', 'consent', { personId, recordId: uuidv7(), baseVersion: null, sensitivity: 'demographics' }, { decision, categories, legalBasis: 'direct_care', decidedOn, notes: null });
  }

  conflictResolved(personId: string, conflictId: string, keptEventId: string): EventOf<'conflict.resolved'> {
    return this.make('conflict.resolved', 'conflict', { personId, recordId: conflictId, baseVersion: 1, sensitivity: 'risk_flags' }, { keptEventId, note: 'Kept the later assessment' });
  }
}
