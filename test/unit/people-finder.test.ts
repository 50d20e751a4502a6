import { describe, expect, it } from 'vitest';
import { articleFromLines } from '../../src/core/articles/from-lines.js';
import { buildDocument } from '../../src/core/nlp/attribution/document.js';
import { findEntities } from '../../src/core/nlp/attribution/entities.js';
import { attributeQuotes } from '../../src/core/nlp/attribution/pipeline.js';

/** The names of the people found in an article made of these lines. */
function namesOf(...lines: string[]): string[] {
  return attributeQuotes(articleFromLines('People', lines.join('\n')))
    .people.filter((person) => person.kind === 'person')
    .map((person) => person.name);
}

describe('finding people', () => {
  it('finds a full name that "he" or "she" takes up after a comma', () => {
    expect(namesOf('As for Tesfaye Woldemariam, he finished a distant fourth in the 5,000m.')).toEqual([
      'Tesfaye Woldemariam',
    ]);
  });

  it('leaves a place-like label before a given name out of the name', () => {
    expect(namesOf('New Yorker Daniel Okonkwo admitted the fraud at a hearing on Tuesday.')).toEqual([
      'Daniel Okonkwo',
    ]);
  });

  it('leaves the rest of a title before a given name out of the name', () => {
    expect(namesOf('The tweets targeted former Miss Cosmos Rosa Quintero on Friday.')).toEqual(['Rosa Quintero']);
  });

  it('finds someone named only by a surname the name lists know, doing something', () => {
    expect(namesOf('Long before the museum opened, Picasso painted the harbour from this window.')).toEqual([
      'Picasso',
    ]);
  });

  it('finds the people of a team sheet, each with the club in brackets after the name', () => {
    expect(
      namesOf('Backs: Tomas Ardill (Kilbrook Rovers), Yannec Doumergue (Valbrune), Kieran Mulvey (Harlow City, capt)'),
    ).toEqual(['Tomas Ardill', 'Yannec Doumergue', 'Kieran Mulvey']);
  });

  it('takes a month after a common given name, or a compass point after a given name, for a surname', () => {
    expect(namesOf('Olivia May, the shadow minister, said the plans were weak.', 'Mrs May said so again.')).toEqual([
      'Olivia May',
    ]);
    expect(namesOf('In May Sarah Okoro won the title.')).toEqual(['Sarah Okoro']);
    expect(namesOf('Brian June of Harbourlight played the anthem.')).toEqual(['Brian June']);
    expect(namesOf('Fans of Jamelia, Kaylan West and Tobi Adeyemi were upset.')).toEqual([
      'Kaylan West',
      'Tobi Adeyemi',
    ]);
  });

  it('keeps the particles of a surname that opens a sentence', () => {
    expect(namesOf('Van der Hoeven signed for the club on Monday, his agent said.')).toEqual(['Van der Hoeven']);
    expect(
      namesOf('Midfielder Jurre van der Hoeven joined on Monday.', 'Van der Hoeven, 24, said he was delighted.'),
    ).toEqual(['Jurre van der Hoeven']);
  });

  it('takes two or three capitals before a known surname for initials', () => {
    expect(namesOf("Children's author KT Robertson will receive a special award.")).toEqual(['KT Robertson']);
    expect(namesOf('The BBC Hawkins documentary aired on Sunday.')).toEqual([]);
  });

  it('finds the people of a team sheet without clubs, and an initial with a surname as the person the report names', () => {
    expect(namesOf('Backs: Dimitri Alvane, Pierre Mourlon, Yann Tessier, Basile Roquet.')).toEqual([
      'Dimitri Alvane',
      'Pierre Mourlon',
      'Yann Tessier',
      'Basile Roquet',
    ]);
    expect(
      namesOf(
        'Coach Ruairi Tenney picked Declan Hurley at centre.',
        'Ireland: P Murtagh, D Hurley, S Coyle, T Reddan, K Farrelly, M Joyce.',
      ),
    ).toEqual(['Ruairi Tenney', 'Declan Hurley', 'P Murtagh', 'S Coyle', 'T Reddan', 'K Farrelly', 'M Joyce']);
  });

  it('finds an initial before an everyday word or a given name on a team sheet, and a captain marked in brackets', () => {
    expect(
      namesOf(
        'The coach named his side on Monday.',
        'G Thomas (capt); K Morgan, T Shanklin; S Jones, D Peel, L Moody.',
      ),
    ).toEqual(['G Thomas', 'K Morgan', 'T Shanklin', 'S Jones', 'D Peel', 'L Moody']);
    expect(namesOf('Replacements: R McBryde (Llanelli), J Thomas (Ospreys), R Sidoli (Cardiff).')).toEqual([
      'R McBryde',
      'J Thomas',
      'R Sidoli',
    ]);
  });

  it('finds an unknown name a party stands before', () => {
    expect(namesOf('Conservative Ngaio Pendlebury won the seat.')).toEqual(['Ngaio Pendlebury']);
    expect(namesOf("The seat went to Labour's Ngaio Pendlebury on Friday.")).toEqual(['Ngaio Pendlebury']);
  });

  it('finds unknown names listed with a person', () => {
    expect(namesOf('The minister thanked Ruth Doyle, Bongani Zulu and Thabo Nkosi.')).toEqual([
      'Ruth Doyle',
      'Bongani Zulu',
      'Thabo Nkosi',
    ]);
    expect(namesOf('Suppliers are Ruth Doyle, Vexor Tobacco and Brantex Tobacco.')).toEqual(['Ruth Doyle']);
  });

  it('finds an unknown full name given an age', () => {
    expect(namesOf('Bongani Zulu, 25, was arrested on Monday.')).toEqual(['Bongani Zulu']);
    expect(namesOf('Police arrested Bongani Zulu, aged 25, on Monday.')).toEqual(['Bongani Zulu']);
  });

  it('finds an unknown full name whose surname the article gives a courtesy title', () => {
    expect(namesOf('Mr Zulu said it was fine.', 'Bongani Zulu was happy.')).toEqual(['Bongani Zulu']);
  });

  it('finds a name opened by a kunya, described after a comma', () => {
    expect(namesOf('Abu Harith, chief executive of the charity, added that leaders had been slow.')).toEqual([
      'Abu Harith',
    ]);
    expect(namesOf('Dr Osman Abu Harith said so.', 'Abu Harith added that leaders had been slow.')).toEqual([
      'Osman Abu Harith',
    ]);
  });

  it('finds a person after a long title of a place and an office, and keeps the place in the role', () => {
    const people = attributeQuotes(
      articleFromLines('People', '"We will march," said New York City Public Advocate Trish Jameson.'),
    ).people;
    expect(people.map((person) => [person.name, person.kind, person.roles])).toEqual([
      ['Trish Jameson', 'person', ['New York City Public Advocate']],
    ]);
    expect(namesOf('"We will march," said Florida-based Republican strategist Tom Cardenas.')).toEqual([
      'Tom Cardenas',
    ]);
  });

  it('keeps a lowercase particle with the surname it opens, and takes a surname with its particle for a person', () => {
    const quotes = attributeQuotes(
      articleFromLines('Mayor', 'Mayor Bill de Vries spoke. Later, de Vries said: "We will act."'),
    ).quotes;
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([['We will act.', 'Bill de Vries']]);
    const people = attributeQuotes(articleFromLines('Match', '"It was great," said de Jongh.')).people;
    expect(people.map((person) => [person.name, person.kind])).toEqual([['de Jongh', 'person']]);
  });

  it('keeps two particles inside a name', () => {
    expect(namesOf('The film stars Matteo de la Fuente as a young doctor.')).toEqual(['Matteo de la Fuente']);
  });

  it('leaves an office written with capitals before the name out of it (coroner, pathologist, vicar)', () => {
    expect(namesOf('The wounds were fatal, Calder County Coroner Grant Mavely said.')).toEqual(['Grant Mavely']);
    expect(namesOf('Parish Vicar Alan Frome led the service.')).toEqual(['Alan Frome']);
  });

  it('finds a relative named by a given name alone after whose family member they are', () => {
    expect(namesOf('Colin Brandt ran the race with his wife Marisa on Sunday.')).toEqual(['Colin Brandt', 'Marisa']);
    expect(namesOf('Ned Harlow said he and his wife, Corinne, had met him.')).toEqual(['Ned Harlow', 'Corinne']);
    // a given name the article already gave someone is theirs; a place is no relative
    expect(namesOf('Marisa Brandt arrived. Colin Brandt came with his wife Marisa.')).toEqual([
      'Marisa Brandt',
      'Colin Brandt',
    ]);
    expect(namesOf('Colin Brandt flew in with his daughter Paris on Sunday.')).toEqual(['Colin Brandt']);
  });

  it('finds a player after his position, "centre", which is also a kind of body', () => {
    expect(namesOf('The coach has a worry over centre Orrin Vaskell, who withdrew on Friday.')).toEqual([
      'Orrin Vaskell',
    ]);
    expect(namesOf('Harlow centre Tom Brandt limped out in the first half.')).toEqual(['Tom Brandt']);
    // "whose" takes up bodies too
    expect(namesOf('Polls favour the Voltan Front, whose leader spoke on Friday.')).toEqual([]);
  });

  it('takes a name that speaks "in its" or "on its" own medium for a body', () => {
    const found = attributeQuotes(
      articleFromLines('People', 'Morgan Stanley said in its report that prices would fall. Tom Hale said no.'),
    ).people.map((person) => `${person.kind} ${person.name}`);
    expect(found).toEqual(['organisation Morgan Stanley', 'person Tom Hale']);
  });

  it('takes no person from a journal named after the word "journal"', () => {
    expect(namesOf('Weight gain is likely, the journal Nature Genetics reports.')).toEqual([]);
    expect(namesOf('The findings appear in the journal Corvane Letters this week.')).toEqual([]);
  });

  it('finds a full name no list knows that "who" takes up in the middle of a sentence', () => {
    expect(namesOf('The coach has an injury worry over Olly Pemberwick, who withdrew on Friday.')).toEqual([
      'Olly Pemberwick',
    ]);
    // a team of everyday or place words is taken up by "who" too
    expect(namesOf('They lost to Aston Villa, who scored twice.')).toEqual([]);
    expect(namesOf('They lost to Partizan Belgrade, who scored twice.')).toEqual([]);
  });

  it('leaves an adverb opening the sentence out of the name', () => {
    expect(namesOf('The vote was close. Interestingly Marvell said no.')).toEqual(['Marvell']);
  });

  it('leaves a place after a full name out of the name', () => {
    expect(namesOf('The deal with Tomas Okafor Leicester was signed on Friday.')).toEqual(['Tomas Okafor']);
  });

  it('leaves a common noun before a given name out of the name', () => {
    expect(namesOf('Under Secretary for Procurement Daniel R. Okafor told reporters.')).toEqual(['Daniel R. Okafor']);
  });

  it('shows someone named only by a royal title and a given name with the title', () => {
    expect(namesOf('Prince Tomas opened the new wing on Monday.')).toEqual(['Prince Tomas']);
  });

  it('keeps the title of a pope, and of a monarch named with a regnal number', () => {
    expect(namesOf('Pope Tomas opened the synod on Monday.')).toEqual(['Pope Tomas']);
    expect(namesOf('King Tomas IV opened parliament.', 'Pope Anselm XVI blessed the crowd.')).toEqual([
      'King Tomas IV',
      'Pope Anselm XVI',
    ]);
  });

  it("takes a title word before a suffix for the surname, and a cleric's title for no part of the name", () => {
    expect(namesOf('Martin Luther Bishop Jr. led the march.')).toEqual(['Martin Luther Bishop Jr.']);
    expect(namesOf('The council will be led by Mullah Abdul Karim Sattar, who fought in the war.')).toEqual([
      'Abdul Karim Sattar',
    ]);
  });

  it("reads initials before a surname as a person's, but not those of a place or a body", () => {
    expect(namesOf('The museum honoured C.T. Vandermeer and J. Oduya.')).toEqual(['C.T. Vandermeer', 'J. Oduya']);
    expect(namesOf('Shares of U.S. Steel and N.H. Mutual fell.')).toEqual([]);
  });

  it('leaves the day after a name out of it', () => {
    expect(namesOf('The minister recalled ambassador Pierre Lenoir Friday night.')).toEqual(['Pierre Lenoir']);
  });

  it('joins a given name in brackets to the surname after it', () => {
    expect(namesOf('He said: "Greats like Paul Fennick and (Marcel) Dubreuil had critics too."')).toEqual([
      'Paul Fennick',
      'Marcel Dubreuil',
    ]);
  });
});

