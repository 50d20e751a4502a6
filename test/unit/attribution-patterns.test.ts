import { describe, expect, it } from 'vitest';
import { articleFromLines } from '../../src/core/articles/from-lines.js';
import { attributeQuotes } from '../../src/core/nlp/attribution/pipeline.js';

/** Quote text and the speaker it is listed under, for every quote in marks of an article made of these lines. */
function listed(title: string, ...lines: string[]): [string, string | null][] {
  return attributeQuotes(articleFromLines(title, lines.join('\n')))
    .quotes.filter((quote) => quote.kind !== 'reported')
    .map((quote) => [quote.text, quote.speaker]);
}

/** The reported statements, as [text, speaker], of an article made of `lines`. */
function reported(...lines: string[]): [string, string | null][] {
  return attributeQuotes(articleFromLines('Reported', lines.join('\n')))
    .quotes.filter((quote) => quote.kind === 'reported')
    .map((quote) => [quote.text, quote.speaker]);
}

/** The quotes given a speaker, as [text, speaker], of an article made of `lines`. */
function attributed(...lines: string[]): [string, string | null][] {
  return attributeQuotes(articleFromLines('Claims', lines.join('\n')))
    .quotes.filter((quote) => quote.speaker !== null)
    .map((quote) => [quote.text, quote.speaker]);
}

function people(...lines: string[]) {
  return attributeQuotes(articleFromLines('People', lines.join('\n'))).people;
}

describe('pronouns after two people', () => {
  it('gives "she said" to the woman when a woman wrote to a man', () => {
    expect(
      listed(
        'Refund row',
        'Council leader Joan Harper apologised on Monday for the billing error.',
        'Ms Harper then e-mailed Mr Doyle to explain the mistake. She said: "We got this wrong and we will fix it."',
      ),
    ).toEqual([['We got this wrong and we will fix it.', 'Joan Harper']]);
  });

  it('does not give "he said" closing a sentence to the man the sentence talks about', () => {
    expect(
      listed(
        'Campaign',
        'Alan Okafor spoke on Monday. And Tom Hale would lead the campaign from the front, he said.',
        '"Between now and the election the leader will be travelling," he promised.',
      ),
    ).toEqual([['Between now and the election the leader will be travelling', 'Alan Okafor']]);
  });

  it('takes a name opening the second clause of a sentence as its subject', () => {
    expect(
      listed(
        'Doping',
        'Tom Quinlan, the union president, met riders in Geneva on Monday.',
        'A meeting with the rider Lance Marsh remains possible, and Quinlan is refusing to rule it out. "He knows more than anyone," he said.',
      ),
    ).toEqual([['He knows more than anyone', 'Tom Quinlan']]);
  });

  it('prefers the subject of the sentence before when both people could be meant', () => {
    expect(
      listed(
        'Refund row',
        'Joan Harper and Ruth Doyle run the council’s finance committee.',
        'Harper criticised Doyle over the delay. "This should never have happened," she said.',
      ),
    ).toEqual([['This should never have happened', 'Joan Harper']]);
  });

  it('gives a pronoun to nobody when the only one who could be meant was named sentences ago', () => {
    const far = [
      'Ruth Doyle opened the pottery in March.',
      'Kilns there fire day and night. Orders from Japan doubled. Mugs, plates and bowls sell out within hours.',
    ];
    expect(listed('Potteries', ...far, 'She said: "This will be a welcome boost for the town."')).toEqual([
      ['This will be a welcome boost for the town.', null],
    ]);
    expect(listed('Potteries', far[0]!, 'Orders from Japan doubled. She said: "This is a welcome boost."')).toEqual([
      ['This is a welcome boost.', 'Ruth Doyle'],
    ]);
  });

  it('does not give "she said" to a man', () => {
    expect(listed('Budget', 'Robert Doyle presented the budget.', '"The numbers add up," she said.')).toEqual([
      ['The numbers add up', null],
    ]);
  });

  it('leaves a pronoun unresolved when two people of its gender are equally likely', () => {
    expect(
      listed(
        'Budget',
        'Robert Doyle met Samuel Okafor and Peter Lindqvist on Friday.',
        'Okafor and Lindqvist agreed on the plan. "It will work," he said.',
      ),
    ).toEqual([['It will work', null]]);
  });
});

describe('people described but never named', () => {
  it('gives "He said" after "One fan, who ..." to that unnamed fan, not to the man named before', () => {
    expect(
      listed(
        'Train row',
        'Guard Owen Price made the remark over the tannoy as the train pulled in.',
        'One United fan, who asked not to be named, was travelling home from the match. He said: "I could not believe what I was hearing."',
      ),
    ).toEqual([['I could not believe what I was hearing.', null]]);
  });

  it('gives "said the UCI president" to the one whose role is plain "president"', () => {
    expect(
      listed(
        'Doping',
        'The cycling union and its president Pat Quinlan are under pressure.',
        'Quinlan spoke to reporters at length on Monday in Geneva about the past of the sport and its future.',
        'Riders are tested more often now, and the union has new laboratories across the whole of Europe.',
        '"Nobody is silly enough to say the peloton is clean," added the UCI president.',
      ),
    ).toEqual([['Nobody is silly enough to say the peloton is clean', 'Pat Quinlan']]);
  });

  it('gives "the 24-year-old told" to the person in play', () => {
    expect(
      listed(
        'Match',
        'Kwame Mensah scored the winner for City.',
        'Mensah, who has now scored seven goals in nine games, dedicated the winner to his late grandmother.',
        '"She watched every game I ever played," the 24-year-old told Sky Sports.',
      ),
    ).toEqual([['She watched every game I ever played', 'Kwame Mensah']]);
  });

  it('gives "said the Dutchman" to the person named in the sentence before', () => {
    expect(
      listed(
        'Cup win',
        'Harlow manager Martin de Wit acclaimed his players after the 3-0 win over a stubborn Dover side.',
        '"It was a professional sort of performance," the Dutchman said.',
      ),
    ).toEqual([['It was a professional sort of performance', 'Martin de Wit']]);
  });

  it('gives "she said" after an unnamed spokeswoman to nobody, not to the woman named before her', () => {
    expect(
      listed(
        'Gaffe',
        'Opposition leader Joan Harper said: "This is an incredible gaffe."',
        'But a council spokeswoman insisted the remark was about adults. "It was a general comment," she said.',
      ),
    ).toEqual([
      ['This is an incredible gaffe.', 'Joan Harper'],
      ['It was a general comment', null],
    ]);
  });

  it('lists a spokeswoman of a body named only by her description’s word under nobody else', () => {
    expect(
      listed(
        'Gaffe',
        'The Home Office and Joan Harper clashed.',
        '"We are looking at it," a council spokeswoman said.',
      ),
    ).toEqual([['We are looking at it', null]]);
  });
});

describe('hand-overs and unknown names', () => {
  it('gives the answers of a question-and-answer interview to the one interviewed, and a lone question to nobody', () => {
    const interview = [
      'Orla Keane has written 19 novels. We spoke to her at her home.',
      'What was publishing like when you started?',
      '"I was told women did not write thrillers."',
      'Do you ever tire of your detective?',
      '"Never. She has aged with me."',
    ];
    expect(listed('Interview', ...interview)).toEqual([
      ['I was told women did not write thrillers.', 'Orla Keane'],
      ['Never. She has aged with me.', 'Orla Keane'],
    ]);
    expect(listed('Interview', ...interview.slice(0, 3))).toEqual([
      ['I was told women did not write thrillers.', null],
    ]);
  });

  it('gives the quote after "X was asked" to the one asked', () => {
    expect(
      listed(
        'Election',
        'Dr Anil Patel was asked whether he would stand again.',
        '"I’m sure we would look at it, but not this year."',
      ),
    ).toEqual([['I’m sure we would look at it, but not this year.', 'Anil Patel']]);
  });

  it('takes a surname that is an everyday word, beside a speech verb, for a speaker', () => {
    expect(listed('Floods', '"The river has never been this high," says Marsh.')).toEqual([
      ['The river has never been this high', 'Marsh'],
    ]);
  });

  it('takes names from other languages beside a speech verb for speakers', () => {
    expect(
      listed(
        'Talks',
        '"We will return to the table," Tuhiwai told reporters.',
        'Li Wei had said: "Nothing is agreed until everything is agreed."',
      ),
    ).toEqual([
      ['We will return to the table', 'Tuhiwai'],
      ['Nothing is agreed until everything is agreed.', 'Li Wei'],
    ]);
  });
});

describe('titles, surnames and families', () => {
  it('resolves a titled surname to the full name introduced earlier', () => {
    expect(
      listed(
        'Inquiry',
        'The inquiry is chaired by Anil Patel, a retired judge.',
        '"The evidence is clear," Dr Patel said.',
      ),
    ).toEqual([['The evidence is clear', 'Anil Patel']]);
  });

  it('keeps a peer named only by title and surname under that title', () => {
    expect(listed('Lords', '"The bill is flawed," Lord Penrose said.', '"I agree," said Baroness Ellis.')).toEqual([
      ['The bill is flawed', 'Lord Penrose'],
      ['I agree', 'Baroness Ellis'],
    ]);
  });

  it('gives "Mr Garner" to the man, not to his wife', () => {
    expect(
      listed(
        'Garners',
        'Ellen Garner and her husband Robert Garner opened the shop in 1990.',
        '"We never thought it would last," Mr Garner said.',
      ),
    ).toEqual([['We never thought it would last', 'Robert Garner']]);
  });

  it('keeps a bare surname with the family member a title last singled out', () => {
    expect(
      listed(
        'Garners',
        'Robert Garner and his wife Ellen Garner opened the shop in 1990.',
        '"We never thought it would last," Mrs Garner said.',
        '"It has been our whole life," Garner said.',
      ),
    ).toEqual([
      ['We never thought it would last', 'Ellen Garner'],
      ['It has been our whole life', 'Ellen Garner'],
    ]);
  });

  it('takes "Cllr" and "Cr" before a surname as a councillor\'s style, like "Mr"', () => {
    expect(
      listed(
        'Council',
        'Mayor Norm Kiely was not consulted. "I found out on the radio," Cr Kiely told ABC Radio.',
        'Councillor Jane Wilton opposed the plan. "It is madness," Cllr Wilton said.',
        '"We will appeal," Cllr Ross said.',
      ),
    ).toEqual([
      ['I found out on the radio', 'Norm Kiely'],
      ['It is madness', 'Jane Wilton'],
      ['We will appeal', 'Cllr Ross'],
    ]);
  });

  it('gives "President Garner" to the one who is president', () => {
    expect(
      listed(
        'Garners',
        'President Robert Garner arrived with his wife, Ellen Garner, a lawyer.',
        '"We are here to listen," President Garner said.',
      ),
    ).toEqual([['We are here to listen', 'Robert Garner']]);
  });

  it('gives a relative introduced by first name the quotes that follow', () => {
    expect(
      listed(
        'Search',
        'Maria Lopez has been missing since Tuesday.',
        'Her brother, Tomas, said: "We just want her home."',
        'He added: "Anyone who saw her should call the police."',
      ),
    ).toEqual([
      ['We just want her home.', 'Tomas'],
      ['Anyone who saw her should call the police.', 'Tomas'],
    ]);
  });
});

