/**
 * A card's date in each field's own format, checked where possible by Form.io's own rules in
 * core (the `day` rule reads the value by `dayFirst`; masks), so a wrong order is caught.
 */
import { describe, expect, it } from 'vitest';
import type { FormComponent } from '../../../../electron/core/catalogue/forms/form-json';
import { validateSubmission } from '../../../../electron/core/catalogue/forms/validate';
import { dateValueFor, parseIsoDate } from '../../../../electron/core/pratiche/prefill/date-value';
import { midnightIso } from '../../../../electron/core/pratiche/prefill/zoned-midnight';

const JAN_13 = { year: 1980, month: 1, day: 13 };
const field = (c: Partial<FormComponent>): FormComponent => ({ type: 'textfield', key: 'nato', input: true, ...c });
const dayField = (c: Partial<FormComponent> = {}) =>
  field({ type: 'day', fields: { day: { hide: false }, month: { hide: false }, year: { hide: false } }, ...c });

describe('parseIsoDate', () => {
  it('reads the card\'s ISO date, only when that day exists', () => {
    expect(parseIsoDate('1980-01-13')).toEqual(JAN_13);
    expect(parseIsoDate('1980-01-13T00:00:00Z')).toEqual(JAN_13);
    expect(parseIsoDate('1980-02-30')).toBeNull();
    expect(parseIsoDate('13/01/1980')).toBeNull();
  });
});

describe('day component', () => {
  it('MM/DD/YYYY by default, DD/MM/YYYY with dayFirst: each accepted by Form.io\'s day rule, the other order refused', () => {
    const monthFirst = dayField();
    const dayFirst = dayField({ dayFirst: true });
    expect(dateValueFor(monthFirst, JAN_13)).toBe('01/13/1980');
    expect(dateValueFor(dayFirst, JAN_13)).toBe('13/01/1980');
    expect(validateSubmission([monthFirst], { nato: '01/13/1980' })).toEqual([]);
    expect(validateSubmission([dayFirst], { nato: '13/01/1980' })).toEqual([]);
    expect(validateSubmission([monthFirst], { nato: '13/01/1980' }).map((e) => e.rule)).toEqual(['day']);
  });

  it('without the parts the field hides', () => {
    expect(dateValueFor(dayField({ fields: { day: { hide: true }, month: {}, year: {} } }), JAN_13)).toBe('01/1980');
    expect(dateValueFor(dayField({ dayFirst: true, fields: { day: {}, month: {}, year: { hide: true } } }), JAN_13)).toBe('13/01');
  });
});

describe('datetime component', () => {
  it('ISO 8601 at the start of the day in the field\'s zone, with that zone\'s offset (summer time included)', () => {
    expect(dateValueFor(field({ type: 'datetime', timezone: 'Europe/Rome' }), JAN_13)).toBe('1980-01-13T00:00:00+01:00');
    expect(dateValueFor(field({ type: 'datetime', timezone: 'Europe/Rome' }), { year: 2000, month: 7, day: 1 })).toBe('2000-07-01T00:00:00+02:00');
    expect(dateValueFor(field({ type: 'datetime', displayInTimezone: 'utc' }), JAN_13)).toBe('1980-01-13T00:00:00+00:00');
  });

  it('in the kiosk\'s own zone by default (Form.io\'s "viewer"), which shows the same day back', () => {
    const value = dateValueFor(field({ type: 'datetime' }), JAN_13)!;
    expect(value).toMatch(/^1980-01-13T00:00:00[+-]\d{2}:\d{2}$/);
    const local = new Date(value);
    expect([local.getFullYear(), local.getMonth() + 1, local.getDate(), local.getHours()]).toEqual([1980, 1, 13, 0]);
    expect(validateSubmission([field({ type: 'datetime' })], { nato: value })).toEqual([]);
  });

  it('an unknown zone falls back to the kiosk\'s', () => {
    expect(midnightIso(JAN_13, 'Non/Esiste')).toBe(midnightIso(JAN_13, null));
  });
});

describe('text fields', () => {
  it('a date mask gives the order: 99/99/9999 day first (and Form.io\'s mask rule accepts it), 9999-99-99 year first', () => {
    const masked = field({ inputMask: '99/99/9999' });
    expect(dateValueFor(masked, JAN_13)).toBe('13/01/1980');
    expect(validateSubmission([masked], { nato: '13/01/1980' })).toEqual([]);
    expect(validateSubmission([masked], { nato: '1980-01-13' }).map((e) => e.rule)).toEqual(['mask']);
    expect(dateValueFor(field({ inputMask: '9999-99-99' }), JAN_13)).toBe('1980-01-13');
    expect(dateValueFor(field({ inputMask: '99.99.9999' }), JAN_13)).toBe('13.01.1980');
  });

  it('a mask that is not a date takes no date', () => {
    expect(dateValueFor(field({ inputMask: 'AAAAAA99A99A***A' }), JAN_13)).toBeNull();
  });

  it('a plain field: the format its placeholder or pattern declares, else DD/MM/YYYY', () => {
    expect(dateValueFor(field({ placeholder: 'gg-mm-aaaa' }), JAN_13)).toBe('13-01-1980');
    expect(dateValueFor(field({ placeholder: 'yyyy/mm/dd' }), JAN_13)).toBe('1980/01/13');
    expect(dateValueFor(field({ placeholder: '31.12.1990' }), JAN_13)).toBe('13.01.1980');
    expect(dateValueFor(field({ validate: { pattern: '\\d{4}-\\d{2}-\\d{2}' } }), JAN_13)).toBe('1980-01-13');
    expect(dateValueFor(field({ placeholder: 'Roma', validate: { pattern: '[' } }), JAN_13)).toBe('13/01/1980');
    expect(dateValueFor(field({}), JAN_13)).toBe('13/01/1980');
  });

  it('a calendar widget: its dateFormat, ISO 8601 unless it says otherwise', () => {
    expect(dateValueFor(field({ widget: { type: 'calendar', dateFormat: 'dd/MM/yyyy' } }), JAN_13)).toBe('13/01/1980');
    expect(dateValueFor(field({ widget: { type: 'calendar' } }), JAN_13)).toBe(midnightIso(JAN_13, null));
    expect(dateValueFor(field({ widget: { type: 'calendar', dateFormat: 'dd/MM/yyyy hh:mm a' } }), JAN_13)).toBeNull();
  });
});
