import { describe, expect, it } from 'vitest';
import { cleanRole, leadingRole, rankRoles, roleKey } from '../../src/core/nlp/attribution/roles.js';

describe('what a role is', () => {
  it('keeps positions, offices, jobs and standings as the article gives them', () => {
    expect(cleanRole('Liverpool manager')).toBe('Liverpool manager');
    expect(cleanRole('former home secretary')).toBe('former home secretary');
    expect(cleanRole('chief executive of the company')).toBe('chief executive of the company');
    expect(cleanRole('top seed')).toBe('top seed');
    expect(cleanRole("women's world number one")).toBe("women's world number one");
  });

  it('takes an owner in the possessive, cut off from the title after it, for no role', () => {
    expect(cleanRole("Sheriff's")).toBeNull();
    expect(cleanRole('Sheriff’')).toBeNull();
    expect(cleanRole("Sheriff's deputy")).toBe("Sheriff's deputy");
  });

  it('takes an award won or nominated for for no role, and keeps a party nominee', () => {
    expect(cleanRole('Oscar nominee')).toBeNull();
    expect(cleanRole('best actress winner')).toBeNull();
    expect(cleanRole('Republican presidential nominee')).toBe('Republican presidential nominee');
  });

  it('takes the role a description after a name opens with, up to where it goes on about something else', () => {
    expect(leadingRole('a former senator from Minnesota')).toBe('former senator');
    expect(leadingRole('the former governor of Minnesota and a Republican candidate in 2012')).toBe(
      'former governor of Minnesota',
    );
    expect(leadingRole("a spokeswoman for Gore's 2000 presidential campaign")).toBe('spokeswoman');
    expect(leadingRole('director of the Politics Project at the University of Texas at Austin')).toBe(
      'director of the Politics Project',
    );
    expect(leadingRole("France's player of the year")).toBeNull();
    expect(leadingRole('deputy managing director of Aberdeen-based oil company Venture')).toBeNull();
    expect(leadingRole('the King of Belgium as well as the French foreign ministry')).toBeNull();
    expect(leadingRole('rapper and Trump supporter Lil Wayne')).toBeNull();
    expect(leadingRole('a father of three from Leeds')).toBeNull();
  });

  it('takes where someone lives or whose citizen they are for no role', () => {
    expect(cleanRole('Orange County resident')).toBeNull();
    expect(cleanRole('Somali refugee and U.S. citizen')).toBeNull();
  });

  it('keeps "fired" and "sacked" before a role: the office is no longer held', () => {
    expect(cleanRole('fired Minneapolis police officer')).toBe('fired Minneapolis police officer');
    expect(cleanRole('sacked manager')).toBe('sacked manager');
  });

  it('opens a role at "former", leaving the sentence’s lowercase words before it', () => {
    expect(cleanRole('likely subpoena former national security adviser')).toBe('former national security adviser');
    expect(cleanRole('case involved former high school student')).toBe('former high school student');
    expect(cleanRole('Republican former governor')).toBe('Republican former governor');
    expect(cleanRole('whistleblower and former Facebook employee')).toBe('whistleblower and former Facebook employee');
  });

  it('keeps only the role of a phrase that runs over a clause, and takes a clause for no role', () => {
    expect(cleanRole('serious foul play while Arsenal boss')).toBe('Arsenal boss');
    expect(cleanRole('public spotlight when Norfolk farmer')).toBe('Norfolk farmer');
    expect(cleanRole('October Tory leader')).toBe('Tory leader');
    expect(cleanRole('they eye captain')).toBeNull();
    expect(cleanRole('France centre Pierre Lamy believes coach')).toBeNull();
    expect(cleanRole('junior Wimbledon doubles title winner')).toBe('junior Wimbledon doubles title winner');
  });

  it('keeps only the role after a verb or a time of the sentence glued before it', () => {
    expect(cleanRole('Other guests include actor')).toBe('actor');
    expect(cleanRole('Rovers brought striker')).toBe('striker');
    expect(cleanRole('the sequel also stars Welsh comedian')).toBe('Welsh comedian');
    expect(cleanRole('Last year actor')).toBe('actor');
    expect(cleanRole("last year's champion")).toBe("last year's champion");
    expect(cleanRole('features editor')).toBe('features editor');
    expect(cleanRole('Pell alongside French actress')).toBeNull();
  });

  it('takes a count of several for no role, and folds a possessive into the same role', () => {
    expect(cleanRole("Labour's two Welsh Assembly members")).toBeNull();
    expect(cleanRole('BBC Two controller')).toBe('BBC Two controller');
    expect(cleanRole('five Wallabies including captain')).toBe('captain');
    expect(roleKey("Plaid's leader")).toBe(roleKey('Plaid leader'));
    expect(roleKey('ex-Yukos boss')).toBe(roleKey('former Yukos boss'));
  });

  it("takes a tie to someone else, a work's title or a mood for no part of a role", () => {
    expect(cleanRole('Ulster colleague')).toBeNull();
    expect(cleanRole('member of her band and engineer Tam Ruddle')).toBeNull();
    expect(cleanRole("Silver Dollar Girl'")).toBeNull();
    expect(cleanRole("Kenteris' lawyer")).toBe("Kenteris' lawyer");
    expect(cleanRole('confident shadow home secretary')).toBe('shadow home secretary');
    expect(cleanRole('Proud coach')).toBe('coach');
    expect(cleanRole('alongside Happy Mondays dancer')).toBe('Happy Mondays dancer');
    expect(cleanRole('agency quoted prosecutor')).toBe('prosecutor');
  });

  it("keeps a peer's courtesy that names an office", () => {
    expect(cleanRole('the former Lord Chancellor')).toBe('former Lord Chancellor');
    expect(cleanRole('Lord Chief Justice')).toBe('Lord Chief Justice');
    expect(cleanRole('Mr Justice')).toBeNull();
  });

  it('keeps the role of the one a clause before it acts on, and leaves out where it was said', () => {
    expect(cleanRole('Tomas Berdal beat third seed')).toBe('third seed');
    expect(cleanRole('Reporters covering singer')).toBe('singer');
    expect(cleanRole('Rovers sporting director')).toBe('Rovers sporting director');
    expect(cleanRole('head of equities trading at brokers Halden')).toBe('head of equities trading at brokers Halden');
    expect(cleanRole('chief secretary to the Treasury in a statement')).toBe('chief secretary to the Treasury');
  });

  it('drops a preposition of the sentence before a role, and takes a role that ends on one for none', () => {
    expect(cleanRole('between Fiat boss')).toBe('Fiat boss');
    expect(cleanRole('over Conservative leader')).toBe('Conservative leader');
    expect(cleanRole('Archbishop of')).toBeNull();
    expect(cleanRole('chief executive of the company')).toBe('chief executive of the company');
  });

  it('takes a word for what kind of person someone is for no role', () => {
    expect(cleanRole('great man')).toBeNull();
    expect(cleanRole('Northern Ireland man')).toBeNull();
    expect(cleanRole('Teenager')).toBeNull();
    expect(cleanRole('frontman')).toBe('frontman');
  });

  it('drops a possessive determiner before a role', () => {
    expect(cleanRole('its president')).toBe('president');
    expect(cleanRole('their chief executive')).toBe('chief executive');
  });

  it('drops a participle of the sentence glued before the role', () => {
    expect(cleanRole('allowing Arsenal striker')).toBe('Arsenal striker');
    expect(cleanRole('newly-appointed chairman')).toBe('chairman');
    expect(cleanRole('retired general')).toBe('retired general');
  });

  it('takes no courtesies, names, lone qualifiers, clauses or ages for roles', () => {
    expect(cleanRole('Mr')).toBeNull();
    expect(cleanRole('Mr Mann and Mr King')).toBeNull();
    expect(cleanRole('veteran')).toBeNull();
    expect(cleanRole('figures come after a slow summer of weak jobs gains')).toBeNull();
    expect(cleanRole('the 17-year-old')).toBeNull();
    expect(cleanRole('his daughter')).toBeNull();
  });

  it('takes where someone comes from for no role', () => {
    expect(cleanRole('Peruvian immigrant')).toBeNull();
    expect(cleanRole('Syrian refugee')).toBeNull();
  });

  it('spells out abbreviated titles and folds case and spelled-out variants into one key', () => {
    expect(cleanRole('Del.')).toBe('Delegate');
    expect(roleKey('UK Chancellor')).toBe(roleKey('UK chancellor'));
  });
});