describe('quotes and their cues', () => {
  it('reads "She acknowledged, though, that ..." as her statement, and gives the quote after it to her', () => {
    expect(
      listed(
        'Water',
        'Aylin Demirel, the state minister, defended the rules on Monday.',
        'She acknowledged, though, that farmers had a point. "If you want people to change how they farm, you have to bring them with you."',
      ),
    ).toEqual([['If you want people to change how they farm, you have to bring them with you.', 'Aylin Demirel']]);
  });

  it('gives "a spokeswoman for the bureau" to the bureau named further back, not to another body in reach', () => {
    expect(
      listed(
        'Minibus',
        'The plan was set out by the Transport Bureau last month.',
        'Fares could rise by 15 per cent, operators say.',
        'Wong Ka-ming chairs the Kowloon Minibus Operators Association, which represents 41 companies.',
        'Wong said his members had been told nothing.',
        'A spokeswoman for the bureau said officials would "listen carefully to the views of the trade" before deciding.',
      ).filter(([text]) => text.startsWith('listen')),
    ).toEqual([['listen carefully to the views of the trade', 'Transport Bureau']]);
  });

  it('gives "a spokeswoman for the bureau" to the bureau named before, whose name may hold an "and"', () => {
    expect(
      listed(
        'Minibus',
        'The plan was set out by the Transport and Logistics Bureau last month.',
        'A spokeswoman for the bureau said officials would "listen carefully to the views of the trade" before deciding.',
      ),
    ).toEqual([['listen carefully to the views of the trade', 'Transport and Logistics Bureau']]);
  });

  it('gives a quote with no cue to the one a sentence opening on "Asked ..." hands the floor to', () => {
    expect(
      listed(
        'Derby',
        'Luca Vitaly watched the second half from the bench.',
        'Asked whether the sending-off had changed the game, Vitaly was blunt.',
        '"Of course. With eleven men we win this game. I am sure."',
      ),
    ).toEqual([['Of course. With eleven men we win this game. I am sure.', 'Luca Vitaly']]);
  });

  it('hands the floor to someone whose reaction the sentence before a quote with no cue tells', () => {
    expect(
      listed(
        'Final',
        '"We lost it in the middle overs," said coach Pieter Vos.',
        'Captain Anele Dube sat alone on the dressing-room step. She shook her head. "We were in control and we threw it away."',
      ),
    ).toEqual([
      ['We lost it in the middle overs', 'Pieter Vos'],
      ['We were in control and we threw it away.', 'Anele Dube'],
    ]);
  });

  it('hands the floor to the subject of a reaction past a clause about them ("X, who took 2 for 41, did not ...")', () => {
    expect(
      listed(
        'Final',
        'South Africa captain Anele Dube, who took 2 for 41, did not hide her frustration. "We were 140 for 2 and in control."',
      ),
    ).toEqual([['We were 140 for 2 and in control.', 'Anele Dube']]);
  });

  it('hands no floor to the subject of a sentence that happened to them or of a body', () => {
    expect(
      listed(
        'Trial',
        'Tomas Reyes was arrested in 2019. "He was a danger to everyone around him."',
        'The court adjourned the case. "We will appeal."',
      ),
    ).toEqual([
      ['He was a danger to everyone around him.', null],
      ['We will appeal.', null],
    ]);
  });

  it('gives "the younger" of two people sharing a surname to the one introduced later', () => {
    expect(
      listed(
        'Boats',
        'Moussa Fall, 58, still fishes from the beach every morning.',
        'His son, Ibrahima Fall, wants to leave. "The sea is empty," the younger Fall said.',
        '"He does not listen to me," the elder Fall said.',
      ),
    ).toEqual([
      ['The sea is empty', 'Ibrahima Fall'],
      ['He does not listen to me', 'Moussa Fall'],
    ]);
  });

  it("takes a centre and a place's police for bodies that speak", () => {
    expect(
      listed(
        'Wards',
        'In a statement, Lakehead Regional Health Sciences Centre said it was running "well above capacity" for weeks.',
        'A spokesperson for the Halden police said the protest had been "largely peaceful".',
      ),
    ).toEqual([
      ['well above capacity', 'Lakehead Regional Health Sciences Centre'],
      ['largely peaceful', 'Halden police'],
    ]);
  });

  it('gives a pull quote set as a subheading to the one the words are quoted from, not to the speaker before it', () => {
    expect(
      listed(
        'Water',
        'Union president Jorg Brant called the rules "a bureaucratic monster" and warned of closures.',
        "'We have to act now'",
        'Minister Leonie Hartung defended the rules. "We have to act now, not in ten years when the wells are dry," she said.',
      ),
    ).toEqual([
      ['a bureaucratic monster', 'Jorg Brant'],
      ['We have to act now', 'Leonie Hartung'],
      ['We have to act now, not in ten years when the wells are dry', 'Leonie Hartung'],
    ]);
  });

  it('lets "she said" reach a woman the article calls "chairman"', () => {
    expect(
      listed(
        'Board',
        'Riverside chairman Helen Okafor-Briggs spoke after the vote.\n"We have been told we need them by the spring, and we will be ready," she said.',
      ),
    ).toEqual([['We have been told we need them by the spring, and we will be ready', 'Helen Okafor-Briggs']]);
  });

  it('does not give "he said" after the writer\'s question to a man the question names', () => {
    expect(
      listed(
        'Judges',
        '"I think they are going to run out the clock this year," Tobin said.\nBut what if Clara Hinton wins? Do they risk more liberal nominees than President Michael Obert?\n"She should just do whatever she wants to do," he said.',
      ),
    ).toEqual([
      ['I think they are going to run out the clock this year', 'Tobin'],
      // nobody rather than the man in the question; the one asked spoke two sentences back
      ['She should just do whatever she wants to do', null],
    ]);
  });

  it('gives "he said" to the one named after a role, not to the name the role belongs to', () => {
    expect(
      listed(
        'Judges',
        'Senator Mitch McConnor leads the chamber.\nMcConnor spokesman Don Stuart would not say when the vote is.\n"I do not have any new announcements yet," he said.',
      ),
    ).toEqual([['I do not have any new announcements yet', 'Don Stuart']]);
  });

  it('gives "the ROLE, NAME, said" after a quote to the name in the appositive', () => {
    expect(
      listed(
        'Count',
        '"Counting is proceeding normally," the returning officer, Paul Jarvis, said.',
        '"Margins will improve," the company\'s chief executive, Jane Doerr, said.',
      ),
    ).toEqual([
      ['Counting is proceeding normally', 'Paul Jarvis'],
      ['Margins will improve', 'Jane Doerr'],
    ]);
  });

  it('gives "ROLE, NAME, told" after a quote to the name when the role has no article, as agency copy writes it', () => {
    expect(
      listed('Cells', "'The hardest job is to restore the cells,' Sooam researcher, Hwang In-Sung, told AFP."),
    ).toEqual([['The hardest job is to restore the cells', 'Hwang In-Sung']]);
  });

  it('goes on with the speaker of a sentence that ends on "X says" for a quote after it', () => {
    expect(
      listed(
        'Growing up',
        'Tomas Reyes grew up beside the city dump. Gangs ruled his school, Reyes says. "I was afraid to walk down the street."',
      ),
    ).toEqual([['I was afraid to walk down the street.', 'Tomas Reyes']]);
    expect(
      listed(
        'Growing up',
        'Tomas Reyes grew up beside the city dump. Gangs ruled his school. "I was afraid to go out."',
      ),
    ).toEqual([['I was afraid to go out.', null]]);
  });

  it('keeps words quoted right after a speech verb that the sentence goes on from, as a partial quote', () => {
    expect(
      listed(
        'Court',
        'Tom Hale, defending, said the couple had tried hard. Mr Hale said ‘something snapped’ and he wept.',
      ),
    ).toEqual([['something snapped', 'Tom Hale']]);
  });

  it('gives a phrase quoted with no cue of its own to the one speaking just before, but not a word or two', () => {
    const said = 'The home secretary, Ann Holt, said the plans would put neighbours first.';
    expect(listed('Policing', `${said} Residents could "demand action on specific problems" from officers.`)).toEqual([
      ['demand action on specific problems', 'Ann Holt'],
    ]);
    expect(listed('Policing', `${said} Residents could "trigger" action on specific problems.`)).toEqual([]);
  });

  it('gives a phrase quoted with no cue to nobody once anyone else is named since the speaker spoke', () => {
    const said = 'Mayor Ann Holt said on Monday that the budget was fair.';
    // not a subject, but the one the phrase may be quoted from
    expect(
      listed(
        'Budget',
        `${said} The plans were drawn up by her deputy, Tom Reid, over the summer. A council report called the cuts "a very modest step for the town".`,
      ),
    ).toEqual([]);
    expect(
      listed(
        'Budget',
        `${said} The plans were drawn up over the summer. A council report called the cuts "a very modest step for the town".`,
      ),
    ).toEqual([['a very modest step for the town', 'Ann Holt']]);
  });

  it('gives a quote a sentence hands over to with a colon to its subject, whatever its verb', () => {
    expect(
      listed(
        'Emails',
        'Ann Holt has since apologised for what happened: "I should have used two accounts. I am sorry."',
      ),
    ).toEqual([['I should have used two accounts. I am sorry.', 'Ann Holt']]);
    expect(listed('Emails', 'Signs of trouble were everywhere: "We have lost the files," one clerk wrote.')).toEqual([
      ['We have lost the files', null],
    ]);
  });

  it('does not give the words of a message to the one it was sent to', () => {
    const intro = 'Tom Hale has hit back at the hacker Yuri Petrov.';
    expect(listed('Hacker', `${intro} His latest message to Petrov reads: "Go home and cry, little boy."`)).toEqual([
      ['Go home and cry, little boy.', null],
    ]);
    expect(listed('Hacker', `${intro} A message from Petrov reads: "We are watching you all."`)).toEqual([
      ['We are watching you all.', 'Yuri Petrov'],
    ]);
  });

  it('finds the speaker after a quote when the appositive before the verb lost its closing comma', () => {
    expect(
      listed('Yachts', '‘Orders are up,’ Luca Bertani, the yard’s sales director told Boat Weekly on Monday.'),
    ).toEqual([['Orders are up', 'Luca Bertani']]);
  });

  it('skips a reporter’s tail between a quote and its cue, and keeps the speakers after it', () => {
    expect(
      listed(
        'Vote',
        'Senator Ann Kessler voted against the bill.',
        '"It is hard to see what could change their minds" before the vote, Kessler said. "We tried everything," said Tom Hale.',
      ),
    ).toEqual([
      ['It is hard to see what could change their minds', 'Ann Kessler'],
      ['We tried everything', 'Tom Hale'],
    ]);
  });

  it('finds partial quotes framed by the speaker’s own verb', () => {
    const quotes = attributeQuotes(
      articleFromLines(
        'Deficit',
        [
          'Senator Ann Kessler spoke first.',
          'The senator called the deficit "the defining issue of our time".',
          'Finance minister Joan Harper called the cut a "very modest step".',
        ].join('\n'),
      ),
    ).quotes.filter((quote) => quote.kind === 'partial');
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['the defining issue of our time', 'Ann Kessler'],
      ['very modest step', 'Joan Harper'],
    ]);
  });

  it('gives the quote of a headline to the one named before its colon', () => {
    expect(listed('Harper: Cuts plan ‘a disgrace’', 'Council leader Joan Harper attacked the plan on Monday.')).toEqual(
      [['a disgrace', 'Joan Harper']],
    );
  });

  it("gives a headline's quote set off by a colon to the name before its verb, and no possessive's quote to the name", () => {
    const body = 'Senator Joan Harper criticised the budget on Monday.';
    expect(listed("Harper fires back at critics: 'I will not resign'", body)).toEqual([
      ['I will not resign', 'Joan Harper'],
    ]);
    expect(listed("Joan Harper Defends Budget: 'We Had No Choice'", body)).toEqual([
      ['We Had No Choice', 'Joan Harper'],
    ]);
    expect(listed('‘I like the idea’: Harper will consider a recount', body)).toEqual([
      ['I like the idea', 'Joan Harper'],
    ]);
    expect(listed("Harper's aide says: 'She will not resign'", body)).toEqual([]);
    expect(listed("Harper accuser: 'She lied'", body)).toEqual([]);
  });

  it("gives a headline's quote to the person whose initials open it", () => {
    expect(
      listed(
        "JMK fires back at critics: 'I will not resign'",
        'Representative Jana Marie Kowalczyk-Reyes spoke on Monday.',
      ),
    ).toEqual([]);
    expect(
      listed("JKR fires back at critics: 'I will not resign'", 'Representative Jana Kowalczyk-Reyes spoke on Monday.'),
    ).toEqual([['I will not resign', 'Jana Kowalczyk-Reyes']]);
  });

  it('passes over a headline pronoun to the name that opens the headline', () => {
    expect(
      listed("Harper Says He Told Council to 'Think Again'", 'Senator Joan Harper criticised the budget on Monday.'),
    ).toEqual([['Think Again', 'Joan Harper']]);
    expect(listed("US state acts to stop 'spammers'", 'The US passed a law on Monday.')).toEqual([]);
  });

  it("reads a bare mark after a name ending in s as a person's possessive, not a firm's name", () => {
    expect(
      listed(
        'Statement',
        'Representative Dana Rivers spoke on Thursday.',
        '"It should shock every decent person," Rivers said.',
        'The article was updated with more on Dana Rivers’ statement.',
      ),
    ).toEqual([['It should shock every decent person', 'Dana Rivers']]);
  });

  it('reads a straight opening mark and a curly closing one as one quote', () => {
    expect(listed('Mixed', 'Joan Harper spoke.', '"We will not back down,” Harper said.')).toEqual([
      ['We will not back down', 'Joan Harper'],
    ]);
  });
});

describe('descriptions and coordinated words', () => {
  it('gives the second of two partial quotes joined by "and" the cue of the first', () => {
    expect(listed('Final', 'Mara Quill lost after she called the umpire a “liar” and a “thief” on court.')).toEqual([
      ['liar', 'Mara Quill'],
      ['thief', 'Mara Quill'],
    ]);
  });

  it('gives "the man" no woman, and a bare "the woman" nobody, but "the Waterford man" the one in play', () => {
    expect(
      listed(
        'Court',
        'Chancellor Angela Brandt has condemned the abuse.',
        'Last week, a court sentenced a 26-year-old man to probation after the man had posted on his Facebook page that refugees should "go home" at once.',
      ),
    ).toEqual([['go home', null]]);
    expect(
      listed(
        'Shop',
        'Donna Lages runs a shop near the mosque.',
        'At a drugstore nearby, a middle-aged cashier was shaken by the talk she has heard since the shooting. "One guy came in and said terrible things," said the woman, who did not want to be quoted by name.',
      ),
    ).toEqual([['One guy came in and said terrible things', null]]);
    expect(
      listed('Comeback', 'Jamie Costin should be paralysed.', '"I was in a lot of pain," says the Waterford man.'),
    ).toEqual([['I was in a lot of pain', 'Jamie Costin']]);
  });
});

describe('descriptions narrowed by a place', () => {
  it('gives "the Vermont senator" to the one senator named, the place narrowing the office', () => {
    expect(
      listed(
        'Pay',
        'U.S. Sen. Tomas Ridley defended his campaign on Friday.',
        '"I am very proud of my staff," the Vermont senator told a local paper.',
      ),
    ).toEqual([['I am very proud of my staff', 'Tomas Ridley']]);
  });
});

