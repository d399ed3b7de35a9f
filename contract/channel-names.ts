// The channel names alone, with no schema code, so the sandboxed preload can allow-list them
// without bundling zod. channels/index.ts is checked against this list by the compiler.
export const channelNames = [
  'setup.status',
  'setup.createFirstAdmin',
  'auth.signIn',
  'auth.signOut',
  'auth.session',
  'patients.register',
  'patients.search',
  'patients.get',
  'patients.findDuplicates',
  'patients.addIdentifier',
  'patients.addAlias',
  'stays.start',
  'stays.end',
  'stays.list',
  'flags.raise',
  'flags.end',
  'flags.list',
  'tasks.list',
  'tasks.close',
  'forms.templates',
  'forms.template',
  'forms.save',
  'forms.amend',
  'forms.markEnteredInError',
  'forms.list',
  'handover.record',
  'handover.list',
  'referrals.list',
] as const;

export type ChannelName = (typeof channelNames)[number];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && (channelNames as readonly string[]).includes(name);
}