describe('not taking things for people', () => {
  it('takes no person from a name after "in" or "at"', () => {
    expect(namesOf('The striker scored twice at Marston Rovers on Saturday.')).toEqual([]);
  });

  it('takes no person from "Everybody" or "Someone" opening a quote', () => {
    expect(namesOf('"Everybody thought Dana Voss was unbeatable," he told reporters.')).toEqual(['Dana Voss']);
    expect(namesOf('"Someone told me it was over," he said.')).toEqual([]);
  });

  it('takes a word the article gives a kind of body elsewhere for that body, not for someone', () => {
    const { people, quotes } = attributeQuotes(
      articleFromLines(
        'Sales',
        [
          'Sales of handsets fell, according to research firm Marvane.',
          '"It was a weak quarter," Marvane said in a note.',
          "Corvo's agent said talks went well. Corvo, who joined in May, wants to stay.",
          '"I am happy here," Corvo said.',
        ].join('\n'),
      ),
    );
    expect(people.map((entity) => `${entity.kind} ${entity.name}`)).toEqual(['organisation Marvane', 'person Corvo']);
    expect(quotes.find((quote) => quote.text.startsWith('It was'))?.speaker).toBe('Marvane');
  });

  it('takes no person from a place or nationality the name lists also give as a given name', () => {
    expect(namesOf("He criticised Britain's financial watchdog on Monday.")).toEqual([]);
    expect(namesOf('A Sri Lankan firm said sales rose, said Tom Brandt.')).toEqual(['Tom Brandt']);
  });

  it('takes no person from an everyday word opening a sentence before a verb of saying', () => {
    expect(namesOf('Prices rose. Text messaging says more than voice, the firm claims.')).toEqual([]);
    expect(namesOf('"Let\u2019s say they win," Tom Brandt said.')).toEqual(['Tom Brandt']);
  });

  it('takes no body from people counted by where they are from', () => {
    const doc = buildDocument(articleFromLines('Attack', 'Four Americans died in the attack on the consulate.'));
    expect(findEntities(doc).entities).toEqual([]);
  });

  it("takes no body from a transcript's notes in capitals", () => {
    const doc = buildDocument(
      articleFromLines('Debate', ['HALE: Well, look. (LAUGHTER) (APPLAUSE) It was fine.', '(CROSSTALK.)'].join('\n')),
    );
    expect(findEntities(doc).entities).toEqual([]);
  });

  it('takes no person from a nickname that is all its quote marks hold', () => {
    expect(namesOf('The councillor called his rival "Lady Fibber" during the debate.')).toEqual([]);
  });

  it('takes no person from a name after an article', () => {
    expect(namesOf('She won the Dora Lark road race in March.', 'He owns a Hopper painting.')).toEqual([]);
  });

  it('takes no person from an honorific before an office', () => {
    expect(namesOf('"Mr Chairman, will you step down?" one shareholder asked.')).toEqual([]);
  });

  it('takes no person from a known surname in a list or after a kind of body', () => {
    expect(
      namesOf('Makers such as Sony and Parker are gearing up.', 'Polling firm Parker carried out the survey.'),
    ).toEqual([]);
  });

  it('takes no person from a work, a band or a firm named like one', () => {
    expect(namesOf('The period drama Nora Pell won best film.', 'Nora Pell was shot in Leeds.')).toEqual([]);
    expect(namesOf('Nora Pell director Ana Ruiz thanked the crew.')).toEqual(['Ana Ruiz']);
    expect(namesOf('Shares rose, said investment bank Carver Whitley.', 'Carver Whitley are advising.')).toEqual([]);
  });

  it('takes no person from a firm named like one that "its" describes', () => {
    expect(
      namesOf('Creditors sued Halden Price, its former banker, in May.', 'It is also working with Halden Price.'),
    ).toEqual([]);
  });

  it('takes no person from firms of one trade listed with the word they share', () => {
    expect(namesOf('The accused were Corby Tobacco, Pellam Tobacco and Dunmore Group.')).toEqual([]);
    expect(namesOf('Tomas Brandt, Elena Brandt and their son arrived.')).toEqual(['Tomas Brandt', 'Elena Brandt']);
  });

  it('takes no body from a nationality before a job, so a statement of "the court" goes to nobody', () => {
    const { people, quotes } = attributeQuotes(
      articleFromLines(
        'Sentenced',
        [
          'A British teenager was jailed over the death of an Irish soldier in a nightclub brawl.',
          "The court said that Omar Dale was provoked and 'lost self-control' when he drew a knife.",
        ].join('\n'),
      ),
    );
    expect(people.map((entity) => entity.name)).toEqual(['Omar Dale']);
    expect(quotes.map((quote) => quote.speaker ?? null)).toEqual([null]);
  });

  it('takes no person from a thing named after someone by an everyday word after the name', () => {
    expect(namesOf('Games such as the Alan McTavish Rally sell well.', 'Alan McTavish Rally is on sale.')).toEqual([]);
  });

  it('takes no person from a name that is or opens a work’s title', () => {
    expect(namesOf('Lucy Tarrant and the Thief of Dreams topped the book chart.')).toEqual([]);
    expect(namesOf('Lucy Tarrant: The Return opened in May.', 'Lucy Tarrant won a prize.')).toEqual([]);
    expect(namesOf('Critics loved Ken Doyle’s Lucy Tarrant.', 'Lucy Tarrant won a prize.')).toEqual(['Ken Doyle']);
    expect(namesOf('Lucy Tarrant, Ken Doyle’s drama about a nurse, won a prize.')).toEqual(['Ken Doyle']);
    expect(namesOf('Lucy Tarrant - Doyle’s 1960s drama about a nurse - won a prize.')).toEqual([]);
  });

  it('takes no person from a firm named by what only a body has, nor from its first word alone', () => {
    expect(namesOf('She worked at the offices of Carver Whitley.', 'Carver said she had been redundant.')).toEqual([]);
  });

  it('takes no person from a list that its kind of thing opens', () => {
    expect(namesOf('Lenders including Brightwater, Carver Whitley and Osprey Capital cut rates.')).toEqual([]);
    expect(namesOf('It makes games of movies such as Lucy Tarrant and the Night Owls.')).toEqual([]);
    expect(namesOf('Among the two earlier films, Ana Ruiz said the second was better.')).toEqual(['Ana Ruiz']);
  });

  it('still takes the person whose work is named after them', () => {
    expect(namesOf('Tom Reddy film Harbour Lights opened on Friday.')).toEqual(['Tom Reddy']);
    expect(namesOf('Critics praised Lena Voss, who plays the lead, and the band Nora Pell.')).toEqual(['Lena Voss']);
    expect(namesOf('Ken Doyle and the Night Owls played on Sunday.')).toEqual(['Ken Doyle']);
  });

  it('takes firms joined by an ampersand, and the first name of one alone, for no person', () => {
    expect(
      namesOf(
        'Hale & Dorsey agreed to pay.',
        'A Hale spokeswoman said the matter was closed.',
        'Hale declined to comment.',
      ),
    ).toEqual([]);
  });

  it('takes a capitalized role noun inside a sentence for part of a name of a thing, not a title', () => {
    expect(namesOf('She was honoured by the Stage Players Guild on Sunday.')).toEqual([]);
    expect(namesOf('Tickets for the Poll Winners Concert sold out.')).toEqual([]);
    expect(namesOf('Midfielder Edinho scored twice.')).toEqual(['Edinho']);
    expect(namesOf('Lady Marrin, sitting with Lords Ashworth and Pellew, said the law was clear.')).toContain(
      'Ashworth',
    );
  });

  it('takes a name before "and" and a title of a work for the work', () => {
    expect(namesOf('Pre-orders of Tobias Wren and Order of the Lantern beat every record.')).toEqual([]);
    expect(namesOf('Jane Pellow and Friends of the Earth protested.')).toEqual(['Jane Pellow']);
  });

  it("takes a transcript's speaker label in capitals for someone the article names, and for nobody new", () => {
    const people = attributeQuotes(
      articleFromLines(
        'People',
        [
          'Senator Maria Kettering spoke to the programme.',
          '"KETTERING: Well, look, the plan is wrong. It is serious business.',
          '"CORRECTION: An earlier version misspelt her name.',
        ].join('\n'),
      ),
    ).people;
    expect(people.map((person) => [person.name, person.kind, person.aliases])).toEqual([
      ['Maria Kettering', 'person', ['Kettering']],
    ]);
  });

  it('takes no person from a body whose name holds a capitalized small word', () => {
    expect(namesOf('A spokesman for Doctors Without Frontiers said the ruling was harsh.')).toEqual([]);
  });

  it('takes no person from a team that does something to "their"', () => {
    expect(namesOf('Ashgrove claimed their first league title in 40 years.')).toEqual([]);
  });

  it('takes no person from everyday words, whatever role stands before them', () => {
    expect(namesOf('The deal worried market leader Fast Food.')).toEqual([]);
  });

  it('takes no person from a name cut to a letter', () => {
    expect(namesOf('"Did they help Gloria B with her visa?" the post asked.')).toEqual([]);
  });

  it('finds each name of a list of people and their firms, which is mostly capitals but no title', () => {
    expect(
      namesOf('Donors include Tamsin Ebberly of Northgate Partners, Arlo Quence of Fenwick Capital Group.'),
    ).toEqual(['Tamsin Ebberly', 'Arlo Quence']);
    // a line in title case capitalizes its verbs too: its names are no evidence of anyone
    expect(namesOf('Tamsin Ebberly Meets Arlo Quence At Fenwick Capital Group Dinner.')).toEqual([]);
  });

  it('finds the one a firm\'s "its chief executive" describes, and no one in a firm a firm\'s role describes', () => {
    const analysis = attributeQuotes(
      articleFromLines(
        'Firm',
        'Campaigns hire Tally Digital. Jon Ravell, its chief executive officer, said: "Candidates are savvy."',
      ),
    );
    expect(analysis.quotes.map((quote) => quote.speaker)).toEqual(['Jon Ravell']);
    expect(namesOf('Morgan Stanley, its former banker, declined to comment.')).toEqual([]);
  });

  it('leaves a party label out of the name after it, whatever chamber opens the run', () => {
    expect(namesOf('House Democrat Tom Sorley said the bill was dead.')).toEqual(['Tom Sorley']);
    expect(namesOf('Senate Republican Ann Ode voted against it.')).toEqual(['Ann Ode']);
  });

  it('ends a name whose surname is a role word at the "of" of the state after it', () => {
    const analysis = attributeQuotes(
      articleFromLines('Boxer', 'Senator Mary Bishop of Vermont said: "We will not back this bill."'),
    );
    expect(analysis.quotes.map((quote) => quote.speaker)).toEqual(['Mary Bishop']);
    expect(namesOf('The Archbishop of Canterbury spoke.')).toEqual([]);
  });

  it('takes a title in the plural before a list of names for no part of the first name', () => {
    expect(namesOf('Democrats pointed to Senators Harold Quist and Ann Ode.')).toEqual(['Harold Quist', 'Ann Ode']);
  });

  it('finds someone after "in" whom "who" or "whose" takes up, and no one in a place "which" takes up', () => {
    expect(namesOf('Rovers have an interest in Wilfred Obanye, whose wage demands are high.')).toEqual([
      'Wilfred Obanye',
    ]);
    expect(namesOf('He lives in Virginia Water, which is in Surrey.')).toEqual([]);
  });

  it('takes a word that mostly opens sentences for a surname after a given name', () => {
    const analysis = attributeQuotes(
      articleFromLines(
        'Read',
        'Pharma chief executive Ian Read said: "We met the leaders and agreed that the deal is good for all of us."\nRead more about it.',
      ),
    );
    expect(analysis.quotes.map((quote) => quote.speaker)).toEqual(['Ian Read']);
    expect(analysis.people.map((person) => person.name)).toEqual(['Ian Read']);
  });

  it("keeps a building's word between a given name and a surname as a middle name, not in an orchestra's name", () => {
    expect(namesOf('"It is a mess," said Kathleen Hall Morrison, a professor at the university.')).toEqual([
      'Kathleen Hall Morrison',
    ]);
    expect(namesOf('The Royal Albert Hall Orchestra played on.')).toEqual([]);
  });

  it('takes a name ending on a plural of an everyday noun for a body, unless a given name opens it', () => {
    const analysis = attributeQuotes(
      articleFromLines(
        'Rail works',
        'Hull Trains said services were cancelled.\nEast Coast Trains said: "There is no service between Kings Cross and Finsbury Park tomorrow."',
      ),
    );
    expect(analysis.quotes.map((quote) => quote.speaker)).toEqual(['Hull Trains', 'East Coast Trains']);
    expect(namesOf('Tony Banks said it was wrong.')).toEqual(['Tony Banks']);
  });

  it('finds a Chinese name written surname first and takes its surname alone for the same person', () => {
    const analysis = attributeQuotes(
      articleFromLines(
        'Minibus',
        'Chan Wing-yan, who runs three minibuses in Kowloon, tried an electric one.\n"The first week, the drivers hated it," Chan said.\nProfessor Alan Leung Kai-fai said the city could learn. "It is fragmented," Leung said.',
      ),
    );
    expect(analysis.quotes.map((quote) => quote.speaker)).toEqual([
      'Chan Wing-yan',
      'Alan Leung Kai-fai',
      'Alan Leung Kai-fai',
    ]);
  });
  it('finds a cricketer named after the position they play, under the full name', () => {
    expect(
      namesOf('The reply was built on 77 from opener Nolwazi Jacobs, and on a late cameo. She had Jacobs stumped.'),
    ).toEqual(['Nolwazi Jacobs']);
  });

  it('takes the courtesy "Sri" opening a place for the place\'s name, not for a title', () => {
    expect(namesOf('Sri Lanka beat India by five wickets, and Sri Sri Ravi Shankar watched.')).toEqual([
      'Ravi Shankar',
    ]);
  });

  it('takes a body the lexicon knows for the body even when it opens on a given name', () => {
    expect(namesOf('He was signed as a footballer by Aston Villa in 1936.', 'Wells Fargo cut its forecast.')).toEqual(
      [],
    );
  });

  it("finds the people of a wire story's credit line, and no one called Additional", () => {
    expect(
      namesOf(
        'Prices rose, the ministry said.',
        '(Reporting by Felipe Arancio; Additional reporting by Clara Jimeno in Toronto; Editing by Henrik Dalberg)',
      ),
    ).toEqual(['Felipe Arancio', 'Clara Jimeno', 'Henrik Dalberg']);
  });

  it('takes no one called Bill or Act from the name of a law', () => {
    const article = articleFromLines(
      'Law',
      'MPs voted on the Criminal Justice Bill.\nSenator Bill Frisk said it was over.',
    );
    expect(attributeQuotes(article).people.map((person) => [person.name, person.roles])).toEqual([
      ['Bill Frisk', ['Senator']],
    ]);
    expect(namesOf('The Terrorism Act was passed.')).toEqual([]);
  });

  it('takes a royal named by title and given name for someone else than a person of that given name', () => {
    const people = attributeQuotes(
      articleFromLines(
        'Royals',
        [
          'Lib Dem leader Charles Kennard attacked the plan.',
          'Prince Charles is to marry on Friday, and Prince Charles said: "I am happy."',
          'Prince Saud al-Rashid spoke later. "We are proud," Prince Saud said.',
        ].join('\n'),
      ),
    );
    expect(people.people.filter((p) => p.kind === 'person').map((p) => p.name)).toEqual([
      'Charles Kennard',
      'Prince Charles',
      'Saud al-Rashid',
    ]);
    expect(people.quotes.map((q) => q.speaker)).toEqual(['Prince Charles', 'Saud al-Rashid']);
  });

  it('takes a name in the possessive before a relative for a person, not an employer', () => {
    // "Liverpool manager" names an employer; "Morel's grandfather" names Morel's family
    expect(
      namesOf("The vines that Jean Morel's grandfather planted came out of the ground.", 'Morel said it was sad.'),
    ).toEqual(['Jean Morel']);
  });

  it('reads a closed compound of what someone grows, keeps or owns as a description of a person', () => {
    const analysis = attributeQuotes(
      articleFromLines(
        'Vines',
        'Antoine Morel watched a digger pull out his vines on Wednesday.\n"It is like pulling out your own teeth," the 61-year-old winegrower told AFP.',
      ),
    );
    expect(analysis.quotes.map((quote) => quote.speaker)).toEqual(['Antoine Morel']);
  });
});

