/**
 * The card data a profile keeps (`profiles.card`, JSON) in core's one citizen shape, `Cittadino`
 * (ports/card.ts): the card's own field names. Earlier versions wrote
 * `{ fiscalCode, givenName, familyName, birthDate, birthPlace }`; `birthPlace` goes, as no card or
 * desk ever knew it (a CNS holds only the comune's cadastral code). Rows already in the new shape,
 * or with no codice fiscale in their JSON, are left alone.
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 12,
  name: '012-profili-cittadino',
  up(db) {
    db.exec(`
      UPDATE profiles SET card = json_object(
        'codiceFiscale', json_extract(card, '$.fiscalCode'),
        'nome', coalesce(json_extract(card, '$.givenName'), ''),
        'cognome', coalesce(json_extract(card, '$.familyName'), ''),
        'dataNascita', json_extract(card, '$.birthDate'))
      WHERE json_type(card, '$.fiscalCode') = 'text';
    `);
  },
};
export default migration;
