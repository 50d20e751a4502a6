import { describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../../src/core/articles/article.js';
import { articleFromLines } from '../../src/core/articles/from-lines.js';
import { attributeQuotes } from '../../src/core/nlp/attribution/pipeline.js';

/** An article whose paragraphs are the given lines, joined by newlines, with exact offsets. */
function articleOf(lines: readonly string[]): ParsedArticle {
  return articleFromLines('Test article', lines.join('\n'));
}

const intro = 'Transport commissioner Helena Marsh opened the new depot in Springfield on Monday.';

/** Quote text, speaker and speaker mention of every quote in quotation marks. */
function quoted(...lines: string[]) {
  return attributeQuotes(articleOf(lines))
    .quotes.filter((quote) => quote.kind !== 'reported')
    .map((quote) => ({
      text: quote.text,
      kind: quote.kind,
      speaker: quote.speaker,
      mention: quote.speakerMention?.text ?? null,
    }));
}

describe('quote extraction rules', () => {
  it('gives a statement from an institution to the institution, and still attributes the person quoted next', () => {
    expect(
      quoted(
        intro,
        '"We see real risks ahead for households," the Marlow Institution said in a note.',
        '"It is too early to panic," said Dana Whitcombe, an economist at the Keyline Institute.',
      ).map(({ text, speaker }) => ({ text, speaker })),
    ).toEqual([
      { text: 'We see real risks ahead for households', speaker: 'Marlow Institution' },
      { text: 'It is too early to panic', speaker: 'Dana Whitcombe' },
    ]);
  });

  it('keeps a quote ending in a comma when a lowercase title starts its attribution', () => {
    expect(
      quoted(intro, '"Depots are not optional," transport commissioner Helena Marsh said after the vote.'),
    ).toEqual([
      {
        text: 'Depots are not optional',
        kind: 'direct',
        speaker: 'Helena Marsh',
        mention: 'transport commissioner Helena Marsh',
      },
    ]);
  });

  it('reads a closing-style mark at the start of a paragraph as an opening mark', () => {
    const quotes = quoted(intro, '” … the buses will run on time and the drivers know it,” Marsh said.');
    expect(quotes).toEqual([
      {
        text: '… the buses will run on time and the drivers know it',
        kind: 'direct',
        speaker: 'Helena Marsh',
        mention: 'Marsh',
      },
    ]);
  });

  it('does not take the title of a show woven into a sentence for a quote', () => {
    expect(quoted(intro, 'Marsh told CBS’s “Face the Nation” that the depot would open early.')).toEqual([]);
  });

  it('does not continue a straight-quoted excerpt into a curly quote in the next paragraph', () => {
    const quotes = quoted(
      intro,
      '"The crowd waited in the rain, chanting “open the doors” as the buses arrived.',
      '“We are finally here,” Marsh said to the drivers.',
    );
    const excerpt = quotes.find((quote) => quote.text.startsWith('The crowd waited'));
    expect(excerpt?.mention ?? null).toBeNull();
    expect(quotes.find((quote) => quote.text === 'We are finally here')?.speaker).toBe('Helena Marsh');
  });
});

describe('speaker attribution rules', () => {
  it('gives an excerpt no speaker carried from the paragraph before', () => {
    const quotes = quoted(
      intro,
      '“The buses will run on time,” Marsh said.',
      '"The depot, which critics called “a white elephant,” took six years to build.',
    );
    expect(quotes.find((quote) => quote.text.startsWith('The depot'))?.mention ?? null).toBeNull();
  });

  it('gives an excerpt the source that introduces it with a colon', () => {
    const quotes = quoted(
      intro,
      'Marsh wrote:',
      '"The depot, which critics called “a white elephant,” took six years to build.',
    );
    expect(quotes.find((quote) => quote.text.startsWith('The depot'))?.speaker).toBe('Helena Marsh');
  });

  it('reads "the statement read" as a cue with the statement as its source', () => {
    const quotes = quoted(intro, '“The depot will close for repairs on Friday,” the statement read.');
    expect(quotes.map((quote) => quote.mention)).toEqual(['the statement']);
  });

  it('drops an adverb from the speaker phrase', () => {
    const quotes = quoted(intro, 'Marsh jokingly said, “The buses are faster than my car.”');
    expect(quotes).toEqual([
      { text: 'The buses are faster than my car.', kind: 'direct', speaker: 'Helena Marsh', mention: 'Marsh' },
    ]);
  });

  it('keeps the noun of a speaker phrase cut before its post-modifier', () => {
    const quotes = quoted(intro, '“The depot was never about the buses,” said a person close to the council.');
    expect(quotes.map((quote) => quote.mention)).toEqual(['a person']);
  });

  it('leaves a quote unattributed when the phrase before the cue cannot name a speaker', () => {
    const quotes = quoted(intro, '“Open the doors,” came shouts from the back of the hall.');
    expect(quotes.map((quote) => quote.mention)).toEqual([null]);
  });

  it('does not read a capitalized speech verb inside a name as a cue', () => {
    const quotes = quoted(intro, 'A columnist at the Springfield Post: "The depot is a waste of money."');
    expect(quotes.map((quote) => quote.mention)).toEqual([null]);
  });

  it('does not make the listener of a participle the speaker', () => {
    const quotes = quoted(intro, 'The council sent an email to residents stating, “The depot opens in May.”');
    expect(quotes.map((quote) => quote.mention)).not.toContain('residents');
  });

  it('finds the subject of a participle past a noun that only looks like a speech verb', () => {
    const quotes = quoted(
      intro,
      'Helena Marsh posted a Twitter comment of her own, saying, “We are so proud of the crews.”',
    );
    expect(quotes).toEqual([
      { text: 'We are so proud of the crews.', kind: 'direct', speaker: 'Helena Marsh', mention: 'Helena Marsh' },
    ]);
  });

  it('attributes a partial quote closed by its own cue to that cue', () => {
    const quotes = quoted(intro, 'Marsh praised the drivers because “they never gave up,” she said.');
    expect(quotes).toEqual([{ text: 'they never gave up', kind: 'partial', speaker: 'Helena Marsh', mention: 'she' }]);
  });

  it('takes a descriptive subject with a count as the speaker', () => {
    const quotes = quoted(
      intro,
      'Asked about the plan, the 44-year-old mother of three replied, “It is meant for families.”',
    );
    expect(quotes.map((quote) => quote.mention)).toEqual(['the 44-year-old mother of three']);
  });

  it('does not carry a signature after a quote to the next paragraph', () => {
    const quotes = quoted(
      'Readers told us what they think of the new depot.',
      '“It is the best thing the city has done in years.” ― Ana Ruiz',
      '“I still take my car, and I always will, whatever the buses do.”',
    );
    expect(quotes.map((quote) => quote.mention)).toEqual(['Ana Ruiz', null]);
  });

  it('does not carry a reported statement to a quote that opens the next paragraph', () => {
    const quotes = quoted(
      intro,
      'Marsh said the depot would cut delays, and the council agreed with her on Tuesday.',
      '“Nobody here believes a word of it, and we never did.”',
    );
    expect(quotes.map((quote) => quote.speaker)).toEqual([null]);
  });

  it('still hands the floor on from a quote that closes the paragraph before', () => {
    const quotes = quoted(intro, '“The buses will run on time,” Marsh said.', '“And the drivers will be paid more.”');
    expect(quotes.map((quote) => quote.speaker)).toEqual(['Helena Marsh', 'Helena Marsh']);
  });

  it('attributes "says X of <organisation>" to a person whose first name the lexicon does not know', () => {
    const quotes = quoted(
      'Shoppers now give up on a call after barely a minute, a survey suggests.',
      '"Shoppers will not wait any longer," says Tova Brennick of research firm Keyline Data, which ran the survey.',
    );
    expect(quotes).toEqual([
      {
        text: 'Shoppers will not wait any longer',
        kind: 'direct',
        speaker: 'Tova Brennick',
        mention: 'Tova Brennick of research firm Keyline Data',
      },
    ]);
  });

  it('attributes "X said" to two name-like words the lexicon does not know', () => {
    const quotes = quoted('The plant closed in May.', '"We will reopen before winter," Zelko Maravic said.');
    expect(quotes.map((quote) => quote.speaker)).toEqual(['Zelko Maravic']);
  });

  it('resolves "he said" to the one man named just before, even as an object', () => {
    const quotes = quoted(
      intro,
      'Her plan did not impress opposition transport spokesman Colin Hartley. "It will cost a fortune," he said.',
    );
    expect(quotes).toEqual([
      { text: 'It will cost a fortune', kind: 'direct', speaker: 'Colin Hartley', mention: 'he' },
    ]);
  });

  it('leaves "he said" unresolved when a "his" puts a second man in play beside the one just named', () => {
    const quotes = quoted(
      'Mayor Daniel Okafor opened the depot on Monday.',
      'His plan did not impress Colin Hartley. "It will cost a fortune," he said.',
    );
    expect(quotes.map((quote) => quote.speaker)).toEqual([null]);
  });

  it('does not resolve "she said" to a man named just before', () => {
    const quotes = quoted('The plan did not impress Colin Hartley. "It will cost a fortune," she said.');
    expect(quotes.map((quote) => quote.speaker)).toEqual([null]);
  });
});

describe('multi-paragraph quotes whose paragraph breaks were lost', () => {
  it('ends a run-on quote where the next sentence reopens it, keeping every part with its speaker', () => {
    const quotes = quoted(
      intro,
      'Marsh told the council: "The depot is the best thing we have built. "We have cut delays on every route.',
      '"Drivers like it too. "The next depot opens in spring." The council then voted on the budget.',
    );
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['The depot is the best thing we have built.', 'Helena Marsh'],
      ['We have cut delays on every route.', 'Helena Marsh'],
      ['Drivers like it too.', 'Helena Marsh'],
      ['The next depot opens in spring.', 'Helena Marsh'],
    ]);
  });

  it('splits a run-on quote at a curly mark that reopens it after a question', () => {
    const quotes = quoted(intro, 'Marsh asked: “Who pays for the delays? “Not the drivers,” she said. Then she left.');
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['Who pays for the delays?', 'Helena Marsh'],
      ['Not the drivers', 'Helena Marsh'],
    ]);
  });

  it('keeps a quote nested mid-sentence inside the quote that holds it', () => {
    const quotes = quoted(intro, 'Marsh said: "A driver told me "never again" and walked off the job."');
    expect(quotes.map((quote) => quote.text)).toEqual(['A driver told me "never again" and walked off the job.']);
  });
});

