import { describe, expect, it } from 'vitest';
import { COMPONENTI_MENSA, DATI_MENSA } from '../../../electron/adapters/demo/pratica-demo';
import { sezioniDelModulo, type Voce } from '../../../electron/core/documents/formio/voci';
import { dataItaliana, testoValore } from '../../../electron/core/documents/formio/valori';

function campi(voci: Voce[]): Record<string, string> {
  return Object.fromEntries(voci.flatMap((v) => (v.tipo === 'campo' ? [[v.chiave, v.valore]] : Object.entries(campi(v.voci)))));
}

describe('sections of a Form.io submission', () => {
  const sezioni = sezioniDelModulo(COMPONENTI_MENSA, DATI_MENSA);

  it('makes one section per top-level panel, and one for loose fields, in form order', () => {
    expect(sezioni.map((s) => s.titolo)).toEqual(['Nucleo familiare', 'Minori da iscrivere', 'Tariffa e pagamento', 'Dati della domanda']);
  });

  it('reads nested forms under .data and datagrid rows with their own labels', () => {
    const tutti = campi(sezioni.flatMap((s) => s.voci));
    expect(tutti['secondoGenitore.cognome']).toBe('Bianchi Saltò');
    expect(tutti['figli[0].scuola']).toBe('Scuola primaria "Niccolò Tommaseo"');
    expect(tutti['figli[0].dieta']).toBe('Senza glutine (celiachia)');
    expect(tutti['figli[1].dieta']).toBe('—');
    expect(tutti['figli[1].dataNascita']).toBe('2 settembre 2020');
    expect(tutti['fasciaIsee']).toBe('Da 8.000,01 € a 20.000 €');
    expect(tutti['privacy']).toBe('Sì');
    expect(Object.keys(tutti)).not.toContain('submit');
  });

  it('keeps data no component describes, with labels made from keys, nested objects and rows included', () => {
    const [altri] = sezioniDelModulo([], { codiceUtente: 'X1', indirizzo_spedizione: { via: 'Roma' }, righe: [{ a: 1 }, { a: 2 }] });
    expect(altri?.titolo).toBe('Altri dati');
    expect(campi(altri?.voci ?? [])).toEqual({ codiceUtente: 'X1', 'indirizzo_spedizione.via': 'Roma', 'righe[0].a': '1', 'righe[1].a': '2' });
    expect(altri?.voci.map((v) => (v.tipo === 'campo' ? v.etichetta : v.titolo))).toEqual(['Codice utente', 'Indirizzo spedizione', 'Righe']);
  });

  it('walks columns, containers and nested forms without an inline definition', () => {
    const [s] = sezioniDelModulo(
      [
        { type: 'columns', columns: [{ components: [{ type: 'textfield', key: 'a', label: 'A' }] }, { components: [{ type: 'number', key: 'b', label: 'B' }] }] },
        { type: 'container', key: 'c', label: 'Contenitore', components: [{ type: 'textfield', key: 'd', label: 'D' }] },
        { type: 'form', key: 'f', label: 'Sottomodulo', form: 'id-del-modulo' },
      ],
      { a: 'uno', b: 2, c: { d: 'quattro' }, f: { data: { campoInterno: 'x' } } },
    );
    expect(campi(s?.voci ?? [])).toEqual({ a: 'uno', b: '2', 'c.d': 'quattro', 'f.campoInterno': 'x' });
  });
});

describe('printed values', () => {
  it('formats dates, booleans, files, multiple selects and empty values', () => {
    expect(dataItaliana('2026-11-24')).toBe('24 novembre 2026');
    expect(dataItaliana('2026-11-24T14:05:00+01:00')).toBe('24 novembre 2026 alle 14:05');
    // The day as written, not shifted by the machine's time zone.
    expect(dataItaliana('2018-09-30T00:00:00+02:00')).toBe('30 settembre 2018');
    expect(testoValore({ type: 'datetime' }, '2026-12-02T00:00:00.000Z')).toBe('2 dicembre 2026');
    // The portal's forms keep a birth date in a masked text field, as typed.
    expect(testoValore({ type: 'textfield', inputMask: '99/99/9999' }, '01/01/1980')).toBe('1 gennaio 1980');
    expect(testoValore({ type: 'textfield' }, '01/01/1980')).toBe('01/01/1980');
    expect(testoValore({ type: 'checkbox' }, true)).toBe('Sì');
    expect(testoValore({ type: 'radio', values: [{ label: 'No, accetto la tariffa massima', value: 'no' }] }, 'no')).toBe('No, accetto la tariffa massima');
    expect(testoValore({ type: 'checkbox' }, false)).toBe('No');
    expect(testoValore({ type: 'file' }, [{ originalName: 'a.pdf' }, { name: 'b.pdf' }])).toBe('a.pdf, b.pdf');
    expect(testoValore({ type: 'select', data: { values: [{ label: 'Uno', value: '1' }, { label: 'Due', value: '2' }] } }, ['1', '2'])).toBe('Uno, Due');
    expect(testoValore({ type: 'textfield' }, '')).toBe('—');
    expect(testoValore({ type: 'number' }, 0)).toBe('0');
  });
});
