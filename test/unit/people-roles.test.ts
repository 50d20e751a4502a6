import { describe, expect, it } from 'vitest';
import { articleFromLines } from '../../src/core/articles/from-lines.js';
import { attributeQuotes } from '../../src/core/nlp/attribution/pipeline.js';

function peopleOf(...lines: string[]) {
  return attributeQuotes(articleFromLines('People', lines.join('\n'))).people;
}

describe('people of an article', () => {
  it('glues no verb after a quote to the role that follows it', () => {
    const roles = (line: string) =>
      Object.fromEntries(peopleOf(line).map((person) => [person.name, person.roles.slice(0, 1)]));
    expect(roles('Ms Reyes pledged to "never, ever" attack Tory leader Tom Hale over his faith.')).toMatchObject({
      'Tom Hale': ['Tory leader'],
    });
    // a quote ending on its comma is followed by its speaker's tag, role and all
    expect(roles('"It will fall," shop owner Ayla Demir told reporters.')).toEqual({ 'Ayla Demir': ['shop owner'] });
  });

  it('does not give "President Garner" to the Garner the article gives other offices', () => {
    const quotes = attributeQuotes(
      articleFromLines(
        'Garner',
        'Senator Ellen Garner spoke in Ohio on Monday.\nLater, President Garner said: "We will win this fight."',
      ),
    ).quotes;
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([['We will win this fight.', null]]);
  });

  it("gives a body's role set off by a comma before a name that closes the clause", () => {
    expect(
      peopleOf("The idea was questioned by Plaid Cymru's former president, Gethin Morcombe. He said it was wrong.").map(
        (person) => [person.name, person.roles],
      ),
    ).toEqual([['Gethin Morcombe', ["Plaid Cymru's former president"]]]);
  });

  it('takes military ranks for titles, and a rank with the surname for the person', () => {
    const analysis = attributeQuotes(
      articleFromLines(
        'RAF',
        'Air Commodore Andrew Lambeth, a former air defence chief, spoke.\nAir Commodore Lambeth added: "The threat is rising."',
      ),
    );
    expect(analysis.people.map((person) => [person.name, person.kind, person.roles])).toEqual([
      ['Andrew Lambeth', 'person', ['Air Commodore', 'former air defence chief']],
    ]);
    expect(analysis.quotes.map((quote) => quote.speaker)).toEqual(['Andrew Lambeth']);
  });

  it('takes the place a title is of for no person ("the Archbishop of Canterbury")', () => {
    const analysis = attributeQuotes(
      articleFromLines('Plans', 'The Archbishop of Westbury has criticised the plans. "It is wrong," he said.'),
    );
    expect(analysis.people).toEqual([]);
    expect(analysis.quotes.map((quote) => quote.speaker)).toEqual([null]);
  });

  it('leaves the verb that opens a question out of the title before a name', () => {
    const people = peopleOf('Is President Halvorsen really going to veto the bill? Halvorsen said no.');
    expect(people.map((person) => [person.name, person.roles])).toEqual([['Halvorsen', ['President']]]);
  });

  it('keeps every word of a name in the possessive before a role', () => {
    const people = peopleOf('Others were targeted, Lib Dem’s elections chief Lord Pennant said.');
    expect(people.map((person) => [person.name, person.roles])).toEqual([
      ['Lord Pennant', ['Lib Dem’s elections chief']],
    ]);
  });

  it('takes a role from the title before a name', () => {
    const people = peopleOf('Finnish Prime Minister Aino Virtanen arrived in Brussels on Monday.');
    expect(people).toEqual([{ name: 'Aino Virtanen', kind: 'person', aliases: [], roles: ['Finnish Prime Minister'] }]);
  });

  it('takes a role from an appositive after a name', () => {
    const people = peopleOf('Samuel Ortiz, the city’s chief fire officer, said the blaze was under control.');
    expect(people[0]).toMatchObject({ name: 'Samuel Ortiz', roles: ['chief fire officer'] });
  });

  it('takes a lowercase role phrase before a name', () => {
    const people = peopleOf('The bank’s chief economist Priya Raman expects rates to fall.');
    expect(people[0]?.name).toBe('Priya Raman');
    expect(people[0]?.roles[0]).toContain('chief economist');
  });

  it('takes the sports and media standings news gives before a name for roles, and the name without them', () => {
    const people = peopleOf(
      'Olympian Tavi Runcorn was there, with former hurdler Sela Brightwater and TV pundit Orrin Vasquez.',
    );
    expect(people.map((person) => [person.name, person.roles])).toEqual([
      ['Tavi Runcorn', ['Olympian']],
      ['Sela Brightwater', ['former hurdler']],
      ['Orrin Vasquez', ['TV pundit']],
    ]);
  });

  it('merges surname mentions into the full name and keeps them as aliases', () => {
    const people = peopleOf('Mayor Lucia Ferrante opened the bridge.', 'Ferrante thanked the engineers.');
    expect(people).toEqual([{ name: 'Lucia Ferrante', kind: 'person', aliases: ['Ferrante'], roles: ['Mayor'] }]);
  });

  it('takes no places, organisations or sentence words for people', () => {
    const people = peopleOf(
      'The European Union and the State Department met in New York.',
      'But Moscow rejected the plan on Tuesday.',
    );
    expect(people).toEqual([]);
  });

  it('lists an organisation among the people of an article when it speaks', () => {
    const people = peopleOf(
      'The State Department met in New York.',
      '"The talks went well," the State Department said.',
    );
    expect(people).toEqual([{ name: 'State Department', kind: 'organisation', aliases: [], roles: [] }]);
  });

  it('takes a familiar form of a given name for the person of that surname who has the full form', () => {
    const people = peopleOf(
      'Chief Petty Officer Edward Vane was cleared. Later, Eddie Vane thanked his lawyers.',
      'Attorney General William Ode agreed. "Good," Bill Ode said.',
    );
    expect(people.map((person) => [person.name, person.aliases])).toEqual([
      ['Edward Vane', ['Eddie Vane']],
      ['William Ode', ['Bill Ode']],
    ]);
    // (two people of one surname with different given names stay two)
    expect(peopleOf('Edward Vane and Robert Vane spoke.').map((person) => person.name)).toEqual([
      'Edward Vane',
      'Robert Vane',
    ]);
  });

  it('takes a familiar form of a given name before a word no place or body has for a person, not a firm', () => {
    const people = peopleOf('Bill Gates recently said the pandemic would last. Will Young said he was glad.');
    expect(people.map((person) => [person.name, person.kind])).toEqual([
      ['Bill Gates', 'person'],
      ['Will Young', 'person'],
    ]);
  });

  it('takes a word no list knows before a surname the lists know for a given name', () => {
    expect(peopleOf('The film stars Ziyi Zhang and was shot in Beijing.').map((person) => person.name)).toEqual([
      'Ziyi Zhang',
    ]);
  });

  it('reads a capitalized sentence that ends on its stop among prose as prose, and "Man Utd" as a club', () => {
    const people = peopleOf(
      'Take Idaho Republican Sens. Tom Vane and Rui Ode. Last week, they endorsed the nominee warmly.',
      'Man Utd: Carroll, Gary Neville, Ferdinand.',
    );
    expect(people.map((person) => [person.name, person.roles])).toEqual([
      ['Tom Vane', ['Idaho Republican Senator']],
      ['Rui Ode', ['Idaho Republican Senator']],
    ]);
  });

  it('keeps two people who share a surname apart', () => {
    const people = peopleOf('Hillary Clinton and Bill Clinton arrived together.');
    expect(people.map((person) => person.name)).toEqual(['Hillary Clinton', 'Bill Clinton']);
  });

  it('keeps the verb before a title out of the role', () => {
    const people = peopleOf('Her comments did not impress opposition transport spokesman Colin Hartley.');
    expect(people).toEqual([
      { name: 'Colin Hartley', kind: 'person', aliases: [], roles: ['opposition transport spokesman'] },
    ]);
  });

  it('ends a name at "of" before an employer', () => {
    const people = peopleOf('Professor Tova Brennick of Keyline University said the data were clear.');
    expect(people.filter((person) => person.kind === 'person')).toEqual([
      { name: 'Tova Brennick', kind: 'person', aliases: [], roles: ['Professor'] },
    ]);
  });

  it('takes two unknown name-like words beside a speech verb for a person', () => {
    const people = peopleOf('"It works," says Zelko Maravic, who built it.');
    expect(people.map((person) => person.name)).toEqual(['Zelko Maravic']);
  });

  it('takes a firm beside a speech verb for an organisation, not a person', () => {
    const people = peopleOf('"Prices will rise," said Harbour Solutions.', '"We disagree," said Human Rights Watch.');
    expect(people.map(({ name, kind }) => ({ name, kind }))).toEqual([
      { name: 'Harbour Solutions', kind: 'organisation' },
      { name: 'Human Rights Watch', kind: 'organisation' },
    ]);
  });

  it('reads a sentence-initial label before a full name as a title', () => {
    const people = peopleOf('Backbencher Stephen Pound said the vote was a farce.');
    expect(people.map((person) => person.name)).toEqual(['Stephen Pound']);
  });

  it('takes no role from a capacity after "as a", nor from "fellow" with nothing else', () => {
    expect(
      peopleOf('Friends recalled that as a Cambridge student Mr Abernethy was much loved.').map(
        (person) => person.roles,
      ),
    ).toEqual([[]]);
    expect(peopleOf('Fellow guest Ruth Kelland was also hit.').map((person) => person.roles)).toEqual([[]]);
    expect(peopleOf('Later fellow Labour MP Ann Ode said it was wrong.').map((person) => person.roles)).toEqual([
      ['Labour MP'],
    ]);
  });

  it('keeps a verb after "to", a tie to someone else and what several people are out of the roles', () => {
    const roles = (...lines: string[]) => peopleOf(...lines).map((person) => [person.name, person.roles]);
    expect(roles('Rovers want to sign Real Madrid striker Fernando Oltrez in January.')).toEqual([
      ['Fernando Oltrez', ['Real Madrid striker']],
    ]);
    expect(roles("The worry is Pugh's fellow Ospreys player Sonny Pardew, who hurt a knee.")).toEqual([
      ['Sonny Pardew', ['Ospreys player']],
    ]);
    expect(roles('Tara Quell, the oldest and youngest players in the draw, both won.')).toEqual([['Tara Quell', []]]);
  });

  it('opens no role with a preposition, and keeps a place of two words before a possessive whole', () => {
    const roles = (...lines: string[]) => peopleOf(...lines).map((person) => [person.name, person.roles]);
    expect(roles('The meeting between Fiat boss Sergio Marcotti and the union is due.')).toEqual([
      ['Sergio Marcotti', ['Fiat boss']],
    ]);
    expect(roles("It is the inquiry by New York's top law officer, Eliot Spetz, and others.")).toEqual([
      ['Eliot Spetz', ["New York's top law officer"]],
    ]);
  });

  it('ends a role phrase at an object pronoun or "if", and drops "fellow" wherever the phrase has it', () => {
    const roles = (...lines: string[]) => peopleOf(...lines).map((person) => [person.name, person.roles]);
    expect(roles('A video showed him grabbing reporter Michelle Fennel by the arm.')).toEqual([
      ['Michelle Fennel', ['reporter']],
    ]);
    expect(roles('We will see it if fellow candidate Donald Trumbull is elected.')).toEqual([['Donald Trumbull', []]]);
  });

  it("ends a role phrase at the sentence's speech verb or an adverb before a participle", () => {
    const roles = (...lines: string[]) => peopleOf(...lines).map((person) => [person.name, person.roles]);
    expect(roles('Donald Tramer tells Fox News anchor Megan Kellard that bullies lose.')).toEqual([
      ['Donald Tramer', []],
      ['Megan Kellard', ['Fox News anchor']],
    ]);
    expect(roles('Delegates are formally nominating billionaire Don Tremont today.')).toEqual([
      ['Don Tremont', ['billionaire']],
    ]);
  });

  it('keeps a place or body word ending in -ing or -ed that opens a name inside the role', () => {
    const roles = (...lines: string[]) => peopleOf(...lines).map((person) => [person.name, person.roles]);
    expect(roles('The plan was drawn up by Downing Street adviser Baroness Harwell.')).toEqual([
      ['Baroness Harwell', ['Downing Street adviser']],
    ]);
    expect(roles('The appeal was backed by United Nations relief coordinator Jan Egelund.')).toEqual([
      ['Jan Egelund', ['United Nations relief coordinator']],
    ]);
  });

  it('leaves a participle opening the sentence, or a hyphenated one, out of the role', () => {
    const roles = (...lines: string[]) => peopleOf(...lines).map((person) => [person.name, person.roles]);
    expect(roles('Injured Chelsea winger Arno Robberts will miss the game.')).toEqual([
      ['Arno Robberts', ['Chelsea winger']],
    ]);
    expect(roles('The ruling angered Nobel-winning Peruvian novelist Mario Vargos.')).toEqual([
      ['Mario Vargos', ['Peruvian novelist']],
    ]);
  });

  it('shows no role of what happened to someone ("broken thumb victim") or of a group ("Japanese people")', () => {
    const roles = (...lines: string[]) => peopleOf(...lines).map((person) => [person.name, person.roles]);
    expect(roles('Most of the Japanese people Ama Osei questioned use their phones for email.')).toEqual([
      ['Ama Osei', []],
    ]);
    expect(roles('He should take the armband from broken thumb victim Gavin Thorne on Saturday.')).toEqual([
      ['Gavin Thorne', []],
    ]);
  });

  it('shows no role that describes someone through a team-mate or club-mate, hyphenated or not', () => {
    const roles = (...lines: string[]) => peopleOf(...lines).map((person) => [person.name, person.roles]);
    expect(roles('The try was scored by England team-mate Josh Lewin on Saturday.')).toEqual([['Josh Lewin', []]]);
    expect(roles("He joined Henry's Arsenal club-mate Jose Arenas at the club.")).toEqual([['Jose Arenas', []]]);
  });
});

