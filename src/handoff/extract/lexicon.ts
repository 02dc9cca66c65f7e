// A small sentiment lexicon for customer-service text, written for this library. Valences run
// from -3 (furious) to +3 (delighted); the words are the ones customers use about orders,
// refunds, waiting and agents. Negators flip and damp the next words; intensifiers and
// dampeners scale them.

const ENTRIES = `
thanks 1.5 thank 1.5 thx 1.2 ty 1 appreciate 2 appreciated 2 grateful 2.2 great 2.2 good 1.6
excellent 2.8 amazing 2.8 awesome 2.6 perfect 2.4 wonderful 2.6 fantastic 2.8 brilliant 2.4
love 2.4 loved 2.4 lovely 2.2 happy 2 glad 1.8 pleased 1.9 satisfied 1.8 helpful 2 kind 1.6
nice 1.6 cool 1.2 fine 0.6 ok 0.3 okay 0.3 sure 0.3 resolved 1.6 fixed 1.4 solved 1.6 works 1
working 0.8 quick 1.2 quickly 1 fast 1.2 easy 1.2 smooth 1.4 best 2.2 better 1.4 super 1.8
friendly 1.8 patient 1.4 patience 1.2 sorted 1.2 relieved 1.8 relief 1.6 impressed 2.2
recommend 1.8 welcome 1 cheers 1.2 yay 2 hooray 2.2 delighted 2.8 thrilled 2.8 superb 2.8
outstanding 2.8 pleasure 1.8 enjoy 1.6 enjoyed 1.8 fair 0.8 reasonable 0.8 generous 1.8
exactly 0.6 acceptable 1.2 yes 0.3 correct 0.6 right 0.2 wow 0.8 finally 0.4 hopeful 1 hope 0.6
bad -1.8 terrible -2.8 awful -2.8 horrible -2.8 worst -3 worse -2 poor -1.8 useless -2.4
disappointed -2.2 disappointing -2.2 disappointment -2.2 frustrated -2.4 frustrating -2.4
frustration -2.2 annoyed -2 annoying -2 angry -2.6 furious -3 mad -2.2 upset -2.2 unhappy -2.2
sad -1.6 ridiculous -2.4 unacceptable -2.8 joke -1.6 scam -2.8 fraud -2.8 rude -2.4
incompetent -2.8 hate -2.6 hated -2.6 problem -1.2 problems -1.2 issue -0.8 issues -0.8
broken -1.6 broke -1.4 damaged -1.8 defective -1.8 faulty -1.8 wrong -1.4 missing -1.4 lost -1.4
late -1.2 delayed -1.4 delay -1.2 delays -1.2 waiting -0.8 wait -0.4 waited -1 still -0.3
never -0.6 nobody -1 ignored -2.2 ignoring -2.2 unresolved -1.6 fail -1.8 failed -1.8 fails -1.6
failure -2 error -1.2 errors -1.2 expensive -1 overcharged -2.2 charged -0.6 cancel -0.6
complaint -1.6 complain -1.6 worried -1.4 worry -1.2 worries -1.2 concerned -1.2 confused -1.2
confusing -1.4 stuck -1.4 sorry -0.4 unfortunately -1 sadly -1.2 hopeless -2.4 pathetic -2.6
shocking -2.2 disgusting -2.8 nightmare -2.6 waste -2 wasted -2 stupid -2.4 lousy -2.2 slow -1.2
impossible -1.6 difficult -1.2 hard -0.6 unable -1 cannot -0.4 mess -1.8 messed -1.8 screwed -2.4
sucks -2.4 suck -2.2 crap -2.4 damn -1.6 hell -1.6 wtf -2.6 seriously -0.6 again -0.4 tired -1.4
fed -1 disgusted -2.6 outraged -2.8 livid -3 appalled -2.8 unprofessional -2.4 misleading -2
lied -2.4 lie -2 lies -2 stolen -2.4 refuse -1.2 refused -1.6 denied -1.4 rejected -1.6 cancelled -1 canceled -1
`;

/** Word valences. */
export const VALENCE: ReadonlyMap<string, number> = /* @__PURE__ */ (() => {
  const map = new Map<string, number>();
  const parts = ENTRIES.trim().split(/\s+/);
  for (let i = 0; i + 1 < parts.length; i += 2) map.set(parts[i] as string, Number(parts[i + 1]));
  return map;
})();

/** Words that flip the sentiment of the next few words. */
export const NEGATORS: ReadonlySet<string> = new Set(
  (
    "not no never nothing nobody none neither nor without hardly barely cannot can't cant don't dont " +
    "doesn't doesnt didn't didnt isn't isnt wasn't wasnt aren't arent won't wont wouldn't wouldnt " +
    "shouldn't couldn't haven't hasn't hadn't ain't"
  ).split(' '),
);

/** Words that strengthen the next sentiment word. */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ['very', 1.4],
  ['really', 1.4],
  ['so', 1.3],
  ['extremely', 1.7],
  ['super', 1.4],
  ['totally', 1.5],
  ['absolutely', 1.6],
  ['incredibly', 1.6],
  ['truly', 1.4],
  ['completely', 1.5],
  ['utterly', 1.7],
  ['too', 1.3],
  ['highly', 1.4],
  ['most', 1.3],
  ['such', 1.3],
  ['beyond', 1.5],
  ['insanely', 1.6],
]);

/** Words that weaken the next sentiment word. */
export const DAMPENERS: ReadonlyMap<string, number> = new Map([
  ['slightly', 0.5],
  ['somewhat', 0.6],
  ['kinda', 0.6],
  ['kind', 0.6],
  ['sort', 0.6],
  ['bit', 0.6],
  ['little', 0.6],
  ['fairly', 0.7],
  ['rather', 0.8],
  ['quite', 0.9],
  ['almost', 0.6],
]);

/** Emoji and emoticons with their valences. */
export const SYMBOLS: ReadonlyMap<string, number> = new Map([
  ['🙂', 1.4],
  ['😀', 2],
  ['😃', 2],
  ['😄', 2],
  ['😁', 2],
  ['😊', 2],
  ['😍', 2.6],
  ['🥰', 2.6],
  ['❤', 2.2],
  ['❤️', 2.2],
  ['👍', 1.6],
  ['🙏', 1.4],
  ['🎉', 2],
  ['👏', 1.6],
  ['😉', 1],
  ['😂', 1],
  ['🙁', -1.6],
  ['☹', -1.8],
  ['😞', -2],
  ['😢', -2],
  ['😭', -2.4],
  ['😠', -2.4],
  ['😡', -2.8],
  ['🤬', -3],
  ['👎', -2],
  ['😤', -2.2],
  ['🙄', -1.6],
  ['😒', -1.6],
  ['💔', -2],
  [':)', 1.4],
  [':-)', 1.4],
  [':d', 2],
  [':-d', 2],
  [';)', 1],
  [':(', -1.6],
  [':-(', -1.6],
  [":'(", -2],
  [':/', -1],
  [':-/', -1],
]);
