// npm run demo: the embedded omnichannel story on threadline's defaults. Four contacts arrive one
// by one (an email, a public tweet, a direct message, a phone call); the resolver decides whose
// each is and why, the contacts are threaded into one journey, and the next agent, about to call
// the customer back, gets the handoff packet.
import {
  buildHandoff,
  channelProfile,
  createResolver,
  type Evidence,
  formatIssues,
  type Interaction,
  renderHandoff,
  safeParseInteraction,
  threadJourneys,
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

// Everything is deterministic: the clock is injected, nothing is read from the environment.
const now = '2026-03-05T10:20:00Z';
const resolver = createResolver({ region: 'US', now: () => now });

console.log('threadline demo: one customer, four contacts, three channels\n');
let identity: Evidence | undefined;
for (const interaction of interactions) {
  const { decision, customerId } = await resolver.ingest(interaction);
  const visibility = interaction.visibility === undefined ? '' : ` (${interaction.visibility})`;
  const label = channelProfile(interaction.channel, {}).label;
  console.log(`■ ${interaction.id}  ${label}${visibility}  ${interaction.startedAt}`);
  if (decision.outcome === 'linked') {
    identity = decision.evidence;
    console.log(`  linked to ${customerId}, p = ${decision.probability.toFixed(4)}, because:`);
    for (const step of decision.evidence?.steps ?? []) {
      const bits = `${step.weight >= 0 ? '+' : '−'}${Math.abs(step.weight).toFixed(1)}`;
      console.log(
        `    ${bits.padStart(6)} bits  ${step.name}${step.label === undefined ? '' : `: ${step.label}`}`,
      );
    }
    for (const merged of decision.merges)
      console.log(`  it also shows ${merged} is the same person: merged into ${customerId}`);
  } else {
    const best = decision.candidates[0];
    const why =
      best === undefined
        ? 'nobody known shares anything with it'
        : `best candidate p = ${best.probability.toFixed(4)}`;
    console.log(`  ${decision.outcome}: ${customerId} (${why})`);
  }
  console.log();
}

const customers = await resolver.customers();
const record = customers[0];
if (customers.length !== 1 || record === undefined) {
  console.error(`expected the story to be one customer, got ${customers.length}`);
  process.exit(1);
}
const customer = await resolver.customer(record.id);
const mine = interactions.filter((i) => record.interactions.some((e) => e.id === i.id));
const { journeys, assignments } = threadJourneys(mine, { customerId: record.id });
console.log(`${record.id}: ${mine.length} contacts in ${journeys.length} journey`);
for (const a of assignments)
  console.log(
    `  ${a.interactionId.padEnd(10)} ${a.evidence.map((e) => e.kind.replace('_', ' ')).join(', ')}`,
  );

const journey = journeys[journeys.length - 1];
if (journey === undefined || customer === undefined) process.exit(1);
const packet = buildHandoff(
  { journey, interactions: mine, customer, ...(identity === undefined ? {} : { identity }) },
  { to: 'phone', reader: 'agent', format: 'markdown', budget: { chars: 2500 }, now },
);
console.log(
  '\nThe handoff packet for the agent calling Ana back (Markdown, at most 2,500 characters):\n',
);
console.log(renderHandoff(packet));
const masked = packet.redaction.entries
  .filter((e) => e.action === 'masked')
  .map((e) => e.kind ?? e.what);
console.log(
  `\n${renderHandoff(packet).length} characters; masked for this reader: ${[...new Set(masked)].join(', ') || 'nothing'}`,
);