describe('organisations speak', () => {
  it('gives "the company said" to the one firm named, but "the campaign" to no ministry', () => {
    const said = (...lines: string[]) =>
      attributeQuotes(articleFromLines('Bodies', lines.join('\n'))).quotes.map((quote) => [quote.text, quote.speaker]);
    expect(said('Shares in Brantley Group rose.', 'The company said sales had been strong all year.')).toEqual([
      ['sales had been strong all year', 'Brantley Group'],
    ]);
    expect(
      said(
        'Mara Quill worked at the Transport Department.',
        'The campaign has maintained the files were never secret.',
      ),
    ).toEqual([]);
  });

  it('reads past a stray stop a scraper left inside the cue ("a Brantley . spokesman said")', () => {
    expect(
      listed(
        'Advertisers',
        "'We do not condone it,' a Quarry Beds spokesman tweeted. 'Those comments do not align with our values,' a Brantley Mattress . spokesman said.",
      ),
    ).toEqual([
      ['We do not condone it', 'Quarry Beds'],
      ['Those comments do not align with our values', 'Brantley Mattress'],
    ]);
  });

  it('lists what a country said under the country, but not a person named like one', () => {
    expect(listed('Talks', 'North Korea said it would "actively cooperate" with the inquiry.')).toEqual([
      ['actively cooperate', 'North Korea'],
    ]);
    expect(listed('Talks', '"We will not back down," Russia said on Monday.')).toEqual([
      ['We will not back down', 'Russia'],
    ]);
    expect(listed('Game', 'Michael Jordan played. "I love the game," Jordan said.')).toEqual([
      ['I love the game', 'Michael Jordan'],
    ]);
  });

  it('gives a partial quote nothing of a cue set off by commas inside a relative clause', () => {
    expect(
      listed(
        'Scientist',
        'The physicist, who, Israel alleged, led the weapons programme until it was disbanded, has been "assassinated" in an ambush.',
      ),
    ).toEqual([]);
  });

  it('lists what a seat of power said under it, and nothing an unnamed adviser on something said', () => {
    expect(listed('Talks', 'The Kremlin said the offer was "a provocation".')).toEqual([['a provocation', 'Kremlin']]);
    expect(listed('Talks', 'Downing Street said the plan was "deeply flawed".')).toEqual([
      ['deeply flawed', 'Downing Street'],
    ]);
    expect(
      listed('Talks', 'The Kremlin’s adviser on the talks argued the offer would make things "much worse".'),
    ).toEqual([['much worse', null]]);
  });

  it("gives what a firm's board of directors said to that firm", () => {
    expect(
      listed(
        'Bid',
        'Harlow Media said the bid by Quarry Holdings would not change its plans.',
        'The board of directors said it would "act in the best interests of shareholders".',
      ),
    ).toEqual([['act in the best interests of shareholders', 'Harlow Media']]);
  });

  it('finds the speaker of a partial quote past an adverb between the auxiliary and the verb', () => {
    expect(listed('Probe', 'Senator Ann Kessler has long alleged the inquiry was a "witch hunt".')).toEqual([
      ['witch hunt', 'Ann Kessler'],
    ]);
  });

  it('lists what a party or its spokesperson said under the party, and a party label of a few members under nobody', () => {
    const lines = [
      '"The plan is unfunded," Labour said.',
      '"They are soft on crime," a Conservative spokesperson said.',
      '"We will vote against it," the Lib Dems said.',
      '"This is a tax rise," a spokesman for the Conservative Party said.',
      '"We were not consulted," a Republican spokeswoman said.',
      '"We have the votes," Republicans said.',
    ];
    expect(listed('Budget', ...lines)).toEqual([
      ['The plan is unfunded', 'Labour'],
      ['They are soft on crime', 'Conservatives'],
      ['We will vote against it', 'Liberal Democrats'],
      ['This is a tax rise', 'Conservatives'],
      ['We were not consulted', 'Republican Party'],
      ['We have the votes', null],
    ]);
    const kinds = people(...lines).map((person) => [person.name, person.kind]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['Labour', 'organisation'],
        ['Conservatives', 'organisation'],
      ]),
    );
  });

  it('gives what "police" or "a police spokesman" said to the one police force the article names', () => {
    const arrest = 'Officers from Wessex Police arrested a man on Monday.';
    const charged = '"A 34-year-old man has been charged with burglary."';
    expect(listed('Arrest', `${arrest} Police said: ${charged}`)).toEqual([
      ['A 34-year-old man has been charged with burglary.', 'Wessex Police'],
    ]);
    expect(listed('Arrest', `${arrest} A police spokesman said: ${charged}`)).toEqual([
      ['A 34-year-old man has been charged with burglary.', 'Wessex Police'],
    ]);
    expect(listed('Arrest', `Officers from Durham Constabulary arrested a man. Police said: ${charged}`)).toEqual([
      ['A 34-year-old man has been charged with burglary.', 'Durham Constabulary'],
    ]);
    expect(listed('Arrest', `Wessex Police and Mercia Police made arrests. Police said: ${charged}`)).toEqual([
      ['A 34-year-old man has been charged with burglary.', null],
    ]);
  });

  it('gives "..., which said:" to the body named before it', () => {
    expect(
      listed(
        'Rail',
        'Trains were cancelled across the region on Friday by Network Rail, which said: "Engineering work has overrun and we apologise."',
      ),
    ).toEqual([['Engineering work has overrun and we apologise.', 'Network Rail']]);
  });

  it("gives a person's spokesperson to nobody, not to the body whose spokesperson spoke before", () => {
    expect(
      listed(
        'Care',
        'A Home Office spokesperson said: "We have always been clear on this."',
        'The prime minister\'s official spokesperson said: "The priorities have not changed."',
        'Acme Corp\'s chief spokeswoman said: "We deny it."',
      ),
    ).toEqual([
      ['We have always been clear on this.', 'Home Office'],
      ['The priorities have not changed.', null],
      ['We deny it.', 'Acme Corp'],
    ]);
  });

  it('keeps the "\'s" of firms and bodies named with one, and never makes a person of them', () => {
    const lines = [
      'The King\'s Fund, a health thinktank, said the plan was "near impossible".',
      'Sainsbury\'s said: "We are disappointed with the ruling."',
      'A McDonald\'s spokesperson said: "We are proud of our staff."',
      'Either parent can respond to Maya\'s cries. Mr Hale\'s remarks were "reprehensible", Ms Ode said.',
    ];
    expect(listed('Firms', ...lines)).toEqual([
      ['near impossible', "King's Fund"],
      ['We are disappointed with the ruling.', "Sainsbury's"],
      ['We are proud of our staff.', "McDonald's"],
      ['reprehensible', 'Ms Ode'],
    ]);
    const found = people(...lines).map((person) => [person.name, person.kind]);
    expect(found).toContainEqual(["Sainsbury's", 'organisation']);
    expect(found.map(([name]) => name)).not.toContain('Sainsbury');
  });

  it('lists a statement of a body, and its spokesperson’s words, under the body', () => {
    expect(
      listed(
        'Visas',
        '"The rules have not changed," the Home Office said.',
        '"We are reviewing every case," a Home Office spokesman said.',
        '"Deliveries will resume on Monday," Royal Mail said in a statement.',
        '"We disagree with the verdict," the Clinton campaign said.',
      ),
    ).toEqual([
      ['The rules have not changed', 'Home Office'],
      ['We are reviewing every case', 'Home Office'],
      ['Deliveries will resume on Monday', 'Royal Mail'],
      ['We disagree with the verdict', 'Clinton campaign'],
    ]);
    expect(people('"The rules have not changed," the Home Office said.')).toEqual([
      { name: 'Home Office', kind: 'organisation', aliases: [], roles: [] },
    ]);
  });

  it('leaves vague sources without a speaker', () => {
    expect(
      listed(
        'Markets',
        '"Prices will fall," analysts said.',
        '"It was chaos," a source told reporters.',
        '"This is madness," critics say.',
      ),
    ).toEqual([
      ['Prices will fall', null],
      ['It was chaos', null],
      ['This is madness', null],
    ]);
  });
});

describe('speakers and what the article says of them', () => {
  it('takes the gender a description gives over the one a given name suggests', () => {
    expect(
      listed('Veto', '"They are wrong," said widow Terry Strada.', 'She continued: "Let our case be heard."'),
    ).toEqual([
      ['They are wrong', 'Terry Strada'],
      ['Let our case be heard.', 'Terry Strada'],
    ]);
  });

  it('reads a speaker past an age, an abbreviated title, an employer and a sentence opening on its verb', () => {
    expect(
      listed(
        'Voices',
        '"We will not stop," Quina Jones, 25, said as she marched.',
        '"This is a waste of time," said Del. Stacey Plaskett of the Virgin Islands.',
        '"The impact is small," said Cameron Easley for Morning Consult.',
        'Tax expert Ryan Ellis disagreed. Said Ellis: "She is not interested in reform."',
      ),
    ).toEqual([
      ['We will not stop', 'Quina Jones'],
      ['This is a waste of time', 'Stacey Plaskett'],
      ['The impact is small', 'Cameron Easley'],
      ['She is not interested in reform.', 'Ryan Ellis'],
    ]);
  });

  it('gives a person the role that opens the sentence before their name, set off by commas', () => {
    const roles = (line: string) => people(line).map((person) => [person.name, person.roles]);
    expect(roles('The government spokesman, Nikos Andreou, said the talks would go on.')).toEqual([
      ['Nikos Andreou', ['government spokesman']],
    ]);
    expect(roles('The Foreign Minister, Mr Pavel Dusek has left Geneva.')).toEqual([
      ['Pavel Dusek', ['Foreign Minister']],
    ]);
    // a noun before a comma elsewhere is seldom the name's: a list of surnames, a clause, an object
    expect(roles('Gardener, Darren Campbell and Mark Devlin were honoured.')).toEqual([
      ['Darren Campbell', []],
      ['Mark Devlin', []],
    ]);
    expect(roles('If he became king, Charles Windsor would head the church.')).toEqual([['Charles Windsor', []]]);
    expect(roles('Speaking to the minister, Ana Ruiz said little.')).toEqual([['Ana Ruiz', []]]);
    // after an opening phrase and its comma, a role with its article and a name set off on both sides
    expect(roles('Reacting, the party chairman, Dr Kayode Adeyemi, dismissed the claims.')).toEqual([
      ['Kayode Adeyemi', ['party chairman']],
    ]);
    expect(roles('In Lagos, the chairman met Tunde Bello, a lawyer.')).toEqual([['Tunde Bello', ['lawyer']]]);
  });

  it('reads specialists named by their field and hyphenated offices as roles, but not a tie to someone', () => {
    const roles = (line: string) => people(line).map((person) => [person.name, person.roles]);
    expect(roles('Awa Ndour, a marine biologist at the Dakar Institute, said stocks were shared.')).toEqual([
      ['Awa Ndour', ['marine biologist at the Dakar Institute']],
    ]);
    expect(roles('Priya Raman, an obstetrician in Longreach, said the drive was too long.')).toEqual([
      ['Priya Raman', ['obstetrician in Longreach']],
    ]);
    expect(roles('The vice-chancellor, Prof Helen Marchbank, said the cuts were needed.')).toEqual([
      ['Helen Marchbank', ['vice-chancellor']],
    ]);
    expect(roles('Tomas Brand, his then-rival, said nothing.')).toEqual([['Tomas Brand', []]]);
  });

  it('takes "the <place> prefecture" or "embassy" for a body that speaks, and "the prefecture" for it after', () => {
    expect(
      listed(
        'Vines',
        'The Gironde prefecture said inspections would ensure "the land is not replanted with vines".',
        '"We will check every plot," the prefecture said.',
      ),
    ).toEqual([
      ['the land is not replanted with vines', 'Gironde prefecture'],
      ['We will check every plot', 'Gironde prefecture'],
    ]);
  });

  it('gives "the judge" to a Justice and "the lawmaker" to a Senator in play', () => {
    expect(
      listed(
        'Marsh',
        'The bench of Justice Asha Menon and Justice Vikram Rao heard the petition on Tuesday.',
        'Justice Rao, however, wondered why nothing had moved. "If the State is serious, it must act," the judge remarked.',
        'Senator Clara Dunn opposed the bill. "It is a giveaway," the lawmaker said.',
      ),
    ).toEqual([
      ['If the State is serious, it must act', 'Vikram Rao'],
      ['It is a giveaway', 'Clara Dunn'],
    ]);
  });

  it('reads "an earnings call" between a speaker\'s verb and a partial quote as a noun, not as the cue', () => {
    expect(
      listed(
        'Costs',
        'Chief executive Andrew Sinclair said during an earnings call that costs were "a manageable pressure".',
        'The Andean Mine Workers Union rejected the offer on Monday.',
        // a past form after "the" and a noun is still the verb, and so is a participle after a document
        'The union called the offer "an insult to every worker".',
        'The Andean Mine Workers Union issued a statement calling the mine "a death trap".',
      ),
    ).toEqual([
      ['a manageable pressure', 'Andrew Sinclair'],
      ['an insult to every worker', 'Andean Mine Workers Union'],
      ['a death trap', 'Andean Mine Workers Union'],
    ]);
  });

  it('takes a name opening a sentence and taken up by "which" for a body that speaks, past its relative clause', () => {
    expect(
      listed(
        'Strike',
        'Cobre Andino, which is majority-owned by a Canadian miner, said it had made "a fair offer".',
        // the body a clause after someone's employer is about is still no subject
        'Carla Vega, a manager at Eastgate Capital, which owns shares, said the deal was "a mistake".',
      ),
    ).toEqual([
      ['a fair offer', 'Cobre Andino'],
      ['a mistake', 'Carla Vega'],
    ]);
  });

  it('finds the subject of a verb past the day it happened ("X on Tuesday said")', () => {
    expect(
      listed(
        'Marsh',
        'The Coastal High Court on Tuesday ordered a survey, observing that officials had "looked the other way".',
      ),
    ).toEqual([['looked the other way', 'Coastal High Court']]);
  });

  it('shows a name without the West African courtesy for one who made the hajj', () => {
    expect(people('The vice-chairman, Alhaji Musa Danjuma, appealed for calm.').map((person) => person.name)).toEqual([
      'Musa Danjuma',
    ]);
  });

  it('does not take "the actress" for an actress the article names only later', () => {
    expect(
      listed(
        'Premiere',
        'Jennifer Lopez cancelled her appearance at the premiere.',
        'The actress and singer dropped out at the last minute. She said: "I am not well."',
        'Stars at the event included actress Anita Dobson.',
      ),
    ).toEqual([['I am not well.', 'Jennifer Lopez']]);
  });
});