describe('sentence words glued to a role', () => {
  it('keeps only the role after "starring" or "featuring"', () => {
    expect(cleanRole('controversial film starring Hollywood actor')).toBe('Hollywood actor');
    expect(cleanRole('The Quarry featuring tycoon')).toBe('tycoon');
  });

  it('takes a full name followed by a past tense for a clause, not a role', () => {
    expect(cleanRole("Rovers' boss Tom Hale accepted referee")).toBeNull();
    expect(cleanRole('Harbour Tabak equity strategist')).toBe('Harbour Tabak equity strategist');
  });

  it('leaves a noun of the sentence before the capitalized words a role opens on out of it', () => {
    expect(cleanRole('pack Kilbrook Rovers forward')).toBe('Kilbrook Rovers forward');
    expect(cleanRole('announcement WLGA finance spokesman')).toBe('WLGA finance spokesman');
    expect(cleanRole('former Tory leader')).toBe('former Tory leader');
    expect(cleanRole('lifelong Harlow supporter')).toBe('lifelong Harlow supporter');
  });
});

describe('when a role was taken', () => {
  it('leaves "new" and "current" out of a role, not out of a name or a thing they open', () => {
    expect(cleanRole('White House’s new communications director')).toBe('White House’s communications director');
    expect(cleanRole('New Kilbrook manager')).toBe('Kilbrook manager');
    expect(cleanRole('current Ibrox manager')).toBe('Ibrox manager');
    expect(cleanRole('New York governor')).toBe('New York governor');
    expect(cleanRole('head of new media at Radio Kilbrook')).toBe('head of new media at Radio Kilbrook');
  });
});