describe('the verb of a clause before a role', () => {
  const firstRole = (line: string) =>
    Object.fromEntries(peopleOf(line).map((person) => [person.name, person.roles.slice(0, 1)]));

  it('leaves out a verb after its subject, an auxiliary or an adverb, and a pronoun’s contraction', () => {
    expect(
      firstRole('The aides who helped Halvorsen investigate former governor Ada Quist were arrested.'),
    ).toMatchObject({
      'Ada Quist': ['former governor'],
    });
    expect(firstRole('Mayor Tom Hale rejected former senator Ada Quist’s request on Friday.')).toMatchObject({
      'Ada Quist': ['former senator'],
    });
    expect(firstRole('A panel would probably scrutinize former governor Ada Quist’s role.')).toMatchObject({
      'Ada Quist': ['former governor'],
    });
    expect(firstRole('In the end Brannigan pushed referee Ada Quist twice.')).toMatchObject({
      'Ada Quist': ['referee'],
    });
    expect(firstRole('Fans say he’s keen that special envoy Ada Quist stays.')).toMatchObject({
      'Ada Quist': ['special envoy'],
    });
  });

  it('keeps what describes the role: a participle after an article, and a party’s candidate', () => {
    expect(firstRole('The retired general Ada Quist said it was over.')).toMatchObject({
      'Ada Quist': ['retired general'],
    });
    expect(firstRole('It was a good night for Tory candidate Ada Quist.')).toMatchObject({
      'Ada Quist': ['Tory candidate'],
    });
  });
});