describe('labels and titles before a given name', () => {
  it('leaves a follower’s label made of a leader’s name out of the name', () => {
    expect(namesOf('Labour put Blairite Tom Marlow in charge.', 'Princess Marguerite of Molvania spoke.')).toEqual([
      'Tom Marlow',
      'Princess Marguerite',
    ]);
  });

  it('gives a former king’s role to nobody who merely shares his given name', () => {
    const people = attributeQuotes(
      articleFromLines(
        'Romance',
        'Tory Michael Ancombe spoke on Monday.\nHer father is ex-King Michael of Molvania, who said little.',
      ),
    ).people;
    expect(people.find((person) => person.name === 'Michael Ancombe')?.roles ?? []).not.toContain('ex-King');
  });
});

describe('bodies whose names end on a body’s head after a title word', () => {
  it('takes "Foreign Relations Committees" and "Coronavirus Task Force" for no person', () => {
    expect(
      namesOf(
        'Sen. Mark Ruben, who sits on the Senate Intelligence and Foreign Relations Committees, spoke.',
        'During the White House Coronavirus Task Force briefing, Redmond said the agency had a plan.',
        'Foreign Office Minister Bill Rammer said so.',
      ),
    ).toEqual(['Mark Ruben', 'Redmond', 'Bill Rammer']);
  });
});