describe('variants of one role', () => {
  it('takes a compound written open, closed or hyphenated for one role, under its first spelling', () => {
    const tally = (text: string, order: number) => ({ text, count: 1, order });
    expect(rankRoles([tally('ex-chat show host', 0), tally('Harlow MEP', 1), tally('ex-chatshow host', 2)])).toEqual([
      'ex-chat show host',
      'Harlow MEP',
    ]);
  });
});

describe('whose a role is, when it only points back', () => {
  it('drops "the company\'s" and the like before a role, as it drops "its"', () => {
    expect(cleanRole("the company's chief financial officer")).toBe('chief financial officer');
    expect(cleanRole('the country’s president')).toBe('president');
    expect(cleanRole("Manchester United's manager")).toBe("Manchester United's manager");
  });
});

describe('how the writer rates someone', () => {
  it('drops an adjective of praise or blame before a role, and keeps a name it opens', () => {
    expect(cleanRole('a little-known Pentagon official')).toBe('Pentagon official');
    expect(cleanRole('the long-elusive Taliban spokesman')).toBe('Taliban spokesman');
    expect(cleanRole('controversial activist')).toBe('activist');
    expect(cleanRole('Popular Front leader')).toBe('Popular Front leader');
  });
});

describe('whom a role was held under', () => {
  it('drops "under" and who it names after a role, and keeps an "Under Secretary"', () => {
    expect(cleanRole('a former Justice Department official under President Tom Hale')).toBe(
      'former Justice Department official',
    );
    expect(cleanRole('Under Secretary of State')).toBe('Under Secretary of State');
  });
});

describe('a member or a nominee of nothing named', () => {
  it('takes "former member" or "nominees" for no role, and keeps a member or a nominee of something', () => {
    expect(cleanRole('former member')).toBeNull();
    expect(cleanRole('member')).toBeNull();
    expect(cleanRole('members')).toBeNull();
    expect(cleanRole('nominees')).toBeNull();
    expect(cleanRole('party member')).toBe('party member');
    expect(cleanRole('former member of the band')).toBe('former member of the band');
    expect(cleanRole('Democratic nominee')).toBe('Democratic nominee');
  });
});

describe('family ties', () => {
  it('takes a step-relation for a tie to someone, not a role', () => {
    expect(cleanRole("guitarist's stepsister")).toBeNull();
    expect(cleanRole('stepbrother')).toBeNull();
  });
});