describe('offices of others', () => {
  const rolesOf = (text: string) => Object.fromEntries(peopleOf(text).map((person) => [person.name, person.roles]));

  it('takes "first lady" for a standing, and gives the president’s title to the president, not the first lady', () => {
    expect(rolesOf('First lady Mara Quell visited the school. Later President Quell said it was a success.')).toEqual({
      'Mara Quell': ['First lady'],
      Quell: ['President'],
    });
  });

  it('knows the roles a full name is given later in the article when matching a titled surname', () => {
    const article = articleFromLines(
      'Visit',
      'President Quell and first lady Mara Quell arrived on Monday. “We are glad,” Quell said. She said she was tired.',
    );
    const { quotes, people } = attributeQuotes(article);
    expect(people.map((person) => [person.name, person.roles])).toEqual([
      ['Quell', ['President']],
      ['Mara Quell', ['first lady']],
    ]);
    // the president is the first lady's husband: "she" is still her
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['We are glad', 'Quell'],
      ['she was tired', 'Mara Quell'],
    ]);
    // with a son of the name too, the office may be his: nobody is given it
    expect(
      rolesOf('President Quell spoke on Monday, beside first lady Mara Quell and their son Barron Quell.'),
    ).toEqual({ 'Mara Quell': ['first lady'], 'Barron Quell': [] });
  });

  it('gives the president no given name from a headline that names the first lady', () => {
    const article = articleFromLines(
      'Mara Quell’s office calls for firing',
      'The office of first lady Mara Quell said an adviser should go, as President Quell weighs changes.',
    );
    expect(attributeQuotes(article).people.map((person) => [person.name, person.roles])).toEqual([
      ['Mara Quell', ['first lady']],
      ['Quell', ['President']],
    ]);
  });

  it('gives the first lady none of the words of the president she shares a surname with', () => {
    const article = articleFromLines(
      'Harbour ban',
      'President Quell on Wednesday announced a ban. “We will act,” Quell said, referencing first lady Mara Quell, ' +
        'who was present, and their son Barron Quell.',
    );
    const { quotes, people } = attributeQuotes(article);
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([['We will act', null]]);
    expect(people.map((person) => [person.name, person.roles])).toEqual([
      ['Mara Quell', ['first lady']],
      ['Barron Quell', []],
    ]);
  });

  it('gives no office named by the surname alone to the son who bears the name with "Jr."', () => {
    expect(rolesOf('His son Tom Quell Jr. spoke first. President Quell said the trip was a success.')).toEqual({
      'Tom Quell Jr.': [],
    });
    // (a name that looks like a numeral is no son's: "President Xi")
    expect(rolesOf('The talks with President Xi went well, the envoy said.')).toEqual({ Xi: ['President'] });
  });

  it('gives no office that a counselor serves to the counselor', () => {
    expect(rolesOf('Counselor to the President Ada Quell told reporters it was over.')).toEqual({ 'Ada Quell': [] });
  });
});