describe('the subject of a speech verb in long British sentences', () => {
  it('gives "he added" to the one speaking, not to a man named in a caption between', () => {
    expect(
      listed(
        'Crash',
        'PC Mark Furse said: "Our thoughts are with the family." Craig Todd was found guilty (pictured) He added: "He will now spend six years behind bars."',
      ),
    ).toEqual([
      ['Our thoughts are with the family.', 'Mark Furse'],
      ['He will now spend six years behind bars.', 'Mark Furse'],
    ]);
  });

  it('finds the subject before a relative clause with commas of its own, an age, or a place of origin', () => {
    expect(
      listed(
        'Train',
        'Passenger Chris Downes, 46, was recording on his phone.',
        'Mr Downes, who was on his way home to Bayston Hill, Shropshire, with son Jack, 14, said: "It was banter."',
        'Mark Peaker, 47, a father-of-three, from Telford said: "I could not believe it."',
        'David Buik from broker Panmure Gordon said: "They may be right."',
      ),
    ).toEqual([
      ['It was banter.', 'Chris Downes'],
      ['I could not believe it.', 'Mark Peaker'],
      ['They may be right.', 'David Buik'],
    ]);
  });

  it('gives the quote to the name opening the sentence, not to the last name of a list in its appositive', () => {
    expect(
      listed(
        'Board game',
        'Richard Hale pitched his board game to the panel on Sunday.',
        'Mr Hale, a former builder who lives in Leeds with his wife, Ann, and their daughters Amy, 15, and Beth, 13, said: "We nearly gave up."',
        'And Dr Tom Reid, of the Lung Foundation, said: "It is not simply imported."',
      ),
    ).toEqual([
      ['We nearly gave up.', 'Richard Hale'],
      ['It is not simply imported.', 'Tom Reid'],
    ]);
  });

  it('reports the clause after a fronted "According to X," and nothing after a trailing one', () => {
    const reported = (text: string) =>
      attributeQuotes(articleFromLines('Aid', text))
        .quotes.filter((quote) => quote.kind === 'reported')
        .map((quote) => [quote.text, quote.speaker]);
    expect(reported('According to the United Nations, aid was blocked again on Friday.')).toEqual([
      ['aid was blocked again on Friday', 'United Nations'],
    ]);
    expect(
      reported('A convoy was turned back, according to the United Nations, as aid groups warn of famine in the north.'),
    ).toEqual([]);
  });

  it('lists no reported clause cut short by the quoted words it runs into, only the partial quote', () => {
    const all = (...lines: string[]) =>
      attributeQuotes(articleFromLines('Probe', lines.join('\n'))).quotes.map((quote) => [
        quote.kind,
        quote.text,
        quote.speaker,
      ]);
    expect(all('Senator Ann Kessler alleged the inquiry was a "witch hunt".')).toEqual([
      ['partial', 'witch hunt', 'Ann Kessler'],
    ]);
    expect(all('Senator Ann Kessler said the inquiry was over.')).toEqual([
      ['reported', 'the inquiry was over', 'Ann Kessler'],
    ]);
  });

  it('reads a verb that also takes a plain object as speech only before a clause', () => {
    const reported = (text: string) =>
      attributeQuotes(articleFromLines('Claims', text)).quotes.map((quote) => [quote.text, quote.speaker]);
    expect(reported('Runner Jill Harrow claimed the individual title at the championship.')).toEqual([]);
    expect(reported('Keeper Nigel Marten denied the England striker with a late save.')).toEqual([]);
    expect(reported('Brantley Motors announced it would cut 500 jobs.')).toEqual([
      ['it would cut 500 jobs', 'Brantley Motors'],
    ]);
    expect(reported('Runner Jill Harrow claimed the race had been fixed.')).toEqual([
      ['the race had been fixed', 'Jill Harrow'],
    ]);
  });

  it('reads the clause after the day a statement was made, and none when a place or an aside follows the day', () => {
    const reported = (text: string) =>
      attributeQuotes(articleFromLines('Days', text)).quotes.map((quote) => [quote.text, quote.speaker]);
    expect(reported('Governor Ann Kessler said Tuesday her actions were lawful.')).toEqual([
      ['her actions were lawful', 'Ann Kessler'],
    ]);
    expect(reported('Governor Ann Kessler said Monday in Cheyenne, according to audio of the event.')).toEqual([]);
  });

  it('reads "recalled" as speech before a clause, not before what is recalled', () => {
    const reported = (text: string) =>
      attributeQuotes(articleFromLines('Recall', text)).quotes.map((quote) => [quote.text, quote.speaker]);
    expect(reported('Carmaker Brantley Motors is recalling nearly 20,000 vehicles on safety grounds.')).toEqual([]);
    expect(reported('Coach Ann Kessler recalled striker Tomas Ode for the final.')).toEqual([]);
    expect(reported('Ann Kessler recalled that the crowd fell silent.')).toEqual([
      ['the crowd fell silent', 'Ann Kessler'],
    ]);
  });

  it('skips a relative clause about a body in the appositive before the verb', () => {
    expect(
      listed(
        'Shares',
        'Brian Oyelowo, a portfolio manager at Eastgate Capital, which owns shares in the firm, said: "The results were strong."',
      ),
    ).toEqual([['The results were strong.', 'Brian Oyelowo']]);
  });

  it('does not take a place whose words are names for a person', () => {
    expect(people('He is domiciled in Hong Kong for tax purposes, Stuart Gulliver said.').map((p) => p.name)).toEqual([
      'Stuart Gulliver',
    ]);
  });
});

describe('statements of bodies and speakers nobody can name', () => {
  it('gives the words of a statement a body issued to that body, and leaves a letter one received to nobody', () => {
    expect(
      listed(
        'Threats',
        'Mr Bannatyne said: "My family is well protected."',
        'Last night, Durham Police issued a statement saying: "We can confirm he has reported threats."',
        'Mrs Challons was stunned to receive a letter saying her sweat had "contaminated" the chairs.',
      ),
    ).toEqual([
      ['My family is well protected.', 'Mr Bannatyne'],
      ['We can confirm he has reported threats.', 'Durham Police'],
    ]);
  });

  it('gives "he said" after an unresolved "the UCI president said" to nobody, not to the last man named', () => {
    expect(
      listed(
        'Doping',
        'Lance Armstrong admitted doping.',
        '"Nobody is silly enough to say that," the UCI president said. "He certainly has more knowledge," he added.',
      ),
    ).toEqual([
      ['Nobody is silly enough to say that', null],
      ['He certainly has more knowledge', null],
    ]);
  });

  it('does not take an event named after a place for a person', () => {
    expect(people('While the Tour de France goes on, Lance Armstrong rests.').map((p) => p.name)).toEqual([
      'Lance Armstrong',
    ]);
  });
});

describe('people the name lists do not know', () => {
  it('keeps body names with "and", Indian honorifics, school principals and contractions straight', () => {
    const lines = [
      'A Department of Health and Social Care spokesperson said: "We have always been clear."',
      'Former Minister Smt. R. K. Jaya criticised the plan. "This is a betrayal," Smt. Jaya said.',
      'Lincoln Elementary Principal Tony Grasso said: "Our children deserve safe streets."',
      "He'll be back next week, the club said.",
    ];
    expect(listed('Mixed', ...lines)).toEqual([
      ['We have always been clear.', 'Department of Health and Social Care'],
      ['This is a betrayal', 'R. K. Jaya'],
      ['Our children deserve safe streets.', 'Tony Grasso'],
    ]);
    const found = people(...lines).map((person) => person.name);
    expect(found).not.toContain('Social Care');
    expect(found).not.toContain("He'll");
  });

  it('finds Arabic names whose article is written in lowercase ("al-Ansari")', () => {
    expect(
      listed(
        'Talks',
        'The ministry spokesman, Majid al-Nouri, told reporters the talks were at a critical stage.',
        '"The priority must be getting aid in," al-Nouri said.',
      ),
    ).toEqual([['The priority must be getting aid in', 'Majid al-Nouri']]);
  });

  it('finds people named with letters after their name, without the letters', () => {
    const lines = [
      'Barrister Tom Hale QC told the court the case was flawed. Mr Hale said: "It cannot stand."',
      'Jane Ode MP said: "I agree." Sir Ian Rae KC, for the family, said: "We disagree."',
    ];
    expect(listed('Court', ...lines)).toEqual([
      ['It cannot stand.', 'Tom Hale'],
      ['I agree.', 'Jane Ode'],
      ['We disagree.', 'Ian Rae'],
    ]);
    expect(people(...lines).map((person) => person.name)).toEqual(['Tom Hale', 'Jane Ode', 'Ian Rae']);
  });

  it('finds a person whose surname is also a party word, and keeps the party word before a name as a role', () => {
    expect(
      listed(
        'Security',
        'Some accusations are hard to prove, said Tom Green, an official under President Ann Ford.',
        '"The guy out in Omaha has to understand it," he said.',
        'Green MP Carla Lucas criticised the plan. "It is a disgrace," she said.',
      ),
    ).toEqual([
      ['The guy out in Omaha has to understand it', 'Tom Green'],
      ['It is a disgrace', 'Carla Lucas'],
    ]);
  });

  it('finds a person by a full name whose surname the article goes on to use alone', () => {
    expect(
      people(
        'The sport was rocked by news that 10,000m hope Cathal Lombard had tested positive.',
        'Lombard was banned for two years.',
      ).map((person) => person.name),
    ).toEqual(['Cathal Lombard']);
  });

  it('finds people by an Irish surname form or by the role they are set off from with commas', () => {
    expect(
      people(
        "Derval O'Rourke broke her own Irish 60m hurdles record.",
        'A second Iranian blogger, Motjaba Saminejad, who reported on arrests, is still held.',
      ).map((person) => person.name),
    ).toEqual(["Derval O'Rourke", 'Motjaba Saminejad']);
  });

  it('takes neither an adjective made of a place nor a sentence adverb for part of a name', () => {
    expect(
      people(
        'Engineers at the Chennai-based Tata Consultancy built it. Tata’s engineers said so.',
        'Maybe Trump will win, Ann Coulter said.',
      ).map((person) => person.name),
    ).toEqual(['Ann Coulter']);
  });
});

describe('transcripts', () => {
  it('lists each labelled line of a transcript, marks or not, under the person its label names', () => {
    expect(
      listed(
        'Heat rules',
        'Dr. Imelda Vargas, an emergency physician in Fresno, told the programme what she sees.',
        'TOMAS RIEDEL, HOST: Is that heat alone?',
        "VARGAS: It's heat plus dehydration. The body keeps going until it can't.",
        'RIEDEL: And in the fields?',
        'CORRECTION: An earlier version misspelt the name of the clinic.',
      ),
    ).toEqual([
      ['Is that heat alone?', 'Tomas Riedel'],
      ["It's heat plus dehydration. The body keeps going until it can't.", 'Imelda Vargas'],
      ['And in the fields?', 'Tomas Riedel'],
    ]);
  });

  it('takes one labelled line for no transcript', () => {
    expect(listed('Council', 'Mayor Ana Pelling opened the session.', 'PELLING: The session is open.')).toEqual([]);
  });
});

describe('interviews set as questions and answers', () => {
  it('gives the answers to the guest the headline names when the introduction names several people', () => {
    const lines = [
      'Tran Van Minh took over the company from Le Thi Ha in March and spoke to our reporter, Kenji Sakai.',
      'Q: Will prices rise?',
      'A: Not this year.',
      'Q: And after that?',
      'A: Then we will see.',
    ];
    expect(listed('Q&A with Tran Van Minh', ...lines).map(([, speaker]) => speaker)).toEqual([
      'Tran Van Minh',
      'Tran Van Minh',
    ]);
    // with no guest to give them to, the answers (which have no marks) are not taken for anyone's quotes
    expect(listed('Garment makers brace for tariffs', ...lines)).toEqual([]);
  });

  it('lists each answer under the person the article named before the questions', () => {
    expect(
      listed(
        'Tariffs',
        'Nguyen Thi Hoa runs a garment factory outside Hanoi. We spoke to her about tariffs.',
        'Q: Will prices rise?',
        'A: Not this year. We have contracts until March.',
        'Q: And after that?',
        'A: Then we will see.',
      ),
    ).toEqual([
      ['Not this year. We have contracts until March.', 'Nguyen Thi Hoa'],
      ['Then we will see.', 'Nguyen Thi Hoa'],
    ]);
  });
});

describe('bodies whose names list their fields', () => {
  it('keeps "Ministry of Agriculture, Forestry and Fisheries" whole as the speaker', () => {
    expect(
      listed(
        'Rice',
        'The Ministry of Agriculture, Forestry and Fisheries later said releases had been "delayed by bottlenecks in milling."',
        'A spokesman for the Department for Environment, Food and Rural Affairs said: "We are watching prices closely."',
      ),
    ).toEqual([
      ['delayed by bottlenecks in milling.', 'Ministry of Agriculture, Forestry and Fisheries'],
      ['We are watching prices closely.', 'Department for Environment, Food and Rural Affairs'],
    ]);
  });
});

describe('"the bloc" and its delegation', () => {
  it('gives "the bloc said" and "the bloc\'s delegation said" to the union named before', () => {
    expect(
      listed(
        'Fishing',
        'The European Union said it had no vessels there. "Our fleet has not fished here since 2024," the bloc\'s delegation in Dakar said.',
        'The bloc added a warning. "Any other suggestion is inaccurate," the bloc said.',
      ),
    ).toEqual([
      ['Our fleet has not fished here since 2024', 'European Union'],
      ['Any other suggestion is inaccurate', 'European Union'],
    ]);
  });
});

describe('a statement that speaks', () => {
  it('gives "the statement read" to whoever the sentence before says gave it', () => {
    expect(
      listed(
        'Primary',
        'Senator Tom Hale won the primary on Saturday.',
        'The candidate, Hale, in a statement signed by an aide, thanked delegates. "The victory is for all of us," the statement read.',
      ),
    ).toEqual([['The victory is for all of us', 'Tom Hale']]);
  });

  it('gives it to nobody when two people gave statements in that sentence', () => {
    expect(
      listed(
        'Primary',
        'Senator Tom Hale and Governor Ann Ode won their primaries on Saturday.',
        'Hale and Ode thanked delegates in a statement. "The victory is for all of us," the statement read.',
      ),
    ).toEqual([['The victory is for all of us', null]]);
  });
});

