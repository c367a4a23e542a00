/**
 * "Controllo e conferma": what the citizen is about to sign, step by step, read the way
 * the module prints it (the same labelling and formatting, `sezioniDelModulo`), so what
 * they check on screen is what the comune receives. A repeating group is one line per
 * item, attachments are named with their size.
 */
import type { RiepilogoView, VoceRiepilogo } from '../../shared/contract/firma';
import { dimensioneLeggibile } from '../../shared/dimensione-file';
import type { ServiceFile } from '../catalogue/format';
import { sezioniDelModulo, type Gruppo, type Voce } from '../documents/formio/voci';
import type { FormioComponent } from '../documents/modulo-input';
import { dataKeysOf, type WizardStep } from '../pratiche/steps';
import type { AllegatoRecord } from '../store/allegati-repo';
import type { ProfileRecord } from '../store/cittadini-repo';

const VUOTO = '—';

export interface DaRiepilogare {
  service: ServiceFile;
  steps: WizardStep[];
  data: Record<string, unknown>;
  attachments: (AllegatoRecord & { slotKey: string })[];
  profile: ProfileRecord;
}

const campo = (etichetta: string, valore: string, livello: number): VoceRiepilogo => ({ tipo: 'campo', etichetta, valore, righe: [], livello });

/** Rows of a datagrid or editgrid: their keys end in "[n]". */
const righeDi = (voce: Gruppo): boolean =>
  voce.voci.every((v) => v.tipo === 'gruppo' && /\[\d+\]$/.test(v.chiave));

function valoriDi(voci: Voce[]): string[] {
  return voci.flatMap((v) => (v.tipo === 'campo' ? (v.valore === VUOTO ? [] : [v.valore]) : valoriDi(v.voci)));
}

/** One line per item: its filled values, in form order ("Sofia, Rossi, Femmina, 30 settembre 2018, ..."). */
function voceRiepilogo(voce: Voce, livello = 0): VoceRiepilogo[] {
  if (voce.tipo === 'campo') return [campo(voce.etichetta, voce.valore, livello)];
  if (righeDi(voce)) {
    const righe = voce.voci.map((riga) => valoriDi(riga.tipo === 'gruppo' ? riga.voci : [riga]).join(', ') || VUOTO);
    return [{ tipo: 'elenco', etichetta: voce.titolo, valore: righe.length === 0 ? 'nessuno' : '', righe, livello }];
  }
  return [{ tipo: 'titolo', etichetta: voce.titolo, valore: '', righe: [], livello }, ...voce.voci.flatMap((v) => voceRiepilogo(v, livello + 1))];
}

function datiDelPasso(step: WizardStep, data: Record<string, unknown>): Record<string, unknown> {
  const chiavi = dataKeysOf(step.components);
  return Object.fromEntries(Object.entries(data).filter(([k]) => chiavi.has(k)));
}

export function riepilogoDi(p: DaRiepilogare): RiepilogoView {
  const sezioni: RiepilogoView['sezioni'] = [];
  for (const step of p.steps) {
    if (step.kind === 'richiedente') {
      const { card, email, phone } = p.profile;
      sezioni.push({
        stepId: step.id,
        titolo: step.title,
        voci: [
          campo('Nome e cognome', `${card.nome} ${card.cognome}`, 0),
          campo('Codice fiscale', card.codiceFiscale, 0),
          campo('Email', email ?? VUOTO, 0),
          campo('Telefono', phone ?? VUOTO, 0),
        ],
      });
    } else if (step.kind === 'modulo') {
      const parti = sezioniDelModulo(step.components as FormioComponent[], datiDelPasso(step, p.data));
      // A step that is one panel already has the panel's title as its own.
      const voci = parti.flatMap((s) =>
        parti.length === 1 ? s.voci.flatMap((v) => voceRiepilogo(v)) : [{ tipo: 'titolo' as const, etichetta: s.titolo, valore: '', righe: [], livello: 0 }, ...s.voci.flatMap((v) => voceRiepilogo(v, 1))],
      );
      sezioni.push({ stepId: step.id, titolo: step.title, voci });
    } else if (step.kind === 'allegati') {
      const voci = p.service.x_sportello_attachments.map((slot) => {
        const files = p.attachments.filter((a) => a.slotKey === slot.key).map((a) => `${a.name} (${dimensioneLeggibile(a.size)})`);
        return campo(slot.label, files.length > 0 ? files.join(', ') : 'nessun file', 0);
      });
      sezioni.push({ stepId: step.id, titolo: step.title, voci });
    }
  }
  return { sezioni };
}
