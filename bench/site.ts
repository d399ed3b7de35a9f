// A real site app for the bench, as the product runs it: a data directory holding the encrypted
// database and its key file (FileKeyStore), the first administrator created and signed in through
// the router. Mirrors test/support/temp-site.ts without importing test code. Sign-in is a separate
// step so the bench can sign in after the bulk load: a session idle longer than the site's idle
// period is locked, and loading a million people can take longer than that.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput } from '../contract/channels';
import type { RpcResult } from '../contract/result';
import { DB_FILE, createSiteApp, type SiteApp } from '../main/app/create-site-app';
import { SITE_CONFIG_FILE } from '../main/app/site-config-file';
import { FileKeyStore } from '../main/keys/file-key-store';
import { libraryTemplates } from '../domain/templates/library';
import { createTemplateRegistry } from '../domain/templates/registry';
import { sixtyItemTemplate } from './form-template';

export const KEY_FILE = 'db.key';
const ADMIN = { fullName: 'Bench Admin', username: 'bench', password: 'bench password not for real use' } as const;

export interface BenchSite {
  app: SiteApp;
  dataDir: string;
  adminId: string;
  /** Signs the administrator in through the router; returns the session token. */
  signIn(): Promise<string>;
  /** Calls a channel through the router and throws unless it succeeds. */
  ok<C extends ChannelName>(channel: C, input: ChannelInput<C>, token?: string | null): Promise<ChannelOutput<C>>;
  /** Closes the app, keeping its files (the start-up bench opens them again in its own processes). */
  closeApp(): void;
  /** Closes the app; removes what the bench created unless `keep`. */
  close(keep: boolean): void;
}

function prepareDataDir(requested: string | null): { dataDir: string; createdDir: boolean } {
  if (requested === null) return { dataDir: mkdtempSync(join(tmpdir(), 'sonar-bench-')), createdDir: true };
  if (!existsSync(requested)) return { dataDir: requested, createdDir: true };
  if (readdirSync(requested).length > 0) {
    throw new Error(`--data-dir ${requested} is not empty; the bench needs a fresh directory`);
  }
  return { dataDir: requested, createdDir: false };
}

export async function startBenchSite(options: { dataDir: string | null; log: (message: string) => void }): Promise<BenchSite> {
  const { dataDir, createdDir } = prepareDataDir(options.dataDir);
  const registry = createTemplateRegistry([...libraryTemplates, sixtyItemTemplate]);
  if (!registry.ok) throw new Error(`bench template invalid: ${JSON.stringify(registry.problems)}`);
  const app = await createSiteApp({ dataDir, keyStore: new FileKeyStore(join(dataDir, KEY_FILE)), log: options.log, templates: registry.registry });

  async function ok<C extends ChannelName>(channel: C, input: ChannelInput<C>, token: string | null = null): Promise<ChannelOutput<C>> {
    const result = (await app.router.handle(channel, input, token)) as RpcResult<ChannelOutput<C>>;
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  }

  const { userId } = await ok('setup.createFirstAdmin', { ...ADMIN, clinicalRole: 'custody_hcp' });
  let open = true;
  const closeApp = () => {
    if (open) app.close();
    open = false;
  };

  return {
    app,
    dataDir,
    adminId: userId,
    signIn: async () => (await ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password })).token,
    ok,
    closeApp,
    close(keep) {
      closeApp();
      if (keep) return;
      if (createdDir) {
        rmSync(dataDir, { recursive: true, force: true });
        return;
      }
      for (const file of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, KEY_FILE, SITE_CONFIG_FILE]) {
        rmSync(join(dataDir, file), { force: true });
      }
    },
  };
}
