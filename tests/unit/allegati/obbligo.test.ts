/**
 * An attachment required in a case the form's data tells: one rule, read by the step's
 * Avanti and the submission (completeness) and shown on screen, so the wizard cannot say
 * "facoltativo" of a certificate it then needs, or go on without one it needs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceFileSchema, type AttachmentSpec } from '../../../electron/core/catalogue/format';
import { fileComponents, slotsFromFileComponents } from '../../../electron/core/catalogue/forms/file-components';
import { obbligoDelloSlot } from '../../../electron/core/pratiche/allegati/obbligo';
import { stepErrors, type StepContext } from '../../../electron/core/pratiche/completeness';
import type { WizardStep } from '../../../electron/core/pratiche/steps';

const DEMO = join(__dirname, '../../../electron/core/catalogue/demo/comune-di-prova/services');
const service = (slug: string) => serviceFileSchema.parse(JSON.parse(readFileSync(join(DEMO, `${slug}.json`), 'utf8')));
const mensa = service('iscrizione-mensa-scolastica');
const certificato = mensa.x_sportello_attachments.find((s) => s.key === 'certificato_medico')!;

const figli = (...diete: string[]) => ({ figli: diete.map((dieta) => ({ bambino: { data: {} }, dieta })) });
const STEP: WizardStep = { id: 'allegati', kind: 'allegati', title: 'Allegati', guide: '', formId: null, panelKey: null, components: [] };

function contesto(data: Record<string, unknown>, allegati: string[]): StepContext {
  return {
    pratica: { data, instructionsAccepted: true, paymentAcknowledged: true } as StepContext['pratica'],
    service: mensa,
    attachments: allegati.map((slotKey) => ({ slotKey }) as StepContext['attachments'][number]),
    missingForms: new Set(),
  };
}

describe('allegati obbligatori in un caso', () => {
  it('asks for the medical certificate exactly when a child has a diet for health reasons', () => {
    expect(obbligoDelloSlot(certificato, figli('standard', 'etico_religiosa'))).toEqual({ obbligatorio: false, quando: 'chiedi una dieta per motivi di salute' });
    expect(obbligoDelloSlot(certificato, figli('standard', 'sanitaria'))).toEqual({ obbligatorio: true, quando: 'chiedi una dieta per motivi di salute' });
    expect(obbligoDelloSlot(certificato, {}).obbligatorio).toBe(false);
  });

  it('stops the Allegati step (and so the submission) without it, saying why, and lets it go once attached', () => {
    expect(stepErrors(STEP, contesto(figli('sanitaria'), []))).toEqual([
      { path: 'certificato_medico', rule: 'required', message: 'Manca l\'allegato "Certificato medico per dieta speciale", che serve perché chiedi una dieta per motivi di salute.' },
    ]);
    expect(stepErrors(STEP, contesto(figli('sanitaria'), ['certificato_medico']))).toEqual([]);
    expect(stepErrors(STEP, contesto(figli('standard'), []))).toEqual([]);
  });

  it('keeps an always required slot required, and asks for the file when its condition cannot be evaluated', () => {
    const sempre: AttachmentSpec = { ...certificato, required: true };
    expect(obbligoDelloSlot(sempre, figli('standard'))).toEqual({ obbligatorio: true, quando: null });
    const rotta: AttachmentSpec = { ...certificato, requiredWhen: { when: { operatoreInesistente: [1] }, text: 'caso' } };
    expect(obbligoDelloSlot(rotta, figli('standard')).obbligatorio).toBe(true);
    const facoltativo: AttachmentSpec = { ...certificato, requiredWhen: null };
    expect(obbligoDelloSlot(facoltativo, figli('sanitaria'))).toEqual({ obbligatorio: false, quando: null });
  });

  it('reads the other demo conditions on the data their forms produce', () => {
    const slot = (slug: string, key: string) => service(slug).x_sportello_attachments.find((s) => s.key === key)!;
    const residenza = (data: Record<string, unknown>) => ({ cittadinanza: 'it', chi_si_trasferisce: 'solo_dichiarante', componenti: [], titolo_occupazione: 'proprieta', ...data });
    expect(obbligoDelloSlot(slot('cambio-residenza', 'permesso_soggiorno'), residenza({})).obbligatorio).toBe(false);
    expect(obbligoDelloSlot(slot('cambio-residenza', 'permesso_soggiorno'), residenza({ componenti: [{ cittadinanza: 'extra_ue' }] })).obbligatorio).toBe(true);
    expect(obbligoDelloSlot(slot('cambio-residenza', 'dichiarazione_proprietario'), residenza({ titolo_occupazione: 'ospite' })).obbligatorio).toBe(true);
    expect(obbligoDelloSlot(slot('cambio-residenza', 'documenti_componenti'), residenza({ chi_si_trasferisce: 'alcuni_componenti' })).obbligatorio).toBe(true);
    expect(obbligoDelloSlot(slot('autorizzazione-eventi', 'piano_sicurezza'), { partecipanti_previsti: 200 }).obbligatorio).toBe(false);
    expect(obbligoDelloSlot(slot('autorizzazione-eventi', 'piano_sicurezza'), { partecipanti_previsti: 201 }).obbligatorio).toBe(true);
    expect(obbligoDelloSlot(slot('autorizzazione-eventi', 'relazione_impianti'), { strutture: { palco: false, tavoli: true } }).obbligatorio).toBe(false);
    expect(obbligoDelloSlot(slot('autorizzazione-eventi', 'relazione_impianti'), { strutture: { palco: true } }).obbligatorio).toBe(true);
    expect(obbligoDelloSlot(slot('registro-associazioni', 'delega'), { richiedente_rappresentante: 'no' }).obbligatorio).toBe(true);
    expect(obbligoDelloSlot(slot('iscrizione-asilo-nido', 'certificazione_disabilita'), { disabilita: false }).obbligatorio).toBe(false);
    expect(obbligoDelloSlot(slot('certificato-nascita', 'delega'), { tipo_documento: 'copia_integrale', intestatario: 'altra_persona', rapporto: 'delegato' }).obbligatorio).toBe(true);
    expect(obbligoDelloSlot(slot('certificato-morte', 'delega'), { tipo_documento: 'copia_integrale', rapporto: 'coniuge' }).obbligatorio).toBe(false);
    expect(obbligoDelloSlot(slot('certificato-matrimonio', 'delega'), { tipo_documento: 'copia_integrale', richiedente_coniuge: 'no' }).obbligatorio).toBe(true);
  });

  it('takes a portal form\'s required file field shown on a condition as required in that case only', () => {
    const form = {
      _id: 'f', title: 'f', name: 'f', path: 'f', display: 'form',
      components: [
        { type: 'radio', key: 'ospite', input: true },
        { type: 'sdcfile', key: 'dichiarazione', label: 'Dichiarazione', validate: { required: true }, conditional: { show: true, when: 'ospite', eq: 'si' } },
        { type: 'sdcfile', key: 'isee', label: 'ISEE', validate: { required: true }, conditional: { json: { '===': [{ var: 'data.reddito' }, 'basso'] } }, properties: { requiredWhenText: 'chiedi la tariffa ridotta' } },
        // What the form builder leaves on every component: no condition.
        { type: 'sdcfile', key: 'documento', label: 'Documento', validate: { required: true }, conditional: { show: null, when: null, eq: '' } },
      ],
    };
    const slots = new Map(slotsFromFileComponents(fileComponents(form as never)).map((s) => [s.key, s]));
    expect(slots.get('documento')).toMatchObject({ required: true, requiredWhen: null });
    expect(slots.get('dichiarazione')).toMatchObject({ required: false, requiredWhen: { text: 'lo richiedono le risposte che hai dato nel modulo' } });
    expect(obbligoDelloSlot(slots.get('dichiarazione')!, { ospite: 'si' }).obbligatorio).toBe(true);
    expect(obbligoDelloSlot(slots.get('dichiarazione')!, { ospite: 'no' }).obbligatorio).toBe(false);
    expect(obbligoDelloSlot(slots.get('isee')!, { reddito: 'basso' })).toEqual({ obbligatorio: true, quando: 'chiedi la tariffa ridotta' });
    expect(obbligoDelloSlot(slots.get('isee')!, {}).obbligatorio).toBe(false);
  });
});