describe('single quotation marks and apostrophes', () => {
  it('keeps the reopened sentences of a single-quoted quote whose closing mark was lost', () => {
    const quotes = quoted(
      'Rovers coach Dan Reyes signed the striker on Friday.',
      "Reyes said: 'We told them he's the best we've seen. 'Eventually they agreed to sell. The deal runs two years.",
    );
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ["We told them he's the best we've seen.", 'Dan Reyes'],
    ]);
  });

  const holt = 'Pensioner Margaret Holt bought the chairs from a shop in Ashby three years ago.';

  it('keeps a quote nested mid-sentence in the last part of a run-on single-quoted quote', () => {
    const quotes = quoted(
      'Obesity may be written in our genes, a study of 3,000 twins suggests.',
      'Professor Ann Holt, the study’s lead author, said: ‘These findings are very exciting. ‘The next step is to ' +
        'find out more. ‘Treatments are a long way away, but we can move away from ‘one size fits all’ diets.’',
    );
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['These findings are very exciting.', 'Ann Holt'],
      ['The next step is to find out more.', 'Ann Holt'],
      ['Treatments are a long way away, but we can move away from ‘one size fits all’ diets.', 'Ann Holt'],
    ]);
  });

  it('closes a run-on quote at a single mark right after the double-quoted words inside it', () => {
    const quotes = quoted(
      holt,
      "Mrs Holt said: 'I'm upset about it. People will think I'm dirty since the '90s. 'What makes me so cross " +
        "is that they're saying Holt's chairs are greasy. 'They asked \"what's wrong with her?\"' The shop said nothing.",
    );
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ["I'm upset about it. People will think I'm dirty since the '90s.", 'Margaret Holt'],
      ["What makes me so cross is that they're saying Holt's chairs are greasy.", 'Margaret Holt'],
      ['They asked "what\'s wrong with her?"', 'Margaret Holt'],
    ]);
  });

  it("reads the marks of rock 'n' roll as apostrophes inside a single-quoted quote", () => {
    const quotes = quoted(holt, "Her son said: 'She loved rock 'n' roll in the '60s and still dances.' He laughed.");
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ["She loved rock 'n' roll in the '60s and still dances.", null],
    ]);
  });

  it("reads an editor's brackets at either end of a single-quoted quote as part of it", () => {
    const quotes = quoted(
      'Rovers coach Dan Reyes signed the striker on Friday.',
      "Reyes told the Gazette: '[The board] wanted him more than anyone. He is the best [sic]' He left for training.",
    );
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['[The board] wanted him more than anyone. He is the best [sic]', 'Dan Reyes'],
    ]);
  });
});

