// Which service answers which channel. The compiler checks every channel has exactly one handler
// and that each takes the channel's parsed input and returns its output.
import type { ChannelName, ChannelOutput, ParsedInput } from '../../contract/channels';
import { personAccess, recordPrint, verifyAudit } from '../services/audit-service';
import { createAuthService, type AuthDeps } from '../services/auth-service';
import {
  breakGlassReviews,
  checkDisclosure,
  endBreakGlass,
  listAgreements,
  listConsents,
  partnerSummary,
  recordConsent,
  reviewBreakGlass,
  saveAgreement,
  startBreakGlass,
} from '../services/governance-service';
import { createStaffService } from '../services/staff-service';
import { endFlag, flagHistory, listFlags, raiseFlag, updateFlag } from '../services/flags-service';
import { amendForm, getTemplate, listForms, listTemplates, markFormEnteredInError, saveForm } from '../services/forms-service';
import { listHandovers, listReferrals, recordHandover } from '../services/handover-service';
import { addAlias, addIdentifier, findDuplicates, retireAlias, retireIdentifier } from '../services/identity-service';
import { getPerson, registerPerson } from '../services/patient-service';
import { findPersonForAudit, searchPersons } from '../services/search-service';
import { endStay, listStays, startStay } from '../services/stays-service';
import { assignTask, closeTask, createTask, listTasks, listWorkers, rescheduleTask } from '../services/tasks-service';
import { assignKeyworker, endKeyworker, listCaseloads } from '../services/caseload-service';
import { recordCarePlan } from '../services/care-plan-service';
import { listRecalls } from '../services/recalls-service';
import { decideReferral, makeReferral, referralInbox } from '../services/referrals-service';
import { recordReleasePlan } from '../services/release-service';
import { smsRecord, topHistory } from '../services/sms-record-service';
import { completeReview, endTreatment, startTreatment } from '../services/treatment-service';
import { createFirstAdmin, setupStatus } from '../services/setup-service';
import { exportFhirRecord } from '../services/fhir/fhir-export-service';
import type { ReportRuns } from '../services/reports/report-runs';
import { createReportsService } from '../services/reports/reports-service';
import type { Call } from '../services/call';
import type { CodeMap } from '../../domain/reports/coded-events/code-map';
import { resolveConflict, syncConflicts, syncLookup, syncNow, syncRefused, syncStatus, waitForNotices } from '../services/sync-service';

export type Handlers = {
  [C in ChannelName]: (input: ParsedInput<C>, call: Call) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export interface HandlerDeps extends AuthDeps {
  /** Report runs (in the report worker). */
  reports: ReportRuns;
  /** The site's code maps to SNOMED CT, read and checked at start-up. */
  codeMaps: readonly CodeMap[];
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const auth = createAuthService(deps);
  const staff = createStaffService(deps);
  const reports = createReportsService(deps.reports, deps.codeMaps);
  return {
    'setup.status': setupStatus,
    'setup.createFirstAdmin': createFirstAdmin,
    'auth.signIn': auth.signIn,
    'auth.signOut': auth.signOut,
    'auth.session': auth.session,
    'auth.lock': auth.lock,
    'auth.unlock': auth.unlock,
    'auth.changePassword': auth.changePassword,
    'patients.register': registerPerson,
    'patients.search': searchPersons,
    'patients.get': getPerson,
    'patients.findDuplicates': findDuplicates,
    'patients.addIdentifier': addIdentifier,
    'patients.addAlias': addAlias,
    'patients.retireIdentifier': retireIdentifier,
    'patients.retireAlias': retireAlias,
    'stays.start': startStay,
    'stays.end': endStay,
    'stays.list': listStays,
    'flags.raise': raiseFlag,
    'flags.end': endFlag,
    'flags.list': listFlags,
    'flags.update': updateFlag,
    'flags.history': flagHistory,
    'tasks.list': listTasks,
    'tasks.close': closeTask,
    'forms.templates': listTemplates,
    'forms.template': getTemplate,
    'forms.save': saveForm,
    'forms.amend': amendForm,
    'forms.markEnteredInError': markFormEnteredInError,
    'forms.list': listForms,
    'handover.record': recordHandover,
    'handover.list': listHandovers,
    'referrals.list': listReferrals,
    'staff.list': staff.list,
    'staff.create': staff.create,
    'staff.update': staff.update,
    'staff.resetPassword': staff.resetPassword,
    'staff.unlock': staff.unlock,
    'access.breakGlass': startBreakGlass,
    'access.endBreakGlass': endBreakGlass,
    'access.breakGlassReviews': breakGlassReviews,
    'access.reviewBreakGlass': reviewBreakGlass,
    'patients.summary': partnerSummary,
    'consent.record': recordConsent,
    'consent.list': listConsents,
    'agreements.list': listAgreements,
    'agreements.save': saveAgreement,
    'disclosure.check': checkDisclosure,
    'audit.personAccess': personAccess,
    'audit.verify': verifyAudit,
    'audit.recordPrint': recordPrint,
    'tasks.create': createTask,
    'tasks.assign': assignTask,
    'tasks.reschedule': rescheduleTask,
    'tasks.workers': listWorkers,
    'referrals.make': makeReferral,
    'referrals.inbox': referralInbox,
    'referrals.decide': decideReferral,
    'caseload.assign': assignKeyworker,
    'caseload.end': endKeyworker,
    'caseload.list': listCaseloads,
    'sms.record': smsRecord,
    'sms.startTreatment': startTreatment,
    'sms.endTreatment': endTreatment,
    'sms.completeReview': completeReview,
    'sms.recordCarePlan': recordCarePlan,
    'sms.recordReleasePlan': recordReleasePlan,
    'sms.topHistory': topHistory,
    'recalls.list': listRecalls,
    'recalls.print': listRecalls,
    'sync.status': syncStatus,
    'sync.now': syncNow,
    'sync.lookup': syncLookup,
    'sync.conflicts': syncConflicts,
    'sync.resolveConflict': resolveConflict,
    'sync.refused': syncRefused,
    'notices.wait': waitForNotices,
    'audit.findPerson': findPersonForAudit,
    'reports.list': reports.list,
    'reports.start': reports.start,
    'reports.progress': reports.progress,
    'reports.export': reports.export,
    'records.exportFhir': exportFhirRecord,
  };
}
