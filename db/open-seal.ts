// Opening the audit seal with the store, after the read-only check has made sure the rows sealed
// as saved (durable) are all there. What can still differ: rows written after the last saved
// change (views and searches, committed without their own fsync) missing after an unclean
// shutdown, which a power cut can cause and deletion too; a seal file that is missing; a cut found
// earlier. Each is recorded in the seal for good and reported; the store opens, because care must
// go on, and audit verification reports it from then on.
import { existsSync } from 'node:fs';
import { GENESIS_HASH, chainHead, sealedRowPresent } from './audit-log';
import { AuditSealWriter, readSealFile, type SealCut } from './audit-seal';
import type { RawDb } from './open';
import type { StoreFiles } from './store-files';

export function openSeal(raw: RawDb, files: StoreFiles, markerExisted: boolean, now: () => Date): { seal: AuditSealWriter; warnings: string[] } {
  const sealFileExisted = existsSync(files.seal);
  const previous = readSealFile(files.seal);
  const head = chainHead(raw) ?? { seq: 0, hash: GENESIS_HASH };
  let cut: SealCut | null = previous?.cut ?? null;
  const warnings: string[] = [];

  if (cut) {
    warnings.push(`The audit trail was found cut short on ${cut.foundAt} (${cut.problem}); audit verification reports it.`);
  } else {
    let problem: string | null = null;
    if (previous && !sealedRowPresent(raw, previous.seq, previous.hash)) {
      problem = previous.clean
        ? `rows ${previous.durableSeq + 1} to ${previous.seq} were removed after SONAR last closed`
        : `the newest audit rows (${Math.max(head.seq, previous.durableSeq) + 1} to ${previous.seq}, views and searches since the last saved change) are missing: a power cut can lose these, and so can deletion`;
    } else if (!previous && markerExisted && head.seq > 0) {
      problem = sealFileExisted ? 'the audit seal was unreadable' : 'the audit seal file was missing';
    }
    if (problem) {
      cut = { foundAt: now().toISOString(), sealedSeq: previous?.seq ?? 0, sealedHash: previous?.hash ?? '', foundSeq: head.seq, problem: problem.slice(0, 200) };
      warnings.push(`The audit trail does not reach its seal: ${problem}. This is recorded; audit verification will report it. Tell the site's information governance lead.`);
    }
  }

  const seal = new AuditSealWriter(files.seal);
  seal.seal(head, { durable: true, cut });
  return { seal, warnings };
}