describe('names joined by a slash', () => {
  it('keeps "Cal/OSHA" whole, and leaves a photo credit\'s person alone', () => {
    expect(listed('Heat', 'Cal/OSHA said it had "significantly expanded" heat inspections this year.')).toEqual([
      ['significantly expanded', 'Cal/OSHA'],
    ]);
    expect(
      people('Facebook/Mostafa Talaat.', 'Mostafa Talaat, 28, was on the flight, his brother said.').map((p) => p.name),
    ).toContain('Mostafa Talaat');
  });
});

describe('a body the lexicon knows that opens on a given name', () => {
  it('gives the quote to the person who spoke of the club, not to the club', () => {
    expect(
      listed('Savage', 'Robbie Savington said he was happy at Aston Villa. "The crowd gave me a standing ovation."'),
    ).toEqual([['The crowd gave me a standing ovation.', 'Robbie Savington']]);
  });
});

describe('a partial quote in a sentence that ends on its cue', () => {
  it('gives the quoted words to the speaker the sentence closes with, past an appositive', () => {
    expect(
      listed(
        'Inquiry call',
        'Councillor Tom Brandt, who chairs the audit panel, spoke on Monday.',
        'If there was a “hint” of truth to the claims, the mayor should have been told, Brandt said on Monday.',
        'The plan is “a mess” and must go, Councillor Ada Noor, the panel’s deputy chair, said.',
      ),
    ).toEqual([
      ['hint', 'Tom Brandt'],
      ['a mess', 'Ada Noor'],
    ]);
  });

  it('leaves the words alone when the cue opens a clause of its own or the sentence goes on past it', () => {
    expect(
      listed(
        'Inquiry call',
        'Councillor Tom Brandt spoke on Monday.',
        'The plan is “a mess”, Brandt said, and the mayor agreed to look again at the figures before the vote.',
        'Residents called it “rushed”, Brandt said that the panel would meet again.',
      ),
    ).toEqual([
      ['a mess', 'Tom Brandt'],
      ['rushed', null],
    ]);
  });
});

describe('reports and papers that speak', () => {
  it('gives "the paper said" to the publication in play, never to the company it reports on', () => {
    expect(
      listed(
        'Airline savings',
        '“Profits are up,” Skyline Airways told The Harbour Times.',
        'Skyline would move staff “offshore”, the newspaper said.',
      ),
    ).toEqual([
      ['Profits are up', 'Skyline Airways'],
      ['offshore', 'Harbour Times'],
    ]);
    expect(
      listed(
        'Airline savings',
        '“Profits are up,” Skyline Airways said on Monday.',
        'Skyline would move staff “offshore”, the newspaper said.',
      ),
    ).toEqual([
      ['Profits are up', 'Skyline Airways'],
      ['offshore', null],
    ]);
  });

  it('does not take a country the report is about for its author', () => {
    expect(
      listed(
        'Pocket money',
        'Children in Portugal had an annual income of 700 euros.',
        'They use "pester power" to get their parents to pay, the report said.',
      ),
    ).toEqual([['pester power', null]]);
  });
});

describe('names a speaker gives, in title case', () => {
  it('takes words in title case framed by "calling them" or "what she called a" for the speaker’s words', () => {
    expect(
      listed(
        'Mayor hits back',
        'Mayor Jane Koval ripped the reports, calling them “Fake News” and “Political Harassment!”',
        'Koval later announced what she called a “Historic Peace Agreement” with the unions.',
      ),
    ).toEqual([
      ['Fake News', 'Jane Koval'],
      ['Political Harassment!', 'Jane Koval'],
      ['Historic Peace Agreement', 'Jane Koval'],
    ]);
  });

  it('still takes a book, a show or a group "called the ..." for a title', () => {
    expect(
      listed(
        'Mayor hits back',
        'Mayor Jane Koval wrote a book called “Total Disaster” and joined a group called the “Open Roads Fund”.',
        'She spoke on “Face the Nation” about what is called an “A” item.',
      ),
    ).toEqual([]);
  });
});

describe('words framed by criticism and rulings', () => {
  it('gives the words to the one who slammed or ruled', () => {
    expect(
      listed(
        'Court and council',
        'Mayor Jane Koval replied by slamming “do nothing” councillors.',
        'Judge Anna Weiss ruled that it would be “oppressive” to extradite the man.',
        'The “attack” on the depot was reported by police.',
      ),
    ).toEqual([
      ['do nothing', 'Jane Koval'],
      ['oppressive', 'Anna Weiss'],
    ]);
  });
});

describe('a document someone gave', () => {
  it('gives what "the letter said" and "the cable indicated" to the one person who wrote or sent it just before', () => {
    expect(
      attributed(
        'Senator Ann Dorn wrote a letter to the board. "We need answers," the letter said.',
        'Ambassador Chris Stone sent a cable in July. The cable indicated that 13 guards would be the "minimum" needed.',
      ),
    ).toEqual([
      ['We need answers', 'Ann Dorn'],
      ['minimum', 'Chris Stone'],
    ]);
  });
});

describe('a quote someone is presented with', () => {
  it("gives \"Here's X in 1992: '...'\" to X", () => {
    expect(
      listed(
        'Trade',
        'Senator Will Clanton spoke often about trade.',
        'Here\'s Clanton in December 1992: "Our new direction must rest on the new realities of competition."',
      ),
    ).toEqual([['Our new direction must rest on the new realities of competition.', 'Will Clanton']]);
  });
});

describe('what someone explains', () => {
  it('reports "explained that ..." and no plain object of "explained"', () => {
    expect(
      reported(
        'Senator Ann Dorn explained the general utility of increasing the number of visas for workers.',
        'Governor Dan Hale explained that the budget would be cut by a tenth next year.',
      ),
    ).toEqual([['the budget would be cut by a tenth next year', 'Dan Hale']]);
  });
});

describe('what someone denies', () => {
  it('lists no statement for "denied that ...": the words are what was said of them', () => {
    expect(
      reported(
        'Former chief Ben Ebb denied that he knew accountants were doctoring the books at the firm.',
        'Governor Dan Hale on Wednesday forcefully denied a report that he asked to expand the arsenal.',
        'Judge Roy Moor has disputed claims that he pursued teenagers.',
      ),
    ).toEqual([]);
  });
});

describe('a description by another word for the office', () => {
  it('gives "the Russian leader" to the one whose role is Russian President', () => {
    expect(
      listed(
        'Talks',
        'Russian President Ivan Petrov spoke on Thursday. "There is no doubt that he is a bright man," the Russian leader said.',
      ),
    ).toEqual([['There is no doubt that he is a bright man', 'Ivan Petrov']]);
  });
});

describe('a headline’s label and its clauses', () => {
  it('gives the quote after a label’s colon to the label or to nobody, never to a name in between', () => {
    expect(
      listed(
        "Democrats: GOP silence on Hale tweet about shoving protester 'a disgrace'",
        'Senate Democrats called on Republicans to denounce Governor Dan Hale’s tweet on Tuesday.',
      ),
    ).toEqual([]);
  });

  it('does not give the label a quote in a later sentence of the headline', () => {
    expect(
      listed(
        "Ann Dorn: Why Tom Reyes will speak at his friend’s funeral. 'If she needed my help, I would go'",
        'Tom Reyes said it caused him grief in 2008 to run against his friend, Senator Ann Dorn.',
      ).filter(([, speaker]) => speaker === 'Ann Dorn'),
    ).toEqual([]);
  });

  it('gives a quote in the clause after a semicolon to that clause’s subject', () => {
    expect(
      listed(
        "Judge Olin rebukes Reyes’s 'dangerous' comments; Hale slams lawmaker, says 'must pay a price'",
        'Chief Judge Karl Olin rebuked Senator Tom Reyes on Wednesday. Governor Dan Hale agreed.',
      ).filter(([text]) => text === 'must pay a price'),
    ).toEqual([['must pay a price', 'Dan Hale']]);
  });
});

describe('headline quotes the body reports in its own words', () => {
  it('keeps the headline’s quoted words when the body only reports them', () => {
    expect(
      listed(
        'Koval Says She Told Police to ‘Shut Down’ Rogue Bars',
        'Mayor Jane Koval said on Wednesday that she has told police to shut down any bar that breaks the curfew.',
      ),
    ).toEqual([['Shut Down', 'Jane Koval']]);
  });

  it('gives a quote after a clause joined to the headline’s first to the name that opens it, not past a "who"', () => {
    expect(
      listed(
        'Koval holds talks with unions, tells drivers: ‘stay home’',
        'Mayor Jane Koval met union leaders on Monday.',
      ),
    ).toEqual([['stay home', 'Jane Koval']]);
    expect(
      listed('Koval slams Ross, who says: ‘stay home’', 'Mayor Jane Koval criticised Councillor Amy Ross on Monday.'),
    ).toEqual([['stay home', 'Amy Ross']]);
  });
});

describe('words framed inside what someone said', () => {
  it('gives them to the one who said it, not to the subject of the clause they said', () => {
    expect(
      listed(
        'Detainees freed',
        'Foreign Secretary Lena Marsh spoke on Tuesday.',
        'Ms Marsh said the US had agreed to free the four after "intensive and complex discussions" over security.',
      ),
    ).toEqual([['intensive and complex discussions', 'Lena Marsh']]);
  });

  it('keeps them with "she" in "she said she", and with the one a "who" clause is about', () => {
    expect(
      listed(
        'Cookie boycott',
        'State Rep. Dana Hill said on Friday she "feared for her life" in the store.',
        'Pastor Kyle Benn praised preacher Frank Gale, who has vowed to shun the cookies over their "support of the wrong causes."',
      ),
    ).toEqual([
      ['feared for her life', 'Dana Hill'],
      ['support of the wrong causes.', 'Frank Gale'],
    ]);
  });
});

describe('a full name of unknown words whose surname speaks later', () => {
  it('lists the surname’s quotes under the full name given first', () => {
    expect(
      listed(
        'Gangs',
        'At 16, Rhandolf Mbeleko reflects on his former life as a gang member.',
        '"My gang mates were the most influential thing in my life," says Mbeleko.',
      ),
    ).toEqual([['My gang mates were the most influential thing in my life', 'Rhandolf Mbeleko']]);
  });

  it('takes no place or everyday word before the surname for a given name', () => {
    expect(
      listed(
        'Gangs',
        'In Manila, Quezon Mbeleko works with teenagers. Young Mbeleko is 16.',
        '"We were pressured to join," says Mbeleko.',
      ),
    ).toEqual([['We were pressured to join', 'Mbeleko']]);
  });
});

describe('a name before its appositive opens the sentence', () => {
  it('takes the name, not the aside, as the subject that "and added:" goes back to', () => {
    expect(
      listed(
        'Hero teacher',
        'Teacher Ray Colm is set to be awarded an MBE.',
        "Mr Colm, pictured with his pupil and her father, said he was still 'perplexed' and added: 'I don't see it as anything that no-one else would do.'",
      ),
    ).toEqual([
      ['perplexed', 'Ray Colm'],
      ["I don't see it as anything that no-one else would do.", 'Ray Colm'],
    ]);
  });

  it('still skips an opening phrase or a sentence adverb before the subject', () => {
    expect(
      listed(
        'Charity warning',
        'The Flood Relief Committee runs the appeal.',
        'However, the committee has no link with the site and said: "We have contacted the police about it."',
      ),
    ).toEqual([['We have contacted the police about it.', 'Flood Relief Committee']]);
  });
});

describe('a given name whose gender the name lists only guess', () => {
  it('lets "he" go back to the subject before when only a guess says the name is a woman’s', () => {
    expect(
      listed(
        'Doping',
        'Pat Querrey met Lance Armsworth last year. Querrey refused to rule out another meeting.',
        '"He certainly has more knowledge," he said.',
      ),
    ).toEqual([['He certainly has more knowledge', 'Pat Querrey']]);
  });

  it('lets "he" go to the one just named when only a guess says the name is a woman’s', () => {
    expect(
      listed(
        'Manager row',
        'Arsene Vellard has stepped up his feud with Sir Alex Fenwick.',
        'Those claims were put to Vellard after the game. At first he said only: "I have nothing to add."',
      ),
    ).toEqual([['I have nothing to add.', 'Arsene Vellard']]);
  });

  it('still gives "he" to nobody when the lists are sure the subject is a woman', () => {
    expect(
      listed(
        'Doping',
        'Mary Querrey met Lance Armsworth and Tom Hale last year. Querrey refused to rule out another meeting.',
        '"He certainly has more knowledge," he said.',
      ),
    ).toEqual([['He certainly has more knowledge', null]]);
  });
});

describe('cues behind a reduced clause or a medium', () => {
  it('goes past "when asked" to the cue before it', () => {
    expect(
      listed(
        'Inquiry',
        'Attorney General Lorna Lynd, who told Congress when asked last month about the inquiry: "That matter is being handled by career agents."',
      ),
    ).toEqual([['That matter is being handled by career agents.', 'Lorna Lynd']]);
  });

  it('gives "on Facebook writing" to the sentence’s subject, but "lawsuits alleging" to nobody', () => {
    expect(
      listed(
        'Words',
        'Hillary Clayton apologised on Monday.',
        'Clayton responded to the question on Facebook writing, “Yes, I will. That was a poor choice of words.”',
        'Clayton had to defend her foundation, which is caught up in lawsuits alleging, “It misled every donor.”',
      ),
    ).toEqual([
      ['Yes, I will. That was a poor choice of words.', 'Hillary Clayton'],
      ['It misled every donor.', null],
    ]);
  });
});

describe('documents of a named owner', () => {
  it('gives "Price’s statement said" and "Price’s interview continued" to the person, and keeps brands whole', () => {
    expect(
      listed(
        'Tapes',
        'Dolours Prine, a former member of the group, gave interviews before her death.',
        'Prine’s statement said: "We regret nothing."',
        'Prine’s interview continued: ‘I drove away a very unpleasant woman.’',
        'The Home Office’s statement said: "We regret nothing at all."',
        'Sainsbury’s statement said: "Prices are falling."',
      ),
    ).toEqual([
      ['We regret nothing.', 'Dolours Prine'],
      ['I drove away a very unpleasant woman.', 'Dolours Prine'],
      ['We regret nothing at all.', 'Home Office'],
      ['Prices are falling.', 'Sainsbury’s'],
    ]);
  });
});

