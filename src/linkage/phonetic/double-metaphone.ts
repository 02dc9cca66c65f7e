import { ThreadlineError } from '../../core/errors.js';
import { C_CEDILLA, foldLetters } from './letters.js';

/**
 * The two Double Metaphone codes of a word: the primary (most likely English pronunciation) and
 * the alternate (a pronunciation from the word's probable language of origin). They are equal
 * when the word has no alternate.
 *
 * @example
 * ```ts
 * import { doubleMetaphone, type DoubleMetaphoneCodes } from 'threadline';
 *
 * const [primary, alternate]: DoubleMetaphoneCodes = doubleMetaphone('Michael');
 * console.log(primary, alternate); // MKL MXL
 * ```
 */
export type DoubleMetaphoneCodes = readonly [primary: string, alternate: string];

/**
 * How long codes are unless the caller asks otherwise: Philips' choice, and the usual one for
 * blocking (longer codes split blocks that short ones would join).
 *
 * @example
 * ```ts
 * import { DEFAULT_PHONETIC_LENGTH, doubleMetaphone } from 'threadline';
 *
 * console.log(DEFAULT_PHONETIC_LENGTH); // 4
 * console.log(doubleMetaphone('Christopherson')[0]); // KRST
 * ```
 */
export const DEFAULT_PHONETIC_LENGTH = 4;

const SPACE = 0x20;

// Letter sets for one-character look-ups, as bit masks: bit k is the letter `A` + k, bit 26 is
// the space that separates words (and that the algorithm sees past the end of the input).
const SPACE_BIT = 26;

function letterMask(letters: string): number {
  let mask = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i);
    mask |= 1 << (c === SPACE ? SPACE_BIT : c - 0x41);
  }
  return mask;
}

function inSet(c: number, mask: number): boolean {
  if (c >= 0x41 && c <= 0x5a) return ((mask >>> (c - 0x41)) & 1) === 1;
  return c === SPACE && ((mask >>> SPACE_BIT) & 1) === 1;
}

const VOWELS = letterMask('AEIOUY');
const AO = letterMask('AO');
const AOUE = letterMask('AOUE');
const BH = letterMask('BH');
const BHD = letterMask('BHD');
const CGLRT = letterMask('CGLRT');
const CKQ = letterMask('CKQ');
const CX = letterMask('CX');
const EI = letterMask('EI');
const EIH = letterMask('EIH');
const EIY = letterMask('EIY');
const LTKSNMBZ = letterMask('LTKSNMBZ');
const MNLW = letterMask('MNLW');
const PB = letterMask('PB');
const SKL = letterMask('SKL');
const SZ = letterMask('SZ');
const TD = letterMask('TD');
const TS = letterMask('TS');
// After `CH`: consonants (or the end of the word) that make it a hard `K`, as in `Achmed`,
// `Christine` or `Bach`.
const AFTER_HARD_CH = letterMask('LRNMBHFVW ');

