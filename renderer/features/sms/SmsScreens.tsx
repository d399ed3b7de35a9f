// Which screen each substance misuse and work-list route shows.
import { CarePlanScreen } from './CarePlanScreen';
import { RecallsScreen } from './RecallsScreen';
import { ReleasePackScreen } from './ReleasePack';
import { ReleasePlanScreen } from './ReleasePlanScreen';
import { ReviewScreen } from './ReviewScreen';
import type { SmsRoute } from './routes';
import { TopScreen } from './TopScreen';
import { CaseloadScreen, InboxScreen, MyWorkScreen } from './WorkScreens';

export function SmsScreens({ route }: { route: SmsRoute }) {
  switch (route.name) {
    case 'myWork':
      return <MyWorkScreen />;
    case 'inbox':
      return <InboxScreen />;
    case 'caseloads':
      return <CaseloadScreen key={route.workerId ?? 'all'} workerId={route.workerId} />;
    case 'recalls':
      return <RecallsScreen />;
    case 'smsReview':
      return <ReviewScreen key={route.taskId} personId={route.personId} taskId={route.taskId} />;
    case 'carePlan':
      return <CarePlanScreen key={route.personId} personId={route.personId} />;
    case 'releasePlan':
      return <ReleasePlanScreen key={route.personId} personId={route.personId} />;
    case 'releasePack':
      return <ReleasePackScreen key={route.personId} personId={route.personId} />;
    case 'topChart':
      return <TopScreen key={route.personId} personId={route.personId} />;
  }
}
