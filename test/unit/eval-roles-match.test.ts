import { describe, expect, it } from 'vitest';
import { rolesMatch } from '../../scripts/eval/roles-match.js';

describe('eval:people role matching', () => {
  it('takes a role inside a longer one, and case and spelled-out variants, for one role', () => {
    expect(rolesMatch('UK Prime Minister', 'Prime Minister')).toBe(true);
    expect(rolesMatch('Lib Dem leader', 'Liberal Democrat leader')).toBe(true);
    expect(rolesMatch('UK chancellor', 'UK Chancellor')).toBe(true);
  });

  it('takes a compound written closed, open or hyphenated for one role', () => {
    expect(rolesMatch('Ex-chatshow host', 'ex-chat show host')).toBe(true);
    expect(rolesMatch('vice-president', 'vice president')).toBe(true);
  });

  it('tells different roles apart', () => {
    expect(rolesMatch('Home Secretary', 'Foreign Secretary')).toBe(false);
    expect(rolesMatch('chat show host', 'show host producer')).toBe(false);
    expect(rolesMatch('Cambridge student', 'Tory leader')).toBe(false);
  });
});
