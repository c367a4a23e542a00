/**
 * The "applicant" block of a submission, in the portal's keys (sdc-api.md), built from
 * the card and the profile. It is rebuilt on every save, so the Richiedente data stay
 * what the card says whatever the renderer sends; the profile's contacts only fill what the
 * citizen left empty. It follows the form it is written into:
 * only the fields that form declares (Anagrafica, Anagrafica lite, Anagrafica minimale have
 * different ones), each in that field's own format (a birth date in a `99/99/9999` text
 * field is `01/01/1980`), the phone and email under whichever key the form uses. What
 * the profile does not know (place of birth and comune of residence: the profile keeps only the
 * card's identity; gender, house number, postcode... that the comune's forms may require) is kept
 * as the citizen entered it, so such forms can be completed.
 */
import type { FormComponent } from '../catalogue/forms/form-json';
import type { ProfileRecord } from '../store/cittadini-repo';
import { topLevelComponent } from './prefill/data-fields';
import { prefillerOf, type Prefill } from './prefill/prefill';

export const APPLICANT_KEY = 'applicant';

/** The applicant's nested form in a step's resolved components, if that step has it. */
export const applicantComponent = (components: readonly FormComponent[]): FormComponent | undefined =>
  topLevelComponent(components, APPLICANT_KEY);

/** Candidate paths inside the applicant's data, the one the portal's own forms use first. */
const at = (...paths: string[]) => paths.map((p) => `${APPLICANT_KEY}.data.${p}`);
const text = (value: string | null) => ({ kind: 'text', text: value }) as const;

function whatIsKnown(profile: ProfileRecord): Prefill[] {
  const { card } = profile;
  return [
    { at: at('completename.data.name'), known: text(card.nome) },
    { at: at('completename.data.surname'), known: text(card.cognome) },
    { at: at('fiscal_code.data.fiscal_code'), known: text(card.codiceFiscale.toUpperCase()) },
    { at: at('Born.data.natoAIl'), known: { kind: 'date', iso: card.dataNascita } },
    // The profile's contacts are suggestions: an email, a phone or a street typed in the form stays.
    { at: at('email_address', 'email'), known: text(profile.email), suggestion: true },
    { at: at('phone_number', 'cell_number'), known: text(profile.phone), suggestion: true },
    { at: at('address.data.address'), known: text(profile.address), suggestion: true },
  ];
}

export type ApplicantData = (profile: ProfileRecord, entered?: unknown) => Record<string, unknown>;

/** The rebuild of the block `applicant` (the component found by `applicantComponent`), its fields walked once. */
export function applicantDataOf(applicant: FormComponent): ApplicantData {
  const prefill = prefillerOf(applicant);
  return (profile, entered) => prefill(entered, whatIsKnown(profile));
}
