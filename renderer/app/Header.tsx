// The NHS.UK header on every screen: which site this is (and whether it is a demo), and when
// signed in, who is signed in, in which role, and the way out.
import { roleLabels } from '../../domain/access/roles';
import { SiteName } from './SiteName';
import { NhsLogo } from './NhsLogo';
import { useApp } from './store-context';

export function Header() {
  const site = useApp((s) => s.site);
  const session = useApp((s) => s.session);
  const signOut = useApp((s) => s.signOut);
  const roles = session ? session.user.roles.map((r) => roleLabels[r]).join(', ') : '';
  return (
    <header className="nhsuk-header sonar-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <span className="nhsuk-header__service-logo">
            <NhsLogo />
          </span>
          <span className="nhsuk-header__service-name">SONAR</span>
          {site ? <SiteName site={site} /> : null}
        </div>
        {session ? (
          <nav className="nhsuk-header__account" aria-label="Account">
            <ul className="nhsuk-header__account-list">
              <li className="nhsuk-header__account-item" data-testid="signed-in-user">
                <span className="nhsuk-u-visually-hidden">Signed in as </span>
                <strong>{session.user.fullName}</strong>
                {roles ? <span className="sonar-header__role">{roles}</span> : null}
              </li>
              <li className="nhsuk-header__account-item">
                <button type="button" className="nhsuk-header__account-button" onClick={() => void signOut()}>
                  Sign out
                </button>
              </li>
            </ul>
          </nav>
        ) : null}
      </div>
    </header>
  );
}