describe('people only the headline names', () => {
  /** The people found in an article with this headline over these lines. */
  function headlined(title: string, ...lines: string[]) {
    return attributeQuotes(articleFromLines(title, lines.join('\n'))).people.filter(
      (person) => person.kind === 'person',
    );
  }

  it('finds a full name or a speaker the headline alone names, and nothing its terse words are', () => {
    const names = (title: string, ...lines: string[]) => headlined(title, ...lines).map((person) => person.name);
    expect(
      names('Who is Norah Bellweather? The minister wants the adviser fired', 'The adviser was hired in May.'),
    ).toEqual(['Norah Bellweather']);
    expect(
      names('Border will be secured by spring, Quarnby says', 'The chief of staff said talks would go on.'),
    ).toEqual(['Quarnby']);
    // a title-cased headline, a lone word before any other verb, or a place are nobody new
    expect(names('Norah Bellweather Wants The Adviser Fired', 'The adviser was hired in May.')).toEqual([]);
    expect(names('Quarnby praises Kashmir moves', 'The talks went well.')).toEqual([]);
    // a name the body uses for no one, a name made an adjective, a run of title case are nobody either
    expect(names('Kelbrook says its vaccine works', 'Kelbrook is on track, its executives said.')).toEqual([]);
    expect(names('Senate rejects Norah Bellweather-endorsed bill', 'The vote was close.')).toEqual([]);
    expect(names("Lawyer: 'I Said Norah Bellweather Will Not Be Able to Win'", 'The vote was close.')).toEqual([]);
  });

  it('adds nobody the body names in another form, and changes nothing of the body', () => {
    const people = headlined(
      'Dena Ralston quits, says Ralston',
      'Dena Ralston, the party chair, resigned on Friday.',
      'Ralston said she was proud.',
    );
    expect(people.map((person) => [person.name, person.roles])).toEqual([['Dena Ralston', ['party chair']]]);
  });
});