// Multi-letter look-ups. Every list holds strings of one length, as in Philips' description.
const VAN_VON = Object.freeze(['VAN ', 'VON ']);
const BACHER_MACHER = Object.freeze(['BACHER', 'MACHER']);
const GREEK_CH5 = Object.freeze(['HARAC', 'HARIS']);
const GREEK_CH3 = Object.freeze(['HOR', 'HYM', 'HIA', 'HEM']);
const HARD_CH6 = Object.freeze(['ORCHES', 'ARCHIT', 'ORCHID']);
const UCCEE_UCCES = Object.freeze(['UCCEE', 'UCCES']);
const CK_CG_CQ = Object.freeze(['CK', 'CG', 'CQ']);
const CI_CE_CY = Object.freeze(['CI', 'CE', 'CY']);
const CIO_CIE_CIA = Object.freeze(['CIO', 'CIE', 'CIA']);
const SPACED_C_Q_G = Object.freeze([' C', ' Q', ' G']);
const CE_CI = Object.freeze(['CE', 'CI']);
const DT_DD = Object.freeze(['DT', 'DD']);
const INITIAL_SOFT_G = Object.freeze([
  'ES',
  'EP',
  'EB',
  'EL',
  'EY',
  'IB',
  'IL',
  'IN',
  'IE',
  'EI',
  'ER',
]);
const DANGER_RANGER_MANGER = Object.freeze(['DANGER', 'RANGER', 'MANGER']);
const RGY_OGY = Object.freeze(['RGY', 'OGY']);
const AGGI_OGGI = Object.freeze(['AGGI', 'OGGI']);
const ILLO_ILLA_ALLE = Object.freeze(['ILLO', 'ILLA', 'ALLE']);
const AS_OS = Object.freeze(['AS', 'OS']);
const ME_MA = Object.freeze(['ME', 'MA']);
const ISL_YSL = Object.freeze(['ISL', 'YSL']);
const GERMANIC_SH = Object.freeze(['HEIM', 'HOEK', 'HOLM', 'HOLZ']);
const SIO_SIA = Object.freeze(['SIO', 'SIA']);
const DUTCH_SCH = Object.freeze(['OO', 'ER', 'EN', 'UY', 'ED', 'EM']);
const ER_EN = Object.freeze(['ER', 'EN']);
const AI_OI = Object.freeze(['AI', 'OI']);
const TIA_TCH = Object.freeze(['TIA', 'TCH']);
const OM_AM = Object.freeze(['OM', 'AM']);
const SLAVIC_W = Object.freeze(['EWSKI', 'EWSKY', 'OWSKI', 'OWSKY']);
const WICZ_WITZ = Object.freeze(['WICZ', 'WITZ']);
const IAU_EAU = Object.freeze(['IAU', 'EAU']);
const AU_OU = Object.freeze(['AU', 'OU']);
const ZO_ZI_ZA = Object.freeze(['ZO', 'ZI', 'ZA']);
const INITIAL_SILENT = Object.freeze(['GN', 'KN', 'PN', 'WR', 'PS']);

const CH_A = 0x41;
const CH_B = 0x42;
const CH_C = 0x43;
const CH_D = 0x44;
const CH_E = 0x45;
const CH_F = 0x46;
const CH_G = 0x47;
const CH_H = 0x48;
const CH_I = 0x49;
const CH_J = 0x4a;
const CH_K = 0x4b;
const CH_L = 0x4c;
const CH_M = 0x4d;
const CH_N = 0x4e;
const CH_O = 0x4f;
const CH_P = 0x50;
const CH_Q = 0x51;
const CH_R = 0x52;
const CH_S = 0x53;
const CH_T = 0x54;
const CH_U = 0x55;
const CH_V = 0x56;
const CH_W = 0x57;
const CH_X = 0x58;
const CH_Y = 0x59;
const CH_Z = 0x5a;

/**
 * One encoding run over a folded word. Reading before the word gives 0 (matches nothing) and
 * reading past it gives a space, which is how the published algorithm pads its input so that
 * rules can test for the end of the word.
 */
class Encoder {
  readonly word: string;
  readonly n: number;
  readonly last: number;
  readonly cap: number;
  // -1 until a rule asks: most words never reach a rule that depends on it.
  private slavo = -1;
  primary = '';
  alternate = '';

  constructor(word: string, maxLength: number) {
    this.word = word;
    this.n = word.length;
    this.last = word.length - 1;
    this.cap = maxLength;
  }

  // W, K and CZ (and hence WITZ) mark Slavic or Germanic spellings, where several letters keep
  // their native sound.
  get slavoGermanic(): boolean {
    if (this.slavo < 0) {
      const { word } = this;
      this.slavo =
        word.indexOf('W') >= 0 || word.indexOf('K') >= 0 || word.indexOf('CZ') >= 0 ? 1 : 0;
    }
    return this.slavo === 1;
  }

  ch(i: number): number {
    if (i < 0) return 0;
    if (i >= this.n) return SPACE;
    return this.word.charCodeAt(i);
  }

  vowel(i: number): boolean {
    return i >= 0 && i < this.n && inSet(this.word.charCodeAt(i), VOWELS);
  }

  at(i: number, pattern: string): boolean {
    if (i < 0) return false;
    for (let k = 0; k < pattern.length; k++) {
      if (this.ch(i + k) !== pattern.charCodeAt(k)) return false;
    }
    return true;
  }

  any(i: number, patterns: readonly string[]): boolean {
    for (let k = 0; k < patterns.length; k++) {
      if (this.at(i, patterns[k] ?? '')) return true;
    }
    return false;
  }

