// Every channel of the site app, by name. The preload exposes these names only; the router
// refuses anything else with `unknown_channel`.
import type { z } from 'zod';
import type { ChannelName } from '../channel-names';
import type { RpcResult } from '../result';
import type { ChannelDef } from './channel';
import { authChangePassword, authLock, authSession, authSignIn, authSignOut, authUnlock, setupCreateFirstAdmin, setupStatus } from './auth';
import {
  agreementsList,
  agreementsSave,
  auditPersonAccess,
  auditRecordPrint,
  auditVerify,
  breakGlassEnd,
  breakGlassReview,
  breakGlassReviews,
  breakGlassStart,
  consentList,
  consentRecord,
  disclosureCheck,
  patientsSummary,
} from './governance';
import { staffCreate, staffList, staffResetPassword, staffUnlock, staffUpdate } from './staff';
import { flagsEnd, flagsHistory, flagsList, flagsRaise, flagsUpdate } from './flags';
import {
  formsAmend,
  formsList,
  formsMarkEnteredInError,
  formsSave,
  formsTemplate,
  formsTemplates,
  handoverList,
  handoverRecord,
  referralsList,
} from './forms';
import { patientsAddAlias, patientsAddIdentifier, patientsFindDuplicates, patientsRetireAlias, patientsRetireIdentifier } from './identity';
import { patientsGet, patientsRegister } from './patients';
import { recordsExportFhir, reportsExport, reportsList, reportsProgress, reportsStart } from './reports';
import { auditFindPerson, patientsSearch } from './search';
import { staysEnd, staysList, staysStart } from './stays';
import { tasksAssign, tasksClose, tasksCreate, tasksList, tasksReschedule, tasksWorkers } from './tasks';
import {
  caseloadAssign,
  caseloadEnd,
  caseloadList,
  referralsDecide,
  referralsInbox,
  referralsMake,
  smsCompleteReview,
  smsEndTreatment,
  smsRecord,
  smsStartTreatment,
} from './sms';
import { recallsList, recallsPrint, smsRecordCarePlan, smsRecordReleasePlan, smsTopHistory } from './sms-plans';
import { noticesWait, syncConflicts, syncLookup, syncNow, syncRefused, syncResolveConflict, syncStatus } from './sync';

export const channels = {
  'setup.status': setupStatus,
  'setup.createFirstAdmin': setupCreateFirstAdmin,
  'auth.signIn': authSignIn,
  'auth.signOut': authSignOut,
  'auth.session': authSession,
  'auth.lock': authLock,
  'auth.unlock': authUnlock,
  'auth.changePassword': authChangePassword,
  'patients.register': patientsRegister,
  'patients.search': patientsSearch,
  'patients.get': patientsGet,
  'patients.findDuplicates': patientsFindDuplicates,
  'patients.addIdentifier': patientsAddIdentifier,
  'patients.addAlias': patientsAddAlias,
  'patients.retireIdentifier': patientsRetireIdentifier,
  'patients.retireAlias': patientsRetireAlias,
  'stays.start': staysStart,
  'stays.end': staysEnd,
  'stays.list': staysList,
  'flags.raise': flagsRaise,
  'flags.end': flagsEnd,
  'flags.list': flagsList,
  'flags.update': flagsUpdate,
  'flags.history': flagsHistory,
  'tasks.list': tasksList,
  'tasks.close': tasksClose,
  'forms.templates': formsTemplates,
  'forms.template': formsTemplate,
  'forms.save': formsSave,
  'forms.amend': formsAmend,
  'forms.markEnteredInError': formsMarkEnteredInError,
  'forms.list': formsList,
  'handover.record': handoverRecord,
  'handover.list': handoverList,
  'referrals.list': referralsList,
  'staff.list': staffList,
  'staff.create': staffCreate,
  'staff.update': staffUpdate,
  'staff.resetPassword': staffResetPassword,
  'staff.unlock': staffUnlock,
  'access.breakGlass': breakGlassStart,
  'access.endBreakGlass': breakGlassEnd,
  'access.breakGlassReviews': breakGlassReviews,
  'access.reviewBreakGlass': breakGlassReview,
  'patients.summary': patientsSummary,
  'consent.record': consentRecord,
  'consent.list': consentList,
  'agreements.list': agreementsList,
  'agreements.save': agreementsSave,
  'disclosure.check': disclosureCheck,
  'audit.personAccess': auditPersonAccess,
  'audit.verify': auditVerify,
  'audit.recordPrint': auditRecordPrint,
  'tasks.create': tasksCreate,
  'tasks.assign': tasksAssign,
  'tasks.reschedule': tasksReschedule,
  'tasks.workers': tasksWorkers,
  'referrals.make': referralsMake,
  'referrals.inbox': referralsInbox,
  'referrals.decide': referralsDecide,
  'caseload.assign': caseloadAssign,
  'caseload.end': caseloadEnd,
  'caseload.list': caseloadList,
  'sms.record': smsRecord,
  'sms.startTreatment': smsStartTreatment,
  'sms.endTreatment': smsEndTreatment,
  'sms.completeReview': smsCompleteReview,
  'sms.recordCarePlan': smsRecordCarePlan,
  'sms.recordReleasePlan': smsRecordReleasePlan,
  'sms.topHistory': smsTopHistory,
  'recalls.list': recallsList,
  'recalls.print': recallsPrint,
  'sync.status': syncStatus,
  'sync.now': syncNow,
  'sync.lookup': syncLookup,
  'sync.conflicts': syncConflicts,
  'sync.resolveConflict': syncResolveConflict,
  'sync.refused': syncRefused,
  'notices.wait': noticesWait,
  'audit.findPerson': auditFindPerson,
  'reports.list': reportsList,
  'reports.start': reportsStart,
  'reports.progress': reportsProgress,
  'reports.export': reportsExport,
  'records.exportFhir': recordsExportFhir,
} as const satisfies Record<ChannelName, ChannelDef>; // exactly the names in channel-names.ts

export type Channels = typeof channels;
export type { ChannelName };
export { channelNames, isChannelName } from '../channel-names';
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;


/** The API the preload (Electron) or the browser bridge puts on window.sonar. */
export interface SonarBridge {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>, session: string | null): Promise<RpcResult<ChannelOutput<C>>>;
}