describe('words before a name that are no part of it', () => {
  it('leaves an everyday word that opens the sentence out of a surname someone has', () => {
    expect(
      namesOf('Tomas Brandvold lost the vote.', 'Absent Brandvold sent a letter instead.', 'Brandvold was away.'),
    ).toEqual(['Tomas Brandvold']);
  });

  it("leaves a department's name before a given name out of the name", () => {
    expect(namesOf('Former Housing and Urban Development Julian Okafor left the race on Thursday.')).toEqual([
      'Julian Okafor',
    ]);
  });

  it('takes a title naming what its office is of for a role, not a body', () => {
    const people = attributeQuotes(
      articleFromLines(
        'Hackers',
        'The campaign’s Director of Communications Tim Marrable said, "We have no indication of any breach."',
      ),
    ).people;
    expect(people.map((person) => [person.name, person.kind, person.roles])).toEqual([
      ['Tim Marrable', 'person', ['Director of Communications']],
    ]);
  });

  it("takes a firm's initials joined by an ampersand for no person", () => {
    expect(namesOf('J&K agreed the deal, and Jo Pell said it was good.')).toEqual(['Jo Pell']);
  });
});

describe('initials with stops', () => {
  it("takes letters that are a state's postal code only without stops for a person's initials", () => {
    expect(namesOf('In the morning came news of the death of C.T. Morland.')).toEqual(['C.T. Morland']);
    expect(namesOf('Shares of U.S. Steel and N.H. Mutual fell.')).toEqual([]);
  });
});

