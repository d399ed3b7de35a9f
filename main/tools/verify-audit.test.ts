// The verify command run as site IT would run it, on a real data directory.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signedInAdmin, startTempSite } from '../../test/support/temp-site';

const root = join(import.meta.dirname, '..', '..');
const run = (dataDir: string) =>
  spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'main', 'tools', 'verify-audit.ts'), '--data-dir', dataDir], { encoding: 'utf8' });

describe('npm run audit:verify', () => {
  it('says intact, then names the first tampered row', async () => {
    const site = await startTempSite();
    await signedInAdmin(site);
    for (let i = 0; i < 4; i++) await site.ok('setup.status', {});
    site.app.close();
    const intact = run(site.dataDir);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/intact: \d+ rows/);

    const again = await startTempSite({ dataDir: site.dataDir });
    again.app.store.raw.exec("DROP TRIGGER audit_events_no_update; UPDATE audit_events SET reason = 'edited' WHERE seq = 3;");
    again.app.close();
    const tampered = run(site.dataDir);
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toMatch(/first bad row 3/);
    again.cleanup();
  });
});
