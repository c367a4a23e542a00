import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectedServiceSlugs, loadDemoCatalogue } from './catalogue-files';
import { inlineForm, jsonNames, readJson, samplesDir, validate, type FormError } from './support';

const demo = loadDemoCatalogue();
const sampleSchema = z.strictObject({ service: z.string(), data: z.record(z.string(), z.unknown()) });
const sample = (slug: string) => sampleSchema.parse(readJson(join(samplesDir, `${slug}.json`))).data;

/** A service's submission is one data object; each step's form validates its part of it. */
function errorsFor(slug: string, data: Record<string, unknown>): FormError[] {
  const service = demo.services.get(slug)!;
  return service.flow_steps.flatMap((step) => validate(inlineForm(step.parameters.formio_id, demo.forms), data));
}
const paths = (errors: FormError[], rule: string) => errors.filter((e) => e.rule === rule).map((e) => e.path);
// Tests reach deep into sample data to break one field; Form.io itself is the type check of the result.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EditableSample = Record<string, any>;
/** A copy of a sample with one thing broken (structuredClone keeps the stored sample intact). */
const variant = (slug: string, change: (d: EditableSample) => void) => {
  const d = structuredClone(sample(slug)) as EditableSample;
  change(d);
  return d;
};

const applicantRequired = [
  'applicant.data.completename.data.name', 'applicant.data.completename.data.surname', 'applicant.data.gender',
  'applicant.data.Born.data.natoAIl', 'applicant.data.fiscal_code.data.fiscal_code', 'applicant.data.address.data.address',
  'applicant.data.address.data.postal_code', 'applicant.data.email_address',
];
const child = (row: string) => [`${row}.bambino.data.completename.data.name`, `${row}.bambino.data.fiscal_code.data.fiscal_code`];
const copie = ['copie.data.uso', 'copie.data.copie', 'copie.data.bollo', 'copie.data.consegna'];

/** What an empty submission must be refused for, and conditional fields it must not ask for. */
const emptyExpectations: Record<string, { required: string[]; notRequired: string[] }> = {
  'iscrizione-mensa-scolastica': {
    required: ['anno_scolastico', 'figli', ...child('figli[0]'), 'figli[0].scuola', 'figli[0].classe', 'figli[0].dieta', 'presenta_isee', 'presa_visione_regolamento', 'dichiarazione_veridicita'],
    notRequired: ['valore_isee', 'protocollo_dsu', 'figli[0].allergie', 'figli[0].dieta_etico_religiosa'],
  },
  'trasporto-scolastico': {
    required: ['figli', ...child('figli[0]'), 'figli[0].scuola', 'figli[0].tragitto', 'presa_visione_regolamento'],
    notRequired: ['figli[0].fermata_andata', 'figli[0].fermata_ritorno'],
  },
  'pre-post-scuola': { required: ['figli', ...child('figli[0]'), 'figli[0].servizi', 'figli[0].giorni', 'motivazione'], notRequired: ['motivazione_altro'] },
  'cambio-residenza': {
    required: ['provenienza', 'cittadinanza', 'patente', 'chi_si_trasferisce', 'nuovo_indirizzo.data.address', 'nuovo_indirizzo.data.house_number',
      'nuovo_indirizzo.data.postal_code', 'data_decorrenza', 'titolo_occupazione', 'famiglia_esistente', 'possiede_veicoli', 'consapevole_accertamento'],
    notRequired: ['componenti', 'permesso_numero', 'patente_numero', 'contratto_numero', 'foglio', 'veicoli', 'proprietario_codice_fiscale'],
  },
  'albo-scrutatori': { required: ['elettore_comune', 'titolo_studio', 'istituto', 'anno_conseguimento', 'professione', 'nessuna_incompatibilita'], notRequired: ['professione_dettaglio'] },
  'albo-presidenti-seggio': { required: ['elettore_comune', 'titolo_studio', 'professione', 'esperienze', 'nessuna_incompatibilita'], notRequired: ['professione_dettaglio'] },
  'iscrizione-asilo-nido': {
    required: ['bambino.data.completename.data.name', 'bambino.data.fiscal_code.data.fiscal_code', 'lavoro_richiedente', 'altro_genitore.data.name',
      'lavoro_altro_genitore', 'nido_prima_scelta', 'frequenza', 'mese_inserimento', 'presenta_isee', 'dichiarazione_veridicita'],
    notRequired: ['ore_richiedente', 'valore_isee', 'nido_seconda_scelta'],
  },
  'certificato-nascita': { required: ['tipo_documento', 'intestatario', ...copie], notRequired: ['persona.data.name', 'rapporto', 'motivo_copia_integrale', 'copie.data.esenzione'] },
  'certificato-matrimonio': { required: ['tipo_documento', 'coniuge_1.data.surname', 'coniuge_2.data.surname', 'data_matrimonio', ...copie], notRequired: ['copie.data.uso_altro'] },
  'certificato-morte': { required: ['tipo_documento', 'defunto.data.name', 'data_decesso', 'luogo_decesso', 'rapporto', ...copie], notRequired: ['motivo_copia_integrale'] },
  'autocertificazione': { required: ['dichiarazioni', 'destinatario', 'consapevole'], notRequired: ['stato_civile', 'famiglia', 'titolo_studio', 'cittadinanza'] },
  'richiesta-appuntamento': { required: ['ufficio', 'giorno', 'fascia_oraria', 'argomento'], notRequired: ['note'] },
  'registro-associazioni': {
    required: ['denominazione', 'codice_fiscale_associazione', 'forma_giuridica', 'sede_legale.data.address', 'pec_associazione', 'richiedente_rappresentante', 'numero_soci', 'ambiti', 'statuto_democratico'],
    notRequired: ['numero_runts', 'rappresentante.data.email_address'],
  },
  'autorizzazione-eventi': {
    required: ['denominazione_associazione', 'titolo_evento', 'data_inizio', 'data_fine', 'luogo', 'partecipanti_previsti', 'occupazione_suolo', 'strutture', 'referente_sicurezza'],
    notRequired: ['superficie_mq'],
  },
  'iscrizione-biblioteca': { required: ['iscrizione_per', 'biblioteca', 'servizi', 'regolamento'], notRequired: ['minore_iscritto.data.completename.data.name', 'interessi'] },
};

