import { describe, expect, it } from 'vitest';
import {
  cleanParagraphText,
  isCaptionSentence,
  isChromeParagraph,
  isChromeSentence,
  tidyCleanSentence,
  tidySentence,
} from '../../src/core/nlp/clean.js';
import { splitSentences } from '../../src/core/nlp/sentences.js';

describe('cleanParagraphText', () => {
  it('drops a stray stop a scraper left between words, and keeps real full stops', () => {
    expect(cleanParagraphText("'We suspend all . advertising,' a Sleep . spokesman said. It ended.")).toBe(
      "'We suspend all advertising,' a Sleep spokesman said. It ended.",
    );
  });

  it('strips a stray-period byline and Daily Mail style timestamps', () => {
    const text =
      'By . Jane Doe . PUBLISHED: . 09:15 EST, 4 March 2014 . | . UPDATED: . 11:02 EST, 4 March 2014 . A river burst its banks.';
    expect(cleanParagraphText(text)).toBe('A river burst its banks.');
  });

  it('strips a reporter byline with an outlet and a second author', () => {
    expect(cleanParagraphText('By . Sam Roe For Mailonline . and Kim Poe . The bridge reopened.')).toBe(
      'The bridge reopened.',
    );
    expect(cleanParagraphText('By . Daily Mail Reporter . The bridge reopened.')).toBe('The bridge reopened.');
  });

  it('strips "Last updated at" stamps', () => {
    expect(cleanParagraphText('Last updated at 4:05 PM on 2nd May 2012 . Voters queued early.')).toBe(
      'Voters queued early.',
    );
  });

  it('strips wire prefixes and all-caps datelines', () => {
    expect(cleanParagraphText('(CNN) -- Floods closed roads.')).toBe('Floods closed roads.');
    expect(cleanParagraphText('Lagos, Nigeria (CNN) -- Floods closed roads.')).toBe('Floods closed roads.');
    expect(cleanParagraphText('LONDON (Reuters) - Floods closed roads.')).toBe('Floods closed roads.');
    expect(cleanParagraphText('NAIROBI: Floods closed roads.')).toBe('Floods closed roads.');
  });

  it('empties paragraphs that are chrome', () => {
    for (const chrome of [
      'Follow',
      'Short Url',
      'Read more',
      'By Jane Doe',
      'Updated 20 December 2025',
      'Getty Images',
    ]) {
      expect(cleanParagraphText(chrome)).toBe('');
    }
  });

  it('leaves ordinary news untouched', () => {
    const text = 'By the end of the day, officials had counted 40 votes.';
    expect(cleanParagraphText(text)).toBe(text);
    expect(isChromeParagraph(text)).toBe(false);
  });
});

describe('isChromeSentence', () => {
  it('recognises site prompts', () => {
    for (const prompt of [
      'Click here to read the full report.',
      'Read more: the budget explained',
      'Sign up for our morning newsletter.',
      'Get our daily newsletter in your inbox.',
      'Scroll down for video.',
      'Follow Jane on Twitter.',
      'Photo: City Hall press office',
    ]) {
      expect(isChromeSentence(prompt)).toBe(true);
    }
  });

  it('keeps news sentences', () => {
    expect(isChromeSentence('The council voted to read the report aloud.')).toBe(false);
  });
});

describe('isCaptionSentence', () => {
  it('recognises captions written into the body', () => {
    expect(isCaptionSentence('Mayor Ana Ruiz (pictured) opened the bridge on Friday.')).toBe(true);
    expect(isCaptionSentence('Grand opening: Mayor Ana Ruiz cuts the ribbon.')).toBe(true);
  });

  it('does not take quote introductions or datelines for captions', () => {
    expect(isCaptionSentence('The mayor said: "We did it."')).toBe(false);
    expect(isCaptionSentence('The mayor told reporters: "We did it."')).toBe(false);
  });
});

describe('tidySentence', () => {
  it('removes line-wrap periods and spaces before punctuation', () => {
    expect(tidySentence('A lawyer who . claims  innocence ,  said so .')).toBe(
      'A lawyer who claims innocence, said so.',
    );
  });
});

describe('tidyCleanSentence', () => {
  it('answers as tidySentence and isChromeSentence do for the sentences of a cleaned paragraph', () => {
    const paragraph = cleanParagraphText(
      'A lawyer who . claims  innocence ,  said so . Click here to read more. The mayor said: "We did it ." Scroll down.',
    );
    for (const piece of splitSentences(paragraph)) {
      const tidied = tidySentence(piece.text);
      expect(tidyCleanSentence(piece.text)).toBe(isChromeSentence(tidied) ? null : tidied);
    }
    expect(splitSentences(paragraph).map((piece) => tidyCleanSentence(piece.text))).toEqual([
      'A lawyer who claims innocence, said so.',
      null,
      'The mayor said: "We did it ."',
      null,
    ]);
  });
});
