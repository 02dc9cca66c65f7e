/**
 * The text of `threadline --help`.
 */
import { COLUMN_KINDS } from './detect.js';

const kinds = Object.entries(COLUMN_KINDS)
  .map(([kind, meaning]) => `${' '.repeat(23)}${kind.padEnd(14)} ${meaning}`)
  .join('\n');

/**
 * The help text, ending with a newline.
 *
 * @example
 * ```ts
 * // from src/cli
 * import { HELP } from './help.js';
 *
 * process.stdout.write(HELP);
 * ```
 */
export const HELP = `threadline: find the same person across contact exports

Usage:
  threadline dedupe FILE --id COL [--out OUT] [options]
  threadline link LEFT RIGHT --id COL [--out OUT] [options]
  threadline handoff JOURNEY.json --to CHANNEL [options]
  threadline --help | --version

Commands:
  dedupe   Group the records of FILE that belong to the same person. Writes
           id,cluster_id for every record, in input order; cluster_id is the id
           of the cluster's first record in FILE (a record alone is its own
           cluster).
  link     Find the records of LEFT and RIGHT that belong to the same person.
           Writes left_id,right_id,probability for every pair at or above the
           threshold, strongest first.
  handoff  Print the handoff packet of a journey (a JSON file of interactions)
           for the next channel and reader, as Markdown, JSON or plain text,
           within a budget. Its options: threadline handoff --help.

Files:
  The format follows the extension: .csv, .tsv, .jsonl or .ndjson. CSV and TSV
  files need a header row; their values are trimmed. Without --out (or with
  --out -) the result goes to standard output as CSV. Output files are written
  whole or not at all.

Options:
  --id COL             The column holding record ids (required; unique, never
                       empty). Never used as evidence.
  --left-id COL, --right-id COL
                       link: the id columns when they differ between the files.
  -o, --out OUT        Where to write the result.
  --model FILE         Use a model saved by --save-model instead of training one.
  --save-model FILE    Save the trained model (JSON) to FILE, to reuse with --model.
  --threshold P        Link records whose match probability is at least P,
                       0 < P < 1 (default 0.5).
  --region CC          Phone region for numbers written without a country code:
                       two upper-case letters such as US, GB or AU.
  --truth COL          A ground-truth column (records of one person share a value;
                       empty means unknown). Prints pairwise precision, recall and
                       F1 of the result on stderr. Never used as evidence.
  --column NAME=KIND   Treat column NAME as KIND, whatever detection says.
                       Repeatable. KIND is one of:
${kinds}
  --seed N             Seed of the random pairs that estimate chance agreement
                       (default 1). The same seed gives the same model.
  --bridges MODE       dedupe: "refuse" (default) keeps a single weak link from
                       joining two groups of records; "allow" joins every linked
                       pair (connected components).
  -q, --quiet          No progress, column listing or summary. Warnings, errors
                       and the --truth accuracy are still printed.
  -h, --help           Show this help.
  -V, --version        Print the version.

Columns:
  Without --model, each column's kind is detected from its name (first_name,
  Surname, e-mail, "Mobile Phone", dob, postcode, soc_sec_id...) and from a sample
  of its values (email addresses, @handles, dates, phone numbers), then a model is
  trained on the file without labels. The decisions are listed on stderr;
  columns not recognised are ignored: add --column NAME=KIND to use them.

Exit status:
  0 success, 1 failure (unreadable or malformed input, ...), 2 usage error.
  Set THREADLINE_DEBUG=1 to see stack traces.

Examples:
  threadline dedupe contacts.csv --id contact_id --out clusters.csv
  threadline dedupe export.jsonl --id id --region US --column "Cell #=phone" \\
      --save-model model.json --out clusters.jsonl
  threadline link crm.csv helpdesk.tsv --left-id id --right-id user_id \\
      --threshold 0.9 --out links.csv
  threadline dedupe labelled.csv --id rec_id --truth entity --quiet --out /tmp/out.csv
`;
