// The organisation's own conventions, for what staff read and export (src/platform/utils/dates.ts).
import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const timeZone = env('ORGANISATION_TIME_ZONE', 'Asia/Kolkata');
  // An unknown zone stops the start here, naming the setting, rather than failing the first export.
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
  } catch {
    throw new Error(`ORGANISATION_TIME_ZONE: "${timeZone}" is not a time zone such as Asia/Kolkata`);
  }
  return { timeZone };
};