describe('a role given once against one given often', () => {
  const tally = (text: string, count: number, order: number) => ({ text, count, order });

  it('lets a specific form stand for its generic one when it is given in its own right', () => {
    expect(rankRoles([tally('Prime Minister', 3, 1), tally('British Prime Minister', 1, 0)])).toEqual([
      'British Prime Minister',
    ]);
  });

  it('across articles never folds an office held into the same office held no longer; in one article it does', () => {
    expect(rankRoles([tally('special counsel', 70, 1), tally('former special counsel', 7, 0)], true)).toEqual([
      'special counsel',
      'former special counsel',
    ]);
    expect(
      rankRoles([tally('President', 844, 1), tally('former President', 108, 0), tally('then-President', 3, 2)], true),
    ).toEqual(['President', 'former President', 'then-President']);
    expect(rankRoles([tally('special counsel', 70, 1), tally('former special counsel', 7, 0)])).toEqual([
      'former special counsel',
    ]);
  });

  it('reads a form given once against dozens of the generic one as the generic one', () => {
    expect(
      rankRoles([
        tally('special counsel', 70, 1),
        tally('subpoenas this week seeking special counsel', 1, 0),
        tally('special prosecutor', 1, 2),
      ]),
    ).toEqual(['special counsel', 'special prosecutor']);
  });

  it('keeps a form given once apart when its words only place, party or date the role', () => {
    expect(
      rankRoles([tally('Senator', 40, 0), tally('Arizona Republican Senator', 1, 1), tally('backing Senator', 1, 2)]),
    ).toEqual(['Senator', 'Arizona Republican Senator']);
  });

  it('takes a role going on from another with "of" for a kind of it', () => {
    expect(rankRoles([tally('Secretary', 25, 0), tally('Secretary of State', 21, 1)])).toEqual(['Secretary of State']);
  });

  it('never takes another office for a kind of the one it ends with', () => {
    expect(rankRoles([tally('President', 5, 0), tally('Vice President', 3, 1)])).toEqual([
      'President',
      'Vice President',
    ]);
    expect(rankRoles([tally('Chancellor', 1, 0), tally('Shadow Chancellor', 1, 1)])).toEqual([
      'Chancellor',
      'Shadow Chancellor',
    ]);
  });
});

describe('words before a role that belong to the sentence or to someone else', () => {
  it('drops a participle and the preposition after it, and a tie to a relative before "and"', () => {
    expect(cleanRole('appearing beside presumptive Democratic presidential nominee')).toBe(
      'presumptive Democratic presidential nominee',
    );
    expect(cleanRole("Tom's brother and fellow longtime television comedian")).toBe('longtime television comedian');
  });
});

describe('one office written two ways', () => {
  it('folds "former governor of Florida" into "Former Florida Governor", but keeps "Secretary of State" whole', () => {
    expect(roleKey('former governor of Florida')).toBe(roleKey('Former Florida Governor'));
    expect(roleKey('Secretary of State')).toBe('secretary of state');
    expect(
      rankRoles(
        [
          { text: 'Former Florida Governor', count: 5, order: 0 },
          { text: 'former governor of Florida', count: 3, order: 1 },
          { text: 'Republican presidential candidate', count: 4, order: 2 },
        ],
        true,
      ),
    ).toEqual(['Former Florida Governor', 'Republican presidential candidate']);
  });
});

describe('roles of nothing named and words that are no role', () => {
  it('drops a bare leader, official or incumbent, and icons, patrons and tacticians', () => {
    for (const raw of [
      'leader',
      'a little-known official',
      'incumbent',
      'progressive icon',
      'patron',
      'consummate tactician',
    ]) {
      expect(cleanRole(raw)).toBeNull();
    }
    expect(cleanRole('Tory leader')).toBe('Tory leader');
    expect(cleanRole('Democratic incumbent')).toBe('Democratic incumbent');
  });
});

describe('words of the sentence or of the writer before a role', () => {
  it('drops what a participle before "former" says, and the writer\'s labels ("fanatic", "far-left")', () => {
    expect(cleanRole('super PAC backing former Florida governor')).toBe('former Florida governor');
    expect(cleanRole('Lawyers defending former WorldCom chief')).toBe('former WorldCom chief');
    expect(cleanRole('Far-left billionaire activist')).toBe('billionaire activist');
    expect(cleanRole('fanatic leader')).toBeNull();
  });
});
