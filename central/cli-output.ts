// How the CLI prints each command's answer: plain lines for people, or JSON with --json.
import type { StoredDisclosure } from './audit/disclosure-log';
import type { AdminCommand } from './admin/command-schema';

const out = (line = '') => process.stdout.write(`${line}\n`);

function date(value: unknown): string {
  if (value === null || value === undefined) return '-';
  return new Date(value as string).toISOString().replace('T', ' ').slice(0, 19) + 'Z';
}

export interface PrintOptions {
  json: boolean;
  wroteTo: string | null;
  /** A PKCS#12 file the CLI wrote for a governance lead, with the password it was given (shown once). */
  pkcs12?: { file: string; password: string } | null;
}

export function printResult(command: AdminCommand, result: unknown, opts: PrintOptions): void {
  if (opts.json) {
    out(JSON.stringify(opts.pkcs12 ? { ...(result as object), pkcs12: opts.pkcs12 } : result, null, 2));
    return;
  }
  switch (command.command) {
    case 'site.register': {
      const r = result as { site: string; orgType: string; fingerprint: string; notAfter: string; certificatePem: string };
      process.stderr.write(`registered ${r.site} (${r.orgType}); certificate fingerprint ${r.fingerprint}, valid until ${date(r.notAfter)}\n`);
      if (opts.wroteTo) process.stderr.write(`certificate written to ${opts.wroteTo}\n`);
      else process.stdout.write(r.certificatePem);
      return;
    }
    case 'site.revoke': {
      const r = result as { site: string; revoked: { fingerprint: string }[]; crl: string };
      out(`revoked ${r.revoked.length} certificate(s) of ${r.site}: ${r.revoked.map((c) => c.fingerprint).join(', ')}`);
      out(`revocation list rewritten: ${r.crl} (a running central reloads it within seconds)`);
      return;
    }
    case 'site.list':
      for (const s of result as { code: string; name: string; org_type: string; active_certificates: number; last_push_at: string | null }[]) {
        out(`${s.code.padEnd(12)} ${s.org_type.padEnd(28)} certificates: ${String(s.active_certificates).padEnd(3)} last push: ${date(s.last_push_at)}  ${s.name}`);
      }
      return;
    case 'lead.register': {
      const r = result as { lead: string; name: string; san: string; fingerprint: string; notAfter: string; certificatePem: string };
      process.stderr.write(`registered governance lead ${r.lead} (${r.name}) as ${r.san}; certificate fingerprint ${r.fingerprint}, valid until ${date(r.notAfter)}\n`);
      if (opts.pkcs12) {
        process.stderr.write(`key and certificate written to ${opts.pkcs12.file} (PKCS#12, owner-only): import it in the lead's browser.\n`);
        process.stderr.write('Its password is below. It is shown once and kept nowhere: give it to the lead by a different route from the file.\n');
        out(opts.pkcs12.password);
      } else if (opts.wroteTo) process.stderr.write(`certificate written to ${opts.wroteTo}\n`);
      else process.stdout.write(r.certificatePem);
      return;
    }
    case 'lead.revoke': {
      const r = result as { lead: string; revoked: { fingerprint: string }[]; crl: string };
      out(`revoked ${r.revoked.length} certificate(s) of governance lead ${r.lead}: ${r.revoked.map((c) => c.fingerprint).join(', ')}`);
      out(`revocation list rewritten: ${r.crl} (a running central reloads it within seconds)`);
      return;
    }
    case 'lead.list':
      for (const l of result as { id: string; name: string; active_certificates: number; valid_until: string | null }[]) {
        out(`${l.id.padEnd(24)} certificates: ${String(l.active_certificates).padEnd(3)} valid until: ${date(l.valid_until)}  ${l.name}`);
      }
      return;
    case 'agreement.load': {
      const r = result as { loaded: string[]; unchanged: string[] };
      out(`loaded: ${r.loaded.join(', ') || 'none'}; already loaded: ${r.unchanged.join(', ') || 'none'}`);
      return;
    }
    case 'agreement.list':
      for (const a of result as { id: string; version: number; body: { title: string; validFrom: string; validTo: string | null }; loaded_at: string }[]) {
        out(`${a.id} v${a.version}  ${a.body.validFrom} to ${a.body.validTo ?? 'open'}  ${a.body.title}  (loaded ${date(a.loaded_at)})`);
      }
      return;
    case 'disclosures.query': {
      const { rows, auditId } = result as { rows: StoredDisclosure[]; auditId: string };
      for (const d of rows) {
        const who = d.userName ? `${d.userName} (${d.userRole ?? ''})` : 'sync';
        const id = d.identifierType ? `${d.identifierType}:${d.identifierValue}` : (d.personId ?? '-');
        if (d.kind === 'report_view') {
          const detail = (d.detail ?? {}) as { report?: string; format?: string; from?: string; to?: string; sha256?: string };
          out(`${date(d.at)} report ${who} ${detail.report ?? ''} ${detail.from ?? ''} to ${detail.to ?? ''} -> ${d.outcome} (${detail.format ?? ''}, sha256 ${detail.sha256 ?? '-'})`);
          continue;
        }
        out(`${date(d.at)} ${d.kind.padEnd(6)} ${String(d.siteCode ?? '-').padEnd(10)} ${who} ${id} ${d.purpose ?? ''} -> ${d.outcome}; ${d.eventCount} events`);
        if (d.permitted.length) out(`    permitted: ${d.permitted.join(', ')}`);
        for (const w of d.withheld) out(`    withheld ${w.category}${w.originSite ? ` from ${w.originSite}` : ''}: ${w.rule}`);
      }
      out(`${rows.length} disclosure(s); this query is recorded in the audit as ${auditId}`);
      return;
    }
    case 'disclosures.verify': {
      const r = result as { ok: boolean; rows?: number; firstBadSeq?: number; problem?: string };
      out(r.ok ? `disclosure audit intact: ${r.rows} rows` : `disclosure audit TAMPERED at row ${r.firstBadSeq}: ${r.problem}`);
      if (!r.ok) process.exitCode = 1;
      return;
    }
    case 'conflicts.list':
      for (const c of result as { id: string; status: string; record_type: string; record_id: string; event_ids: string[]; created_at: string }[]) {
        out(`${c.id} ${c.status.padEnd(8)} ${c.record_type} ${c.record_id} (${c.event_ids.length} competing edits) raised ${date(c.created_at)}`);
      }
      return;
    case 'anchors.list':
      for (const a of result as { batch_seq: number; count: number; hash: string; received_at: string; anomaly: string | null }[]) {
        out(`${date(a.received_at)} batch ${a.batch_seq}: ${a.count} rows, head ${a.hash}${a.anomaly ? `  ANOMALY: ${a.anomaly}` : ''}`);
      }
      return;
  }
}
