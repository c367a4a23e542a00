/** "Controllo e conferma": each step's data as the citizen entered them, read as the module prints them. */
import { describe, expect, it } from 'vitest';
import { riepilogoDi } from '../../../electron/core/firma/riepilogo';
import type { ServiceFile } from '../../../electron/core/catalogue/format';
import type { WizardStep } from '../../../electron/core/pratiche/steps';
import type { FormComponent } from '../../../electron/core/catalogue/forms/form-json';
import type { ProfileRecord } from '../../../electron/core/store/cittadini-repo';
import type { AllegatoRecord } from '../../../electron/core/store/allegati-repo';

const card = { codiceFiscale: 'RSSMRA80A01H501U', nome: 'Mario', cognome: 'Rossi', dataNascita: '1980-01-01' };
const profile: ProfileRecord = { card, email: 'mario@example.it', phone: null, address: null, updatedAt: 'now' };

const componenti = [
  { type: 'select', key: 'anno', label: 'Anno scolastico', input: true, data: { values: [{ label: 'Anno 2026/2027', value: '2026-2027' }] } },
  {
    type: 'datagrid',
    key: 'figli',
    label: 'Figli',
    input: true,
    components: [
      { type: 'textfield', key: 'nome', label: 'Nome', input: true },
      { type: 'datetime', key: 'nato', label: 'Nato il', input: true },
      { type: 'select', key: 'dieta', label: 'Dieta', input: true, data: { values: [{ label: 'Dieta sanitaria', value: 'sanitaria' }] } },
    ],
  },
  { type: 'checkbox', key: 'privacy', label: 'Ho letto il regolamento', input: true },
] as unknown as FormComponent[];

const step = (s: Partial<WizardStep> & Pick<WizardStep, 'id' | 'kind' | 'title'>): WizardStep => ({ guide: '', formId: null, panelKey: null, components: [], ...s });
const steps = [
  step({ id: 'istruzioni', kind: 'istruzioni', title: 'Istruzioni' }),
  step({ id: 'richiedente', kind: 'richiedente', title: 'Richiedente' }),
  step({ id: 'modulo:mensa', kind: 'modulo', title: 'Iscrizione alla mensa', formId: 'mensa', components: componenti }),
  step({ id: 'modulo:altro', kind: 'modulo', title: 'Altro', formId: 'altro', components: [{ type: 'textfield', key: 'nota', label: 'Nota', input: true }] as unknown as FormComponent[] }),
  step({ id: 'allegati', kind: 'allegati', title: 'Allegati' }),
  step({ id: 'riepilogo', kind: 'riepilogo', title: 'Controllo e conferma' }),
];
const service = { x_sportello_attachments: [{ key: 'certificato', label: 'Certificato medico' }, { key: 'isee', label: 'Attestazione ISEE' }] } as unknown as ServiceFile;
const attachments = [{ slotKey: 'certificato', name: 'certificato.pdf', size: 2048 } as AllegatoRecord & { slotKey: string }];
const data = {
  anno: '2026-2027',
  figli: [{ nome: 'Sofia', nato: '2018-09-30T00:00:00+02:00', dieta: 'sanitaria' }, { nome: 'Luca', nato: '2020-01-02T00:00:00+01:00' }],
  privacy: true,
  nota: 'da un altro passo',
};

describe('the review before signing', () => {
  const { sezioni } = riepilogoDi({ service, steps, data, attachments, profile });
  const sezione = (id: string) => sezioni.find((s) => s.stepId === id);

  it('has one section per step with data, each naming the step to go back to', () => {
    expect(sezioni.map((s) => [s.stepId, s.titolo])).toEqual([
      ['richiedente', 'Richiedente'],
      ['modulo:mensa', 'Iscrizione alla mensa'],
      ['modulo:altro', 'Altro'],
      ['allegati', 'Allegati'],
    ]);
  });

  it('shows select labels, booleans in words and a repeating group as one line per item with Italian dates', () => {
    expect(sezione('modulo:mensa')?.voci).toEqual([
      { tipo: 'campo', etichetta: 'Anno scolastico', valore: 'Anno 2026/2027', righe: [], livello: 0 },
      { tipo: 'elenco', etichetta: 'Figli', valore: '', righe: ['Sofia, 30 settembre 2018, Dieta sanitaria', 'Luca, 2 gennaio 2020'], livello: 0 },
      { tipo: 'campo', etichetta: 'Ho letto il regolamento', valore: 'Sì', righe: [], livello: 0 },
    ]);
  });

  it("keeps each step's fields in its own section", () => {
    expect(sezione('modulo:altro')?.voci.map((v) => v.valore)).toEqual(['da un altro passo']);
    expect(JSON.stringify(sezione('modulo:mensa'))).not.toContain('da un altro passo');
  });

  it('names attachments with their size, and says when a slot has none', () => {
    expect(sezione('allegati')?.voci.map((v) => [v.etichetta, v.valore])).toEqual([
      ['Certificato medico', 'certificato.pdf (2 KB)'],
      ['Attestazione ISEE', 'nessun file'],
    ]);
  });

  it('shows the applicant and an empty repeating group', () => {
    expect(sezione('richiedente')?.voci.map((v) => v.valore)).toEqual(['Mario Rossi', 'RSSMRA80A01H501U', 'mario@example.it', '—']);
    const vuoto = riepilogoDi({ service, steps, data: { ...data, figli: [] }, attachments, profile });
    expect(vuoto.sezioni[1]?.voci[1]).toMatchObject({ tipo: 'elenco', valore: 'nessuno', righe: [] });
  });
});