  // Codes grow by a sound (one or two letters) at a time and stop at the cap, so they stay a
  // handful of characters: appending a constant piece is cheaper than a buffer to decode.

  /** Appends `code` to both codes. */
  add(code: string): void {
    if (this.primary.length < this.cap) this.primary += code;
    if (this.alternate.length < this.cap) this.alternate += code;
  }

  /** Appends different sounds to the two codes; `''` appends nothing. */
  add2(primary: string, alternate: string): void {
    if (this.primary.length < this.cap) this.primary += primary;
    if (this.alternate.length < this.cap) this.alternate += alternate;
  }

  run(): DoubleMetaphoneCodes {
    const { n, cap } = this;
    let cur = 0;
    if (this.any(0, INITIAL_SILENT)) cur = 1;
    // An initial X sounds like Z (Xavier, Xerxes), which the algorithm codes as S.
    if (this.ch(0) === CH_X) {
      this.add('S');
      cur = 1;
    }
    while ((this.primary.length < cap || this.alternate.length < cap) && cur < n) {
      cur = this.step(cur);
    }
    // A two-letter sound may have gone one past the cap.
    const primary = this.primary.length > cap ? this.primary.slice(0, cap) : this.primary;
    const alternate = this.alternate.length > cap ? this.alternate.slice(0, cap) : this.alternate;
    return [primary, alternate];
  }

  /** Codes the sound that starts at `cur`; returns where the next sound starts. */
  private step(cur: number): number {
    const c = this.ch(cur);
    switch (c) {
      case CH_A:
      case CH_E:
      case CH_I:
      case CH_O:
      case CH_U:
      case CH_Y:
        // Vowels only count at the start of a word, all as A.
        if (cur === 0) this.add('A');
        return cur + 1;
      case CH_B:
        this.add('P');
        return this.ch(cur + 1) === CH_B ? cur + 2 : cur + 1;
      case C_CEDILLA:
        this.add('S');
        return cur + 1;
      case CH_C:
        return this.c(cur);
      case CH_D:
        if (this.at(cur, 'DG')) {
          // Edge, Edgington: soft; Edgar: hard.
          if (inSet(this.ch(cur + 2), EIY)) {
            this.add('J');
            return cur + 3;
          }
          this.add('TK');
          return cur + 2;
        }
        this.add('T');
        return this.any(cur, DT_DD) ? cur + 2 : cur + 1;
      case CH_F:
        this.add('F');
        return this.ch(cur + 1) === CH_F ? cur + 2 : cur + 1;
      case CH_G:
        return this.g(cur);
      case CH_H:
        // H is sounded only before a vowel, at the start or after another vowel.
        if ((cur === 0 || this.vowel(cur - 1)) && this.vowel(cur + 1)) {
          this.add('H');
          return cur + 2;
        }
        return cur + 1;
      case CH_J:
        return this.j(cur);
      case CH_K:
        this.add('K');
        return this.ch(cur + 1) === CH_K ? cur + 2 : cur + 1;
      case CH_L:
        return this.l(cur);
      case CH_M:
        this.add('M');
        // Thumb, dumb, plumber: the B after M is silent.
        if (
          (this.at(cur - 1, 'UMB') && (cur + 1 === this.last || this.at(cur + 2, 'ER'))) ||
          this.ch(cur + 1) === CH_M
        ) {
          return cur + 2;
        }
        return cur + 1;
      case CH_N:
        this.add('N');
        return this.ch(cur + 1) === CH_N ? cur + 2 : cur + 1;
      case CH_P:
        if (this.ch(cur + 1) === CH_H) {
          this.add('F');
          return cur + 2;
        }
        this.add('P');
        // Campbell, raspberry: the B or second P adds nothing.
        return inSet(this.ch(cur + 1), PB) ? cur + 2 : cur + 1;
      case CH_Q:
        this.add('K');
        return this.ch(cur + 1) === CH_Q ? cur + 2 : cur + 1;
      case CH_R:
        // French final -IER (Rogier) is silent, but not in Germanic names (Hochmeier, Meier).
        if (
          cur === this.last &&
          !this.slavoGermanic &&
          this.at(cur - 2, 'IE') &&
          !this.any(cur - 4, ME_MA)
        ) {
          this.add2('', 'R');
        } else {
          this.add('R');
        }
        return this.ch(cur + 1) === CH_R ? cur + 2 : cur + 1;
      case CH_S:
        return this.s(cur);
      case CH_T:
        return this.t(cur);
      case CH_V:
        this.add('F');
        return this.ch(cur + 1) === CH_V ? cur + 2 : cur + 1;
      case CH_W:
        return this.w(cur);
      case CH_X:
        // French final X is silent: Breaux, Thibodeaux, Giroux.
        if (!(cur === this.last && (this.any(cur - 3, IAU_EAU) || this.any(cur - 2, AU_OU)))) {
          this.add('KS');
        }
        return inSet(this.ch(cur + 1), CX) ? cur + 2 : cur + 1;
      case CH_Z:
        return this.z(cur);
      default:
        // Word separators.
        return cur + 1;
    }
  }