describe('a role said of a name as its predicate', () => {
  it('gives "X is the ..." to a full name, up to the "and" of a second role', () => {
    const people = peopleOf(
      'KWB Morrison is the Second Amendment columnist for the Harbour Gazette and analyst for Delta Radio.',
      'Quarry Plus is the market leader in the field.',
    );
    expect(people.filter((person) => person.kind === 'person').map((person) => [person.name, person.roles])).toEqual([
      ['KWB Morrison', ['Second Amendment columnist for the Harbour Gazette']],
    ]);
  });
});

describe('roles read off their sentence', () => {
  it('takes a role and what it is of before a name, and a role a named owner has set off by commas', () => {
    expect(
      rolesOf(
        'The club said its director of football Tom Hale would stay.',
        'Lind’s campaign communications director, Ana Vale, said no. She met the Speaker of the House Bo Lunde.',
      ),
    ).toEqual({
      'Tom Hale': ['director of football'],
      'Ana Vale': ['Lind’s campaign communications director'],
      'Bo Lunde': [],
    });
  });

  it('reads "Sens." and "Pres." as titles, and keeps "late" before a title', () => {
    expect(
      rolesOf(
        'The bill was backed by Sens. Tom Hale and Ana Lind. Pres. Rui Sato signed it.',
        'It was named for the late Mayor Dan Reyes.',
      ),
    ).toEqual({
      'Tom Hale': ['Senator'],
      'Ana Lind': ['Senator'],
      'Rui Sato': ['President'],
      'Dan Reyes': ['late Mayor'],
    });
  });

  it('takes a role after a name that opens on words before its role word, when the phrase is a role', () => {
    expect(
      rolesOf(
        'Neil Vane, communications director of the group, spoke. Rui Sato, Kraft senior vice president, agreed.',
        'Ada Vale, best actress, left.',
      ),
    ).toEqual({
      'Neil Vane': ['communications director of the group'],
      'Rui Sato': ['Kraft senior vice president'],
      'Ada Vale': [],
    });
  });

  it('takes a role a full name will take or took as its predicate', () => {
    expect(
      rolesOf(
        'Tom Hale will be the new director of the agency, the ministry said.',
        'Ana Lind became the first mayor of the town. Rui Sato has been the columnist for the Herald.',
      ),
    ).toEqual({
      'Tom Hale': ['director of the agency'],
      'Ana Lind': ['first mayor of the town'],
      'Rui Sato': ['columnist for the Herald'],
    });
  });

  it('keeps an ordinal before a role, and takes two roles joined by "and" as two', () => {
    expect(
      rolesOf(
        'Tom Hale, the first Black U.S. secretary of state and top military officer, died on Monday.',
        'Ana Lind, the first Labour prime minister of the region, spoke.',
      ),
    ).toEqual({
      'Tom Hale': ['first Black U.S. secretary of state', 'top military officer'],
      'Ana Lind': ['first Labour prime minister of the region'],
    });
  });

  it('takes a full name after a body and a rank for a person, not for the body', () => {
    const people = peopleOf(
      'Her husband, Navy SEAL Ty Hale, was killed in the attack.',
      'Senate Parliamentarian Ana Lind said the rule could not be waived.',
    );
    expect(people.map((person) => [person.name, person.kind])).toEqual([
      ['Ty Hale', 'person'],
      ['Ana Lind', 'person'],
    ]);
  });

  it('takes an office about to be held for a role, and "VP" for a title', () => {
    const article = articleFromLines(
      'Transition',
      'Tom Hale accepted that the handover to President-elect Ana Lind can begin. The president said the agency ' +
        'should "do what needs to be done". Vice President-elect Ivy Quell spoke next. "We are ready," the ' +
        'president-elect said. VP Quell said: "So am I."',
    );
    const { quotes, people } = attributeQuotes(article);
    expect(people.map((person) => [person.name, person.roles])).toEqual([
      ['Tom Hale', []],
      ['Ana Lind', ['President-elect']],
      ['Ivy Quell', ['Vice President-elect', 'Vice President']],
    ]);
    // the president is not the president-elect
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['do what needs to be done', null],
      ['We are ready', 'Ana Lind'],
      ['So am I.', 'Ivy Quell'],
    ]);
  });

  it('takes a role someone has, set off by commas before a name, anywhere in the sentence', () => {
    expect(
      rolesOf(
        'The mayor on Monday named his new chief strategist, Tom Hale, to replace the old one.',
        'She thanked her running mate, Ada Vale. He called his wife, Ivy Hale, and her neighbour, Bo Lunde.',
        'The firm put profit over the safety of its users, Ann Ode, a former engineer, said.',
      ),
    ).toEqual({
      'Tom Hale': ['chief strategist'],
      'Ada Vale': ['running mate'],
      'Ivy Hale': [],
      'Bo Lunde': [],
      'Ann Ode': ['former engineer'],
    });
  });

  it('ends a role after a name at "who", but not at "the WHO", "someone who" or a list of others', () => {
    expect(
      rolesOf(
        'Ana Lind, the former ambassador to Norway who was recalled in May, testified on Friday.',
        'Dan Reyes, the head of the WHO, spoke. Ivy Quell, a lawyer and someone who knows, agreed.',
      ),
    ).toEqual({
      'Ana Lind': ['former ambassador to Norway'],
      'Dan Reyes': ['head of the WHO'],
      'Ivy Quell': [],
    });
  });

  it('splits a title from a name inside a quote as outside one, and keeps a nickname in marks out of a name', () => {
    const people = peopleOf(
      '"Attorney General Bill Vane should resign," Lowe said. "Finance Minister Will Ode too."',
      'Rep. Robert C. "Bobby" Vale agreed.',
    );
    expect(people.map((person) => [person.name, person.roles])).toEqual([
      ['Bill Vane', ['Attorney General']],
      ['Lowe', []],
      ['Will Ode', ['Finance Minister']],
      ['Robert C. Vale', ['Representative']],
    ]);
  });

  it('gives a role in the plural before a list to every name of the list, in the singular', () => {
    expect(
      rolesOf(
        'Former presidents Tom Hale, Rui Sato and Ana Lind attended the funeral.',
        'The show was hosted by news anchors Dan Reyes and Ivy Quell, and Senators Ada Vale and Bo Lunde spoke.',
      ),
    ).toEqual({
      'Tom Hale': ['Former president'],
      'Rui Sato': ['Former president'],
      'Ana Lind': ['Former president'],
      'Dan Reyes': ['news anchor'],
      'Ivy Quell': ['news anchor'],
      'Ada Vale': ['Senator'],
      'Bo Lunde': ['Senator'],
    });
  });

  const rolesOf = (...lines: string[]) =>
    Object.fromEntries(peopleOf(...lines).map((person) => [person.name, person.roles]));

  it('keeps a title that "of" joins to a role word before it whole', () => {
    expect(rolesOf('Secretary of state nominee Mara Quell won the committee vote.')).toMatchObject({
      'Mara Quell': ['Secretary of state nominee'],
    });
  });

  it('keeps "then-" (an office held at the time told, not now) and drops the event a role is held in', () => {
    expect(
      rolesOf(
        'The inquiry into then-President Tom Hale lasted years.',
        'The deal was signed by Dan Reyes, the chief negotiator in the talks.',
        'It says that then-FBI Director Ada Marrow worried, and that ex-FBI Director Rui Sato agreed.',
        'The panel heard ex-Governor Lea Novak.',
      ),
    ).toMatchObject({
      'Lea Novak': ['ex-Governor'],
      'Tom Hale': ['then-President'],
      'Dan Reyes': ['chief negotiator'],
      'Ada Marrow': ['then-FBI Director'],
      'Rui Sato': ['ex-FBI Director'],
    });
  });

  it('keeps "former" before a title, and the first word of a title after "then-"', () => {
    expect(
      rolesOf(
        'Former President Tom Hale said the vote was fair.',
        'Later, the panel heard former Finance Minister Ana Lind and ex-Governor Rui Sato.',
        'The talks began when then-Vice President Dan Reyes visited.',
      ),
    ).toMatchObject({
      'Tom Hale': ['Former President'],
      'Ana Lind': ['former Finance Minister'],
      'Rui Sato': ['ex-Governor'],
      'Dan Reyes': ['then-Vice President'],
    });
  });

  it('gives no one named after "President Quell’s daughter" the office or the name of her parent', () => {
    const people = peopleOf('President Quell’s daughter, Ivy Quell, said she would close her shop.');
    expect(people.map((person) => [person.name, person.roles])).toEqual([['Ivy Quell', []]]);
  });
});

