// The screens for the routes in routes.ts, chosen by App's screen switch.
import { AgreementsScreen } from '../agreements/AgreementsScreen';
import { AuditScreen } from '../governance/AuditScreen';
import { BreakGlassScreen } from '../governance/BreakGlassScreen';
import { PartnerSummaryScreen } from '../governance/PartnerSummaryScreen';
import { ReviewsScreen } from '../governance/ReviewsScreen';
import { ReportsScreen } from '../reports/ReportsScreen';
import { StaffScreen } from '../staff/StaffScreen';
import { ChangePasswordScreen } from './ChangePasswordScreen';
import type { AccessRoute } from './routes';

export function AccessScreen({ route }: { route: AccessRoute }) {
  switch (route.name) {
    case 'changePassword':
      return <ChangePasswordScreen />;
    case 'staff':
      return <StaffScreen />;
    case 'summary':
      return <PartnerSummaryScreen key={route.personId} personId={route.personId} />;
    case 'breakGlass':
      return <BreakGlassScreen key={route.personId} personId={route.personId} then={route.then} />;
    case 'reviews':
      return <ReviewsScreen />;
    case 'audit':
      return <AuditScreen key={route.recordId ?? ''} recordId={route.recordId} />;
    case 'agreements':
      return <AgreementsScreen />;
    case 'reports':
      return <ReportsScreen />;
  }
}
