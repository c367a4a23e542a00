/**
 * The one-line summary of a repeating group's item (renderer/src/forms/riepilogo-riga.ts), on the
 * demo catalogue's own forms with their nested forms inlined as core serves them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { riepilogoRiga, type Componente } from '../../../renderer/src/forms/riepilogo-riga';
import { resolveForm } from '../../../electron/core/catalogue/forms/resolve';
import type { FormDocument } from '../../../electron/core/catalogue/forms/form-json';

const FORMS = join(__dirname, '../../../electron/core/catalogue/demo/comune-di-prova/forms');
const load = (id: string) => JSON.parse(readFileSync(join(FORMS, `${id}.json`), 'utf8')) as FormDocument;

function grid(formId: string, key: string): Componente[] {
  const find = (list: Componente[]): Componente | undefined => {
    for (const c of list) {
      const found = c.key === key ? c : find((c.components as Componente[] | undefined) ?? []);
      if (found) return found;
    }
    return undefined;
  };
  const found = find(resolveForm(load(formId), load).form.components as unknown as Componente[]);
  if (!found) throw new Error(`${key} not in ${formId}`);
  return found.components as Componente[];
}

const SOFIA = {
  bambino: {
    data: {
      completename: { data: { name: 'Sofia', surname: 'Rossi' } },
      gender: 'femmina',
      Born: { data: { natoAIl: '2018-09-30T00:00:00+02:00', place_of_birth: 'Prova' } },
      fiscal_code: { data: { fiscal_code: 'RSSSFO18P70H501S' } },
    },
  },
  scuola: 'primaria-rodari',
  classe: 'primaria-3',
  sezione: 'B',
  dieta: 'sanitaria',
  allergie: 'Allergia alle proteine del latte vaccino',
};

describe('the summary of a repeating group item', () => {
  it('reads a child of the canteen form by name, school, class, section and diet, choices by their label', () => {
    expect(riepilogoRiga(grid('iscrizione-mensa-scolastica', 'figli'), SOFIA)).toBe(
      'Sofia Rossi, Scuola primaria "Gianni Rodari"…, Primaria - classe 3ª, B, Dieta speciale per motivi di salute…',
    );
  });

  it('never shows a nested object as such, nor free text', () => {
    const line = riepilogoRiga(grid('iscrizione-mensa-scolastica', 'figli'), SOFIA);
    expect(line).not.toMatch(/\[Complex Data\]|\[object Object\]|Allergia/);
  });

  it('leaves out what the citizen has not filled in yet', () => {
    expect(riepilogoRiga(grid('iscrizione-mensa-scolastica', 'figli'), { bambino: { data: { completename: { data: { name: 'Luca' } } } }, dieta: 'standard' })).toBe('Luca, Menù standard');
    expect(riepilogoRiga(grid('iscrizione-mensa-scolastica', 'figli'), {})).toBe('');
  });

  it('reads a vehicle of the change of address by plate, kind (its label) and owner', () => {
    const veicoli = grid('cambio-residenza-abitazione', 'veicoli');
    const tipo = (veicoli.find((c) => c.key === 'tipo')!.data as { values: { label: string; value: string }[] }).values[0]!;
    expect(riepilogoRiga(veicoli, { targa: 'AB123CD', tipo: tipo.value, intestatario: 'Mario Rossi' })).toBe(`AB123CD, ${tipo.label}, Mario Rossi`);
  });

  it('reads ticked boxes by their labels and a day in the Italian order', () => {
    const components: Componente[] = [
      { type: 'textfield', key: 'nome' },
      { type: 'selectboxes', key: 'giorni', values: [{ label: 'Lunedì', value: 'lun' }, { label: 'Martedì', value: 'mar' }, { label: 'Mercoledì', value: 'mer' }] },
      { type: 'day', key: 'dal' },
      { type: 'checkbox', key: 'uscita', label: 'Uscita autonoma' },
      { type: 'panel', key: 'p', components: [{ type: 'number', key: 'anni' }] },
    ];
    expect(riepilogoRiga(components, { nome: 'Anna', giorni: { lun: true, mar: false, mer: true }, dal: '09/30/2026', uscita: true, anni: 8 })).toBe(
      'Anna, Lunedì, Mercoledì, 30/09/2026, Uscita autonoma, 8',
    );
  });
});
