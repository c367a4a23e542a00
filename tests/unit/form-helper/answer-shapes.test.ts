/** The form helper's answer checks take the real portal's answers (tests/fixtures/sdc), whole, and nothing else. */
import { describe, expect, it } from 'vitest';
import { checkedAnswer } from '../../../electron/core/catalogue/form-helper/answer-shapes';
import { sdcFixture } from '../../fixtures/sdc/load';

describe('form helper answer shapes', () => {
  it.each([
    ['categories', 'categories'],
    ['services', 'services'],
    ['user-groups', 'user-groups'],
    ['user-groups', 'user-groups-calendar'],
    ['calendar-days', 'calendar-availabilities'],
    ['calendar-slots', 'calendar-day-availabilities'],
  ] as const)('%s takes %s whole', (kind, fixture) => {
    const body = sdcFixture(fixture).body;
    expect(checkedAnswer(kind, body)).toBe(body);
  });

  it('refuses the portal error bodies and answers of another request', () => {
    expect(checkedAnswer('calendar-days', sdcFixture('error-calendar-not-found').body)).toBeNull();
    expect(checkedAnswer('services', sdcFixture('error-category-not-found').body)).toBeNull();
    expect(checkedAnswer('user-groups', 'Parameter service_id is not a valid uuid')).toBeNull();
    expect(checkedAnswer('calendar-slots', sdcFixture('calendar-availabilities').body)).toBeNull();
    expect(checkedAnswer('calendar-days', [{ date: '9 dicembre', available: true }])).toBeNull();
    expect(checkedAnswer('categories', {})).toBeNull();
  });
});
