import { foldName } from './fold.js';

// Given-name diminutives, short forms and spelling variants, compiled from general knowledge of
// naming customs. Each line is `formal: variant variant …`; a formal name may have spaces
// (`josé maría`), a variant may not. A variant may itself be formal on another line
// (`sandra`, `nancy`): look-ups follow such chains, so `Sandy` reaches Alexandra through Sandra.
// Spelling variants are listed as variants of one formal spelling (`katherine` under
// `catherine`), which makes the two spellings meet. Written with their diacritics; folded once
// at module load with the same `foldName` the normalizer uses.
const TABLE: readonly string[] = [
  // English
  'abigail: abby abbie abbey abbi gail gayle nabby',
  'abraham: abe abram bram',
  'adelaide: addie addy adela della heidi',
  'adeline: addie addy',
  'agnes: aggie nessa nessie',
  'albert: al bert bertie albie',
  'alan: al allan allen alun',
  'alexander: alex alec alek lex sandy sasha sacha xander zander alexr sandro',
  'alexandra: alex alexa lexi lexie sandra sandy sasha ally alix',
  'alfred: al alf alfie fred freddie freddy',
  'alice: allie ally alys',
  'amanda: mandy manda',
  'amelia: amy millie milly mel',
  'andrew: andy drew',
  'angela: angie',
  'anne: ann anna annie nan nancy nannie nanette',
  'anthony: tony ant antony',
  'antoinette: toni nettie netta',
  'antonia: toni tonia',
  'arabella: bella belle bel',
  'archibald: archie arch',
  'arnold: arnie',
  'arthur: art artie',
  'augustus: gus gussie august',
  'barbara: barb barbie babs bab bobbie',
  'bartholomew: bart bat',
  'beatrice: bea bee trixie beatrix',
  'benedict: ben benny',
  'benjamin: ben benny benji bennie benj',
  'bernard: bernie barney bern',
  'bradley: brad',
  'bridget: biddy bridie brid bridgette',
  'calvin: cal',
  'caroline: carol carrie caro callie carolyn carolina',
  'cassandra: cass cassie sandy',
  'catherine: cathy cathie cat kate katie katy kathy kay kitty kit kath katherine katharine kathryn cathryn catharine kathrine katheryn',
  'cecilia: cissy cissie celia cece',
  'charles: charlie chuck chas chaz chip',
  'charlotte: charlie lottie lotte lotty char',
  'chester: chet',
  'christian: chris',
  'christina: chris chrissy chrissie christie kris kristy tina christine kristina kristine',
  'christopher: chris kit topher kris',
  'clement: clem',
  'clifford: cliff',
  'constance: connie',
  'cornelius: con neil connie corny',
  'curtis: curt',
  'cynthia: cindy cyndi',
  'cyrus: cy',
  'daniel: dan danny dannie danl',
  'david: dave davy davie davey',
  'deborah: deb debbie debby debra',
  'dennis: denny',
  'desmond: des',
  'diana: di',
  'dominic: dom nic dominick',
  'donald: don donnie donny',
  'dorothy: dot dottie dolly dora dodie dorothea',
  'douglas: doug dougie',
  'edith: edie edye',
  'edmund: ed eddie ned ted edmond',
  'edward: ed eddie eddy ted teddy ned edw',
  'edwin: ed eddie ned win',
  'eleanor: ellie elle nell nellie nora elinor',
  'elijah: eli lige',
  'elias: eli',
  'elizabeth: eliza liz lizzie lizzy beth betty bette betsy bess bessie libby lisa liza elsie ellie eliz elisabeth',
  'ellen: nell nellie ellie',
  'emily: em emmy millie',
  'emma: em emmy',
  'emmanuel: manny emanuel',
  'ernest: ernie',
  'esther: essie hetty',
  'eugene: gene',
  'eugenia: genie',
  'evelyn: evie eve',
  'ezekiel: zeke',
  'felicity: flick fliss',
  'ferdinand: ferdie ferdi',
  'florence: flo flossie florrie',
  'frances: fran frannie fanny francie',
  'francis: frank frankie fran',
  'franklin: frank',
  'frederick: fred freddie freddy fredk rick ricky',
  'gabriel: gabe gabby',
  'gabrielle: gabby gabi gabriella',
  'geoffrey: geoff jeff jeffrey jeffery jeffry',
  'george: georgie geo',
  'gerald: gerry jerry',
  'gerard: gerry jerry',
  'gertrude: gertie trudy trudie',
  'gilbert: gil bert',
  'gordon: gordie gord',
  'gregory: greg',
  'gwendolyn: gwen wendy',
  'harold: hal harry',
  'harriet: hattie hatty',
  'harvey: harv',
  'helen: nell nellie ellie lena',
  'henry: hank harry hal hen henny hy',
  'herbert: herb bert bertie',
  'howard: howie',
  'hubert: bert hubie',
  'ignatius: iggy',
  'irene: renie rena',
  'isaac: ike ikey',
  'isabel: bel bella belle izzy izzie issy isabelle isabella ysabel',
  'isidore: izzy',
  'jacob: jake jakey coby',
  'jacqueline: jackie jacqui jacky jacquie',
  'james: jim jimmy jimmie jamie jem jas',
  'jane: janie jenny jennie',
  'janet: jan jenny nettie',
  'jennifer: jen jenny jenn jennie',
  'jeremiah: jerry jem jeremy',
  'jessica: jess jessie jessa',
  'joan: joanie',
  'joanna: jo joanie',
  'john: jack johnny jonny johnnie jon jock jno',
  'jonathan: jon jonny jonnie jonty',
  'joseph: joe joey jos jody josef',
  'josephine: jo josie jojo fifi',
  'joshua: josh',
  'judith: judy judi jude',
  'julia: jules julie',
  'kathleen: kath kathy kay',
  'kenneth: ken kenny',
  'laura: laurie lori',
  'lawrence: larry laurie lawrie laurence',
  'leonard: len lenny leo',
  'leslie: les',
  'lillian: lil lily lilly lillie',
  'lincoln: linc',
  'louis: lou louie lew lewis',
  'louise: lou lulu louisa',
  'lucas: luke',
  'lucinda: lucy cindy',
  'madeline: maddie maddy madeleine madelyn',
  'madison: maddie maddy',
  'magdalene: maggie magda lena magdalena',
  'margaret: maggie mag meg meggie peg peggy madge marge margie margo margot maisie daisy greta rita margt',
  'marjorie: marge margie marj',
  'martha: marty mattie patty patsy',
  'martin: marty',
  'mary: molly mollie polly mamie mae may minnie mame',
  'matilda: tilly tillie mattie maud',
  'matthew: matt matty mat',
  'maximilian: max maxie',
  'maxwell: max',
  'melanie: mel',
  'melissa: mel missy lissa',
  'melvin: mel',
  'mervyn: merv',
  'michael: mike mikey mick mickey micky mickie',
  'mildred: millie milly',
  'miriam: mimi',
  'mitchell: mitch',
  'montgomery: monty',
  'mortimer: mort morty',
  'moses: moe mo mose',
  'nancy: nan',
  'nathan: nate nat',
  'nathaniel: nat nate nathan',
  'nicholas: nick nicky nickie nic nicolas nikolas',
  'nicole: nicky nikki nic',
  'norman: norm',
  'oliver: ollie olly noll',
  'olivia: liv livvy livy ollie olly',
  'oswald: oz ozzie ossie',
  'pamela: pam pammy',
  'patricia: pat patty patti trish trisha tricia patsy',
  'patrick: pat paddy packy',
  'penelope: penny pen',
  'percival: percy perce',
  'peter: pete petey',
  'philip: phil pip phillip',
  'phyllis: phyl',
  'priscilla: cilla prissy',
  'prudence: prue pru',
  'rachel: rae rach',
  'randolph: randy rand dolph',
  'raymond: ray',
  'rebecca: becky becca beck reba',
  'reginald: reg reggie rex',
  'regina: gina reggie',
  'richard: dick dickie dicky rick ricky rich richie richd',
  'robert: bob bobby bobbie rob robbie robby bert bertie robin rab rabbie robt',
  'roberta: bobbie bobbi robbie berta',
  'roderick: rod roddy',
  'rodney: rod',
  'roland: rollie roly',
  'ronald: ron ronnie ronny',
  'rosalind: ros roz rosie',
  'rose: rosie rosy',
  'rosemary: rose rosie romy',
  'rudolph: rudy rudi dolph',
  'russell: russ rusty',
  'samantha: sam sammy sami',
  'samuel: sam sammy sammie saml',
  'sandra: sandy',
  'sarah: sara sally sal sadie',
  'sebastian: seb sebby bastian',
  'sidney: sid',
  'silas: si',
  'simon: si sim',
  'solomon: sol solly',
  'sophia: sophie sophy',
  'stanley: stan',
  'stephanie: steph stephie steff',
  'stephen: steve stevie steven steph',
  'stuart: stu stewart',
  'susan: sue susie suzie suzy sukie',
  'susannah: susie suzy sue sukie susanna',
  'sylvester: syl sly vester',
  'sylvia: syl sylvie',
  'tabitha: tabby',
  'terence: terry terrence',
  'thaddeus: thad tad',
  'theodora: theo dora teddy',
  'theodore: ted teddy theo',
  'theresa: tess tessa tessie terry teresa therese',
  'thomas: tom tommy tommie thom thos tam',
  'timothy: tim timmy',
  'tobias: toby',
  'valentine: val',
  'vernon: vern',
  'veronica: ronnie roni vonnie',
  'victoria: vicky vicki vickie tori tory vic',
  'vincent: vince vinny vinnie',
  'virginia: ginny ginger jinny',
  'vivian: viv',
  'wallace: wally',
  'walter: walt wally wat',
  'wilfred: wilf fred freddie',
  'wilhelmina: mina minnie willa wilma',
  'william: bill billy billie will willy willie liam wm wills',
  'winifred: winnie',
  'winston: win winnie',
  'zachary: zach zack zak zac',
  // Spanish
  'josé: pepe pepito chepe cheo joselito',
  'josé maría: chema chemita josema',
  'francisco: paco paquito pancho curro kiko quico chico cisco',
  'francisca: paca paquita pancha frasquita',
  'dolores: lola lolita loli',
  'concepción: concha conchita conchi',
  'consuelo: chelo',
  'enrique: quique kike',
  'ignacio: nacho',
  'guadalupe: lupe lupita',
  'manuel: manolo manolito manu',
  'jesús: chucho chuy chus',
  'alejandro: ale alejo jandro',
  'alejandra: ale',
  'antonio: toño toni tony tonino nino tonho toninho',
  'eduardo: edu lalo dudu',
  'luis: lucho luiz lula',
  'rosario: chayo charo',
  'pilar: pili',
  'mercedes: merche meche',
  'asunción: asun',
  'maría: mari maruja maru',
  'maría josé: majo',
  'maría teresa: maite',
  'teresa: tere',
  'guillermo: memo guille',
  'gonzalo: chalo',
  'ramón: moncho',
  'santiago: santi yago chago',
  'salvador: chava salva',
  'rafael: rafa rafi',
  'federico: fede',
  'joaquín: quino',
  'juan: juanito juancho',
  'josefina: pepa pepita fina',
  'cristina: cris tina',
  'margarita: marga',
  'beatriz: bea',
  'graciela: chela',
  'vicente: chente',
  'fernando: nando',
  'carlos: carlitos carlinhos',
  'roberto: beto',
  'alberto: beto tito',
  'humberto: beto',
  'ricardo: rico richi',
  // Portuguese
  'josé: zé zeca',
  'sebastião: tião',
  'joão: joãozinho',
  // Italian
  'giuseppe: beppe peppe peppino pino bepi',
  'giovanni: gianni nanni vanni',
  'francesco: cecco checco ciccio franco',
  'salvatore: totò turi tore',
  'domenico: mimmo',
  'vincenzo: enzo',
  'lorenzo: renzo enzo',
  'alessandro: sandro ale',
  'luigi: gigi gino',
  'francesca: franca cesca',
  'giovanna: gianna vanna',
  'elisabetta: betta bettina',
  'caterina: rina',
  'emanuele: manu lele',
  'massimiliano: max massi',
  'leonardo: leo',
  // German and Dutch
  'johannes: hans hansi hannes jan johann',
  'josef: sepp seppi seppl',
  'friedrich: fritz fritzi',
  'wilhelm: willi willy wim',
  'willem: wim pim',
  'heinrich: heinz heini',
  'katharina: kathi kati',
  'margarete: grete gretel gretchen greta',
  'elisabeth: liesel liesl lisl ilse lise babette lisette',
  'nikolaus: klaus claus niklas',
  'wolfgang: wolf wolfi',
  'andreas: andi',
  'franziska: franzi',
  'ludwig: lutz',
  'rudolf: rudi',
  'konrad: kurt',
  'bernhard: bernd',
  'gerhard: gerd',
  'dietrich: dieter',
  'ulrich: ulli uli',
  'susanne: susi',
  'johanna: hanne',
  'magdalena: magda lena leni',
  'sebastian: basti',
  'barbara: babsi',
  // French
  'jean: jeannot',
  'jacques: jacquot',
  'marguerite: margot maguy',
  // Russian, transliterated and in Cyrillic
  'alexander: aleksandr alexandr aleksander shura sanya',
  'mikhail: misha mishka',
  'dmitri: dima dimka mitya dmitry dmitriy',
  'ivan: vanya',
  'nikolai: kolya nikolay',
  'sergei: seryozha serezha sergey',
  'vladimir: volodya vova',
  'aleksei: alyosha lyosha alexei alexey aleksey',
  'ekaterina: katya katyusha katia yekaterina katerina',
  'natalya: natasha natalia nata tasha',
  'tatyana: tanya tatiana',
  'maria: masha mariya manya marusya',
  'anna: anya',
  'yelena: lena elena alena',
  'olga: olya',
  'svetlana: sveta',
  'lyudmila: lyuda mila',
  'evgeny: zhenya yevgeny evgeniy',
  'pavel: pasha',
  'pyotr: petya petr',
  'boris: borya',
  'konstantin: kostya',
  'anastasia: nastya stasia',
  'yuri: yura yury yuriy',
  'grigory: grisha',
  'vyacheslav: slava',
  'yaroslav: slava',
  'viktor: vitya',
  'irina: ira',
  'ksenia: ksyusha',
  'lyubov: lyuba',
  'valentina: valya',
  'darya: dasha daria dariya',
  'sofia: sonya',
  'александр: саша шура',
  'александра: саша',
  'алексей: алёша лёша',
  'михаил: миша',
  'дмитрий: дима митя',
  'владимир: володя вова',
  'иван: ваня',
  'николай: коля',
  'сергей: серёжа',
  'екатерина: катя',
  'наталья: наташа',
  'татьяна: таня',
  'мария: маша',
  'анна: аня',
  'елена: лена',
  'евгений: женя',
  'павел: паша',
  'пётр: петя',
  'анастасия: настя',
  'ольга: оля',
  'юрий: юра',
  'константин: костя',
  'дарья: даша',
  // Polish
  'aleksander: olek',
  'katarzyna: kasia',
  'małgorzata: gosia małgosia',
  'wojciech: wojtek',
  'krzysztof: krzyś',
  'tomasz: tomek',
  'andrzej: jędrek',
  'agnieszka: aga',
  // Spelling variants of transliterated names
  'muhammad: mohammed mohammad mohamed mohamad muhammed mohd md',
  'ahmed: ahmad ahmet',
  'yusuf: yousef yousuf youssef',
  'aisha: ayesha aysha aishah',
  'hussein: husain hussain husayn',
];

