// The NHS.UK header on every screen: which site this is (and whether it is a demo), and when
// signed in, who is signed in, in which role, the way out, and the app's main places.
import { roleLabels } from '../../domain/access/roles';
import type { Route } from './navigation-slice';
import { guardRoute } from '../features/account/route-guard';
import { SiteName } from './SiteName';
import { NhsLogo } from './NhsLogo';
import { useApp } from './store-context';

type Group = 'care' | 'administration';

/** The app's places in two groups: the clinical work, and running the site (staff, governance, audit). */
const places: { route: Route; label: string; group: Group; current(route: Route): boolean }[] = [
  { route: { name: 'search' }, label: 'Find a person', group: 'care', current: (r) => r.name === 'search' || r.name === 'register' },
  { route: { name: 'myWork' }, label: 'My work', group: 'care', current: (r) => r.name === 'myWork' },
  { route: { name: 'lookup' }, label: 'Shared record', group: 'care', current: (r) => r.name === 'lookup' },
  { route: { name: 'tasks' }, label: 'Tasks', group: 'care', current: (r) => r.name === 'tasks' },
  { route: { name: 'inbox' }, label: 'Referrals', group: 'care', current: (r) => r.name === 'inbox' },
  { route: { name: 'caseloads', workerId: null }, label: 'Caseloads', group: 'care', current: (r) => r.name === 'caseloads' },
  { route: { name: 'recalls' }, label: 'Recalls', group: 'care', current: (r) => r.name === 'recalls' },
  { route: { name: 'reports' }, label: 'Reports', group: 'care', current: (r) => r.name === 'reports' },
  { route: { name: 'staff' }, label: 'Staff', group: 'administration', current: (r) => r.name === 'staff' },
  { route: { name: 'agreements' }, label: 'Data-sharing agreements', group: 'administration', current: (r) => r.name === 'agreements' },
  { route: { name: 'reviews' }, label: 'Break-glass reviews', group: 'administration', current: (r) => r.name === 'reviews' },
  { route: { name: 'audit', recordId: null }, label: 'Who looked at a record', group: 'administration', current: (r) => r.name === 'audit' },
];

const GROUP_LABELS: Record<Group, string> = { care: 'Care', administration: 'Administration' };

export function Header() {
  const site = useApp((s) => s.site);
  const session = useApp((s) => s.session);
  const signOut = useApp((s) => s.signOut);
  const route = useApp((s) => s.route);
  const navigate = useApp((s) => s.navigate);
  const locked = useApp((s) => s.lock !== null);
  const lockScreen = useApp((s) => s.lockScreen);
  // Only the places this user's roles open; none while locked or before a temporary password is changed.
  const shown = session && !locked && !session.mustChangePassword ? places.filter((p) => guardRoute(p.route, session).name === p.route.name) : [];
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
              {locked ? null : (
                <li className="nhsuk-header__account-item">
                  <button type="button" className="nhsuk-header__account-button" onClick={() => void lockScreen('manual')}>
                    Lock screen
                  </button>
                </li>
              )}
              <li className="nhsuk-header__account-item">
                <button type="button" className="nhsuk-header__account-button" onClick={() => void signOut()}>
                  Sign out
                </button>
              </li>
            </ul>
          </nav>
        ) : null}
      </div>
      {shown.length > 0 ? (
        <nav className="nhsuk-header__navigation sonar-header__navigation" aria-label="Menu">
          <div className="nhsuk-header__navigation-container nhsuk-width-container">
            {(['care', 'administration'] as const).map((group) => {
              const inGroup = shown.filter((p) => p.group === group);
              if (inGroup.length === 0) return null;
              // A group is named only when both are shown: a user with one kind of work sees one plain list.
              const named = inGroup.length < shown.length;
              return (
                <div className={`sonar-header__group sonar-header__group--${group}`} key={group}>
                  {named ? (
                    <span className="sonar-header__group-label" id={`menu-group-${group}`}>
                      {GROUP_LABELS[group]}
                    </span>
                  ) : null}
                  <ul className="nhsuk-header__navigation-list" aria-labelledby={named ? `menu-group-${group}` : undefined}>
                    {inGroup.map((p) => {
                      const current = p.current(route);
                      return (
                        <li className={`nhsuk-header__navigation-item${current ? ' nhsuk-header__navigation-item--current' : ''}`} key={p.label}>
                          <a
                            className="nhsuk-header__navigation-link"
                            href={`#${p.route.name}`}
                            aria-current={current ? 'page' : undefined}
                            onClick={(e) => {
                              e.preventDefault();
                              navigate(p.route);
                            }}
                          >
                            {current ? <strong className="nhsuk-header__navigation-item-current-fallback">{p.label}</strong> : p.label}
                          </a>
                        </li>
                      );
                    })}
                  </ul>
                </div>
              );
            })}
          </div>
        </nav>
      ) : null}
    </header>
  );
}
