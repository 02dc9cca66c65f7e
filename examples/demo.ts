// npm run demo: the embedded omnichannel story through what threadline knows so far.
// Each contact is validated, its identifiers normalized to matching keys, the reference numbers
// in its text extracted, and the contacts grouped by the evidence they share.
import {
  channelProfile,
  extractReferences,
  formatIssues,
  type Interaction,
  identifierKey,
  safeParseInteraction,
} from '../src/index.js';
import { story } from './story.js';

const interactions: Interaction[] = [];
for (const input of story) {
  const parsed = safeParseInteraction(input);
  if (!parsed.ok) {
    console.error(`interaction ${String(input.id)} is invalid:\n${formatIssues(parsed.issues)}`);
    process.exit(1);
  }
  interactions.push(parsed.value);
}

const evidence = new Map<string, Set<string>>();
const note = (key: string, id: string) =>
  evidence.set(key, (evidence.get(key) ?? new Set()).add(id));

console.log('threadline demo: one customer, four contacts, three channels\n');
for (const interaction of interactions) {
  const profile = channelProfile(interaction.channel, {});
  const visibility = interaction.visibility === undefined ? '' : ` (${interaction.visibility})`;
  console.log(`■ ${interaction.id}  ${profile.label}${visibility}  ${interaction.startedAt}`);
  for (const observed of interaction.identifiers) {
    const key = identifierKey(
      observed,
      interaction.region === undefined ? {} : { region: interaction.region },
    );
    const trust =
      observed.trust.level === 'verified' ? `verified (${observed.trust.method})` : 'claimed';
    const raw =
      observed.kind === 'social'
        ? `${observed.platform} ${observed.handle}`
        : 'value' in observed
          ? observed.value
          : observed.kind;
    console.log(`   ${observed.kind.padEnd(6)} ${raw}`);
    console.log(
      `          → ${key.key}${key.mailbox !== undefined && key.mailbox !== key.key ? `  (mailbox ${key.mailbox})` : ''}  [${trust}${key.matchable ? '' : `, not matchable: ${key.reason}`}]`,
    );
    if (key.matchable) note(key.key, interaction.id);
    if (key.mailbox !== undefined) note(key.mailbox, interaction.id);
  }
  for (const message of interaction.messages) {
    for (const ref of extractReferences(message.text)) {
      console.log(
        `   ${ref.kind.padEnd(6)} "${ref.value}" in a ${message.author} message → ${ref.key}`,
      );
      note(`${ref.kind}:${ref.key}`, interaction.id);
    }
  }
  console.log();
}

console.log('What ties the contacts together (evidence seen in more than one contact):');
const shared = [...evidence].filter(([, ids]) => ids.size > 1).sort(([a], [b]) => (a < b ? -1 : 1));
for (const [key, ids] of shared) console.log(`   ${key.padEnd(34)} ${[...ids].join(', ')}`);

// Contacts joined through shared evidence: the story threadline can already see.
const parent = new Map(interactions.map((i) => [i.id as string, i.id as string]));
const find = (x: string): string => {
  const p = parent.get(x) ?? x;
  return p === x ? x : find(p);
};
for (const [, ids] of shared) {
  const [first, ...rest] = [...ids];
  for (const id of rest) parent.set(find(id), find(first as string));
}
const groups = new Map<string, string[]>();
for (const i of interactions) groups.set(find(i.id), [...(groups.get(find(i.id)) ?? []), i.id]);
console.log(
  `\n${groups.size === 1 ? 'One customer' : `${groups.size} separate customers`} across ${interactions.length} contacts:`,
);
for (const ids of groups.values()) {
  const channels = ids.map((id) => interactions.find((i) => i.id === id)?.channel).join(' → ');
  console.log(`   ${ids.join(', ')}  (${channels})`);
}
console.log('\nThe probabilistic resolver and the handoff packet build on this; see the README.');