describe('fathers and sons of one name', () => {
  it('takes a name and the same name with "Jr." in one sentence for two people, apart for one', () => {
    expect(namesOf('Clips were shared by Mayor Tom Hadley and his son Tom Hadley Jr. The video spread.')).toEqual([
      'Tom Hadley',
      'Tom Hadley Jr.',
    ]);
    expect(namesOf('Tom Hadley Jr. led the march in 1963.', 'Tom Hadley was shot in 1968.')).toEqual([
      'Tom Hadley Jr.',
    ]);
  });
});

describe('everyday words the lexicon lacks', () => {
  /** Each found entity as "kind name". */
  function entitiesOf(...lines: string[]): string[] {
    return attributeQuotes(articleFromLines('People', lines.join('\n'))).people.map(
      (person) => `${person.kind} ${person.name}`,
    );
  }

  it('takes a name of common English words that speaks for a body, though the lexicon lacks the words', () => {
    expect(entitiesOf('Regional Transit said the buses would run late on Monday.')).toEqual([
      'organisation Regional Transit',
    ]);
    expect(entitiesOf('Mental Health said it would review the case.')).toEqual(['organisation Mental Health']);
  });

  it('still takes a surname that is a less common word, opening a sentence before "said", for a person', () => {
    expect(namesOf('Curry said on Monday that the plan would work.')).toEqual(['Curry']);
  });

  it('finds a given name that is an everyday word before a surname no word list has', () => {
    expect(namesOf('Rod Ferntree is out of the race.')).toEqual(['Rod Ferntree']);
    expect(namesOf('Penny Valdana left the cabinet on Monday.')).toEqual(['Penny Valdana']);
    // an adjective opening the name is no given name, whatever the name lists hold
    expect(namesOf('Tickets for Golden Vandorf went on sale on Monday.')).toEqual([]);
    expect(namesOf('The award went to Royal Kestrova on Monday.')).toEqual([]);
  });

  it('takes one of the commonest words alone, or a word ending a body’s name after "and", for nobody', () => {
    expect(namesOf('He said: "Is it the right partner? Time will tell."')).toEqual([]);
    expect(namesOf('The Office for Road Safety and Prevention said crashes fell.')).toEqual([]);
    // (a surname that is a less common word still speaks alone)
    expect(namesOf('Curry said on Monday that the plan would work.')).toEqual(['Curry']);
  });

  it('keeps a son’s suffix set off by a comma with the name, and takes the suffix alone for nobody', () => {
    expect(namesOf('Police Chief Tom Ardley, Jr. said officers were working.')).toEqual(['Tom Ardley Jr.']);
    expect(namesOf('Copies of Tom Ardley, Jr.’s new book were swapped.')).toEqual(['Tom Ardley Jr.']);
  });

  it('takes a verb opening a question before such a surname for no given name', () => {
    expect(namesOf('Will Ferntree sign the deal before Friday?')).toEqual([]);
    expect(namesOf('Will Ferntree signed the deal on Friday.')).toEqual(['Will Ferntree']);
  });

  it('takes no firm from a name an initial opens that ends on a plural noun', () => {
    expect(entitiesOf('K. Lorne Fields said the vote was rigged.')).not.toContain('organisation K. Lorne Fields');
  });

  it('takes no person from a name an everyday word opens in the middle of a sentence', () => {
    expect(namesOf('The striker moved to White Martin Lane this summer.')).toEqual([]);
    expect(namesOf('The band played at Big Ollie Lane on Friday, the promoter said.')).toEqual([]);
    // a role, a title, a party or an office's title before the name is no part of it
    expect(namesOf('Defence Secretary Marta Quillon met Liberal Democrat Ivo Pennock.')).toEqual([
      'Marta Quillon',
      'Ivo Pennock',
    ]);
    expect(namesOf('The ruling was joined by Justices Ann Odevar and Piet Lunsgard.')).toEqual([
      'Ann Odevar',
      'Piet Lunsgard',
    ]);
    expect(namesOf('The plan was backed by Minister for Work Jana Pelliot on Monday.')).toEqual(['Jana Pelliot']);
    // an epithet before a common given name and a surname that is no word
    expect(namesOf('He said he would beat Sleepy Tom Quillon easily.')).toEqual(['Tom Quillon']);
  });

  it('takes no contraction for part of a name, and a contraction inside a sentence for a title', () => {
    expect(namesOf("She won the prize for Girls Don't Dance, a film about a ballroom.")).toEqual([]);
    expect(namesOf('"Don\'t tell lies, Nigel. We\'re done," Marta Quillon said.')).toEqual(['Marta Quillon']);
    // an apostrophe before a capital or more letters is a name's
    expect(namesOf("Tomas O'Leary and Ndeye N'Golo signed on Monday.")).toEqual(["Tomas O'Leary", "Ndeye N'Golo"]);
  });
});