describe('two surnames', () => {
  it('reads "Ms. Acosta" as Melba Acosta Febo when nobody has Acosta as a last name', () => {
    const analysis = attributeQuotes(
      articleFromLines(
        'Bank',
        '"We are fine," said Rosa Acosta Febo, the president of the bank.\nMs. Acosta said: "It is hard."',
      ),
    );
    expect(analysis.people.map((person) => person.name)).toEqual(['Rosa Acosta Febo']);
    expect(analysis.quotes.map((quote) => quote.speaker)).toEqual(['Rosa Acosta Febo', 'Rosa Acosta Febo']);
  });
});

describe('firms named by their line of business', () => {
  it('reads "Meta Platforms" and "Vertex Therapeutics" as bodies', () => {
    expect(
      peopleOf('Meta Platforms said it would appeal.', 'Vertex Therapeutics said its drug worked.').map((person) => [
        person.name,
        person.kind,
      ]),
    ).toEqual([
      ['Meta Platforms', 'organisation'],
      ['Vertex Therapeutics', 'organisation'],
    ]);
  });

  it('reads one word no name list knows that speaks of "its" own as a body, never a known surname', () => {
    const people = peopleOf(
      'Zentrix said its profits had risen. Tom Hale, the firm’s boss, spoke. Hale said its costs fell.',
    );
    expect(people.map((person) => [person.name, person.kind])).toEqual([
      ['Zentrix', 'organisation'],
      ['Tom Hale', 'person'],
    ]);
  });

  it('reads a line of business grown into the last word as a body, after a role noun too', () => {
    expect(
      peopleOf('A pill from partner Ridgeback Biotherapeutics worked. Ridgeback Biotherapeutics said it was glad.').map(
        (person) => [person.name, person.kind],
      ),
    ).toEqual([['Ridgeback Biotherapeutics', 'organisation']]);
  });
});

