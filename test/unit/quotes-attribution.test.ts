import { describe, expect, it } from 'vitest';
import type { ParsedArticle, Quote } from '../../src/core/articles/article.js';
import { articleFromLines } from '../../src/core/articles/from-lines.js';
import { attributeQuotes } from '../../src/core/nlp/attribution/pipeline.js';

/** An article whose paragraphs are the given lines, joined by newlines, with exact offsets. */
function articleOf(...lines: string[]): { article: ParsedArticle; source: string } {
  const source = lines.join('\n');
  return { article: articleFromLines('Test article', source), source };
}

function analyze(...lines: string[]) {
  const { article, source } = articleOf(...lines);
  const result = attributeQuotes(article);
  for (const quote of result.quotes) {
    expect(source.slice(quote.start, quote.end)).toBe(quote.text);
    if (quote.speakerMention) {
      expect(source.slice(quote.speakerMention.start, quote.speakerMention.end)).toBe(quote.speakerMention.text);
    }
  }
  return result;
}

function quoted(quotes: Quote[]): Quote[] {
  return quotes.filter((quote) => quote.kind !== 'reported');
}

function speakers(quotes: Quote[]): [string, string | null][] {
  return quoted(quotes).map((quote) => [quote.text, quote.speaker]);
}

const intro = 'Transport Minister Helena Marsh visited the new depot in Leeds on Tuesday.';

describe('direct quote attribution', () => {
  it('attributes a quote followed by "X said"', () => {
    const { quotes } = analyze(intro, '“The buses will run on time,” Marsh said.');
    expect(speakers(quotes)).toEqual([['The buses will run on time', 'Helena Marsh']]);
    expect(quoted(quotes)[0]?.kind).toBe('direct');
    expect(quoted(quotes)[0]?.cue).toBe('said');
  });

  it('attributes a quote introduced by "X said:"', () => {
    const { quotes } = analyze(intro, 'Marsh said: “We have waited long enough for this.”');
    expect(speakers(quotes)).toEqual([['We have waited long enough for this.', 'Helena Marsh']]);
  });

  it('attributes an inverted "said X, the ..." and keeps the appositive as a role', () => {
    const { quotes, people } = analyze(
      '“It is a fair deal for drivers,” said Omar Haddad, the union’s general secretary.',
    );
    expect(speakers(quotes)).toEqual([['It is a fair deal for drivers', 'Omar Haddad']]);
    expect(people.find((person) => person.name === 'Omar Haddad')?.roles).toContain('union’s general secretary');
  });

  it('attributes "X told reporters" and records the cue', () => {
    const { quotes } = analyze(intro, '“We are not done yet,” Marsh told reporters after the visit.');
    expect(speakers(quotes)).toEqual([['We are not done yet', 'Helena Marsh']]);
    expect(quoted(quotes)[0]?.cue).toBe('told reporters');
  });

  it('attributes "X wrote on Telegram"', () => {
    const { quotes } = analyze(
      'Ukraine’s chief negotiator Petro Lysenko met his counterparts in Geneva.',
      '“The talks were useful,” Lysenko wrote on Telegram.',
    );
    expect(speakers(quotes)).toEqual([['The talks were useful', 'Petro Lysenko']]);
  });

  it('attributes a quote introduced by "according to X"', () => {
    const { quotes } = analyze(intro, 'According to Marsh, “the depot will open in spring.”');
    expect(speakers(quotes)).toEqual([['the depot will open in spring.', 'Helena Marsh']]);
    expect(quoted(quotes)[0]?.cue).toBe('According to');
  });

  it('resolves a pronoun to the person named before it', () => {
    const { quotes } = analyze(
      intro,
      'She spoke to workers for an hour.',
      '“I was impressed by what I saw,” she said.',
    );
    expect(speakers(quotes)).toEqual([['I was impressed by what I saw', 'Helena Marsh']]);
    expect(quoted(quotes)[0]?.speakerMention?.text).toBe('she');
  });

  it('skips a person of the wrong gender when resolving a pronoun', () => {
    const { quotes } = analyze(
      'Senator Laura Whitfield questioned Mr David Okafor at the hearing.',
      '“The answers were not good enough,” she said.',
    );
    expect(speakers(quotes)).toEqual([['The answers were not good enough', 'Laura Whitfield']]);
  });

  it('resolves a description to the person holding that role', () => {
    const { quotes } = analyze(
      'US Secretary of Energy Dana Whitlock toured the plant on Monday.',
      '“This is the future of power,” the secretary said.',
    );
    expect(speakers(quotes)).toEqual([['This is the future of power', 'Dana Whitlock']]);
    expect(quoted(quotes)[0]?.speakerMention?.text).toBe('the secretary');
  });

  it('resolves a short name with a title to the full name given earlier', () => {
    const { quotes, people } = analyze(
      'Former prime minister Tony Blair addressed the conference in London.',
      '“We must rebuild trust,” Mr Blair said.',
    );
    expect(speakers(quotes)).toEqual([['We must rebuild trust', 'Tony Blair']]);
    expect(people.find((person) => person.name === 'Tony Blair')?.aliases).toContain('Mr Blair');
  });

  it('finds a bare surname once the full name has appeared', () => {
    const { quotes, people } = analyze(
      'President Volodymyr Zelensky spoke to parliament in Kyiv.',
      'Zelensky said the army needed more air defence.',
      '“Every day counts,” Zelensky said.',
    );
    expect(people.map((person) => person.name)).toContain('Volodymyr Zelensky');
    expect(speakers(quotes)).toEqual([['Every day counts', 'Volodymyr Zelensky']]);
  });

  it('gives the parts of a multi-paragraph quote the speaker of its first part', () => {
    const { quotes } = analyze(
      intro,
      'Marsh said: “We have spent three years planning this network.',
      '“Now the people of Leeds will see the results.”',
    );
    expect(speakers(quotes)).toEqual([
      ['We have spent three years planning this network.', 'Helena Marsh'],
      ['Now the people of Leeds will see the results.', 'Helena Marsh'],
    ]);
    expect(quoted(quotes).map((quote) => quote.paragraphIndex)).toEqual([1, 2]);
  });

  it('gives a quote-only paragraph the speaker of the quote just before it', () => {
    const { quotes } = analyze(
      intro,
      '“The buses will run on time,” Marsh said.',
      '“And they will be cleaner than ever. That is a promise.”',
    );
    expect(speakers(quotes)).toEqual([
      ['The buses will run on time', 'Helena Marsh'],
      ['And they will be cleaner than ever. That is a promise.', 'Helena Marsh'],
    ]);
  });

  it('gives both parts of a quote interrupted by its attribution the same speaker', () => {
    const { quotes } = analyze(intro, '“The depot is ready,” she said. “The drivers are ready too.”');
    expect(speakers(quotes)).toEqual([
      ['The depot is ready', 'Helena Marsh'],
      ['The drivers are ready too.', 'Helena Marsh'],
    ]);
  });

  it('handles straight quotation marks like curly ones', () => {
    const { quotes } = analyze(intro, '"The buses will run on time," Marsh said.');
    expect(speakers(quotes)).toEqual([['The buses will run on time', 'Helena Marsh']]);
  });

  it('keeps a nested quote inside the outer speaker’s quote', () => {
    const { quotes } = analyze(
      'Foreign Minister Anna Reyes met Chancellor Piotr Brandt in Berlin.',
      '“The chancellor told me ‘we will stand with you’, and I believe him,” Reyes said.',
    );
    expect(speakers(quotes)).toEqual([
      ['The chancellor told me ‘we will stand with you’, and I believe him', 'Anna Reyes'],
    ]);
  });

  it('credits a quote that mentions another person to the one who says it', () => {
    const { quotes } = analyze(
      'Foreign Minister Anna Reyes met Chancellor Piotr Brandt in Berlin.',
      '“The chancellor said he is very supportive of us,” Reyes said.',
    );
    expect(speakers(quotes)).toEqual([['The chancellor said he is very supportive of us', 'Anna Reyes']]);
  });
});