// Look-up key: folded, apostrophes and middle dots gone, hyphens and other punctuation as spaces, so
// `Jean-Paul`, `jean paul` and `JEAN  PAUL` meet.
const NON_NAME = /[^\p{L}\p{M}' ]+/gu;
const APOSTROPHE = /['\u00b7]/g;
const SPACES = / {2,}/g;

function nameKey(name: string): string {
  const folded = foldName(name);
  if (folded === '') return '';
  return folded.replace(APOSTROPHE, '').replace(NON_NAME, ' ').replace(SPACES, ' ').trim();
}

// Every name the table knows, mapped to its roots: itself and every formal name reachable by
// following variant → formal links (so `tere` → `teresa` → `theresa`).
const ROOTS: ReadonlyMap<string, readonly string[]> = /* @__PURE__ */ buildRoots(TABLE);

function buildRoots(table: readonly string[]): ReadonlyMap<string, readonly string[]> {
  const parents = new Map<string, Set<string>>();
  const link = (name: string, formal: string): void => {
    if (name === '' || name === formal) return;
    let set = parents.get(name);
    if (set === undefined) {
      set = new Set();
      parents.set(name, set);
    }
    set.add(formal);
  };
  const formals = new Set<string>();
  for (const line of table) {
    const colon = line.indexOf(':');
    const formal = nameKey(line.slice(0, colon));
    formals.add(formal);
    for (const variant of line.slice(colon + 1).split(' ')) link(nameKey(variant), formal);
  }
  const roots = new Map<string, readonly string[]>();
  for (const name of new Set([...formals, ...parents.keys()])) {
    const seen = new Set<string>([name]);
    const stack = [name];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      for (const parent of parents.get(next) ?? []) {
        if (!seen.has(parent)) {
          seen.add(parent);
          stack.push(parent);
        }
      }
    }
    roots.set(name, Object.freeze([...seen].sort()));
  }
  return roots;
}

/**
 * The formal names a given name may stand for, including the name itself: folded (see
 * {@link foldName}), sorted and without duplicates. A nickname may stand for several formal
 * names (`Kate` → Catherine, Katherine; `Sasha` → Alexander, Alexandra); spelling variants
 * (`Katherine`, `Catherine`) share a root. An unknown name's only root is itself; a name with no
 * letters has none.
 *
 * @param givenName - a given name as written (`Bob`, `JOSÉ MARÍA`, `Jean-Paul`).
 * @returns the roots, sorted; `[]` when the name has no letters.
 * @example
 * ```ts
 * import { nicknameRoots } from 'threadline';
 *
 * console.log(nicknameRoots('Bobby')); // [ 'bobby', 'robert' ]
 * console.log(nicknameRoots('Sasha')); // [ 'alexander', 'alexandra', 'sasha' ]
 * console.log(nicknameRoots('Chema')); // [ 'chema', 'jose maria' ]
 * console.log(nicknameRoots('Zebulon')); // [ 'zebulon' ]
 * ```
 */
export function nicknameRoots(givenName: string): readonly string[] {
  const key = nameKey(givenName);
  if (key === '') return NO_ROOTS;
  return ROOTS.get(key) ?? Object.freeze([key]);
}

const NO_ROOTS: readonly string[] = Object.freeze([]);

/**
 * Whether two given names may be the same name: they share a root in the nickname table
 * (`Bob`/`Robert`, `Bob`/`Rob`, `Bill`/`Liam`, `Pepe`/`José`), or they fold to the same name
 * (`JOSÉ`/`jose`). Symmetric; true for any name with letters compared with itself.
 *
 * @param a - a given name as written.
 * @param b - another given name as written.
 * @returns `true` when the names share a root.
 * @example
 * ```ts
 * import { areNicknameVariants } from 'threadline';
 *
 * console.log(areNicknameVariants('Bill', 'Liam')); // true
 * console.log(areNicknameVariants('Peggy', 'Margaret')); // true
 * console.log(areNicknameVariants('Robert', 'Roberta')); // false
 * ```
 */
export function areNicknameVariants(a: string, b: string): boolean {
  const left = nicknameRoots(a);
  const right = nicknameRoots(b);
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const x = left[i] ?? '';
    const y = right[j] ?? '';
    if (x === y) return true;
    if (x < y) i++;
    else j++;
  }
  return false;
}

/**
 * The nickname table: every folded name it knows, formal or not, with its roots. Read-only;
 * useful for building term lists or checking coverage.
 *
 * @example
 * ```ts
 * import { NICKNAME_ROOTS } from 'threadline';
 *
 * console.log(NICKNAME_ROOTS.get('peggy')); // [ 'margaret', 'peggy' ]
 * console.log(NICKNAME_ROOTS.size > 700); // true
 * ```
 */
export const NICKNAME_ROOTS: ReadonlyMap<string, readonly string[]> = ROOTS;