describe('a publication named in its own phrase', () => {
  it('gives "the Harbour Gazette newspaper reported ... the paper said" to the Gazette', () => {
    expect(
      listed(
        'Taverns',
        'The Harbour Gazette newspaper reported that Skyline Taverns would move staff "offshore", the paper said.',
      ),
    ).toEqual([['offshore', 'Harbour Gazette']]);
  });
});

describe('a person’s spokesman', () => {
  it('lists what "the spokesman" says after a person’s spokesman under no body in play', () => {
    expect(
      listed(
        'Row',
        '"We have cancelled our flights," Skyline Airways said.',
        '"He will work with whoever is elected," the prime minister’s spokesman said.',
        '“The PM has made his views very clear,” the spokesman said.',
      ),
    ).toEqual([
      ['We have cancelled our flights', 'Skyline Airways'],
      ['He will work with whoever is elected', null],
      ['The PM has made his views very clear', null],
    ]);
  });
});

describe('a subject after a long phrase a preposition opens', () => {
  it('gives "he said" to the one named after the phrase, not to the one who spoke before', () => {
    const quotes = attributeQuotes(
      articleFromLines(
        'Ban call',
        [
          '"There is no basis for the ban," Ivo Marrow said in a bill filed on Monday.',
          'At a rally in Kilbrook, Norland, on Thursday afternoon, Tom Quell included the islands on a list of places ' +
            'he said had sent people who had plotted attacks. ' +
            '"We are letting people come in from places that should not be allowed," he said.',
        ].join('\n'),
      ),
    ).quotes;
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['There is no basis for the ban', 'Ivo Marrow'],
      ['had sent people who had plotted attacks', 'Tom Quell'],
      ['We are letting people come in from places that should not be allowed', 'Tom Quell'],
    ]);
  });

  it('gives a quote a colon hands over to the one named after the phrase', () => {
    expect(
      listed(
        'Quell on Marrow',
        '"I do not think she could ever run again," Dana Quell said in a radio interview.',
        'In a television interview later that day, Quell went even further: "If she runs and loses, it is the end of her career."',
      ),
    ).toEqual([
      ['I do not think she could ever run again', 'Dana Quell'],
      ['If she runs and loses, it is the end of her career.', 'Dana Quell'],
    ]);
  });
});

describe('a group described', () => {
  it('gives what "the designers" or "the coup leaders" said to none of the people in play', () => {
    expect(
      attributed(
        'Analyst Ivo Marrow said the chip would sell well.',
        "The chip's designers have said that it would be useful for a wide range of devices.",
      ),
    ).toEqual([['the chip would sell well', 'Ivo Marrow']]);
    expect(
      attributed(
        'President Ada Quell leads the republic.',
        'The coup leaders said they had acted in the name of protecting democracy.',
      ),
    ).toEqual([]);
  });
});

describe('a verb after the head of a description', () => {
  it('ends the description at its head noun, so "The Norland senator sought ..., saying" speaks for the senator', () => {
    expect(
      listed(
        'Quell bows out',
        [
          'Senator Ivo Quell spoke over boos as he congratulated primary winner Tom Marrow.',
          'The Norland senator sought to calm his supporters, saying a heckler would "not get beat up" at his rally, ' +
            "a swipe at disturbances at some of Marrow's rallies.",
          'He said that he would offer "a prayer" for the eventual nominee.',
        ].join('\n'),
      ),
    ).toEqual([
      ['not get beat up', 'Ivo Quell'],
      ['a prayer', 'Ivo Quell'],
    ]);
  });
});

describe('a party tag after a name', () => {
  it('looks past "(D-Md.)" to the name an appositive follows, not to the body the appositive names', () => {
    expect(
      listed(
        'Platform',
        'Rep. Ivo Quell (D-Md.), chair of the Harbour Committee, said that it was "committed to an open process".',
      ),
    ).toEqual([['committed to an open process', 'Ivo Quell']]);
  });

  it('takes "said leaving a meeting" for when the speaker spoke, not for what was said', () => {
    const quotes = attributeQuotes(
      articleFromLines(
        'Vote',
        '"If she calls the bill, it will fail," Rep. Ada Quell (D-Ill.) said leaving a closed-door caucus meeting.',
      ),
    ).quotes;
    expect(quotes.map((quote) => [quote.text, quote.kind, quote.speaker])).toEqual([
      ['If she calls the bill, it will fail', 'direct', 'Ada Quell'],
    ]);
  });
});

describe('people around someone, and documents of others', () => {
  it('gives what "lawyers for" or "aides to" someone said to nobody named, not to the one they work for', () => {
    expect(attributed('Lawyers for Ivo Quell said the claim was false.')).toEqual([]);
    expect(attributed('Aides to Senator Ivo Quell said the bill would fail.')).toEqual([]);
    expect(attributed('Ivo Quell, a friend of Ada Marrow, said the claim was false.')).toEqual([
      ['the claim was false', 'Ivo Quell'],
    ]);
  });

  it('takes "a Republican representative" for a member nobody named, not for the party', () => {
    expect(
      attributed('The bill passed, although a Republican representative said he had voted yes by mistake.'),
    ).toEqual([]);
    expect(attributed('A Republican spokeswoman said the party would oppose the bill.')).toEqual([
      ['the party would oppose the bill', 'Republican Party'],
    ]);
  });

  it('gives a complaint no newspaper that reported it for its author', () => {
    expect(
      attributed(
        'Ivo Quell knew of the whistleblower complaint before the vote, the Harbour Times reported on Tuesday.',
        'The complaint alleged that Quell had leveraged military aid to coerce an investigation.',
      ),
    ).toEqual([]);
  });
});

describe('an owner opening a sentence, and a question put by a named host', () => {
  it('takes "Quell’s documentary" for no subject, so "he" after the one it ends on is that one', () => {
    expect(
      listed(
        'Oscars',
        [
          'Two front-runners would have been Michael Quell’s documentary and Ada Marrow’s film.',
          'Quell’s caustic documentary may have been affected by its distributors’ decision, says Tim Dams, the news ' +
            'editor of a trade magazine. But he also believes the film does not sit well with the Academy. ' +
            '"Conservative voters tend to go for epic pictures," he said.',
        ].join('\n'),
      ),
    ).toEqual([['Conservative voters tend to go for epic pictures', 'Tim Dams']]);
    // ("Quell’s been making the case" is Quell has)
    expect(
      listed(
        'Debate',
        'Ivo Quell lit into Tom Marrow at the debate.',
        'Quell’s been making the case for weeks that Marrow is not ready. "You have not been tested," he said.',
      ),
    ).toEqual([['You have not been tested', 'Ivo Quell']]);
  });

  it('gives no question a named host put to someone to the one asked', () => {
    const question = '"Now, you famously said you were tired of the emails. Has it moved on?"';
    for (const asking of [
      `Quell was asked by host Tom Bray, ${question}`,
      `Quell was asked by host Tom Bray: ${question}`,
      `Quell was asked by host Tom Bray about the emails. ${question}`,
    ]) {
      const quotes = listed('Emails', 'Senator Ivo Quell said on Friday that the story had moved on.', asking);
      expect(quotes.find(([text]) => text?.startsWith('Now, you famously'))?.[1]).not.toBe('Ivo Quell');
    }
  });
});

describe('what someone did not say', () => {
  it('lists no statement someone never made, and the one they made beside it', () => {
    expect(
      reported('Ada Quell supports the law, but she has never said she would support a ban on every vote.'),
    ).toEqual([]);
    expect(
      reported(
        'Ada Quell, who did not explicitly say that Tom Marrow was unfit, said on Wednesday that he had not done ' +
          'his homework on the harbour bill.',
      ),
    ).toEqual([['he had not done his homework on the harbour bill', 'Ada Quell']]);
  });
});

describe('a reporting verb with a plain object', () => {
  it('lists no object of "announced", "tweeted out" or "emphasizing" as something said', () => {
    expect(
      reported(
        'President Ivo Quell announced new sanctions against the regime -- but did not take action to alter the deal.',
      ),
    ).toEqual([]);
    expect(reported('On Wednesday, Ada Quell tweeted out an ill-advised knock on the survivor Tom Hogg.')).toEqual([]);
  });

  it('goes on to the statement the sentence makes after the object', () => {
    expect(
      reported(
        'Instead, Ivo Quell is emphasizing his strong third-place finish in last week’s caucus, asserting that he ' +
          'has a chance to do equally well in Norland.',
      ),
    ).toEqual([['he has a chance to do equally well in Norland', 'Ivo Quell']]);
  });
});

describe('what follows "said" but was not said', () => {
  it('lists no relative clause about the remarks, no time or place, and no amount of talk', () => {
    expect(reported('Ivo Quell said in remarks that were streamed online.')).toEqual([]);
    expect(reported('Ivo Quell said in an interview that aired Sunday night.')).toEqual([]);
    expect(reported('Police spokeswoman Ada Quell said early Friday morning.')).toEqual([]);
    expect(reported('"It has been civil," Ivo Quell said 30 minutes into the debate.')).toEqual([]);
    expect(reported('Ivo Quell has said little over the years about the harbour.')).toEqual([]);
  });

  it('still lists what was said after them, and keeps "that" as the subject of what was said', () => {
    expect(reported('Ivo Quell said in an interview that aired Sunday that the plan was dead.')).toEqual([
      ['the plan was dead', 'Ivo Quell'],
    ]);
    expect(reported('Ivo Quell said that was a mistake.')).toEqual([['that was a mistake', 'Ivo Quell']]);
    expect(reported('The Quell Group said early data showed the drug worked.')).toEqual([
      ['early data showed the drug worked', 'Quell Group'],
    ]);
  });

  it('takes a show’s name in title case for no partial quote', () => {
    expect(listed('Show', 'Governor Ivo Quell said live on "Fox & Friends" that the state would reopen.')).toEqual([]);
  });
});

describe('words framed inside what someone said, a few words of when between', () => {
  it('gives them to the one who said it, and none to the one told', () => {
    expect(
      listed(
        'Board',
        'Ivo Quell said on Friday that rival candidate Ada Marrow wants to "abolish the harbour board" if elected.',
      ),
    ).toEqual([['abolish the harbour board', 'Ivo Quell']]);
    expect(
      listed(
        'Lockdown',
        'The Harbour Herald was told by security officials that the attack was believed to be a "lone wolf" attack.',
      ),
    ).not.toContainEqual(['lone wolf', 'Harbour Herald']);
  });
});

describe('the head of a body', () => {
  it('speaks as the one who holds the post, or as nobody named, never as the body', () => {
    expect(
      attributed(
        'Walter Quell, head of the Office of Harbour Ethics, resigned on Monday.',
        'The outgoing head of the Office of Harbour Ethics said the president is undermining the office.',
      ),
    ).toEqual([['the president is undermining the office', 'Walter Quell']]);
    expect(attributed('The head of the Office of Harbour Ethics said the rules were clear.')).toEqual([]);
    expect(attributed('A spokesman for the Harbour Board said the plan was dead.')).toEqual([
      ['the plan was dead', 'Harbour Board'],
    ]);
  });
});

describe('a description that a name only modifies', () => {
  it('reads "the top US law enforcement agent" as a person described, not as the country', () => {
    expect(
      listed(
        'Fraud',
        'Attorney General Ivo Quell spoke on Tuesday. "We have not seen fraud," said the top US law enforcement agent.',
      ),
    ).toEqual([['We have not seen fraud', 'Ivo Quell']]);
    // ("Ada Quell shook her head." is no description)
    expect(
      listed(
        'Ears',
        '"It goes in here and out here," Tom Quell said. Ada Quell shook her head. "Tom is much better about it than I am."',
      ),
    ).toEqual([
      ['It goes in here and out here', 'Tom Quell'],
      ['Tom is much better about it than I am.', 'Ada Quell'],
    ]);
  });
});

describe('New York Times archive quotation marks', () => {
  it('reads two apostrophes as a double mark, with the speaker after and the quote carried on', () => {
    expect(
      listed(
        'Rally',
        "''He says what everyone else wants to say,'' Tom Quell, a shop owner, said at the rally on Tuesday. " +
          "''Prices are going up day after day.''",
        "Ada Marrow called the plan ''a disgrace'' on Monday.",
      ),
    ).toEqual([
      ['He says what everyone else wants to say', 'Tom Quell'],
      ['Prices are going up day after day.', 'Tom Quell'],
      ['a disgrace', 'Ada Marrow'],
    ]);
  });
});

describe('a surname that is also a title or an everyday word', () => {
  it('gives "King says" and the "he" after it to the one person surnamed King', () => {
    expect(
      listed(
        'Radio',
        'Presenters Tomas Reilly and Dale King take over the breakfast show on Monday.',
        '"We are a double act, and it shows," King says. "Tomas will cope with the early starts," he jokes.',
      ),
    ).toEqual([
      ['We are a double act, and it shows', 'Dale King'],
      ['Tomas will cope with the early starts', 'Dale King'],
    ]);
  });

  it('gives "said Baron" to the editor named Baron, and "He continued" after it', () => {
    expect(
      listed(
        'Newsroom',
        'The plan was set out by editor-in-chief Ruth Baron on Tuesday.',
        '"Nobody has covered the council like this before," said Baron.',
        'She continued, "That is what we intend to do."',
      ),
    ).toEqual([
      ['Nobody has covered the council like this before', 'Ruth Baron'],
      ['That is what we intend to do.', 'Ruth Baron'],
    ]);
  });

  it('keeps "the King" a monarch, not the person surnamed King', () => {
    expect(
      listed(
        'Palace',
        'Dale King, a florist, delivered the flowers on Monday.',
        '"It was a fine day for the garden," the King said.',
      ),
    ).toEqual([['It was a fine day for the garden', null]]);
  });

  it('does not make an owner the subject a later "he" goes back to (the pronoun stays unresolved between two men)', () => {
    expect(
      listed(
        'Injury',
        'Rovers manager Pablo Ortiz spoke after the match. Defender Sam Bridge was hurt in the first half.',
        'Bridge’s injury means Ortiz has few options. "He will miss the final," he said.',
      ),
    ).toEqual([['He will miss the final', null]]);
  });
});

