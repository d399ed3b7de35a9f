// A site chooses the wording of the AUDIT questions (site policy alcoholQuestions): UK units by
// default, WHO standard drinks where chosen. Only the chosen wording is offered and saved.
import { afterEach, describe, expect, it } from 'vitest';
import { signedInAdmin, startTempSite, type TempSite } from '../../test/support/temp-site';

let site: TempSite | null = null;
afterEach(() => site?.cleanup());

async function offered(settings?: Record<string, unknown>): Promise<string[]> {
  site = await startTempSite(settings ? { settings } : {});
  const token = await signedInAdmin(site);
  return (await site.ok('forms.templates', {}, token)).templates.map((t) => t.id);
}

describe('AUDIT wording by site policy', () => {
  it('offers the UK wording by default', async () => {
    const ids = await offered();
    expect(ids).toEqual(expect.arrayContaining(['audit', 'audit-c']));
    expect(ids).not.toContain('audit-who');
    expect(ids).not.toContain('audit-c-who');
  });

  it('offers the WHO wording where the site chose it, and nothing else of AUDIT', async () => {
    const ids = await offered({ alcoholQuestions: 'who' });
    expect(ids).toEqual(expect.arrayContaining(['audit-who', 'audit-c-who']));
    expect(ids).not.toContain('audit');
    expect(ids).not.toContain('audit-c');
  });
});