describe('partial, reported and non-speech quotes', () => {
  it('marks a few quoted words woven into a sentence as partial and credits the describer', () => {
    const { quotes } = analyze(
      'Prime Minister Karl Vogt, who has described the budget as a “historic mistake”, voted against it.',
    );
    expect(quoted(quotes)).toMatchObject([{ text: 'historic mistake', kind: 'partial', speaker: 'Karl Vogt' }]);
  });

  it('records reported speech with its verbatim clause', () => {
    const { quotes } = analyze(intro, 'Marsh told reporters on Friday that the depot would open in spring.');
    expect(quotes.filter((quote) => quote.kind === 'reported')).toMatchObject([
      { text: 'the depot would open in spring', speaker: 'Helena Marsh', cue: 'told reporters' },
    ]);
  });

  it('does not treat the title of a work as speech', () => {
    const { quotes } = analyze('Director Maya Lindqvist premiered her film “Winter Harbour” in Oslo on Sunday.');
    expect(quoted(quotes)).toEqual([]);
  });

  it('does not treat a nickname as speech', () => {
    const { quotes } = analyze('The striker, nicknamed “The Hammer”, scored twice for the club on Saturday.');
    expect(quoted(quotes)).toEqual([]);
  });

  it('does not treat a scare quote as speech', () => {
    const { quotes } = analyze('Critics have attacked the curriculum as “woke” and demanded changes this year.');
    expect(quoted(quotes)).toEqual([]);
  });

  it('does not treat a slogan as speech', () => {
    const { quotes } = analyze(
      'The party’s slogan “Take back the streets” was painted on every bus.',
      '“Whatever gets the job done” became the new motto of the campaign.',
    );
    expect(quoted(quotes)).toEqual([]);
  });

  it('leaves an unattributable quote without a speaker', () => {
    const { quotes } = analyze(
      'The market opened early on Saturday morning.',
      '“Prices have never been this high in my lifetime.”',
    );
    expect(speakers(quotes)).toEqual([['Prices have never been this high in my lifetime.', null]]);
  });

  it('does not guess a person for an unnamed source', () => {
    const { quotes } = analyze(intro, '“The timetable is unrealistic,” a union official said.');
    expect(speakers(quotes)).toEqual([['The timetable is unrealistic', null]]);
    expect(quoted(quotes)[0]?.speakerMention?.text).toBe('a union official');
  });
});

