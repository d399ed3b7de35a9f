// Identifier and alias shapes, shared by registration and the identity channels.
import { z } from 'zod';
import { identifierTypeSchema } from '../../domain/identifiers/identifier-types';
import { nameText, requiredName, text } from './common';

/** The value is checked for its type by the service (the site decides on test numbers; PNC needs the year). */
export const identifierInputSchema = z
  .object({ type: identifierTypeSchema, value: text('Identifier', 64).refine((v) => v.length > 0, { error: 'Enter the identifier' }) })
  .strict();

export const aliasInputSchema = z
  .object({ familyName: requiredName('Alias family name', 100), givenNames: nameText('Alias given names', 100) })
  .strict();

export const identifierSchema = z.object({ type: identifierTypeSchema, value: z.string() });
/** An identifier as a person's record holds it: with its id (to retire it). */
/** An identifier held on the record, with the site that recorded it. */
export const recordIdentifierSchema = identifierSchema.extend({ id: z.string(), originSite: z.string() });
export const aliasSchema = z.object({ id: z.string(), familyName: z.string(), givenNames: z.string() });
