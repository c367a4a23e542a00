/** Known text in the shape a field's input mask takes, checked against Form.io's own mask rule in core. */
import { describe, expect, it } from 'vitest';
import type { FormComponent } from '../../../../electron/core/catalogue/forms/form-json';
import { validateSubmission } from '../../../../electron/core/catalogue/forms/validate';
import { fieldValue } from '../../../../electron/core/pratiche/prefill/field-value';
import { conformToMask, conformToMasks } from '../../../../electron/core/pratiche/prefill/input-mask';

const CF_MASK = 'AAAAAA99A99A***A';
const text = (value: string | null) => ({ kind: 'text', text: value }) as const;

describe('conformToMask', () => {
  it('the fiscal-code mask of the portal\'s Codice Fiscale form takes a card\'s code, spacing removed', () => {
    expect(conformToMask('RSSMRA80A01H501U', CF_MASK)).toBe('RSSMRA80A01H501U');
    expect(conformToMask('RSSMRA 80A01 H501U', CF_MASK)).toBe('RSSMRA80A01H501U');
    // Omocodia replaces the last digits first: the cadastral code's `***` takes letters, the day's `99` does not.
    expect(conformToMask('RSSMRA80A01HRLMU', CF_MASK)).toBe('RSSMRA80A01HRLMU');
    expect(conformToMask('RSSMRA80A0MHRLMU', CF_MASK)).toBeNull();
    expect(conformToMask('RSSMRA80A01H501', CF_MASK)).toBeNull();
    expect(conformToMask('RSSMRA80A01H501UX', CF_MASK)).toBeNull();
  });

  it('adds the mask\'s literals, and refuses what has digits left over', () => {
    expect(conformToMask('333 1234567', '(999) 999-9999')).toBe('(333) 123-4567');
    expect(conformToMask('(333) 123-4567', '(999) 999-9999')).toBe('(333) 123-4567');
    expect(conformToMask('+39 333 1234567', '(999) 999-9999')).toBeNull();
  });

  it('with several masks, the first that fits, as Form.io stores it', () => {
    const masks = [{ label: 'fisso', mask: '99 9999999' }, { label: 'mobile', mask: '999 9999999' }];
    expect(conformToMasks('333 1234567', masks)).toEqual({ value: '333 1234567', maskName: 'mobile' });
    expect(conformToMasks('abc', masks)).toBeNull();
  });
});

describe('fieldValue for text', () => {
  const cf: FormComponent = { type: 'textfield', key: 'fiscal_code', input: true, inputMask: CF_MASK };

  it('what it writes passes Form.io\'s mask rule', () => {
    const value = fieldValue(cf, text('RSSMRA 80A01 H501U'));
    expect(value).toBe('RSSMRA80A01H501U');
    expect(validateSubmission([cf], { fiscal_code: value })).toEqual([]);
    expect(validateSubmission([cf], { fiscal_code: 'RSSMRA 80A01 H501U' }).map((e) => e.rule)).toEqual(['mask']);
  });

  it('a value the mask cannot take is written as it is (the card is the truth), an unknown one not at all', () => {
    expect(fieldValue(cf, text('RSSMRA80A0MHRLMU'))).toBe('RSSMRA80A0MHRLMU');
    expect(fieldValue(cf, text(null))).toBeNull();
    expect(fieldValue(cf, text(''))).toBeNull();
    expect(fieldValue({ type: 'phoneNumber', key: 'phone_number', inputMask: '' }, text('+39 333 1234567'))).toBe('+39 333 1234567');
  });
});
