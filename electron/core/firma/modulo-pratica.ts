/**
 * Maps a pratica onto the documents area's `ModuloInput`: the comune, the service, the
 * form components of every form step (labels, nested forms, option labels), the data,
 * the citizen (card first, then the profile's contatti) and the attachments.
 */
import type { TenantView } from '../../shared/contract/catalogue';
import type { ServiceFile } from '../catalogue/format';
import type { FormioComponent, ModuloInput, Richiedente } from '../documents/modulo-input';
import type { WizardStep } from '../pratiche/steps';
import type { CardIdentity } from '../ports/card';
import type { AllegatoRecord } from '../store/allegati-repo';
import type { ProfileRecord } from '../store/cittadini-repo';
import { nomeDelComune } from '../anagrafe/comuni';
import { residenzaDigitata } from './residenza';

export interface PraticaDaFirmare {
  id: string;
  tenant: TenantView;
  service: ServiceFile;
  steps: WizardStep[];
  data: Record<string, unknown>;
  attachments: (AllegatoRecord & { slotKey: string })[];
  profile: ProfileRecord;
  /** The card of the signer; null for a receipt of a pratica whose card is not in the reader. */
  card: CardIdentity | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `dati`: the pratica's form data, whose applicant block may hold the address the citizen typed. */
export function richiedenteDi(profile: ProfileRecord, card: CardIdentity | null, dati: Record<string, unknown> = {}): Richiedente {
  const r: Richiedente = {
    nome: card?.nome ?? profile.card.nome,
    cognome: card?.cognome ?? profile.card.cognome,
    codiceFiscale: card?.codiceFiscale ?? profile.card.codiceFiscale,
  };
  const nascita = (card?.dataNascita ?? profile.card.dataNascita ?? '').slice(0, 10);
  if (ISO_DATE.test(nascita)) r.dataNascita = nascita;
  const luogoNascita = card?.comuneNascita ? nomeDelComune(card.comuneNascita) : undefined;
  if (luogoNascita) r.luogoNascita = luogoNascita;
  if (card?.sesso) r.sesso = card.sesso;
  // What the citizen typed and reviewed is what they sign; the card's (registry) residence and the profile's address only fill a gap.
  const digitata = residenzaDigitata(dati);
  const comuneCarta = card?.comuneResidenza ? nomeDelComune(card.comuneResidenza) : undefined;
  if (digitata) r.residenza = digitata;
  else if (card?.indirizzoResidenza) r.residenza = { indirizzo: card.indirizzoResidenza, ...(comuneCarta ? { comune: comuneCarta } : {}) };
  else if (profile.address) r.residenza = { indirizzo: profile.address };
  if (profile.email) r.email = profile.email;
  if (profile.phone) r.telefono = profile.phone;
  return r;
}

export function moduloInputDi(p: PraticaDaFirmare): ModuloInput {
  const componenti = p.steps.filter((s) => s.kind === 'modulo').flatMap((s) => s.components) as FormioComponent[];
  const label = (key: string) => p.service.x_sportello_attachments.find((a) => a.key === key)?.label;
  return {
    comune: { nome: p.tenant.name, ...(p.tenant.address ? { indirizzo: p.tenant.address } : {}) },
    servizio: { id: p.service.id, nome: p.service.name },
    richiedente: richiedenteDi(p.profile, p.card, p.data),
    dati: p.data,
    componenti,
    allegati: p.attachments.map((a) => {
      const descrizione = label(a.slotKey);
      return { nome: a.name, mime: a.mimeType, sha256: a.sha256, dimensione: a.size, ...(descrizione ? { descrizione } : {}) };
    }),
    riferimento: p.id,
  };
}
