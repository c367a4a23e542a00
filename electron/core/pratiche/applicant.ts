/**
 * The "applicant" block of a submission, in the portal's keys (sdc-api.md), built from
 * the card and the profile. It is rebuilt on every save, so the Richiedente data stay
 * what the card says whatever the renderer sends. What neither the card nor the profile
 * knows (gender, house number, postcode... that the comune's forms may require) is kept
 * as the citizen entered it, so such forms can be completed.
 */
import type { ProfileRecord } from '../store/cittadini-repo';

export const APPLICANT_KEY = 'applicant';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `known` over `entered`: a known empty value does not erase what the citizen entered. */
function overlay(entered: unknown, known: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = isObject(entered) ? { ...entered } : {};
  for (const [key, value] of Object.entries(known)) {
    if (isObject(value)) out[key] = overlay(out[key], value);
    else if (value !== '' || typeof out[key] !== 'string') out[key] = value;
  }
  return out;
}

export function applicantData(profile: ProfileRecord, entered?: unknown): Record<string, unknown> {
  const { card } = profile;
  return overlay(entered, {
    data: {
      completename: { data: { name: card.givenName, surname: card.familyName } },
      fiscal_code: { data: { fiscal_code: card.fiscalCode } },
      Born: { data: { natoAIl: card.birthDate ?? '', place_of_birth: card.birthPlace ?? '' } },
      email_address: profile.email ?? '',
      cell_number: profile.phone ?? '',
      address: { data: { address: profile.address ?? '' } },
    },
  });
}