  private c(cur: number): number {
    // Germanic -ACH- (Bacher, Macher, Wachtler) is hard, but not before I or E (Bacchi, Cache).
    const after = this.ch(cur + 2);
    if (
      cur > 1 &&
      !this.vowel(cur - 2) &&
      this.at(cur - 1, 'ACH') &&
      after !== CH_I &&
      (after !== CH_E || this.any(cur - 2, BACHER_MACHER))
    ) {
      this.add('K');
      return cur + 2;
    }
    if (cur === 0 && this.at(cur, 'CAESAR')) {
      this.add('S');
      return cur + 2;
    }
    // Italian: Chianti.
    if (this.at(cur, 'CHIA')) {
      this.add('K');
      return cur + 2;
    }
    if (this.at(cur, 'CH')) return this.ch2(cur);
    // Polish and Czech CZ (Czerny), except in -WICZ where the W rule codes it.
    if (this.at(cur, 'CZ') && !this.at(cur - 2, 'WICZ')) {
      this.add2('S', 'X');
      return cur + 2;
    }
    // Italian: Focaccia.
    if (this.at(cur + 1, 'CIA')) {
      this.add('X');
      return cur + 3;
    }
    // Double C, except after an initial M (McClellan, where it is C then C).
    if (this.at(cur, 'CC') && !(cur === 1 && this.ch(0) === CH_M)) {
      if (inSet(after, EIH) && !this.at(cur + 2, 'HU')) {
        // Accident, accede, succeed: KS. Bellocchio, Bacci, Bertucci: Italian CH.
        if ((cur === 1 && this.ch(0) === CH_A) || this.any(cur - 1, UCCEE_UCCES)) {
          this.add('KS');
        } else {
          this.add('X');
        }
        return cur + 3;
      }
      // Bacchus: one K.
      this.add('K');
      return cur + 2;
    }
    if (this.any(cur, CK_CG_CQ)) {
      this.add('K');
      return cur + 2;
    }
    if (this.any(cur, CI_CE_CY)) {
      // Italian CIO/CIE/CIA may be sounded CH.
      if (this.any(cur, CIO_CIE_CIA)) this.add2('S', 'X');
      else this.add('S');
      return cur + 2;
    }
    this.add('K');
    // Mac Caffrey, Mac Gregor: the next word's hard consonant is this one's sound.
    if (this.any(cur + 1, SPACED_C_Q_G)) return cur + 3;
    if (inSet(this.ch(cur + 1), CKQ) && !this.any(cur + 1, CE_CI)) return cur + 2;
    return cur + 1;
  }

  private ch2(cur: number): number {
    // Michael: K in English, X elsewhere.
    if (cur > 0 && this.at(cur, 'CHAE')) {
      this.add2('K', 'X');
      return cur + 2;
    }
    // Greek roots at the start: Character, Charisma, Chorus, Chymist, Chemistry (not Chore).
    if (
      cur === 0 &&
      (this.any(cur + 1, GREEK_CH5) || this.any(cur + 1, GREEK_CH3)) &&
      !this.at(0, 'CHORE')
    ) {
      this.add('K');
      return cur + 2;
    }
    if (
      this.any(0, VAN_VON) ||
      this.at(0, 'SCH') ||
      this.any(cur - 2, HARD_CH6) ||
      inSet(this.ch(cur + 2), TS) ||
      ((inSet(this.ch(cur - 1), AOUE) || cur === 0) && inSet(this.ch(cur + 2), AFTER_HARD_CH))
    ) {
      // Germanic or Greek CH sounded as K: Van Cheever, Schacht, Orchestra, Architect, Wachtler,
      // Christine, Bach.
      this.add('K');
    } else if (cur > 0) {
      // McHugh is Irish, where CH is K; otherwise English CH with a Germanic alternate (Tichner).
      if (this.at(0, 'MC')) this.add('K');
      else this.add2('X', 'K');
    } else {
      this.add('X');
    }
    return cur + 2;
  }