describe('a description right after its subject', () => {
  it('gives "said the Newport-based athlete" to the subject of the sentence before it', () => {
    expect(
      listed(
        'Honours',
        'Sprinters Jon Garner and Dean Cole were both made MBEs.',
        'Garner added: "We worked very hard for this." Cole agreed the honour capped a difficult year. ' +
          '"The people closest to me know my journey," said the Newport-based athlete.',
      ),
    ).toEqual([
      ['We worked very hard for this.', 'Jon Garner'],
      ['The people closest to me know my journey', 'Dean Cole'],
    ]);
  });
});

describe('a body named by its kind opening a sentence', () => {
  it('keeps the body "The company" names in play for an "It" after it', () => {
    expect(
      attributed(
        'Vodafone said on Tuesday that it would open its network to rivals.',
        'The group is to set up a new wholesale division. The company also unveiled plans to cut its prices.',
        'It added that it would spend £10bn to build a "21st century network".',
      ),
    ).toEqual([
      ['it would open its network to rivals', 'Vodafone'],
      ['21st century network', 'Vodafone'],
    ]);
  });

  it('does not make "the company" a body the article only mentions', () => {
    expect(
      attributed(
        'Chief operating officer Jo Hart spoke in a programme on the BBC about the new service.',
        'The company will have to persuade managers, but it said it already had interest from customers.',
      ),
    ).toEqual([]);
  });

  it('never reads "the government said" as the firm that was the subject just before', () => {
    expect(
      attributed(
        'Vestey Group said on Monday that it would sell its farms.',
        'The group has found buyers for most of them. The government said it had identified 500 idle farms.',
      ),
    ).toEqual([['it would sell its farms', 'Vestey Group']]);
  });
});

describe('words between a speaker and the cue', () => {
  it('reads "Cruz himself said" as Cruz', () => {
    expect(
      listed(
        'Caucus',
        'Senator Ted Dorn toured the state on Monday.',
        'Dorn himself said on Tuesday that "the only way to win the state is to ask".',
      ),
    ).toEqual([['the only way to win the state is to ask', 'Ted Dorn']]);
  });

  it('goes past words set off by commas and an adverb before the verb', () => {
    expect(
      listed(
        'Hearing',
        'Senator Ray Olin kept asking her why. Helen Marsh, exasperated, famously responded: "What difference does it make?"',
      ),
    ).toEqual([['What difference does it make?', 'Helen Marsh']]);
  });

  it('gives a quote to the name after the writer’s own clause and an inverted cue', () => {
    expect(
      listed(
        'Court',
        'Much is at stake in the appointment.',
        '"To see the number of cases that could change is stunning," since so many of the most important cases were decided by one vote, said Lena Epp, who teaches law.',
        '"These groups have set the table for voters," in sharp contrast to past elections when campaigns took on that role, says Dan Scala, a political scientist.',
      ),
    ).toEqual([
      ['To see the number of cases that could change is stunning', 'Lena Epp'],
      ['These groups have set the table for voters', 'Dan Scala'],
    ]);
  });
});

describe('a cue after the quote over one before it', () => {
  it('gives a quote its interrupting cue over a verb some words before the colon', () => {
    expect(
      listed(
        'Jobs',
        'The mayor’s office now cheers figures that Mr. Hale dismissed on the campaign trail as misleading: "They may have been phony in the past," spokesman Tom Reed said, "but they are real now."',
      ),
    ).toEqual([
      ['They may have been phony in the past', 'Tom Reed'],
      ['but they are real now.', 'Tom Reed'],
    ]);
  });

  it('keeps "X told Fox News:" over the next sentence’s verb', () => {
    expect(
      listed(
        'Prize',
        'Erik Dahl told Fox News: "He has done more for peace than most nominees." Mr. Hale responded by thanking him.',
      ),
    ).toEqual([['He has done more for peace than most nominees.', 'Erik Dahl']]);
  });

  it('gives words framed in a sentence to the cue that closes the sentence', () => {
    expect(
      listed(
        'Clearances',
        'Governor Dan Hale wants to strip officials of their passes for making "baseless" claims against him, his press secretary Sara Lind said Monday.',
      ),
    ).toEqual([['baseless', 'Sara Lind']]);
  });
});

describe('speakers named with more around them', () => {
  it('gives "The senator from Vermont said" to the one senator', () => {
    expect(
      listed(
        'Banks',
        'Sen. Ben Sandler spoke in Iowa on Monday.',
        'The senator from Vermont said the financial system was "corrupt" and had to change.',
      ),
    ).toEqual([['corrupt', 'Ben Sandler']]);
  });

  it('reads a name with its suffix set off by a comma as the name', () => {
    expect(
      listed('Shooting', 'No arrests were made, and police Chief John Hale, Jr. said officers are "working on it."'),
    ).toEqual([['working on it.', 'John Hale Jr.']]);
  });
});

describe('a speaker beside the body their description names', () => {
  it('gives "he told Hannity" to the one Hannity asked, not to Hannity', () => {
    expect(
      listed(
        'Wall',
        'Sean Hollis asked Don Tremont how high the wall would be. "I think it could be 40 feet," he told Hollis.',
      ),
    ).toEqual([['I think it could be 40 feet', 'Don Tremont']]);
  });

  it('gives ", who said" after a description to the name it describes, not to the committee it names', () => {
    expect(
      reported(
        'The emails were sent, according to Sen. Diane Fern of Ohio, the ranking Democrat on the Senate Ethics Committee, who said none of the emails came from her.',
      ),
    ).toEqual([['none of the emails came from her', 'Diane Fern']]);
  });

  it('gives a statement after two descriptions to the name before them', () => {
    expect(
      listed(
        'Donors',
        'Mark Holt, chairman of the board of Freedom Allies, the network’s funding arm, said a candidate needed "support from the public."',
      ),
    ).toEqual([['support from the public.', 'Mark Holt']]);
  });
});

describe('words a vague source frames', () => {
  it('gives what "some call" a name to nobody, not to the sentence’s subject', () => {
    expect(
      attributed(
        'Senator Ann Dorn has called on her rival to back a bill to close what some call the "Harbour loophole," which lets buyers skip checks.',
      ),
    ).toEqual([]);
  });
});

describe('a participle after a statement', () => {
  it('goes on from the one whose statement opens the sentence, not from a verb inside it', () => {
    expect(
      listed(
        'Report',
        'Governor Dan Hale said Sunday that he doubts reports that the agency concluded Russia interfered in the vote, calling it "ridiculous".',
      ),
    ).toEqual([['ridiculous', 'Dan Hale']]);
  });

  it('keeps to the main clause when the statement sits in a clause before it', () => {
    expect(
      listed(
        'Accord',
        'Hours after Governor Dan Hale announced that the state would leave a pact that he said Russia had been "violating for years," top Russian officials hit back, calling the move "very dangerous".',
      ),
    ).toEqual([
      ['violating for years', 'Dan Hale'],
      ['very dangerous', null],
    ]);
  });
});

describe('a country before the noun of its phrase', () => {
  it('gives what "it has confirmed" to no one when only "The US tycoon" is the subject before', () => {
    expect(
      attributed(
        'The US tycoon, who has courted the club for a year, has sent the board "detailed proposals", it has confirmed.',
      ),
    ).toEqual([]);
    expect(people('The US tycoon, who has courted the club for a year, has sent the board a bid.')).toEqual([]);
  });

  it('still gives "it said" to the union whose leaders spoke before', () => {
    expect(
      attributed(
        'European Union leaders issued a statement condemning the ban.',
        '"The virus is a global crisis and it requires cooperation," it said.',
      ),
    ).toEqual([['The virus is a global crisis and it requires cooperation', 'European Union']]);
  });
});

describe('"it" before a passive speech verb', () => {
  it('gives "It was revealed that ..." to nobody, not to the body that spoke before', () => {
    expect(
      reported(
        'Rovers Football Club said on Monday that it had received a takeover proposal.',
        'It was revealed on Tuesday that the club had spent £20m on wages.',
      ),
    ).toEqual([['it had received a takeover proposal', 'Rovers Football Club']]);
  });
});

describe('a passive reporting verb', () => {
  it('reports nothing for its subject: declared, told, said to', () => {
    expect(
      reported(
        'Senator Ann Quell was declared the winner in Norland, and her rival conceded.',
        'The ministry was told that troops were ready. Investors Tom Vale and Ed Marr are said to believe that the bid is too low.',
        'Quell said she expects to win the next primary as well.',
      ),
    ).toEqual([['she expects to win the next primary as well', 'Ann Quell']]);
  });
});

describe('what a reporting verb does not report', () => {
  it('ends a plain object at a lone comma, a subordinate clause or a second verb of its subject', () => {
    expect(
      reported(
        'Rep. Ann Quell announced plans for the panel’s vote, which would take place a day after the deadline.',
        'The assembly has charged Mayor Tom Vale with misconduct after he delivered a speech.',
        'Dan Reyes claimed self-defence and was acquitted of the charges.',
      ),
    ).toEqual([]);
  });

  it('still reports a clause whose subject has words set off by commas', () => {
    expect(
      reported(
        'Adviser Tad Okoro predicted Quell, who did win Norland on Tuesday, would stay in the race.',
        'Police confirmed Tom Vale, 63, was the culprit.',
      ),
    ).toEqual([['Quell, who did win Norland on Tuesday, would stay in the race', 'Tad Okoro']]);
  });

  it('reads "added" with a plain object as no statement, and with a clause as one', () => {
    expect(
      reported(
        'Fly-half Barry Evans added the conversion to become the fourth player to reach 1,000 points.',
        'Coach Dale Moss added the team fell short in the second half.',
      ),
    ).toEqual([['the team fell short in the second half', 'Dale Moss']]);
  });

  it('reports nothing that is only intended or refused', () => {
    expect(
      reported(
        'County Attorney Pete Ortiz is expected to announce the charge later on Wednesday.',
        'Mayor Tom Vale will announce on Thursday that the bridge will reopen.',
        'Governor Ann Quell declined to say whether she would run again.',
        'Senator Dale Moss said he would run again.',
      ),
    ).toEqual([['he would run again', 'Dale Moss']]);
  });
});

describe('a name after a description tied to a body', () => {
  it('gives "The US ambassador to the United Nations, Nikki Haley, said" to the ambassador', () => {
    expect(
      listed(
        'Envoy',
        'The Norland ambassador to the United Nations, Mara Quell, said: "We will stay."',
        'Tucker Vale, a long-time critic of President Tom Reyes, said: "He has failed."',
      ),
    ).toEqual([
      ['We will stay.', 'Mara Quell'],
      ['He has failed.', 'Tucker Vale'],
    ]);
  });

  it('gives "the mayor’s pick to run the Norland Agency, Ann Ode, told" to Ann Ode, up to "according to"', () => {
    expect(
      reported(
        'The mayor’s pick to run the Norland Agency, Ann Ode, told officials that she would withdraw, according to people familiar with the talks.',
        'Dale Moss said Senator Tom Vale, Norland Democrat, wants more witnesses.',
      ),
    ).toEqual([
      ['she would withdraw', 'Ann Ode'],
      ['Senator Tom Vale, Norland Democrat, wants more witnesses', 'Dale Moss'],
    ]);
  });
});

describe('where a reported statement ends', () => {
  it('stops before the writer’s own words the sentence goes on with', () => {
    expect(
      reported(
        'Mayor Tom Vale said he would veto the budget, a position that raises the threat of a shutdown.',
        'Coach Dale Moss said his side had played well, making the final their third in a row.',
        'Governor Ann Quell said the bridge would reopen on Friday, which is a week later than planned.',
        'Minister Mara Ode said 150 million doses had been given, the official confirmed.',
      ),
    ).toEqual([
      ['he would veto the budget', 'Tom Vale'],
      ['his side had played well', 'Dale Moss'],
      ['the bridge would reopen on Friday', 'Ann Quell'],
      ['150 million doses had been given', 'Mara Ode'],
    ]);
  });

  it('keeps a relative clause inside the statement, and the items of a list', () => {
    expect(
      reported(
        'Mayor Tom Vale said the vote, which was due on Friday, would pass.',
        'When Mara Ode announced the update would guard against viruses, spyware and scams, critics were unconvinced.',
      ),
    ).toEqual([
      ['the vote, which was due on Friday, would pass', 'Tom Vale'],
      ['the update would guard against viruses, spyware and scams', 'Mara Ode'],
    ]);
  });

  it('ends a statement in a clause a subordinator opens at that clause’s comma', () => {
    expect(
      reported('When Tom and Ann Vale announced they were divorcing, the internet was quick to react with jokes.'),
    ).toEqual([['they were divorcing', 'Ann Vale']]);
  });
});

describe('a few words after the verb that say where or how, not what', () => {
  it('reports nothing for "said onstage Tuesday night", "said carefully, as ..." or "tweeted the famed fascist’s quote"', () => {
    expect(
      reported(
        '"We are here," singer Dana Bond said onstage Tuesday night.',
        'Not long after Mayor Tom Vale tweeted the famed dictator’s quote, host Ann Ode asked him about it.',
        'Later Bond said it’s beautiful, too.',
        '"I did not come here to pander," Bond said carefully, as the words rolled across the screen.',
        'Bond said initially, her band is going to tour Europe.',
      ),
    ).toEqual([
      ['it’s beautiful, too', 'Dana Bond'],
      ['initially, her band is going to tour Europe', 'Dana Bond'],
    ]);
  });
});

