import { describe, expect, it } from 'vitest';
import { isStrict, memoryDbUpTo } from './migrate-upto';

describe('migration 005-cittadini', () => {
  it('keeps one profile per citizen and one acceptance per terms version', () => {
    const db = memoryDbUpTo(5);
    expect(isStrict(db, 'profiles')).toBe(true);
    expect(isStrict(db, 'terms_acceptances')).toBe(true);
    db.prepare(`INSERT INTO profiles VALUES ('CF', '{}', NULL, NULL, NULL, 'now')`).run();
    expect(() => db.prepare(`INSERT INTO profiles VALUES ('CF', '{}', NULL, NULL, NULL, 'now')`).run()).toThrow(/UNIQUE|PRIMARY/);
    const accept = db.prepare(`INSERT INTO terms_acceptances VALUES ('CF', 't', ?, 'now')`);
    accept.run('2026-01');
    accept.run('2026-02');
    expect(() => accept.run('2026-01')).toThrow(/UNIQUE|PRIMARY/);
  });
});
