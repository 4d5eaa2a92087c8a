/**
 * What the article history endpoints accept (conventions of platform/access/admin-inputs.ts): version
 * numbers are whole numbers from 1; one that the article does not have is a 404 from the controller.
 */
import { z } from 'zod';
import { wholeNumber } from '../../../platform/access/admin-inputs';

const versionError = 'must be a version number (a whole number from 1)';
const versionNumber = z.coerce
  .number({ error: versionError })
  .int({ error: versionError })
  .min(1, { error: versionError })
  .max(2_147_483_647, { error: versionError });

export const versionListQuery = z.object({ page: wholeNumber(100_000, 1), pageSize: wholeNumber(100, 20) });

export const compareQuery = z.object({ from: versionNumber, to: versionNumber });

export const versionParams = z.object({ version: versionNumber });
