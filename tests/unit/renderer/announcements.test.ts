/**
 * Form.io's screen-reader sentences, built in English in its code, read in the app's language
 * from the app's own catalogue (renderer/src/forms/announcements.ts).
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { translateAnnouncement } from '../../../renderer/src/forms/announcements';
import it_ from '../../../renderer/src/i18n/it.json';
import en from '../../../renderer/src/i18n/en.json';

const i18n = i18next.createInstance();
await i18n.init({ resources: { it: { translation: it_ }, en: { translation: en } }, lng: 'it', fallbackLng: 'it', interpolation: { escapeValue: false } });
const inItalian = (text: string) => translateAnnouncement(text, (key, options) => i18n.t(key, { ...options, lng: 'it' }));

describe('Form.io\'s screen-reader announcements, in Italian', () => {
  it('what a field with a length limit says as the citizen types', () => {
    expect(inItalian('1 character remaining.')).toBe('Ancora 1 carattere disponibile.');
    expect(inItalian('7 characters remaining.')).toBe('Ancora 7 caratteri disponibili.');
    expect(inItalian('No characters remaining.')).toBe('Nessun carattere ancora disponibile.');
    expect(inItalian('3 characters should be removed.')).toBe('3 caratteri di troppo.');
    expect(inItalian('Maximum 600 characters.')).toBe('Al massimo 600 caratteri.');
  });

  it('two sentences joined as Form.io joins them (characters and words), each translated', () => {
    expect(inItalian('2 characters remaining. 1 word should be added.')).toBe('Ancora 2 caratteri disponibili. Manca ancora 1 parola.');
    expect(inItalian('Minimum 5 characters. Maximum 10 words.')).toBe('Almeno 5 caratteri. Al massimo 10 parole.');
  });

  it('numbers, rows and steps', () => {
    expect(inItalian('Number cannot be greater than 1.5.')).toBe('Il numero non può essere maggiore di 1.5.');
    expect(inItalian('Minimum value 0. Maximum value 99.')).toBe('Valore minimo 0. Valore massimo 99.');
    expect(inItalian('Row has been saved')).toBe('Riga salvata');
    expect(inItalian('Now on step 2 of 4: Dati')).toBe('Passo 2 di 4: Dati');
  });

  it('leaves alone what is already translated or not Form.io\'s', () => {
    expect(inItalian('Ancora 1 carattere disponibile.')).toBeNull();
    expect(inItalian('')).toBeNull();
  });

  it('in English, Form.io\'s own sentences back', () => {
    expect(translateAnnouncement('1 character remaining.', (key, options) => i18n.t(key, { ...options, lng: 'en' }))).toBe('1 character remaining.');
    expect(translateAnnouncement('4 words remaining.', (key, options) => i18n.t(key, { ...options, lng: 'en' }))).toBe('4 words remaining.');
  });
});
