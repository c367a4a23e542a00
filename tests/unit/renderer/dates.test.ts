import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { dayToTyped, formatDay, formatMonth, formatWeekdayName, typedToDay } from '../../../renderer/src/components/dates';

afterEach(() => void i18next.changeLanguage('it'));

describe('calendar days on screen', () => {
  it('reads a day in words, in the current language, whatever the machine zone', async () => {
    await i18next.init({ lng: 'it' });
    expect(formatDay('2026-12-02')).toBe('2 dicembre 2026');
    expect(formatDay('2031-05-01')).toBe('1 maggio 2031');
    await i18next.changeLanguage('en');
    expect(formatDay('2026-12-02')).toBe('2 December 2026');
    expect(formatDay('non una data')).toBe('non una data');
  });

  it('shows a day for typing as gg/mm/aaaa and reads back what an operator types', () => {
    expect(dayToTyped('2026-12-02')).toBe('02/12/2026');
    expect(dayToTyped('')).toBe('');
    expect(typedToDay('02/12/2026')).toBe('2026-12-02');
    expect(typedToDay('2/12/2026')).toBe('2026-12-02');
    expect(typedToDay('02.12.2026')).toBe('2026-12-02');
    expect(typedToDay('02-12-2026')).toBe('2026-12-02');
  });

  it('refuses what is no day: US order past 12, 31 February, half-typed', () => {
    expect(typedToDay('12/31/2026')).toBeNull();
    expect(typedToDay('31/02/2026')).toBeNull();
    expect(typedToDay('02/12/26')).toBeNull();
    expect(typedToDay('2026-12-02')).toBeNull();
  });
});

describe('a month view\'s headings', () => {
  it('names the month and the weekdays in the current language, whatever the machine zone', async () => {
    await i18next.init({ lng: 'it' });
    expect(formatMonth('2026-06-01')).toBe('giugno 2026');
    expect(formatWeekdayName('2026-06-01', 'short')).toBe('lun');
    expect(formatWeekdayName('2026-06-07', 'long')).toBe('domenica');
    await i18next.changeLanguage('en');
    expect(formatMonth('2026-06-01')).toBe('June 2026');
  });
});