describe('cues that go on from another verb, objects that end at "as", headlines with a colon', () => {
  it('gives "kept saying" and "can be heard saying" to the subject of the verb before the participle', () => {
    const quotes = quoted(
      'Tom Hale was arrested on Monday.',
      'He kept saying, "I did nothing." In the video, he can repeatedly be heard saying, "Let me go."',
    );
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['I did nothing.', 'Tom Hale'],
      ['Let me go.', 'Tom Hale'],
    ]);
  });

  it('reports nothing from a plain object that "as" and a clause of its own end', () => {
    const reported = attributeQuotes(
      articleOf(['Ana Lind announced the news on Monday as voters prepared for the holiday.']),
    ).quotes.filter((quote) => quote.kind === 'reported');
    expect(reported).toEqual([]);
  });

  it('takes no name after a preposition before a colon for the speaker of a headline quote', () => {
    const article = articleFromLines(
      'Lind snaps at reporter over Hale question: "You are in the wrong business"',
      'President Ana Lind met Tom Hale on Wednesday.',
    );
    expect(attributeQuotes(article).quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['You are in the wrong business', 'Ana Lind'],
    ]);
  });
});

describe('nicknames in marks', () => {
  it('lists no nickname in marks before a name as a quote, but keeps a word said before a day or a speaker', () => {
    const quotes = quoted(
      'He mocked "Little Tom" Hale at the rally.',
      'Randolph "Tex" Vane left. "Today," Ann Ode said, "we win." Asked if he would run, Bo Lunde said "No" Tuesday.',
    );
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['Today', 'Ann Ode'],
      ['we win.', 'Ann Ode'],
      ['No', 'Bo Lunde'],
    ]);
  });
});
