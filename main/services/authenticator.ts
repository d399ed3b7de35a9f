// How a member of staff proves who they are. Everything after that (the session, roles, the idle
// lock, audit) is the same whichever method is used, so a second method only has to implement this.
//
// The seam for NHS CIS2 (smartcard / Care Identity Service 2): CIS2 is an OpenID Connect provider.
// A `Cis2Authenticator` would run the authorisation-code flow in the system browser, verify the ID
// token against NHS England's published keys, and map the CIS2 user id (UUID) to a `users` row by a
// stored link, with roles still decided by this site. It is not built: there is no CIS2 sign-in
// today and nothing in the app offers one.
import type { UserRow } from '../../db/users-repo';
import type { Call } from './call';

export type SignInMethod = 'password';

export interface Authenticator<Credentials> {
  readonly method: SignInMethod;
  /** The user, or a thrown ServiceError saying what the person should do. Audits through `call.note`. */
  authenticate(credentials: Credentials, call: Call): Promise<UserRow>;
}
