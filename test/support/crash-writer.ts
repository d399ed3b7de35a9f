// The child a crash test kills: the real site app on a data directory, writing through the router
// as fast as it can and printing "ACK <kind> <id>" the moment each write is acknowledged. Reads
// (searches) are mixed in, so audit rows of both kinds are being committed when the kill lands.
// Usage: node crash-writer.mjs DATA_DIR MIGRATIONS_FOLDER CYCLE
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { createSiteApp } from '../../main/app/create-site-app';
import { FileKeyStore } from '../../main/keys/file-key-store';

const [dataDir, migrationsFolder, cycleText] = process.argv.slice(2);
if (!dataDir || !migrationsFolder || !cycleText) throw new Error('usage: crash-writer DATA_DIR MIGRATIONS_FOLDER CYCLE');
const cycle = Number(cycleText);
const ADMIN = { username: 'crash', password: 'crash test password 1' };
const say = (line: string) => writeSync(1, `${line}\n`);

const app = await createSiteApp({ dataDir, keyStore: new FileKeyStore(join(dataDir, 'db.key')), migrationsFolder, log: (m) => say(`LOG ${m}`) });
const call = async (channel: string, input: unknown, token: string | null = null) => {
  const r = await app.router.handle(channel, input, token);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as Record<string, unknown>;
};
const status = await call('setup.status', {});
if (status.needsFirstAdmin) await call('setup.createFirstAdmin', { fullName: 'Crash Test', username: ADMIN.username, password: ADMIN.password, clinicalRole: 'custody_hcp' });
const token = (await call('auth.signIn', ADMIN)).token as string;
say('READY');

for (let i = 0; ; i++) {
  const day = (cycle * 997 + i) % 20_000;
  const birthDate = new Date(Date.UTC(1940, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  const { personId } = await call('patients.register', { familyName: `Crash${cycle}x${i}`, givenNames: 'Kill', title: null, birthDate, sex: 'unknown', nhsNumber: null }, token);
  say(`ACK person ${String(personId)}`);
  if (i % 3 === 0) {
    const { flagId } = await call('flags.raise', { personId, code: 'CRASH_TEST', label: 'Crash test', severity: 'low', reason: `cycle ${cycle} write ${i}` }, token);
    say(`ACK flag ${String(flagId)}`);
  }
  if (i % 2 === 0) await call('patients.search', { query: `Crash${cycle}` }, token);
}