describe('full names after a title or before a role', () => {
  it('finds a name whose surname is a title word after a middle initial', () => {
    expect(namesOf('Representative Peter T. King spoke on Monday. Mr. King held off until the vote.')).toEqual([
      'Peter T. King',
    ]);
  });

  it('finds a name followed by "its president and CEO"', () => {
    expect(namesOf('The committee has raised $56 million, said David Gillam, its president and CEO.')).toEqual([
      'David Gillam',
    ]);
  });

  it('reads "Al" before a surname as a given name, with or without a title, and "Fr." as a title', () => {
    expect(namesOf('The Rev. Al Sharpe spoke on Monday. Sharpe said the march would go on.')).toEqual(['Al Sharpe']);
    expect(namesOf('Activist Al Sharpe spoke on Monday. Sharpe said the march would go on.')).toEqual(['Al Sharpe']);
    expect(namesOf('Fr. Frank Pavoni, director of the group, spoke. Pavoni said it was wrong.')).toEqual([
      'Frank Pavoni',
    ]);
    expect(namesOf('Rockets hit the Al Asad air base in the west.')).toEqual([]);
  });

  it('gives a name the role its description after it opens with', () => {
    const found = attributeQuotes(
      articleFromLines(
        'Vote',
        '"It is a vote for Dorn," said Nils Coleman, a former senator from Minnesota who backs Mr. Dorn.',
      ),
    ).people.find((person) => person.name === 'Nils Coleman');
    expect(found?.roles).toEqual(['former senator']);
  });
});