  private g(cur: number): number {
    const next = this.ch(cur + 1);
    if (next === CH_H) {
      if (cur > 0 && !this.vowel(cur - 1)) {
        this.add('K');
        return cur + 2;
      }
      // Ghislane, Ghiradelli: J before I, otherwise K (Ghana).
      if (cur === 0) {
        this.add(this.ch(cur + 2) === CH_I ? 'J' : 'K');
        return cur + 2;
      }
      // Parker's rule: silent after B, H or D a little earlier (Hugh, Bough, Broughton).
      if (
        (cur > 1 && inSet(this.ch(cur - 2), BHD)) ||
        (cur > 2 && inSet(this.ch(cur - 3), BHD)) ||
        (cur > 3 && inSet(this.ch(cur - 4), BH))
      ) {
        return cur + 2;
      }
      // Laugh, McLaughlin, cough, gough, rough, tough: F. Otherwise K unless after I (Knight).
      if (cur > 2 && this.ch(cur - 1) === CH_U && inSet(this.ch(cur - 3), CGLRT)) {
        this.add('F');
      } else if (this.ch(cur - 1) !== CH_I) {
        this.add('K');
      }
      return cur + 2;
    }
    if (next === CH_N) {
      if (cur === 1 && this.vowel(0) && !this.slavoGermanic) {
        this.add2('KN', 'N');
      } else if (!this.at(cur + 2, 'EY') && !this.slavoGermanic) {
        // Not Cagney, where the G is sounded.
        this.add2('N', 'KN');
      } else {
        this.add('KN');
      }
      return cur + 2;
    }
    // Italian GLI: Tagliaro.
    if (this.at(cur + 1, 'LI') && !this.slavoGermanic) {
      this.add2('KL', 'L');
      return cur + 2;
    }
    // Initial GE-, GI-, GY- may be hard or soft: Gerald, Gibson, Gyles.
    if (cur === 0 && (next === CH_Y || this.any(cur + 1, INITIAL_SOFT_G))) {
      this.add2('K', 'J');
      return cur + 2;
    }
    // -GER-, -GY-: hard or soft, except in Danger, Ranger, Manger and after E or I.
    if (
      (this.at(cur + 1, 'ER') || next === CH_Y) &&
      !this.any(0, DANGER_RANGER_MANGER) &&
      !inSet(this.ch(cur - 1), EI) &&
      !this.any(cur - 1, RGY_OGY)
    ) {
      this.add2('K', 'J');
      return cur + 2;
    }
    // Soft before E, I, Y and in Italian -AGGI-/-OGGI- (Biaggi).
    if (inSet(next, EIY) || this.any(cur - 1, AGGI_OGGI)) {
      if (this.any(0, VAN_VON) || this.at(0, 'SCH') || this.at(cur + 1, 'ET')) {
        // Obviously Germanic: hard.
        this.add('K');
      } else if (this.at(cur + 1, 'IER ')) {
        // French final -GIER: always soft.
        this.add('J');
      } else {
        this.add2('J', 'K');
      }
      return cur + 2;
    }
    this.add('K');
    return next === CH_G ? cur + 2 : cur + 1;
  }

  private j(cur: number): number {
    // Spanish J: Jose, San Jacinto.
    if (this.at(cur, 'JOSE') || this.at(0, 'SAN ')) {
      if ((cur === 0 && this.ch(cur + 4) === SPACE) || this.at(0, 'SAN ')) this.add('H');
      else this.add2('J', 'H');
      return cur + 1;
    }
    const next = this.ch(cur + 1);
    if (cur === 0) {
      // Yankelovich and Jankelowicz should meet.
      this.add2('J', 'A');
    } else if (this.vowel(cur - 1) && !this.slavoGermanic && (next === CH_A || next === CH_O)) {
      // Spanish J between vowels: Bajador.
      this.add2('J', 'H');
    } else if (cur === this.last) {
      this.add2('J', '');
    } else if (!inSet(next, LTKSNMBZ) && !inSet(this.ch(cur - 1), SKL)) {
      this.add('J');
    }
    return next === CH_J ? cur + 2 : cur + 1;
  }

