/**
 * "Le mie pratiche": a citizen's pratiche grouped as they understand them (In bozza,
 * Inviate, In elaborazione, Accettate, Rifiutate, Da integrare, Ritirate), with counts,
 * plus those an operator opened on their behalf ("Aperte per mio conto").
 */
import type { PraticaSummary } from '../../shared/contract/pratiche';
import type { CatalogueRepo } from '../catalogue/catalogue-repo';
import type { PraticaSummaryRecord, PraticheRepo } from '../store/pratiche-repo';
import type { Citizen } from './citizen';
import { GRUPPI, gruppoOf, type Gruppo } from './status';
import { praticaSummary } from './view';

export type Filtro = Gruppo | 'per-mio-conto';

export function createLeMiePratiche(deps: {
  repo: PraticheRepo;
  catalogueRepo: CatalogueRepo;
  nonLetti: (praticaId: string) => number;
  /** What the portal recorded (the protocol number, the next appointment's start), and the slot still to be confirmed. */
  portale: (pratica: PraticaSummaryRecord) => Pick<PraticaSummary, 'protocolNumber' | 'prossimoAppuntamento' | 'prenotazione'>;
}) {
  return {
    list(citizen: Citizen, filter?: Filtro) {
      const all = deps.repo.listByCitizen(citizen.card.codiceFiscale);
      const counts = Object.fromEntries([...GRUPPI, 'per-mio-conto'].map((g) => [g, 0])) as Record<Filtro, number>;
      const names = new Map<string, string>();
      const pratiche: PraticaSummary[] = [];
      for (const p of all) {
        const group = gruppoOf(p.status);
        counts[group]++;
        if (p.openedBy !== null) counts['per-mio-conto']++;
        const selected = filter === undefined || filter === group || (filter === 'per-mio-conto' && p.openedBy !== null);
        if (!selected) continue;
        const key = `${p.tenantSlug}/${p.serviceSlug}`;
        if (!names.has(key)) names.set(key, deps.catalogueRepo.getService(p.tenantSlug, p.serviceSlug)?.name ?? p.serviceSlug);
        pratiche.push(praticaSummary(p, names.get(key)!, { messaggiNonLetti: deps.nonLetti(p.id), ...deps.portale(p) }));
      }
      return { counts, pratiche };
    },
  };
}
