// Every report this site can run, by id (the contract's reportIdSchema lists the same ids).
import type { ReportId } from '../../../contract/channels/reports';
import { continuityOfCare } from './continuity';
import { custodyKpis } from './custody-kpis';
import { ndtms } from './ndtms';
import { outcomes } from './outcomes';
import type { ReportDefinition } from './report-definition';
import { workforce } from './workforce';

export const reportDefinitions: Record<ReportId, ReportDefinition> = {
  'custody-kpis': custodyKpis,
  workforce,
  ndtms,
  outcomes,
  continuity: continuityOfCare,
};