  private l(cur: number): number {
    if (this.ch(cur + 1) !== CH_L) {
      this.add('L');
      return cur + 1;
    }
    // Spanish LL: Cabrillo, Gallegos. Sounded as L in English, as Y in Spanish.
    if (
      (cur === this.n - 3 && this.any(cur - 1, ILLO_ILLA_ALLE)) ||
      ((this.any(this.last - 1, AS_OS) || inSet(this.ch(this.last), AO)) &&
        this.at(cur - 1, 'ALLE'))
    ) {
      this.add2('L', '');
      return cur + 2;
    }
    this.add('L');
    return cur + 2;
  }

  private s(cur: number): number {
    // Island, isle, Carlisle, Carlysle: silent S.
    if (this.any(cur - 1, ISL_YSL)) return cur + 1;
    if (cur === 0 && this.at(cur, 'SUGAR')) {
      this.add2('X', 'S');
      return cur + 1;
    }
    if (this.at(cur, 'SH')) {
      // Germanic compounds: Rosenheim, Hoogshoek, Stockholm, Pelsholz.
      this.add(this.any(cur + 1, GERMANIC_SH) ? 'S' : 'X');
      return cur + 2;
    }
    // Italian and Armenian SIO/SIA: Sion, Siam, Armenian -SIAN.
    if (this.any(cur, SIO_SIA)) {
      if (this.slavoGermanic) this.add('S');
      else this.add2('S', 'X');
      return cur + 3;
    }
    // German and anglicised spellings (Smith/Schmidt, Snider/Schneider), and Slavic SZ.
    const next = this.ch(cur + 1);
    if ((cur === 0 && inSet(next, MNLW)) || next === CH_Z) {
      this.add2('S', 'X');
      return next === CH_Z ? cur + 2 : cur + 1;
    }
    if (next === CH_C) {
      if (this.ch(cur + 2) === CH_H) {
        // Schlesinger's rule. Dutch SCH: School, Schooner, Schermerhorn, Schenker.
        if (this.any(cur + 3, DUTCH_SCH)) {
          if (this.any(cur + 3, ER_EN)) this.add2('X', 'SK');
          else this.add('SK');
          return cur + 3;
        }
        // German SCH before a consonant (Schmidt, Schneider): X, anglicised as S.
        if (cur === 0 && !this.vowel(3) && this.ch(3) !== CH_W) this.add2('X', 'S');
        else this.add('X');
        return cur + 3;
      }
      if (inSet(this.ch(cur + 2), EIY)) {
        this.add('S');
        return cur + 3;
      }
      this.add('SK');
      return cur + 3;
    }
    // French final S after AI or OI is silent: Resnais, Artois.
    if (cur === this.last && this.any(cur - 2, AI_OI)) this.add2('', 'S');
    else this.add('S');
    return inSet(next, SZ) ? cur + 2 : cur + 1;
  }

  private t(cur: number): number {
    if (this.at(cur, 'TION')) {
      this.add('X');
      return cur + 3;
    }
    if (this.any(cur, TIA_TCH)) {
      this.add('X');
      return cur + 3;
    }
    if (this.at(cur, 'TH') || this.at(cur, 'TTH')) {
      // Thomas, Thames and Germanic names keep a plain T; otherwise TH (coded 0) or T.
      if (this.any(cur + 2, OM_AM) || this.any(0, VAN_VON) || this.at(0, 'SCH')) this.add('T');
      else this.add2('0', 'T');
      return cur + 2;
    }
    this.add('T');
    return inSet(this.ch(cur + 1), TD) ? cur + 2 : cur + 1;
  }

