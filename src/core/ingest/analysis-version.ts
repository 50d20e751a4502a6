/**
 * The version of the analysis (people, organisations, roles and quote attribution) that stored articles were
 * written with. Raise it whenever a change to src/core/nlp would give stored articles different people or quotes:
 * at start-up the bot then re-analyses every article written with a lower version from its stored text, in the
 * background (`npm run reanalyze` does it at once). Version 0 is every store written before versions were
 * recorded; 2 finds roles that open the sentence before a name ("The government spokesman, X, said"); 3 finds more
 * people and takes fewer places, titles and things named after people for people; 4 gives fewer pronouns to someone
 * named long before, carries speakers to partial quotes and to quotes after "X says.", and finds quotes whose
 * paragraph breaks were lost; 5 lists parties and firms named with an "'s" as speakers, finds names with letters
 * after them or a lowercase "al-", team sheets and initials, and cleans more roles; 6 finds people in lists of names
 * and firms, after party labels and plural titles, with surnames that are everyday words and Chinese names written
 * surname first, gives "he said" to the one named after a role, credits pull quotes and more bodies (centres, a
 * place's police), and keeps verbs, prepositions and "fellow" out of roles; 7 lists a firm the article calls a firm
 * elsewhere ("research firm Gartner ... Gartner said") as a body, not a person, takes no person from "Britain",
 * "Everybody" or an adverb opening a sentence, and finds relatives named by a given name ("his wife Samantha"), more
 * offices before names ("County Coroner X") and names that "who" takes up; 8 gives a quote with no cue to the one
 * whose reaction the sentence before it tells ("He shook his head."), "the younger X" to the one introduced later,
 * takes "X's grandfather" and "Sri Lanka" for no firm and no person, and reads specialists ("biologist"),
 * hyphenated offices ("vice-chancellor"), closed compounds ("winegrower") and sports positions ("opener") as roles,
 * and "the Gironde prefecture" and "Acme, which is owned by ..., said" as bodies, and finds "X on Tuesday said"; 9
 * reads a transcript's lines ("TAPPER: ...", "DANA WHITFIELD, HOST: ...") and an interview's "A:" answers as quotes,
 * gives "the statement read" to whoever gave it, "the bloc said" to the union named, keeps bodies named with commas
 * or a slash whole ("Ministry of Agriculture, Forestry and Fisheries", "Cal/OSHA"), finds the people of team sheets
 * ("D Peel"), of wire credits ("Reporting by ...") and royals by title ("Prince Charles" beside Charles Kennedy),
 * takes no one called Bill from "the Criminal Justice Bill" nor a person from a body the lexicon knows ("Aston Villa"),
 * and shows no team-mate, victim or "people" as a role; 10 gives a headline's quote set off by a colon to the
 * subject before its verb ("Biden denies claim: '...'"), lists what seats of power said (the Kremlin, the Pentagon,
 * Downing Street) under them, keeps "the campaign said" from a ministry, reads "has long alleged", names popes and
 * monarchs with their title and number ("Pope Francis", "King Charles III"), initials ("C.T. Vivian") and "Martin
 * Luther King Jr." whole, reads sports and media standings ("hurdler", "pundit") as roles, gives "a 'liar' and a
 * 'thief'" one speaker, no woman to "the man", and lists no reported statement cut short by a quote ("the probe was
 * a"), made of a plain object ("claimed the title") or of the day it was made ("Tuesday his actions ..."); countries
 * that speak are listed as bodies ("North Korea said"), a stray " . " a scraper left is no full stop, and "the Vermont
 * senator" is the one senator named; 11 gives a partial quote in a sentence that ends on its own cue to that cue's
 * speaker ("The plan is 'a mess', Brandt said."), one framed inside what a named speaker said to that speaker
 * ("Straw said the US had agreed after 'intensive talks'"), "calling them 'Fake News'" to the one calling, keeps a
 * headline's quoted words the body only reports, gives "the newspaper said" only to a publication ("the Harbour
 * Gazette newspaper") and "the report" no country, "Price's statement" to Price, finds "Rhandolf Fajardo" whose surname
 * speaks later, takes "Mr Coe, pictured with ..., said" for Mr Coe, goes past "when asked" and back from "on Facebook
 * writing" to the subject, lets "he" go back to a "Pat" or an "Arsene" the name lists only guessed a woman, keeps
 * "Blairite" and "ex-King" out of names and roles, and takes "Foreign Relations Committees" for no person; 12 finds a
 * full name no list knows that "who" takes up mid-sentence ("centre Olly Barkley, who withdrew"), takes a journal ("the
 * journal Nature Genetics reports") for a publication and a name that speaks "in its" own report ("National Rail said
 * on its website") for a body, not a person; and a sentence that ends on its speaker ("..., Cardinal X has said.")
 * keeps that speaker in play for the pronouns after, and "he promised" after "Blair would lead it, he said." goes on
 * from that "he", which is never anyone named in what it said; a question is never given to the one who replies to it
 * ("...?" X replied that) or is asked it ("...?" X was asked), and "the former ... boss" is nobody salience picks when
 * the article names a boss now; no verb after a quote is glued to the role after it ("'never' attack Tory leader");
 * 13 leaves an everyday word opening a sentence ("Absent Trump") and a department's name ("Housing and Urban
 * Development Julian Castro") out of names, takes "Director of Communications Tim Murtaugh" for a person with a role
 * and "J&J" for no one, and finds the people a headline alone names ("..., Mulvaney says", "Who is Mira Ricardel?"),
 * and gives a full name the role its predicate names ("X is the columnist for ..."), never one glued after
 * "starring" or "featuring", after a clause ("Rangers' boss X accepted referee") or after a noun of the sentence
 * ("pack Ospreys forward"), nor "new" or "current" ("the White House's new communications director"); a member of
 * nothing named ("former member") is no role; "C.T." with stops is a person's initials, not Connecticut's code; a
 * sentence word after "Jr." is no part of the name, and "X" and "X Jr." in one sentence are two people; 14 reads the
 * common words of a graded English word list as everyday words where compromise's lexicon lacks them, so names of
 * such words ("Regional Transit said", "Mental Health said") are bodies or no one rather than people, finds a given
 * name that is an everyday word before a surname no word list has ("Rod Ferntree", "Hope Quarmby") unless an adjective
 * opens it ("Golden Vandorf"), takes no firm from a name an initial opens ("K. Lorne Fields said"), and carries a
 * phrase quoted with no cue to the speaker before only while nobody at all (not only no subject) is named between; an
 * everyday word capitalized inside a sentence right before more capitalized words makes them one proper name ("White
 * Hart Lane", "Big Ben Lane"), no person, unless it is a role, a title, a party, a nationality, a place or part of an
 * office's title ("Defence Secretary X", "Minister for Work X"), and a contraction ("Don't", "We're") is never part of
 * a name, one capitalized inside a sentence making its run a work's title ("Boys Don't Cry"); a role stops at the verb
 * of a clause before it, after its subject, an auxiliary or an adverb ("helped Giuliani investigate former vice
 * president X", "Biden rejected former president X", "pushed referee X"), and at a pronoun's contraction ("he's");
 * "first lady" is a standing (no longer dropped as a courtesy); an office named with a surname alone ("President
 * Quell") goes to no "Jr." of the name nor to one whose full name the article gives other roles, even later
 * ("President Quell and first lady Mara Quell"); "Counselor to the President X" gives X no title of President; "X,
 * Jr." is "X Jr.", and "Jr." alone is nobody; one of the commonest words alone with no title ("Time will tell"), or
 * an everyday word ending a body's name after "and" ("Disease Control and Prevention said"), is nobody; 15 lets a
 * specific form of a role stand for its generic one only when it is given in its own right (more than once, or at
 * least a quarter as often), so a form given once with a sentence's words glued on is read as the generic one
 * ("subpoenas this week seeking special counsel" against "special counsel" seventy times), keeps one whose words only
 * place, party or date the role apart ("Arizona Republican Senator"), never reads another office as a kind of the one
 * it ends with ("Vice President", "shadow chancellor"), and reads "Secretary of State" as a kind of "Secretary"; an
 * office named by a surname beside a first lady of the name ("President Quell" beside first lady Mara Quell and their
 * son) goes only to one whose roles name it, else to nobody named, and so does the bare "Quell" after it; a name
 * after a long phrase a preposition opens is its sentence's subject ("At a rally in Kilbrook, Norland, on Thursday,
 * Quell included ...", "In an interview later that day, Quell went further: '...'"), and a plural description ("the
 * athletes said", "the coup leaders said") is a group, never the one person in play; a verb after a description's
 * head noun ends it ("The Florida senator sought to ..., saying" is the senator's), with "sought", "drew" and a few
 * other past tenses the lexicon lacks read as verbs; a party tag after a name is looked past to it ("Rep. X (D-Md.),
 * chair of the Platform Committee, said" is X's, not the committee's), and "said leaving a meeting" reports nothing;
 * people around someone ("lawyers for X", "aides to X", "supporters of X") and "a Republican representative" speak
 * for nobody named, and a complaint, a lawsuit or a ruling is no newspaper's that reported it; a person named
 * with an owner's "'s" ("Moore's documentary") is no subject a later "he" goes back to, unless the "'s" is "has" or
 * "is" ("Christie's been making the case"), and someone "asked by" a named host is not the one asking; what someone
 * never said or did not say ("she has never said she would ...", "did not say why") is no statement of theirs; a
 * plain object ends at a dash, a semicolon or "but" ("announced new sanctions -- but did not ..."), "emphasize",
 * "stress", "tweet" and "post" take plain objects, "against" and "out" open no clause, and after a plain object the
 * sentence's next reporting verb still reports ("emphasizing his finish, asserting that he ..."); a relative clause
 * about what the speaker said it in ("said in remarks that were streamed online"), a time or place ("said early
 * Friday morning", "said 30 minutes into the debate", "said aboard his plane") and an amount of talk ("said little")
 * are not what was said, "said that was a mistake" keeps its "that", and a show's name with an "&" in it is a title
 * ("on 'Fox & Friends'"), no partial quote; words framed inside what someone said are theirs past a few words of
 * when ("said on Friday that Marrow wants to 'abolish ...'", "said he expected that Americans will say 'no'"), and
 * never the one told ("was told by officials that ..."); the head of a body ("the outgoing head of the Office of
 * Government Ethics said", "the chief executive of SK Telecom") speaks as the one the article gives that post, or as
 * nobody named, never as the body (a spokesman for it still does); a description a name only modifies runs on to its
 * role noun ("said the top US law enforcement agent" is the one holding that post, not the United States); two
 * apostrophes are a double quotation mark, as New York Times archive copy writes them (''We will win,'' she said.);
 * 16 reads a surname that is also a title or an everyday word ("Jason King ... King says", "Martin Baron ... said Baron",
 * "Jon Tester ... Tester said") standing alone where a person acts as the one person of the article with that surname
 * (never after a determiner: "the King" is a monarch), so their quotes and the pronouns after them are theirs; a
 * description no role matches ("said the Newport-based athlete") is the one person who is the subject just before it;
 * "The company", "the group" opening a sentence keeps the body it names in play for an "it" after it (only a body
 * that has acted before), and "the government said" is never the firm that was the subject just before; "It was
 * revealed that ..." is nobody's statement, and neither is what a passive reporting verb says of its subject ("X was
 * declared the winner", "the ministry was told that ...", "they are said to believe that ..."); nor what is only
 * intended or refused ("will announce", "is expected to announce", "declined to say"); a plain object ends at a lone
 * comma, a subordinate clause or a second verb of the subject ("announced plans for the vote, which would ...",
 * "claimed self-defense and was acquitted"), while words set off by a pair of commas before a verb stay in the clause
 * ("predicted Sanders, who did win, would ..."); "added" takes plain objects ("added the conversion"); and "The US
 * ambassador to the United Nations, Nikki Haley, said" is the ambassador's, not the body's. Roles: a title "of" joins
 * to a role word before it stays whole ("Secretary of state nominee"), "then-" and the event a role is held in ("in the
 * talks", "in the race") are dropped, and "President Quell's daughter, Ivy Quell" gives Ivy neither the office nor her
 * parent's name. A reported statement ends before the writer's own words the sentence goes on with ("..., a position
 * that ...", "..., making him ...", "..., which ...", "..., the official confirmed"), and one in a clause a
 * subordinator opens ("When X announced they were ..., the masses were ...") at that clause's comma. "Ms. Acosta" is
 * Melba Acosta Febo when nobody has Acosta as a last name. A few words with no verb after a reporting verb ("said
 * onstage Tuesday night") report nothing, and a participle after a determiner ("tweeted the famed fascist's quote") is
 * no verb of a clause. A state body wire copy names by its country ("Ukraine's foreign ministry said", "the Russian
 * defence ministry said") speaks as that body, and "the ministry" after it too; "Biden's campaign said", "the
 * company's board said" never speak for a body of someone else or of another kind; a name set off after a description
 * that names a body ("Trump's pick to run the CIA, Gina Haspel, told") speaks, and a statement ends before "...,
 * according to ..."; firms named for their line of business ("Meta Platforms") are bodies; what a study is about ("a
 * new poll of citizens in Mexico says") is not its author; "said carefully, as the words rolled ..." reports nothing;
 * one capitalized word after "the" that speaks and is no role, nationality, party, place, family or known name is a
 * body ("The Fed said", "the Bundesbank said"). A given name the lists give one gender that news often uses for the
 * other ("Kim Jong Un", "Lindsey Graham", "Dominique") no longer rules its bearer out for "he" or "she". An AP party
 * and state tag ("Sen. X, D-N.Y., the minority leader, said") is looked past to the name, and a surname with two
 * particles opens its name mid-sentence ("von der Leyen said");
 * 17 keeps "former" before a title ("former President X", "Former President X": the office was held once, and a
 * reader took the bare title for a current one) and the first word of a title after "then-" ("then-Vice President X"
 * was shown as "President"); "President X" beside first lady Y X is a person of their own, "X" with the office (before,
 * nobody: the president's quotes had no speaker, or the first lady's name was completed from a headline for them); a role in the plural before a list is every listed name's ("former presidents X, Y and
 * Z", "Senators X and Y"), and a bare "nominee" or "members" is no role; a title and name all inside a quote split as outside one (`"Attorney
 * General Bill Barr should resign"` made a person "General Bill Barr"); a role after a name ends at "who" ("X, the former ambassador to Ukraine who was
 * recalled" had no role), and "the WHO" is a body inside a role; whom a role was held under is no part of it ("official under President X"); a role someone has set off by commas before a name is that
 * name's anywhere in the sentence ("named his new national security adviser, H.R. McMaster, to ..."; not a plural: "the
 * safety of its users, X"), "running mate" stays whole, and a neighbour is a tie, no role; an office about to be held is a role
 * ("President-elect X", "Speaker-designate"), and "the president" is never the president-elect nor "the president-elect"
 * the vice president-elect; "VP X" is a title, not initials or a body; a full name after a body and a rank is a person ("Navy
 * SEAL Ty Woods", "Senate Parliamentarian Elizabeth MacDonough", "Senate Judiciary Committee Chuck Grassley"), not the
 * body; a line of business grown into a firm's last word ("Ridgeback Biotherapeutics") makes it a body, after a role
 * noun too ("partner Ridgeback Biotherapeutics"); "the company's", "the party's" before a role only point back, as
 * "its" does ("the company's chief financial officer" is "chief financial officer"); an ordinal before a
 * role stays ("first Black police chief"), and two roles joined by "and" are two ("secretary of state and top military
 * officer"); a familiar form of a given name is the person of that surname with the full form ("Eddie Gallagher" after
 * "Edward Gallagher", "Bill Barr" beside "William Barr"); a role a full name will take or took as its predicate is theirs ("X will be
 * the new director of the FBI", "X became the first mayor"); a familiar form of a given name before a word no place or
 * body has is a person's name ("Bill Gates recently said" was a firm, "Will Young" nobody); a
 * speaking participle after a verb of going on or of perceiving is its subject's ("he kept saying", "he can be heard
 * saying"); a plain object ends where "as" opens a clause ("announced the news on Twitter as Americans prepared ..."
 * was listed as a statement); and a name after a preposition before a headline's colon is no speaker ("Biden snaps at
 * reporter over Putin question: '...'" was Putin's). "Sens.", "Reps." and "Pres." are titles ("Sens. X and Y" gives both
 * "Senator"; "Pres. Obama" was a second card), "the late Mayor X" keeps "late", and a role after a name may open on
 * words before its role word when the phrase is a role ("X, communications director of the group,", "X, Kraft senior
 * vice president,"); one capitalized word no name list knows whose speech verb is followed by "its" speaks as a
 * body ("Glaxo said its profits ...", "Moderna", "Icann"); a role a named owner has, set off by commas
 * before a name ("Clinton's campaign communications director, Jennifer Palmieri,") and a role with what it is of in
 * lowercase before a name ("White House chief of staff Mark Meadows", "director of rugby X") are that name's; a word no
 * list knows before a surname the lists know is a given name they lack ("Ziyi Zhang", "Gethin Jenkins"); a capitalized sentence that ends on its stop among
 * sentences in sentence case is prose, not a title-cased line ("Take Idaho Republican Sens. Mike Crapo and Jim
 * Risch."), a command opening it ("Take") is no title, and "Man Utd" is a club; a few title-cased words in marks right before a name are a nickname, not
 * a quote (`mocked "Little Marco" Rubio`, `Marion "Suge" Knight`); how the writer rates someone is no part of a role ("little-known official",
 * "controversial activist", "legendary congressman");
 * 18 takes a country before the noun of its phrase for no subject ("The US tycoon ... has approached the board with
 * 'detailed proposals', it has confirmed" made the US a body that spoke); a reflexive after a name ("Cruz himself said"),
 * an -ly adverb between a subject and its verb ("X, exasperated, famously responded:", "X on Thursday formally
 * announced") and a clause of the writer's between a quote and an inverted cue (`"...," since so many of the cases were
 * close, said X`) no longer hide the speaker; a cue that interrupts a quote (`...: "...," spokesman X said, "..."`) names
 * its speaker over a verb some words before the colon, and a sentence's closing cue ("..., his press secretary X said
 * Monday.") over a verb that only frames a partial quote; a role opens at "former", without the lowercase words of
 * the sentence before it ("will likely subpoena former national security adviser X"); a participle after a statement
 * that opens its sentence goes on from the one who made it ("X said Sunday that he doubts reports that Russia
 * interfered ..., calling it 'ridiculous'" was Russia's); words a vague "some" or "critics" frame are nobody's ("close
 * what some call the 'Charleston loophole'" was the senator's); "The senator from Vermont said" is the senator, and
 * "police Chief John Hayden, Jr. said" John Hayden Jr. (both had no speaker). Names found whole: a surname that is a
 * title word after a middle initial ("Representative Peter T. King" was "Mr. King"), a name before "its president and
 * CEO" (nobody: the capitals read as a firm's name), "Al" before a surname as a given name ("Al Sharpton" was
 * "Sharpton", "the Rev. Al Green" "Rev. Al Green"), and "Fr." as a title ("Fr. Frank Pavone"). A description set off after a name that goes on past its role gives the
 * role it opens with ("said Norm Coleman, a former senator from Minnesota" gave no role; now "former senator"). "he told Hannity" is never Hannity's; ", who said"
 * after a description ("Sen. X, the ranking Democrat on the Senate Intelligence Committee, who said") and a statement
 * after two descriptions ("X, chairman of the board of Freedom Partners, the network's funding arm, said") are the
 * named person's, not the body the description names. "George W. Bush" beside "George H.W. Bush" is a person of his own
 * (two middle initials that differ), and a plural title reaches every name of its list past their party tags ("Sens.
 * Joe Manchin (D-WV), Bob Casey Jr. (D-PA) and ..."). A headline's label speaks for the quote after its colon, or
 * nobody does ("Democrats: GOP reaction to Trump tweet 'a disgrace'" was Trump's), but not for one in a later sentence
 * of the headline, and a clause after a semicolon opens on its own subject ("...; Trump slams lawmaker, says '...'"
 * was the chief justice's). "The Russian leader" is the one whose role is "Russian President" (a president, prime
 * minister, premier or chancellor is a leader). A titled surname that acts ("President Trump boasted") is a person
 * of its own beside a body named after that surname ("the Trump National Golf Club" took him in, and his tweets went
 * to Putin). "Former" before a place and an office is kept ("Former Virginia Gov. X" was shown as a sitting
 * governor), and "fired", "sacked" and "deposed" before a role are too. What someone denies, disputes or refutes is no
 * statement of theirs ("Ebbers denied that he knew accountants were doctoring the books" listed "he knew accountants
 * were doctoring the books" under Ebbers). Where someone lives or whose citizen they are is no role ("Orange County resident", "Somali refugee and
 * U.S. citizen"). A given name and a surname that only a headline in title case names are a person ("Republicans Stage
 * Partisan Showdown Against FBI Agent Peter Strzok" had nobody), without the headline's words before them as a role. "explained" with a plain object reports nothing ("explained the
 * general utility of increasing the number of H-1B visas" was listed as Rubio's statement), and "Here's X in December 1992: '...'" is X's. A document no body issued speaks for the one person who gave it just
 * before ("Senator X wrote a letter ... '...,' the letter said"; "the cable indicated" after "Stevens sent a cable").
 * 19 gives nobody the words a relative clause about another party frames ("responded to a baseball team that aired a
 * video portraying her as an 'enemy of freedom'" was hers) or a passive frame names ("Jolie was referred to as a
 * 'spoiled brat'", "Scrushy is accused of 'directing'" were theirs); words inside what an earlier verb of the sentence
 * reports go to its subject, not to the source closing the sentence ("Ireland announced that it would suspend the
 * vaccine 'out of an abundance of caution,' Reuters reported"), or to nobody after "which said" ("a fact sheet, which
 * said ..., the Wall Street Journal reported" was the Journal's); "for the network to claim" is the network's; "the
 * panel led by X and Y said" is neither X nor Y (a lawsuit led by X is X's); "the brother of X" and "the uncle of X"
 * are not X. "portray", "refer to as", "thank" and "apologise" frame quoted words as "call" does ("X thanked fans for
 * enduring 'rubbish gigs'. He added: ..." went to the singer who spoke before X). Words framed inside what someone
 * denies ("denied reports that he called troops 'losers'") or will say ("will see") are nobody's; names given as
 * examples ("people such as David and Charles Koch wanted 'open borders'") are no subject; "Argentina's President,
 * Nestor Kirchner, said:" is Kirchner (was nobody, and his next quote went to his minister); "X continues to live ..."
 * after a quote is no cue; "X repeatedly invoked President Y and suggested" is X's statement, not Y's; and "he" or a
 * description is never someone the quote names by given name alone ("a quiet word with Olof," he said). "then-" before
 * a title is kept, as "former" is ("then-President X" was shown as "President", "then-FBI Director X" as "Director"),
 * and "ex-FBI Director X" keeps its body; "The panel heard ex-Governor X" is "ex-Governor" (was "panel heard
 * ex-Governor"). A county, avenue, street, road, square or garden after a given name is a place, not a surname ("Wayne
 * County", "Madison Avenue", "the Rose Garden" were people), and a ship, a yacht or a racehorse named like a person is
 * a thing ("the aircraft carrier Theodore Roosevelt"). A titled person's possessive ends a run of capitals ("President
 * Trump's Senate trial" had no Trump), and a name after "fired back at" or "a swipe at" is whom, not where ("Mitt
 * Romney" had no card). A president or a prime minister is not "the military doctor" or "the undocumented
 * immigrant" of a description, and "the two men" is nobody. `"...," X recalled Y telling him` is Y's (was X's), and
 * "she said almost nothing about" is no statement. `"...," X, from Exane BNP Paribas told Reuters` and `X, from the
 * Consumer Electronics Association (CEA) told` name X (nobody, for want of a comma before the verb). Across a store's
 * articles an office held no longer never absorbs the office held ("President" was folded into "former President", so
 * a person called president in 844 articles and former president in 108 showed only "former President"). In a list of
 * titled names ("State Treasurer X, Secretary of State Y, ..."), the next title and name are no role of the one before.
 * A bare "leader", "official" or "incumbent" (of nothing named) is no role, nor is an "icon", a "patron", a "shepherd"
 * or a "tactician" ("progressive icon", "consummate tactician"). "Secretary Clinton" beside former President Bill
 * Clinton and a Hillary Clinton with no role is hers (it gave him "Secretary"). "a President Clinton could" gives no
 * role; a participle before "former" ends what is not the role ("super PAC backing former Florida governor",
 * "Lawyers defending former WorldCom chief"); the writer's "fanatic", "far-left", "far-right" and "consummate" go.
 * A role's letters are no body ("Authenti-corp's CEO, Cynthia Musselman, told" went to an organisation "CEO"; "The
 * CEO" is the chief executive the article names), and "said chairman and chief executive Richard Parsons" names him
 * (it stopped at "chairman", and the quote went to the firm). "he said" after an unnamed "spokesman for X" who spoke
 * is X's, unless a man is named since ("A spokesman for the Oxford University Press said that ... '...,' he said"
 * went to Merriam-Webster; "A BBC spokeswoman said ... She said" to the producer the spokeswoman named). "Six former
 * employees of Gov. Andrew Cuomo said" is not Cuomo, and `from his "brother and friend," Chinese leader Xi Jinping.`
 * is not Xi's. "The paper said" is the one publication named in that sentence or the two before ("According to the
 * Observer, ... The paper said" had no speaker beside the Financial Times further back). Words "what X called" frames
 * right before them are X's over a verb after them (`under what Mr. Hedge called "the prior economy model," the club
 * charged` went to the club).
 */
export const ANALYSIS_VERSION = 19;
