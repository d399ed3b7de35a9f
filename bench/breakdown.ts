// Where the router's time goes: each step a patients.search or patients.register call takes,
// run on its own with the same public pieces the router and services use (contract schemas,
// parseSearchQuery, the store's reads, auditOnly, store.write). Diagnostic: the steps are timed
// one after another for the same input, not inside the router, so they add up only roughly.
import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { channels } from '../contract/channels';
import type { AuditEntry } from '../db/audit-log';
import { planSearch } from '../domain/person/search-query';
import type { SiteStore } from '../db/store';
import type { SiteApp } from '../main/app/create-site-app';
import { findDuplicateCandidates } from '../main/services/identity-service';
import { answerSearch } from '../main/services/search-service';
import { summarise, timeAsync, timeSync, type Percentiles } from './percentiles';
import type { PopulationGenerator, SyntheticPerson } from './population';
import { duplicatesInput, registerInput } from './save-bench';

type Steps = Record<string, Percentiles>;

function collect(names: readonly string[]): { add(name: string, ns: number): void; result(): Steps } {
  const samples = new Map<string, number[]>(names.map((n) => [n, []]));
  return {
    add: (name, ns) => samples.get(name)?.push(ns),
    result: () => Object.fromEntries([...samples].map(([n, s]) => [n, summarise(s)])),
  };
}

function auditEntry(channel: string, action: string, adminId: string, detail: unknown, personId: string | null = null): AuditEntry {
  return {
    id: uuidv7(),
    at: new Date().toISOString(),
    userId: adminId,
    username: 'bench',
    roles: 'site_admin,custody_hcp',
    channel,
    action,
    personId,
    outcome: 'ok',
    reason: null,
    detail: JSON.stringify(detail),
  };
}

/**
 * Runs `fn` with the store's read-audit write (auditOnly, used for calls that write no audit row
 * themselves, such as a search) replaced by a no-op on this instance, then puts the real one back.
 * The router is untouched: what remains is exactly the router's own work minus the audit row.
 */
async function withoutReadAudit<T>(store: SiteStore, fn: () => Promise<T>): Promise<T> {
  store.auditOnly = () => {};
  try {
    return await fn();
  } finally {
    Reflect.deleteProperty(store, 'auditOnly');
  }
}

/**
 * The steps of patients.search for each query: input schema, reading the query, the whole search
 * (reading it again, the store's lookups, the page's rows), output schema, audit row; then the
 * whole call through the router with the read-audit row switched off,
 * and through the router as it is (both after the repo search has warmed the cache for that query,
 * so the two are comparable with each other: their difference is what the audit row costs).
 */
export async function searchBreakdown(app: SiteApp, adminId: string, token: string, queries: readonly string[]): Promise<Steps> {
  const def = channels['patients.search'];
  const steps = collect(['inputParse', 'planSearch', 'answerSearch', 'outputParse', 'auditOnly', 'routerWithoutReadAudit', 'router']);
  const today = new Date().toISOString().slice(0, 10);
  for (const query of queries) {
    const [a, parsed] = timeSync(() => def.input.parse({ query }));
    const [b] = timeSync(() => planSearch(parsed.query, { today }));
    const [c, answer] = timeSync(() => answerSearch(app.store.reads, parsed.query, 0, today));
    const [d] = timeSync(() => def.output.parse(answer));
    const entry = auditEntry('patients.search', 'searched for people', adminId, { kind: answer.kind, total: answer.total });
    const [e] = timeSync(() => app.store.auditOnly(entry));
    steps.add('inputParse', a);
    steps.add('planSearch', b);
    steps.add('answerSearch', c);
    steps.add('outputParse', d);
    steps.add('auditOnly', e);
    const [f, fr] = await withoutReadAudit(app.store, () => timeAsync(() => app.router.handle('patients.search', { query }, token)));
    const [g, gr] = await timeAsync(() => app.router.handle('patients.search', { query }, token));
    if (!fr.ok || !gr.ok) throw new Error(`patients.search "${query}" failed in the breakdown`);
    steps.add('routerWithoutReadAudit', f);
    steps.add('router', g);
  }
  return steps.result();
}

/**
 * The steps of patients.register: input schema, NHS number lookup, the likely-duplicate search
 * (identifiers, then everyone born that day compared by name), then the service's whole
 * transaction (person and identifier events, audit) via store.write with synchronous FULL,
 * the same with NORMAL (so the difference is the fsync), and a bare 4 KiB write + fsync on the
 * data directory's disk.
 */
export function saveBreakdown(app: SiteApp, adminId: string, generator: PopulationGenerator, samples: number, dataDir: string): Steps {
  const def = channels['patients.register'];
  const raw = app.store.raw;
  const steps = collect(['inputParse', 'nhsLookup', 'duplicateCandidates', 'storeWriteFull', 'storeWriteNormal', 'diskWriteFsync4k']);
  const write = (p: SyntheticPerson, personId: string) =>
    app.store.write(
      { originSite: app.site.siteCode, now: new Date(), newId: uuidv7, author: { id: adminId, name: 'Bench', role: 'custody_hcp' } },
      (w) => {
        const { nhsNumber, familyName, givenNames, title, birthDate, sex } = p;
        if (nhsNumber && w.persons.findIdByNhsNumber(nhsNumber)) throw new Error('duplicate');
        w.emit({ type: 'person.registered', recordType: 'person', recordId: personId, personId, baseVersion: null, sensitivity: 'demographics', payload: { familyName, givenNames, title, birthDate, sex } });
        if (nhsNumber) {
          w.emit({ type: 'identifier.added', recordType: 'identifier', recordId: uuidv7(), personId, baseVersion: null, sensitivity: 'demographics', payload: { type: 'nhs_number', value: nhsNumber } });
        }
      },
      () => auditEntry('patients.register', 'registered person', adminId, { personId }, personId),
    );

  const probe = join(dataDir, 'fsync-probe.bin');
  const fd = openSync(probe, 'w');
  const page = Buffer.alloc(4096, 7);
  try {
    for (let i = 0; i < samples; i++) {
      const person = generator.next();
      const [a, parsed] = timeSync(() => def.input.parse(registerInput(person)));
      const [b] = timeSync(() => (parsed.nhsNumber ? app.store.reads.persons.findIdByNhsNumber(parsed.nhsNumber) : null));
      const [b2] = timeSync(() => findDuplicateCandidates(app.store.reads, { ...duplicatesInput(person), aliases: [] }));
      const [c] = timeSync(() => write(person, uuidv7()));
      raw.pragma('synchronous = NORMAL');
      let d: number;
      try {
        [d] = timeSync(() => write(generator.next(), uuidv7()));
      } finally {
        raw.pragma('synchronous = FULL');
      }
      const [e] = timeSync(() => {
        writeSync(fd, page, 0, page.length, (i % 256) * page.length);
        fsyncSync(fd);
      });
      steps.add('inputParse', a);
      steps.add('nhsLookup', b);
      steps.add('duplicateCandidates', b2);
      steps.add('storeWriteFull', c);
      steps.add('storeWriteNormal', d);
      steps.add('diskWriteFsync4k', e);
    }
  } finally {
    closeSync(fd);
    rmSync(probe, { force: true });
  }
  return steps.result();
}
