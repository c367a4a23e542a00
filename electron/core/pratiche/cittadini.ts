/**
 * The citizen's profile (card data read-only; email, phone and address editable) and
 * the comune's terms of use, accepted per version: a new version is asked again.
 */
import { DomainError } from '../errors';
import type { Clock } from '../ports/clock';
import type { Catalogue } from '../catalogue/catalogue';
import type { CittadiniRepo, Contatti, ProfileRecord } from '../store/cittadini-repo';
import type { CatalogueRepo } from '../catalogue/catalogue-repo';
import type { Citizen } from './citizen';

export function createCittadini(deps: { repo: CittadiniRepo; catalogueRepo: CatalogueRepo; catalogue: Catalogue; clock: Clock }) {
  const now = () => deps.clock.now().toISOString();

  function terms(citizen: Citizen, tenant: string) {
    deps.catalogue.tenant(tenant);
    const current = deps.catalogueRepo.getTenant(tenant)?.termsOfUse ?? null;
    if (current === null) return { version: null, text: '', acceptedAt: null, mustAccept: false };
    const acceptedAt = deps.repo.acceptedAt(citizen.card.codiceFiscale, tenant, current.version);
    return { version: current.version, text: current.text, acceptedAt, mustAccept: acceptedAt === null };
  }

  return {
    /** The profile, refreshed from the card: the card wins for identity fields. */
    profile(citizen: Citizen): ProfileRecord {
      const stored = deps.repo.get(citizen.card.codiceFiscale);
      if (stored && JSON.stringify(stored.card) === JSON.stringify(citizen.card)) return stored;
      deps.repo.saveCard(citizen.card, now());
      return deps.repo.get(citizen.card.codiceFiscale)!;
    },
    updateContatti(citizen: Citizen, contatti: Contatti): ProfileRecord {
      this.profile(citizen);
      deps.repo.updateContatti(citizen.card.codiceFiscale, contatti, now());
      return deps.repo.get(citizen.card.codiceFiscale)!;
    },
    terms,
    acceptTerms(citizen: Citizen, tenant: string, version: string): { acceptedAt: string } {
      const current = terms(citizen, tenant);
      if (current.version !== version) {
        throw new DomainError('condizioni-cambiate', "Le condizioni d'uso sono state aggiornate: leggi la nuova versione e accettala.");
      }
      deps.repo.acceptTerms(citizen.card.codiceFiscale, tenant, version, now());
      return { acceptedAt: deps.repo.acceptedAt(citizen.card.codiceFiscale, tenant, version)! };
    },
    requireTermsAccepted(citizen: Citizen, tenant: string): void {
      if (terms(citizen, tenant).mustAccept) {
        throw new DomainError('condizioni-da-accettare', "Per presentare pratiche accetta le condizioni d'uso del servizio.");
      }
    },
  };
}

export type Cittadini = ReturnType<typeof createCittadini>;
