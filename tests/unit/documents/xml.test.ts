import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creaFaldone, xsdFaldone } from '../../../electron/core/documents/faldone';
import type { ModuloInput } from '../../../electron/core/documents/modulo-input';
import { creaSegnatura, type SegnaturaInput } from '../../../electron/core/documents/segnatura';
import { el, serializza } from '../../../electron/core/documents/xml/costruttore';
import { ISTANTE, praticaDiProva } from '../../fixtures/documents/pratica';
import { cartellaTemporanea, SCHEMA_SEGNATURA_60_2013, xmllint, type CartellaTemporanea } from '../../fixtures/documents/strumenti';

let cartella: CartellaTemporanea;
let input: ModuloInput;
let xsd: string;
const p7m = { nome: 'modulo.pdf.p7m', mime: 'application/pkcs7-mime', sha256: 'ab'.repeat(32) };

beforeAll(async () => {
  cartella = cartellaTemporanea();
  input = (await praticaDiProva()).input;
  xsd = cartella.scrivi('faldone.xsd', xsdFaldone());
});
afterAll(() => cartella.elimina());

function segnatura(modulo: ModuloInput): SegnaturaInput {
  return { modulo, documento: p7m, altriFile: [{ nome: 'faldone.xml', mime: 'application/xml', sha256: 'cd'.repeat(32) }], indirizzoMittente: 'mario.rossi@example.it' };
}

describe('faldone.xml', () => {
  it('validates against the shipped XSD', () => {
    const f = cartella.scrivi('faldone.xml', creaFaldone([{ modulo: input, documento: p7m }], ISTANTE));
    const r = xmllint(xsd, f);
    expect(r.messaggi).toContain('validates');
    expect(r.valido).toBe(true);
  });

  it('holds every field, nested form field and datagrid row, with raw and printed values, and every attachment', () => {
    const xml = creaFaldone([{ modulo: input, documento: p7m }], ISTANTE);
    for (const atteso of [
      '<campo chiave="parentela" etichetta="Rapporto con i minori" tipo="textfield" grezzo="Padre">Padre</campo>',
      'chiave="secondoGenitore.cognome" etichetta="Cognome" tipo="textfield" grezzo="Bianchi Saltò">Bianchi Saltò</campo>',
      '<gruppo chiave="figli[1]" titolo="Figlio/a n. 2">',
      'chiave="figli[1].scuola" etichetta="Scuola" tipo="select" grezzo="rodari">Scuola dell\'infanzia "Gianni Rodari"</campo>',
      'chiave="fasciaIsee" etichetta="Fascia ISEE" tipo="radio" grezzo="b">Da 8.000,01 € a 20.000 €</campo>',
      'chiave="privacy"',
      'chiave="note"',
      `<allegato nome="certificato-medico.pdf" tipo="application/pdf" sha256="${input.allegati[0]?.sha256}"`,
      `<allegato nome="attestazione-isee.pdf" tipo="application/pdf" sha256="${input.allegati[1]?.sha256}"`,
      `<documento nome="modulo.pdf.p7m" tipo="application/pkcs7-mime" sha256="${p7m.sha256}"/>`,
      '<codiceFiscale>RSSMRA80A01H501U</codiceFiscale>',
    ]) {
      expect(xml).toContain(atteso);
    }
    expect(xml).not.toContain('chiave="submit"');
  });

  it('stays valid with hostile text in names and values', () => {
    const ostile: ModuloInput = {
      ...input,
      richiedente: { ...input.richiedente, cognome: `D'Amico <b>&amp; "Co"\u0001\u001f` },
      dati: { ...input.dati, note: ']]> <!-- & \uFFFE \uD800 fine' },
    };
    const xml = creaFaldone([{ modulo: ostile }], ISTANTE);
    expect(xml).toContain('<cognome>D\'Amico &lt;b&gt;&amp;amp; "Co"</cognome>');
    expect(xmllint(xsd, cartella.scrivi('ostile.xml', xml)).valido).toBe(true);
  });

  it('is caught by the XSD when invalid', () => {
    const rotto = creaFaldone([{ modulo: { ...input, allegati: [{ nome: 'x.pdf', mime: 'application/pdf', sha256: 'non-esadecimale' }] } }], ISTANTE);
    const r = xmllint(xsd, cartella.scrivi('rotto.xml', rotto));
    expect(r.valido).toBe(false);
    expect(r.messaggi).toContain('sha256');
    const cfSbagliato = creaFaldone([{ modulo: { ...input, richiedente: { ...input.richiedente, codiceFiscale: 'ROSSI' } } }], ISTANTE);
    expect(xmllint(xsd, cartella.scrivi('cf.xml', cfSbagliato)).valido).toBe(false);
  });
});

describe('segnatura.xml (AgID circolare 60/2013)', () => {
  it('validates against the AgID schema', () => {
    const r = xmllint(SCHEMA_SEGNATURA_60_2013, cartella.scrivi('segnatura.xml', creaSegnatura(segnatura(input))));
    expect(r.messaggi).toContain('validates');
    expect(r.valido).toBe(true);
  });

  it('names the citizen as sender, the comune AOO as recipient, the module with its Impronta and the attachments', () => {
    const xml = creaSegnatura(segnatura(input));
    expect(xml).toContain('<Persona>\n');
    expect(xml).toContain('<CodiceFiscale>RSSMRA80A01H501U</CodiceFiscale>');
    expect(xml).toContain('<CodiceAOO>AOO_PROVA</CodiceAOO>');
    expect(xml).toContain('<IndirizzoTelematico tipo="smtp">protocollo@pec.comune.prova.it</IndirizzoTelematico>');
    expect(xml).toContain(`<Impronta algoritmo="SHA-256" codifica="base64">${Buffer.from(p7m.sha256, 'hex').toString('base64')}</Impronta>`);
    expect(xml).toContain('<Documento nome="certificato-medico.pdf" tipoMIME="application/pdf" tipoRiferimento="MIME">');
    expect(xml).toContain('<Documento nome="faldone.xml"');
    expect(xml).toContain('<NumeroRegistrazione/>');
  });

  it('stays valid for a citizen without residence or optional comune codes', () => {
    const minimo: ModuloInput = { ...input, comune: { nome: 'Comune di Altrove' }, richiedente: { nome: 'Anna', cognome: 'Neri', codiceFiscale: 'NRENNA90A41H501X' }, allegati: [] };
    expect(xmllint(SCHEMA_SEGNATURA_60_2013, cartella.scrivi('minimo.xml', creaSegnatura({ ...segnatura(minimo), altriFile: [] }))).valido).toBe(true);
  });

  it('is caught by the AgID schema when invalid', () => {
    const rotto = creaSegnatura(segnatura(input)).replace('<Oggetto>', '<OggettoSbagliato>').replace('</Oggetto>', '</OggettoSbagliato>');
    expect(xmllint(SCHEMA_SEGNATURA_60_2013, cartella.scrivi('rotto-segnatura.xml', rotto)).valido).toBe(false);
  });
});

describe('XML writer', () => {
  it('escapes text and attributes and drops characters XML cannot carry', () => {
    const xml = serializza(el('a', { t: 'x"<&>\n' }, el('b', {}, 'uno < due & tre > zero\u0000\u0008'), el('c', { assente: undefined })));
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<a t="x&quot;&lt;&amp;&gt;&#10;">\n  <b>uno &lt; due &amp; tre &gt; zero</b>\n  <c/>\n</a>\n');
  });
});