describe('a state body wire copy names by its country', () => {
  it('lists what "Ukraine’s foreign ministry" and "the Russian defence ministry" said under each, and "the ministry" after', () => {
    expect(
      attributed(
        'Ukraine’s foreign ministry said on Saturday that the talks had been productive.',
        '"We expect a decision soon," the ministry said in a statement.',
        'The Russian defence ministry said its forces had taken a village.',
      ),
    ).toEqual([
      ['the talks had been productive', 'Ukraine’s foreign ministry'],
      ['We expect a decision soon', 'Ukraine’s foreign ministry'],
      ['its forces had taken a village', 'Russian defence ministry'],
    ]);
  });

  it('never gives what someone’s own campaign or team said to another body in play', () => {
    expect(
      attributed(
        'Senator Tom Vale spoke on Monday.',
        'Fox News said on Tuesday that the debate was off. Vale’s campaign said he would not take part.',
        'Vodafone said on Tuesday that it would cut jobs. The company’s board said it would meet.',
      ),
    ).toEqual([
      ['the debate was off', 'Fox News'],
      ['it would cut jobs', 'Vodafone'],
      ['it would meet', 'Vodafone'],
    ]);
  });
});

describe('a study and what it is about', () => {
  it('gives what "a new poll of citizens in Norway says" to no country, and a report by a body to the body', () => {
    expect(
      reported(
        'A new poll of citizens in Norway says that a majority oppose the plan.',
        'A report by the Home Affairs Committee said that the border was weak.',
      ),
    ).toEqual([['the border was weak', 'Home Affairs Committee']]);
  });
});

describe('given names both sexes bear', () => {
  it('gives "he said" to Kim Jong Un and to a Senator Lindsey, whom the name lists call women', () => {
    expect(
      listed(
        'Launch',
        'North Korean leader Kim Jong Un inspected a missile launch on Sunday. "We will strengthen our deterrent," he said.',
        'Senator Lindsey Vale spoke on Monday. "This is a mistake," he said.',
      ),
    ).toEqual([
      ['We will strengthen our deterrent', 'Kim Jong Un'],
      ['This is a mistake', 'Lindsey Vale'],
    ]);
  });
});

describe('wire-copy names and tags', () => {
  it('looks past an AP party and state tag to the senator, and reads "von der Leyen said" as her', () => {
    expect(
      attributed(
        'Sen. Tom Vale, D-N.Y., the minority leader, said the plan was "playing with fire."',
        'Commission President Ursula von der Leyen spoke on Monday. "Europe will defend itself," von der Leyen said.',
      ),
    ).toEqual([
      ['playing with fire.', 'Tom Vale'],
      ['Europe will defend itself', 'Ursula von der Leyen'],
    ]);
  });
});

describe('words inside a clause about someone else', () => {
  it('gives nobody the words a relative clause about another party frames', () => {
    expect(
      attributed(
        'Mayor Dana Pell responded on Monday to a local radio station that aired a sketch portraying her as a "public menace".',
        'Senator Tom Vale answered a letter from the union that had referred to him as "out of touch."',
      ),
    ).toEqual([]);
  });

  it('keeps words a relative clause leaves before the frame to the subject who framed them', () => {
    expect(
      attributed(
        'Mayor Dana Pell insisted the meeting that has upset the council for weeks was "largely friendly."',
        'Governor Ray Okafor said in papers filed with the court that the ruling and a decision that upheld it were both "deeply flawed".',
      ),
    ).toEqual([
      ['largely friendly.', 'Dana Pell'],
      ['deeply flawed', 'Ray Okafor'],
    ]);
  });

  it('gives the words "for X to claim" frames to X, not to the one who admitted it', () => {
    expect(
      attributed(
        'The Harbour Gazette said on Monday that prices fell.',
        'Its chief economist Dr. Tom Vale admitted on Tuesday that it was wrong for the newspaper to claim prices had "collapsed overnight".',
      ),
    ).toEqual([['collapsed overnight', 'Harbour Gazette']]);
  });

  it('gives words an earlier reporting verb of the sentence reports to its subject, not to the closing source', () => {
    expect(
      attributed(
        'Mayor Dana Pell told the council on Monday that the city now expected "a balanced budget by spring," the Harbour Gazette reported.',
        'A city fact sheet issued in March, which said the depot would close "within two years," was withdrawn, the Harbour Gazette reported.',
        'Governor Ray Okafor announced on Sunday that the state would pause the scheme "out of an abundance of caution," Reuters reported.',
      ),
    ).toEqual([
      ['a balanced budget by spring', 'Dana Pell'],
      ['out of an abundance of caution', 'Ray Okafor'],
    ]);
  });
});

describe('a body led by people', () => {
  it('gives what "the panel led by X and Y" said to nobody, not to Y, and a lawsuit led by X to X', () => {
    expect(
      attributed(
        'The panel led by former Irish President Mary Dunne and former Danish Prime Minister Lars Holm said there were "lost opportunities" to act.',
        'A lawsuit led by State Attorney General Dana Pell said the new rule was "plainly unlawful".',
      ),
    ).toEqual([['plainly unlawful', 'Dana Pell']]);
  });
});

describe('a relative of the one named', () => {
  it('does not give what "the brother of X" or "the uncle of X" said to X; "a spokesman for X" speaks for X', () => {
    expect(
      attributed(
        'The brother of Senator Tom Vale said the plan was "a disgrace".',
        'The uncle of council leader Dana Pell referred to her as a "hypocrite".',
        'A spokesman for Senator Ray Okafor said the plan was "a fine start".',
      ),
    ).toEqual([['a fine start', 'Ray Okafor']]);
  });
});

describe('a passive frame', () => {
  it('does not give words a passive verb frames to the one it names', () => {
    expect(
      attributed(
        'Mayor Dana Pell was referred to as a "reckless spender" in one of the emails.',
        'Senator Tom Vale was called a "traitor" by the protesters, and Ray Okafor was described as a "consummate professional".',
      ),
    ).toEqual([]);
  });
});

describe('what the words of a sentence rule out', () => {
  it('gives a title set off before a name to the name: "Argentina\'s President, Nestor Kirchner, said:"', () => {
    expect(attributed('Valdoria\'s President, Marta Quell, said on Friday: "We were told we were crazy."')).toEqual([
      ['We were told we were crazy.', 'Marta Quell'],
    ]);
  });

  it('does not take names given as examples ("people such as X and Y") for the subject that frames a quote', () => {
    expect(
      attributed(
        'Senator Tom Vale spoke on Monday.',
        'He said that only donors such as Dana Pell and Ray Okafor wanted "open borders."',
        'He said donors including Dana Pell wanted a "fair deal".',
      ),
    ).toEqual([['fair deal', 'Tom Vale']]);
  });

  it('gives nobody the words framed inside what someone denies, or what someone will call something', () => {
    expect(
      attributed(
        'Mayor Dana Pell denied reports that she privately called the protesters "thugs" and "losers."',
        'Hence Ray Okafor will see "gates that cannot be closed."',
        'Senator Tom Vale denied the report, calling it "total nonsense".',
      ),
    ).toEqual([['total nonsense', 'Tom Vale']]);
  });

  it('does not take "X continues to live" after a quote for its cue', () => {
    expect(
      attributed(
        '"I knew nothing about the singer before this film," said Kate Morrow.',
        '"It was a dream for me to land this part." Actress Dana Pell continues to live in Los Angeles as a recluse.',
      ),
    ).toEqual([
      ['I knew nothing about the singer before this film', 'Kate Morrow'],
      ['It was a dream for me to land this part.', 'Kate Morrow'],
    ]);
  });

  it('gives words a thanks frames to the one who thanked, who then goes on speaking', () => {
    expect(
      attributed(
        'Singer Tom Vale won the main prize. He told the audience: "I am amazed."',
        'Band leader Ray Okafor thanked fans for enduring "rubbish gigs". He added: "We had the guts to be ourselves."',
      ),
    ).toEqual([
      ['I am amazed.', 'Tom Vale'],
      ['rubbish gigs', 'Ray Okafor'],
      ['We had the guts to be ourselves.', 'Ray Okafor'],
    ]);
  });

  it('does not give "he said" to a man the quote names by his given name alone, nor the quotes after it', () => {
    expect(
      attributed(
        'Manager Ray Okafor criticised skipper Olof Lindqvist for his comments.',
        'Lindqvist spoke of his dislike of the rivals. "I have had a quiet word with Olof," he said. "He set himself up for that."',
        'Mayor Bill de Vries launched his campaign. "I\'m Bill de Vries and I\'m running for governor," he said.',
      ),
    ).toEqual([["I'm Bill de Vries and I'm running for governor", 'Bill de Vries']]);
  });

  it('reads "X repeatedly invoked President Y and suggested that" as X\'s statement', () => {
    expect(
      reported(
        'Hillary Clinton debated Bernie Sanders on Thursday.',
        "Clinton repeatedly invoked President Obama and suggested that Sanders' critiques of her amounted to attacks on Obama.",
      ),
    ).toEqual([["Sanders' critiques of her amounted to attacks on Obama", 'Hillary Clinton']]);
  });
});

describe('descriptions that name no one in play', () => {
  it('does not take "the military doctor" for the president, nor "the two men" for one of them', () => {
    expect(
      attributed(
        "President Tom Vale's physician said on Tuesday that the president was in good health.",
        'The military doctor said that was evidence Mr. Vale does not suffer from any condition that would stop him working.',
        'Mr Vale met Prime Minister Ray Okafor in Paris. The two men agreed to "work out some details" later.',
      ).filter(([, speaker]) => speaker === 'Tom Vale' || speaker === 'Ray Okafor'),
    ).toEqual([]);
  });
});

describe('words someone recalls and what no one said', () => {
  it('gives a quote "X recalled Y telling him" introduces to Y, not to X', () => {
    expect(
      attributed(
        'Coach Ray Okafor spoke on Monday.',
        '"I really want to win this one," Dana Pell recalled Mr. Okafor telling her.',
      ),
    ).toEqual([['I really want to win this one', 'Ray Okafor']]);
  });

  it('lists nothing for "she said almost nothing about"', () => {
    expect(
      reported('Governor Dana Pell said almost nothing about the budget until October, as the deficit grew.'),
    ).toEqual([]);
  });
});

describe('an appositive that runs up to the verb', () => {
  it('finds "X, from the Harbour Traders Association (HTA) told" after a quote', () => {
    expect(
      attributed(
        '"The story this year is all about digital," Jeff Okafor, from the Harbour Traders Association (HTA) told the BBC.',
      ),
    ).toEqual([['The story this year is all about digital', 'Jeff Okafor']]);
  });
});

describe('roles written as letters or joined by "and" before a name', () => {
  it('gives a quote to "Acme\'s CEO, Ada Vale," and to "chairman and chief executive Tom Hale"', () => {
    expect(
      attributed(
        '"We want to be sure it works," Acme-corp\'s CEO, Ada Vale, told the BBC.',
        'Harbour Media reported profits. "Our performance was strong," said chairman and chief executive Tom Hale.',
      ),
    ).toEqual([
      ['We want to be sure it works', 'Ada Vale'],
      ['Our performance was strong', 'Tom Hale'],
    ]);
    expect(
      people('"We want to be sure it works," Acme-corp\'s CEO, Ada Vale, told the BBC.').map((p) => p.name),
    ).toEqual(['Ada Vale']);
  });
});

describe('a spokesperson who goes on speaking', () => {
  it('gives "he said" after "A spokesman for X said that" to X, but not past a man named since', () => {
    expect(
      attributed(
        'Tom Vale said the word headed the list.',
        'A spokesman for the Harbour Press said that the word was now in other dictionaries. "It was the word of last year," he said. "But," he added, "it is a recent thing."',
        'An Ofcom spokesman said it would act. Ubisense has 40 customers, said Rui Sato of Ubisense. He said that the radios were driving new uses.',
      ),
    ).toEqual([
      ['the word headed the list', 'Tom Vale'],
      ['the word was now in other dictionaries', 'Harbour Press'],
      ['It was the word of last year', 'Harbour Press'],
      ['But', 'Harbour Press'],
      ['it is a recent thing.', 'Harbour Press'],
      ['it would act', 'Ofcom'],
      ['the radios were driving new uses', 'Rui Sato'],
    ]);
  });

  it('gives "she said" after a spokeswoman the article names to her', () => {
    expect(
      attributed(
        'Ada Quell, spokeswoman for the Harbour Trust, said it was aware of the site. She said the e-mails started two days ago.',
      ),
    ).toEqual([
      ['it was aware of the site', 'Ada Quell'],
      ['the e-mails started two days ago', 'Ada Quell'],
    ]);
  });
});

describe('names the quoted words are about', () => {
  it('does not give a group of someone\'s employees, or the one "his" words name, what was said', () => {
    expect(
      attributed(
        'Six former employees of Governor Tom Vale said they were contacted by his office, the Harbour Gazette reported.',
        'The president will welcome supplies from his "brother and friend," Chinese leader Ray Okafor.',
      ),
    ).toEqual([]);
  });
});

describe('"the paper"', () => {
  it('gives what "the paper" said to the one publication named just before', () => {
    expect(
      attributed(
        'The Financial Times said the regulator was annoyed by the talks. The deal was seen as crucial. Sales have fallen.',
        'The Observer said nearly half the workforce at the plant could be under threat if the deal goes ahead.',
        'According to the Observer, 3,000 jobs could be lost if the deal goes ahead. The paper said that officials believe cutbacks will be required.',
      ).at(-1),
    ).toEqual(['officials believe cutbacks will be required', 'Observer']);
  });
});

describe('"what X called"', () => {
  it('gives words "what X called" frames to X, over a verb after them', () => {
    expect(
      attributed(
        'Oliver Hedge runs a golf firm. In 2009, under what Mr. Hedge called "the prior economy model," the Marsh Landing Country Club, a private course, charged a fee.',
      ),
    ).toEqual([['the prior economy model', 'Oliver Hedge']]);
  });
});
