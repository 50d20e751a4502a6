import { roleKey } from '../../src/core/nlp/attribution/roles.js';

/** Two roles are one when their folded keys are equal or one holds the other's words ("Prime Minister" in "UK Prime Minister"). */
export function rolesMatch(shown: string, labelled: string): boolean {
  const a = roleKey(shown);
  const b = roleKey(labelled);
  // ("ex-chatshow host" is "ex-chat show host": a compound written closed, open or hyphenated)
  const squashed = (key: string): string => key.replace(/[\s-]+/gu, '');
  return a === b || ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `) || squashed(a) === squashed(b);
}
