/**
 * The "applicant" block of a submission, in the portal's keys (sdc-api.md), built from
 * the card and the profile. It is rebuilt on every save, so the Richiedente data stay
 * what the card says whatever the renderer sends.
 */
import type { ProfileRecord } from '../store/cittadini-repo';

export const APPLICANT_KEY = 'applicant';

export function applicantData(profile: ProfileRecord): Record<string, unknown> {
  const { card } = profile;
  return {
    data: {
      completename: { data: { name: card.givenName, surname: card.familyName } },
      fiscal_code: { data: { fiscal_code: card.fiscalCode } },
      Born: { data: { natoAIl: card.birthDate ?? '', place_of_birth: card.birthPlace ?? '' } },
      email_address: profile.email ?? '',
      cell_number: profile.phone ?? '',
      address: { data: { address: profile.address ?? '' } },
    },
  };
}
