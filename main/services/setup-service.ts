// First run: the site has no staff account yet, so the setup screen creates the first
// administrator. There is no default password anywhere; once one account exists this is refused.
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import type { Role } from '../../domain/access/roles';
import type { Call } from './call';
import { hashPassword } from './passwords';
import { ServiceError } from './service-error';

export function setupStatus(_input: ParsedInput<'setup.status'>, call: Call): ChannelOutput<'setup.status'> {
  const { siteCode, siteName, siteType, demo } = call.site;
  return { needsFirstAdmin: call.reads.users.count() === 0, site: { siteCode, siteName, siteType, demo } };
}

export async function createFirstAdmin(
  input: ParsedInput<'setup.createFirstAdmin'>,
  call: Call,
): Promise<ChannelOutput<'setup.createFirstAdmin'>> {
  const alreadySetUp = () => new ServiceError('conflict', 'This site already has an administrator. Sign in instead.');
  if (call.reads.users.count() > 0) throw alreadySetUp();
  const passwordHash = await hashPassword(input.password);
  const roles: Role[] = input.clinicalRole && input.clinicalRole !== 'site_admin' ? ['site_admin', input.clinicalRole] : ['site_admin'];
  const userId = call.env.newId();
  call.note = { userId, username: input.username, detail: { roles } };
  call.write((w) => {
    // Checked again inside the transaction: two setup screens racing cannot both win.
    if (w.users.count() > 0) throw alreadySetUp();
    w.users.insert({
      id: userId,
      username: input.username,
      fullName: input.fullName,
      passwordHash,
      roles,
      mustChangePassword: false,
      createdAt: call.env.now().toISOString(),
    });
  });
  return { userId };
}
