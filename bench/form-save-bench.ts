// Saving a 60-item scored form through the router (validation, server-side scoring, response row,
// sync event and audit row in one fsync'd transaction) next to a raw fsync'd INSERT of a row of
// the same size into form_responses on the same encrypted connection.
import type { SiteApp } from '../main/app/create-site-app';
import { ratio, summarise, timeAsync, timeSync, type Percentiles } from './percentiles';
import { sixtyItemAnswers, sixtyItemTemplate } from './form-template';

export interface FormSaveResult {
  items: number;
  router: Percentiles;
  raw: Percentiles;
  ratioP95: number | null;
}

export async function benchFormSave(app: SiteApp, token: string, options: { samples: number; warmup: number; adminId: string }): Promise<FormSaveResult> {
  const registered = await app.router.handle(
    'patients.register',
    { familyName: 'Formbench', givenNames: 'Subject', title: null, birthDate: '1970-01-01', sex: 'unknown', nhsNumber: null },
    token,
  );
  if (!registered.ok) throw new Error(`registering the bench subject failed: ${JSON.stringify(registered.error)}`);
  const personId = (registered.value as { personId: string }).personId;
  const raw = app.store.raw;
  const insert = raw.prepare(
    `INSERT INTO form_responses (id, chain_id, person_id, template_id, template_version, body, status, version, current, recorded_at, recorded_by, recorded_by_name, origin_site)
     VALUES (?, ?, ?, ?, 1, ?, 'final', 1, 1, ?, ?, 'Bench', 'BENCH')`,
  );
  const insertOne = raw.transaction((id: string, body: string) => insert.run(id, id, personId, sixtyItemTemplate.id, body, new Date().toISOString(), options.adminId));
  const routerNs: number[] = [];
  const rawNs: number[] = [];
  for (let i = 0; i < options.warmup + options.samples; i++) {
    const answers = sixtyItemAnswers(i);
    const [s, result] = await timeAsync(() =>
      app.router.handle('forms.save', { personId, templateId: sixtyItemTemplate.id, templateVersion: 1, answers }, token),
    );
    if (!result.ok) throw new Error(`forms.save failed: ${JSON.stringify(result.error)}`);
    const body = JSON.stringify({ answers, scores: [{ id: 'total', value: 0 }], pad: 'x'.repeat(600) });
    const [r] = timeSync(() => insertOne.immediate(`00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, body));
    if (i < options.warmup) continue;
    routerNs.push(s);
    rawNs.push(r);
  }
  const router = summarise(routerNs);
  const rawStats = summarise(rawNs);
  return { items: 60, router, raw: rawStats, ratioP95: ratio(router.p95, rawStats.p95) };
}