describe('lists of people and one family name', () => {
  it('gives every name of a list with party tags the plural title before it', () => {
    const found = attributeQuotes(
      articleFromLines(
        'Vote',
        'Four senators object: Sens. Joe Manford (D-WV), Bob Casey Jr. (D-PA) and Heidi Heit (D-ND).',
      ),
    ).people.map((person) => [person.name, person.roles]);
    expect(found).toEqual([
      ['Joe Manford', ['Senator']],
      ['Bob Casey Jr.', ['Senator']],
      ['Heidi Heit', ['Senator']],
    ]);
  });

  it('keeps a father and a son whose middle initials differ apart', () => {
    expect(namesOf('Stalwarts, including former presidents George H.W. Busk and George W. Busk, stay away.')).toEqual([
      'George H.W. Busk',
      'George W. Busk',
    ]);
  });
});

describe('a titled surname beside a thing named after it', () => {
  it('finds "President Trump" beside the Trump National Golf Club, and gives his words to him', () => {
    const analysis = attributeQuotes(
      articleFromLines(
        'Call',
        'President Trump boasted about his "very good call" with Vladimir Petrov in a Saturday tweet. "Tremendous potential for a good relationship with Russia," he posted while driving to the Trump National Golf Club.',
      ),
    );
    expect(analysis.quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['very good call', 'Trump'],
      ['Tremendous potential for a good relationship with Russia', 'Trump'],
    ]);
  });

  it('takes no person from a title and a place that open a body’s name', () => {
    expect(namesOf('The study is funded by the Rugby Football Union and Premier Rugby.')).toEqual([]);
  });
});

describe('offices held once', () => {
  it('keeps "Former" before a place and an office', () => {
    const roles = (line: string) =>
      attributeQuotes(articleFromLines('Roles', line)).people.map((person) => [person.name, person.roles[0]]);
    expect(roles('Former Virginia Gov. Terry McAulay said Sunday that he will run.')).toEqual([
      ['Terry McAulay', 'Former Virginia Governor'],
    ]);
  });
});

describe('people only a title-case headline names', () => {
  it('finds a given name and a surname in a headline in title case, and nothing of its other words', () => {
    expect(
      attributeQuotes(
        articleFromLines(
          'Republicans Stage Partisan Showdown Against FBI Agent Peter Strozek',
          'The chaotic hearing was revealing, but not in the way the party wanted.',
        ),
      ).people.map((person) => [person.name, person.roles]),
    ).toEqual([['Peter Strozek', []]]);
  });

  it('takes no person from a past tense and a noun in title case', () => {
    expect(
      attributeQuotes(articleFromLines('Budget Plan Drew Scrutiny From Lawmakers', 'The plan was published on Monday.'))
        .people,
    ).toEqual([]);
  });
});

describe('places and things named like people', () => {
  it('takes a county, an avenue, a road or a garden after a given name for a place, not a surname', () => {
    expect(
      namesOf(
        'Officials called for an audit of Wayne County’s results, and the parade went down Madison Avenue.',
        'Speaking in the Rose Garden, Mayor Dana Pell said the shop on Garth Road would close. Ben Hall agreed.',
      ),
    ).toEqual(['Dana Pell', 'Ben Hall']);
  });

  it('takes a ship or a band named like a person for a thing', () => {
    expect(
      namesOf(
        'Capt. Tom Vale, the commander of the aircraft carrier Theodore Roosevelt, sent a letter.',
        'Heavy metal bands Iron Maiden and Judas Priest will headline the festival.',
      ),
    ).toEqual(['Tom Vale']);
  });
});

describe('people named in passing', () => {
  it('finds a titled surname before a possessive body name, and a full name "at" which something is aimed', () => {
    expect(
      namesOf(
        "Governor Vale's Senate impeachment trial could hamper Mayor Dana Pell's agenda.",
        'On Tuesday Ms Pell fired back at Mitt Okafor, and took a swipe at Rui Sato too. The King’s Fund said nothing.',
      ),
    ).toEqual(['Vale', 'Dana Pell', 'Mitt Okafor', 'Rui Sato']);
  });
});

describe('a titled surname two people share', () => {
  it('gives "Secretary Vale" to the Vale with no office, not to the former president', () => {
    const people = attributeQuotes(
      articleFromLines(
        'People',
        'Former President Tom Vale and Ada Vale campaigned on Monday. "Secretary Vale called them out," Rui Sato said.',
      ),
    ).people.map((person) => [person.name, person.roles]);
    expect(people).toContainEqual(['Tom Vale', ['Former President']]);
    expect(people).toContainEqual(['Ada Vale', ['Secretary']]);
  });
});
