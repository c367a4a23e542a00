/**
 * The booking form's lists follow what they read: each custom-list select refreshes on the
 * fields above it its script reads (renderer/src/forms/list-dependencies.ts), on the portal's form as served.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withListDependencies } from '../../../renderer/src/forms/list-dependencies';

type C = Record<string, unknown> & { key?: string; components?: C[] };
const bookings = JSON.parse(readFileSync(join(__dirname, '../../fixtures/portal-forms/bookings.json'), 'utf8')) as { components: C[] };

function find(list: C[], key: string): C | undefined {
  for (const c of list) {
    const found = c.key === key ? c : find(c.components ?? [], key);
    if (found) return found;
  }
  return undefined;
}

describe('lists that follow the fields they read', () => {
  const drawn = withListDependencies(bookings.components) as C[];

  it('day, time and reason reload when the office (and the day) above them change', () => {
    expect(find(drawn, 'day')?.refreshOn).toEqual(['user_group']);
    expect(find(drawn, 'time')?.refreshOn).toEqual(['user_group', 'day']);
    expect(find(drawn, 'service')?.refreshOn).toEqual(['user_group']);
  });

  it('the office, which reads the reason below it, does not reload on it (no two lists reloading each other)', () => {
    expect(find(bookings.components, 'user_group')?.data).toMatchObject({ custom: expect.stringContaining('data.service') });
    expect(find(drawn, 'user_group')?.refreshOn).toBeUndefined();
  });

  it('what a form declares is kept, and the form served is not changed', () => {
    const own = withListDependencies([{ type: 'textfield', key: 'a', input: true }, { type: 'select', key: 's', dataSrc: 'custom', data: { custom: 'values = [data.a]' }, refreshOn: 'data' }]);
    expect(own[1]!.refreshOn).toBe('data');
    expect(find(bookings.components, 'day')?.refreshOn).toBeUndefined();
  });
});
