/**
 * The demo pratica: school canteen enrolment for two children with two attachments.
 * Used by `npm run documents -- sample`, by the benchmark and by tests, so all three
 * exercise the same realistic shape (panels, a nested form, datagrid rows, accents).
 */
import { createHash } from 'node:crypto';
import type { FormioComponent, ModuloInput } from '../../core/documents/modulo-input';

export const COMPONENTI_MENSA: FormioComponent[] = [
  {
    type: 'panel',
    key: 'pannelloNucleo',
    title: 'Nucleo familiare',
    components: [
      { type: 'textfield', key: 'parentela', label: 'Rapporto con i minori', input: true },
      { type: 'email', key: 'email', label: 'Indirizzo e-mail per le comunicazioni', input: true },
      { type: 'phoneNumber', key: 'telefono', label: 'Telefono', input: true },
      {
        type: 'form',
        key: 'secondoGenitore',
        label: "Dati dell'altro genitore",
        input: true,
        form: {
          components: [
            { type: 'textfield', key: 'nome', label: 'Nome', input: true },
            { type: 'textfield', key: 'cognome', label: 'Cognome', input: true },
            { type: 'textfield', key: 'codiceFiscale', label: 'Codice fiscale', input: true },
          ],
        },
      },
    ],
  },
  {
    type: 'panel',
    key: 'pannelloFigli',
    title: 'Minori da iscrivere',
    components: [
      {
        type: 'datagrid',
        key: 'figli',
        label: 'Figlio/a',
        input: true,
        components: [
          { type: 'textfield', key: 'nome', label: 'Nome e cognome', input: true },
          { type: 'datetime', key: 'dataNascita', label: 'Data di nascita', input: true },
          {
            type: 'select',
            key: 'scuola',
            label: 'Scuola',
            input: true,
            data: {
              values: [
                { label: 'Scuola primaria "Niccolò Tommaseo"', value: 'tommaseo' },
                { label: "Scuola dell'infanzia \"Gianni Rodari\"", value: 'rodari' },
              ],
            },
          },
          { type: 'textfield', key: 'classe', label: 'Classe e sezione', input: true },
          {
            type: 'selectboxes',
            key: 'dieta',
            label: 'Dieta speciale',
            input: true,
            values: [
              { label: 'Senza glutine (celiachia)', value: 'celiachia' },
              { label: 'Senza carne di maiale', value: 'noMaiale' },
              { label: 'Vegetariana', value: 'vegetariana' },
            ],
          },
        ],
      },
    ],
  },
  {
    type: 'panel',
    key: 'pannelloTariffa',
    title: 'Tariffa e pagamento',
    components: [
      {
        type: 'radio',
        key: 'fasciaIsee',
        label: 'Fascia ISEE',
        input: true,
        values: [
          { label: 'Fino a 8.000 €', value: 'a' },
          { label: 'Da 8.000,01 € a 20.000 €', value: 'b' },
          { label: 'Oltre 20.000 € o ISEE non presentato', value: 'c' },
        ],
      },
      { type: 'textfield', key: 'iban', label: 'IBAN per eventuali rimborsi', input: true },
      { type: 'checkbox', key: 'privacy', label: "Dichiaro di aver letto l'informativa sul trattamento dei dati personali", input: true },
    ],
  },
  { type: 'textarea', key: 'note', label: 'Note', input: true },
  { type: 'button', key: 'submit', label: 'Invia', input: true },
];

export const DATI_MENSA: Record<string, unknown> = {
  parentela: 'Padre',
  email: 'mario.rossi@example.it',
  telefono: '+39 06 1234567',
  secondoGenitore: { data: { nome: 'Lucia', cognome: 'Bianchi Saltò', codiceFiscale: 'BNCLCU82C41H501Z' } },
  figli: [
    { nome: 'Niccolò Rossi', dataNascita: '2016-03-15T00:00:00+01:00', scuola: 'tommaseo', classe: '3ª B', dieta: { celiachia: true, noMaiale: false, vegetariana: false } },
    { nome: 'Anna Lucìa Rossi', dataNascita: '2020-09-02T00:00:00+02:00', scuola: 'rodari', classe: 'Sezione "Girasoli"', dieta: { celiachia: false, noMaiale: false, vegetariana: false } },
  ],
  fasciaIsee: 'b',
  iban: 'IT60X0542811101000000123456',
  privacy: true,
  note: "Niccolò è allergico alle arachidi: si allega certificato medico. Chiedo cortesemente che la dieta sia attivata già dal primo giorno di scuola, perché l'anno scorso è servita una settimana.",
  submit: true,
};

/** Two attachments, with their real bytes so hashes and checks are genuine. */
export function allegatiDemo(certificato: Uint8Array, isee: Uint8Array): ModuloInput['allegati'] {
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  return [
    { nome: 'certificato-medico.pdf', mime: 'application/pdf', sha256: sha(certificato), dimensione: certificato.length, descrizione: 'Certificato medico per la dieta' },
    { nome: 'attestazione-isee.pdf', mime: 'application/pdf', sha256: sha(isee), dimensione: isee.length, descrizione: 'Attestazione ISEE 2026' },
  ];
}

export function praticaMensaDemo(allegati: ModuloInput['allegati']): ModuloInput {
  return {
    comune: {
      nome: 'Comune di Prova',
      codiceIpa: 'c_z999',
      codiceAoo: 'AOO_PROVA',
      denominazioneAoo: 'Ufficio Protocollo',
      pec: 'protocollo@pec.comune.prova.it',
      indirizzo: 'Piazza del Municipio 1, 00100 Prova',
    },
    servizio: {
      id: 'mensa-scolastica',
      nome: 'Iscrizione al servizio di mensa scolastica - a.s. 2026/2027',
      richiesta: "l'iscrizione al servizio di mensa scolastica per l'anno scolastico 2026/2027 dei minori indicati di seguito.",
    },
    richiedente: {
      nome: 'Mario',
      cognome: 'Rossi',
      codiceFiscale: 'RSSMRA80A01H501U',
      sesso: 'M',
      dataNascita: '1980-01-01',
      luogoNascita: 'Roma',
      residenza: { indirizzo: 'Via della Libertà 12', cap: '00100', comune: 'Prova', provincia: 'RM' },
      email: 'mario.rossi@example.it',
    },
    dati: DATI_MENSA,
    componenti: COMPONENTI_MENSA,
    allegati,
    riferimento: 'SP-2026-000123',
  };
}