describe('demo catalogue: forms validated with @formio/core', () => {
  it('has one sample submission per service, and nothing else', () => {
    expect(jsonNames(samplesDir)).toEqual(expectedServiceSlugs);
    for (const slug of expectedServiceSlugs) expect(sampleSchema.parse(readJson(join(samplesDir, `${slug}.json`))).service).toBe(slug);
    expect(Object.keys(emptyExpectations).sort()).toEqual(expectedServiceSlugs);
  });

  it.each(expectedServiceSlugs)('accepts the sample submission of %s', (slug) => {
    expect(errorsFor(slug, sample(slug))).toEqual([]);
  });

  it.each(expectedServiceSlugs)('refuses an empty submission of %s with required errors', (slug) => {
    const errors = errorsFor(slug, {});
    const required = paths(errors, 'required');
    const { required: expected, notRequired } = emptyExpectations[slug]!;
    expect(required).toEqual(expect.arrayContaining([...applicantRequired, ...expected]));
    for (const path of notRequired) expect(required, path).not.toContain(path);
  });
});

describe('demo catalogue: conditional fields and patterns', () => {
  it('cambio di residenza asks each member for the documents of their citizenship', () => {
    const errors = errorsFor('cambio-residenza', variant('cambio-residenza', (d) => {
      d.componenti[0].permesso_numero = undefined; // extra UE
      d.componenti[1].cittadinanza = 'extra_ue'; // was IT
      d.componenti[2].titolo_soggiorno_ue = undefined; // UE
      d.componenti[2].patente_numero = undefined;
      d.componenti[2].attestazione_ue_comune = undefined;
    }));
    expect(paths(errors, 'required').sort()).toEqual([
      'componenti[0].permesso_numero', 'componenti[1].permesso_numero', 'componenti[1].permesso_scadenza',
      'componenti[1].stato_cittadinanza', 'componenti[2].attestazione_ue_comune', 'componenti[2].patente_numero',
      'componenti[2].titolo_soggiorno_ue',
    ]);
  });

  it('cambio di residenza asks for the data of the housing title chosen', () => {
    const locazione = errorsFor('cambio-residenza', variant('cambio-residenza', (d) => { d.contratto_numero = ''; }));
    expect(paths(locazione, 'required')).toEqual(['contratto_numero']);
    const proprieta = errorsFor('cambio-residenza', variant('cambio-residenza', (d) => { d.titolo_occupazione = 'proprieta'; }));
    expect(paths(proprieta, 'required').sort()).toEqual(['foglio', 'particella']);
    const ospite = errorsFor('cambio-residenza', variant('cambio-residenza', (d) => { d.titolo_occupazione = 'ospite'; d.proprietario_nome = 'Carla Neri'; d.proprietario_codice_fiscale = 'NRECRL70A41H501X'; }));
    expect(ospite).toEqual([]);
  });

  it('cambio di residenza checks targa, patente and the family choice', () => {
    const errors = errorsFor('cambio-residenza', variant('cambio-residenza', (d) => {
      d.veicoli[0].targa = 'AB-123';
      d.patente_numero = 'U15';
      d.chi_si_trasferisce = 'solo_dichiarante';
      d.componenti = [];
    }));
    expect(errors.map((e) => `${e.rule} ${e.path}`).sort()).toEqual(['pattern patente_numero', 'pattern veicoli[0].targa']);
    const noVehicles = errorsFor('cambio-residenza', variant('cambio-residenza', (d) => { d.possiede_veicoli = 'si'; d.veicoli = []; }));
    expect(paths(noVehicles, 'required')).toEqual(['veicoli']);
  });

  it('refuses a malformed codice fiscale and CAP in the nested anagrafica', () => {
    const errors = errorsFor('albo-scrutatori', variant('albo-scrutatori', (d) => {
      d.applicant.data.fiscal_code.data.fiscal_code = 'FRRLCU02B09L21';
      d.applicant.data.address.data.postal_code = '1234';
      d.applicant.data.address.data.county = 'Torino';
    }));
    expect(errors.map((e) => `${e.rule} ${e.path}`).sort()).toEqual([
      'pattern applicant.data.address.data.county', 'pattern applicant.data.address.data.postal_code',
      'pattern applicant.data.fiscal_code.data.fiscal_code',
    ]);
  });

  it('mensa scolastica asks for ISEE and diet details only when they apply', () => {
    const errors = errorsFor('iscrizione-mensa-scolastica', variant('iscrizione-mensa-scolastica', (d) => {
      d.valore_isee = -5;
      d.figli[0].allergie = '';
      d.figli[1].dieta_etico_religiosa = undefined;
    }));
    expect(errors.map((e) => `${e.rule} ${e.path}`).sort()).toEqual(['min valore_isee', 'required figli[0].allergie', 'required figli[1].dieta_etico_religiosa']);
    const noIsee = errorsFor('iscrizione-mensa-scolastica', variant('iscrizione-mensa-scolastica', (d) => {
      d.presenta_isee = 'no'; delete d.valore_isee; delete d.protocollo_dsu; d.figli[0].dieta = 'standard';
    }));
    expect(noIsee).toEqual([]);
  });

  it('certificates ask for the exemption only when esente', () => {
    const errors = errorsFor('certificato-matrimonio', variant('certificato-matrimonio', (d) => { delete d.copie.data.esenzione; }));
    expect(errors).toEqual([{ rule: 'required', path: 'copie.data.esenzione' }]);
    const tooMany = errorsFor('certificato-morte', variant('certificato-morte', (d) => { d.copie.data.copie = 9; d.motivo_copia_integrale = ''; }));
    expect(tooMany.map((e) => `${e.rule} ${e.path}`).sort()).toEqual(['max copie.data.copie', 'required motivo_copia_integrale']);
  });

  it('autocertificazione asks only for what is declared', () => {
    const errors = errorsFor('autocertificazione', variant('autocertificazione', (d) => {
      d.dichiarazioni.titolo_studio = true; delete d.stato_civile;
    }));
    expect(paths(errors, 'required').sort()).toEqual(['stato_civile', 'titolo_studio']);
  });

  it('asilo nido, associazioni, eventi and biblioteca follow their conditions and bounds', () => {
    const monoparentale = errorsFor('iscrizione-asilo-nido', variant('iscrizione-asilo-nido', (d) => {
      d.nucleo_monoparentale = true; delete d.altro_genitore; delete d.lavoro_altro_genitore; delete d.ore_altro_genitore;
    }));
    expect(monoparentale).toEqual([]);
    const registro = errorsFor('registro-associazioni', variant('registro-associazioni', (d) => {
      delete d.numero_runts; d.numero_soci = 2; d.richiedente_rappresentante = 'no';
    }));
    expect(paths(registro, 'required')).toEqual(expect.arrayContaining(['numero_runts', 'rappresentante.data.fiscal_code.data.fiscal_code']));
    expect(paths(registro, 'min')).toEqual(['numero_soci']);
    const eventi = errorsFor('autorizzazione-eventi', variant('autorizzazione-eventi', (d) => { delete d.superficie_mq; d.partecipanti_previsti = 0; }));
    expect(eventi.map((e) => `${e.rule} ${e.path}`).sort()).toEqual(['min partecipanti_previsti', 'required superficie_mq']);
    const biblioteca = errorsFor('iscrizione-biblioteca', variant('iscrizione-biblioteca', (d) => { delete d.minore_iscritto; }));
    expect(paths(biblioteca, 'required')).toEqual(expect.arrayContaining(['minore_iscritto.data.fiscal_code.data.fiscal_code']));
  });
});