  private w(cur: number): number {
    if (this.at(cur, 'WR')) {
      this.add('R');
      return cur + 2;
    }
    const nextIsVowel = this.vowel(cur + 1);
    if (cur === 0 && (nextIsVowel || this.at(cur, 'WH'))) {
      // Wasserman should meet Vasserman, and Womo should meet Uomo.
      if (nextIsVowel) this.add2('A', 'F');
      else this.add('A');
    }
    // Arnow should meet Arnoff; Polish -EWSKI/-OWSKI; German SCHW.
    if (
      (cur === this.last && this.vowel(cur - 1)) ||
      this.any(cur - 1, SLAVIC_W) ||
      this.at(0, 'SCH')
    ) {
      this.add2('', 'F');
      return cur + 1;
    }
    // Polish -WICZ, German -WITZ: Filipowicz, Horowitz.
    if (this.any(cur, WICZ_WITZ)) {
      this.add2('TS', 'FX');
      return cur + 4;
    }
    return cur + 1;
  }

  private z(cur: number): number {
    // Chinese pinyin ZH: Zhao.
    if (this.ch(cur + 1) === CH_H) {
      this.add('J');
      return cur + 2;
    }
    // Italian ZZ (Pizza, Mazzoni) and Slavic or Germanic Z may be sounded TS.
    if (
      this.any(cur + 1, ZO_ZI_ZA) ||
      (this.slavoGermanic && cur > 0 && this.ch(cur - 1) !== CH_T)
    ) {
      this.add2('S', 'TS');
    } else {
      this.add('S');
    }
    return this.ch(cur + 1) === CH_Z ? cur + 2 : cur + 1;
  }
}

/** Checks the `maxLength` option; a bad value is a configuration error, never a data error. */
export function checkMaxLength(maxLength: number): void {
  if (
    typeof maxLength !== 'number' ||
    !(maxLength === Number.POSITIVE_INFINITY || (Number.isInteger(maxLength) && maxLength >= 1))
  ) {
    throw new ThreadlineError(
      'invalid_options',
      `maxLength must be a positive integer or Infinity, got ${String(maxLength)}`,
    );
  }
}

/** Encodes a word already folded by `foldLetters`. Internal: callers check `maxLength`. */
export function encodeFolded(word: string, maxLength: number): DoubleMetaphoneCodes {
  if (word.length === 0) return ['', ''];
  return new Encoder(word, maxLength).run();
}

/**
 * Double Metaphone (Lawrence Philips, 2000): a phonetic code for a name, with an alternate code
 * for pronunciations from the name's probable language of origin. Names that sound alike get
 * equal codes, so they can be blocked or compared together: `Smith` and `Smyth` share `SM0`, and
 * `Schmidt`'s primary `XMT` is `Smith`'s alternate.
 *
 * The input is folded first: case and diacritics are ignored (`José` = `JOSE`), `ß` reads as
 * `SS`, apostrophes, digits and letters of non-Latin scripts are dropped, and punctuation or
 * whitespace separate words as a space does (a few rules look at word boundaries, as in
 * `San Jacinto` or `Mac Caffrey`). The one diacritic that counts is the cedilla: `Ç` is coded
 * `S`, as the algorithm specifies. Never throws on any string; text without Latin letters gives
 * `['', '']`.
 *
 * @param word - one word (or a multi-word name read as one, as the original algorithm does).
 * @param maxLength - the longest code returned: a positive integer (4 by default, as Philips
 * proposed) or `Infinity` for the full code.
 * @returns `[primary, alternate]`, upper-case letters and `0` (for "th"); the alternate equals
 * the primary when the word has no alternate pronunciation.
 * @throws ThreadlineError with code `'invalid_options'` when `maxLength` is not a positive
 * integer or `Infinity`.
 * @example
 * ```ts
 * import { doubleMetaphone } from 'threadline';
 *
 * console.log(doubleMetaphone('Smith')); // [ 'SM0', 'XMT' ]
 * console.log(doubleMetaphone('Schmidt')); // [ 'XMT', 'SMT' ]
 * console.log(doubleMetaphone('José')); // [ 'HS', 'HS' ]
 * console.log(doubleMetaphone('Washington', Infinity)); // [ 'AXNKTN', 'FXNKTN' ]
 * ```
 */
export function doubleMetaphone(
  word: string,
  maxLength: number = DEFAULT_PHONETIC_LENGTH,
): DoubleMetaphoneCodes {
  checkMaxLength(maxLength);
  if (typeof word !== 'string') return ['', ''];
  return encodeFolded(foldLetters(word), maxLength);
}