describe('sentences that end on their speaker', () => {
  it('keeps whoever closed a sentence in play as its speaker for the pronouns after', () => {
    const { quotes } = analyze(
      'Billions of pounds spent on the war should have gone to the poor, Cardinal Anton Reyes has said.',
      'The head of the church made the comments on the radio. The cardinal used a message to denounce the war as a "terrible" waste of money. He and the Archbishop of Glenmore have both spoken out about the war.',
      'Speaking on the radio, he criticised the fact that "billions" had been spent on war.',
    );
    expect(speakers(quotes).filter(([text]) => text === 'billions')).toEqual([['billions', 'Anton Reyes']]);
  });

  it('gives a pronoun after "..., he said." to that pronoun, never to the one named in what was said', () => {
    const { quotes } = analyze(
      'Mr Harper, in the latest of his speeches, explained the slogan was the reaction to polling. "Not many people remember those days," he declared. It would be a hard campaign.',
      'Nobody, he claimed, could picture Mark Ellis walking into office. They could, however, picture Dan Doyle doing it. So it was only right that the campaign looked at the record. And Dan Doyle would be in the very front line of that campaign, he said. "We start tomorrow," he promised.',
    );
    // the "he" of "he said" is the one speaking before, never Doyle
    expect(speakers(quotes)).toEqual([
      ['Not many people remember those days', 'Mr Harper'],
      ['We start tomorrow', 'Mr Harper'],
    ]);
    // the one named in what "he said" reports is not "he", though named in the sentence before too
    const named = analyze(
      'Mr Harper spoke in Leeds. "Not many people remember those days," he declared.',
      'They could, however, picture Dan Doyle doing it. And Dan Doyle would be in the front line, he said. "We start tomorrow," he promised.',
    );
    expect(speakers(named.quotes)).toEqual([
      ['Not many people remember those days', 'Mr Harper'],
      ['We start tomorrow', 'Mr Harper'],
    ]);
    // and "He hoped X would ..., he added." is still the "He" who opened the sentence
    const opened = analyze(
      'Tom Harper, the label boss, spoke on Friday.',
      'He hoped Dan Doyle would "move the company into its next era", he added.',
    );
    expect(speakers(opened.quotes)).toEqual([['move the company into its next era', 'Tom Harper']]);
    const simple = analyze(
      'Tom Harper met reporters in Leeds. Dan Doyle would lead the campaign, he said. "We start tomorrow," he promised.',
    );
    expect(speakers(simple.quotes)).toEqual([['We start tomorrow', 'Tom Harper']]);
  });
});

describe('questions', () => {
  it('never gives a question to the one who replies to it or is asked it', () => {
    const { quotes } = analyze(
      'Mr Harper pressed him on the posters. "How could you have thought anything other than that?" Mr Doyle replied that they were fair.',
      '"Will you stand again?" Ms Reyes was asked. "No," she said.',
    );
    // (the one who pressed him goes on asking)
    expect(speakers(quotes)).toEqual([
      ['How could you have thought anything other than that?', 'Mr Harper'],
      ['Will you stand again?', null],
      ['No', 'Ms Reyes'],
    ]);
  });

  it('still gives a question to the one who asks it, or says it when asked', () => {
    const { quotes } = analyze(
      '"Is it true?" Mr Doyle asked.',
      'Ms Reyes was urged to apologise. "Apologise for what?" Ms Reyes told reporters when asked about the call.',
    );
    expect(speakers(quotes)).toEqual([
      ['Is it true?', 'Mr Doyle'],
      ['Apologise for what?', 'Ms Reyes'],
    ]);
  });
});

describe('descriptions', () => {
  it('never gives "the former ... boss" to the one the article calls the boss now, nor to whoever else is in play', () => {
    const { quotes } = analyze(
      'Harlow boss Pieter Vandam was in good spirits on Friday, and Tom Brennan watched from the stand.',
      '"When the players come back, you watch Harlow go," the former Harlow boss said.',
    );
    expect(speakers(quotes)).toEqual([['When the players come back, you watch Harlow go', null]]);
  });
});