describe('a body named by one word after "the"', () => {
  it('reads "The Fed said" and "the Bundesbank said" as bodies, never "the Scot" or "the Khans"', () => {
    const people = peopleOf(
      'The Fed said in a statement that risks had risen.',
      'The Bundesbank said growth would slow.',
      '"We won," the Scot said. The Khans said they were afraid.',
    );
    expect(people.map((person) => [person.name, person.kind])).toEqual([
      ['Fed', 'organisation'],
      ['Bundesbank', 'organisation'],
    ]);
  });
});

describe('a list of titled names', () => {
  const rolesOf = (...lines: string[]) =>
    Object.fromEntries(peopleOf(...lines).map((person) => [person.name, person.roles]));

  it('does not give one person the title and name of the next one in a list', () => {
    expect(
      rolesOf(
        'The slates include State Treasurer Kelly Marsh, Secretary of State Connie Dole, Congresswoman Susan Brook, and Mayor James Sneed.',
        'Roger Vane, adviser to President Tom Hale, spoke.',
      ),
    ).toMatchObject({
      'Kelly Marsh': ['State Treasurer'],
      'Connie Dole': ['Secretary of State'],
      'Roger Vane': ['adviser to President Tom Hale'],
    });
  });
});

describe('an office someone might hold', () => {
  it('gives no role for "a President X could", and keeps one after "a" that is no title of the name', () => {
    expect(
      peopleOf(
        'Ada Quell spoke on Monday. It is an agenda a President Quell could hope to see work.',
        'A Senate Republican aide, Tom Vale, said no.',
      ).map((person) => [person.name, person.roles]),
    ).toEqual([
      ['Ada Quell', []],
      ['Tom Vale', ['Senate Republican aide']],
    ]);
  });
});
