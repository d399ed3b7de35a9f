// placeholder while the page is written
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { CentralStore } from '../db/open';
export const GOVERNANCE_PREFIX = '/governance/';
export function refuseGovernance(reply: FastifyReply, message: string): FastifyReply {
  return reply.code(403).type('text/plain').send(message);
}
export function registerGovernanceRoutes(_app: FastifyInstance, _deps: { store: CentralStore; now: () => Date }): void {}
