import { ThreadlineError } from '../core/errors.js';

/**
 * One versioned step of the PostgreSQL schema. Versions only grow; a step, once released, never
 * changes (a fix is a new step), so a database records which steps it has and gets the rest.
 *
 * @example
 * ```ts
 * import { postgresMigrations } from 'threadline/postgres';
 *
 * const [first] = postgresMigrations('threadline');
 * console.log(first?.version, first?.name); // 1 resolver store
 * ```
 */
export interface PostgresMigration {
  /** Its position, from 1. */
  readonly version: number;
  /** What it does, in a few words. */
  readonly name: string;
  /** The SQL, for the schema it was made for (several statements). */
  readonly sql: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Checks a schema name: lower-case letters, digits and underscores, at most 63 characters, not
 * starting with a digit. Names are still quoted in SQL; the rule keeps them portable and
 * keeps them out of any need for escaping.
 *
 * @throws `ThreadlineError` with code `invalid_options`.
 * @example
 * ```ts
 * import { postgresSchemaName } from 'threadline/postgres';
 *
 * console.log(postgresSchemaName('support_eu')); // support_eu
 * ```
 */
export function postgresSchemaName(name: unknown, path: (string | number)[] = ['schema']): string {
  if (typeof name === 'string' && SCHEMA_NAME.test(name)) return name;
  throw new ThreadlineError('invalid_options', 'Invalid PostgreSQL schema name', [
    {
      code: 'invalid_schema',
      path,
      message:
        'expected 1 to 63 lower-case letters, digits or underscores, not starting with a digit',
    },
  ]);
}

/** A quoted, schema-qualified name. */
export const qualified = (schema: string, name: string): string => `"${schema}"."${name}"`;

/** The first version: every table the store reads, and the commit function. */
function v1(schema: string): string {
  const t = (name: string) => qualified(schema, name);
  // `json` (not `jsonb`) for records and events: it keeps the text exactly as written, so a
  // record reads back byte for byte (key order included), and writing it costs no conversion.
  // Columns hold what queries filter or sort on; `COLLATE "C"` makes ids sort by code point, as
  // the memory store does, and keeps their indexes cheap.
  return `
CREATE TABLE ${t('log_head')} (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  head bigint NOT NULL DEFAULT 0 CHECK (head >= 0),
  commits bigint NOT NULL DEFAULT 0
);
INSERT INTO ${t('log_head')} DEFAULT VALUES;

CREATE TABLE ${t('events')} (
  seq bigint PRIMARY KEY CHECK (seq >= 1),
  type text NOT NULL,
  at timestamptz NOT NULL,
  interaction_id text COLLATE "C",
  body json NOT NULL
);
-- The idempotency key of ingestion: an interaction enters the log once, however often it is
-- delivered and however many processes race to ingest it.
CREATE UNIQUE INDEX ON ${t('events')} (interaction_id) WHERE interaction_id IS NOT NULL;

CREATE TABLE ${t('customers')} (
  id text COLLATE "C" PRIMARY KEY,
  record json NOT NULL,
  written bigint NOT NULL
);

CREATE TABLE ${t('index_keys')} (
  key text COLLATE "C" NOT NULL,
  customer_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (key, customer_id)
);
-- Exact holder counts per key, kept by the commit function: a lookup of a key held by a
-- hundred thousand customers reads one row, not a hundred thousand.
CREATE TABLE ${t('key_counts')} (
  key text COLLATE "C" PRIMARY KEY,
  total bigint NOT NULL CHECK (total >= 0)
);

CREATE TABLE ${t('owners')} (
  interaction_id text COLLATE "C" PRIMARY KEY,
  customer_id text COLLATE "C" NOT NULL
);

CREATE TABLE ${t('redirects')} (
  from_id text COLLATE "C" PRIMARY KEY,
  to_id text COLLATE "C" NOT NULL
);

CREATE TABLE ${t('reviews')} (
  id text COLLATE "C" PRIMARY KEY,
  status text NOT NULL,
  position bigint NOT NULL,
  record json NOT NULL
);
CREATE INDEX ON ${t('reviews')} (position) WHERE status = 'open';

-- One commit, one statement: the head moves only if it is still where the writer read it (the
-- row lock queues racing writers; the loser finds the head moved, changes nothing and gets
-- -1 - head back), then every part applies and the commit's number comes back. Any error rolls
-- all of it back.
CREATE FUNCTION ${t('commit_change')}(
  expected bigint,
  events json,
  put_ids text[],
  put json,
  remove text[],
  index_remove_keys text[],
  index_remove_ids text[],
  index_add_keys text[],
  index_add_ids text[],
  owner_interactions text[],
  owner_customers text[],
  redirect_from text[],
  redirect_to text[],
  unredirect text[],
  reviews json
) RETURNS bigint LANGUAGE plpgsql AS $fn$
DECLARE
  n integer := json_array_length(events);
  commit_no bigint;
  actual bigint;
  bad bigint;
  got text;
  base bigint;
BEGIN
  UPDATE ${t('log_head')} SET head = expected + n, commits = commits + 1
    WHERE head = expected RETURNING commits INTO commit_no;
  IF NOT FOUND THEN
    -- A lost race is an expected answer, not an error (errors fill the server's log): the
    -- head as it is, encoded below zero.
    SELECT head INTO actual FROM ${t('log_head')};
    RETURN -1 - actual;
  END IF;
  IF n > 0 THEN
    SELECT ord, body->>'seq' INTO bad, got
      FROM json_array_elements(events) WITH ORDINALITY AS e(body, ord)
      WHERE body->>'seq' IS DISTINCT FROM (expected + ord)::text LIMIT 1;
    IF FOUND THEN
      -- The detail is read back by the client: index, expected seq, seq found.
      RAISE EXCEPTION 'threadline: events must be numbered from the head on'
        USING ERRCODE = 'TL422', DETAIL = format('%s %s %s', bad - 1, expected + bad, got);
    END IF;
    INSERT INTO ${t('events')} (seq, type, at, interaction_id, body)
      SELECT (body->>'seq')::bigint, body->>'type', (body->>'at')::timestamptz,
        CASE WHEN body->>'type' IN ('customer_created', 'interaction_linked')
          THEN body->'interaction'->>'id' END,
        body
      FROM json_array_elements(events) AS e(body);
  END IF;
  IF cardinality(remove) > 0 THEN
    DELETE FROM ${t('customers')} WHERE id = ANY(remove);
  END IF;
  IF cardinality(put_ids) > 0 THEN
    INSERT INTO ${t('customers')} (id, record, written)
      SELECT i.id, r.record, commit_no
      FROM unnest(put_ids) WITH ORDINALITY AS i(id, ord)
      JOIN json_array_elements(put) WITH ORDINALITY AS r(record, ord) USING (ord)
      ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record, written = EXCLUDED.written;
  END IF;
  IF cardinality(index_remove_keys) > 0 THEN
    WITH gone AS (
      DELETE FROM ${t('index_keys')} AS x
        USING unnest(index_remove_keys, index_remove_ids) AS r(key, customer_id)
        WHERE x.key = r.key AND x.customer_id = r.customer_id
        RETURNING x.key
    ), counted AS (SELECT key, count(*) AS n FROM gone GROUP BY key)
    UPDATE ${t('key_counts')} AS c SET total = c.total - counted.n
      FROM counted WHERE c.key = counted.key;
    DELETE FROM ${t('key_counts')} WHERE key = ANY(index_remove_keys) AND total = 0;
  END IF;
  IF cardinality(index_add_keys) > 0 THEN
    WITH added AS (
      INSERT INTO ${t('index_keys')} (key, customer_id)
        SELECT * FROM unnest(index_add_keys, index_add_ids)
        ON CONFLICT DO NOTHING
        RETURNING key
    )
    INSERT INTO ${t('key_counts')} AS c (key, total)
      SELECT key, count(*) FROM added GROUP BY key
      ON CONFLICT (key) DO UPDATE SET total = c.total + EXCLUDED.total;
  END IF;
  IF cardinality(owner_interactions) > 0 THEN
    INSERT INTO ${t('owners')} (interaction_id, customer_id)
      SELECT * FROM unnest(owner_interactions, owner_customers)
      ON CONFLICT (interaction_id) DO UPDATE SET customer_id = EXCLUDED.customer_id;
  END IF;
  IF cardinality(redirect_from) > 0 THEN
    INSERT INTO ${t('redirects')} (from_id, to_id)
      SELECT * FROM unnest(redirect_from, redirect_to)
      ON CONFLICT (from_id) DO UPDATE SET to_id = EXCLUDED.to_id;
  END IF;
  IF cardinality(unredirect) > 0 THEN
    DELETE FROM ${t('redirects')} WHERE from_id = ANY(unredirect);
  END IF;
  IF json_array_length(reviews) > 0 THEN
    -- A new review goes after every review before it (oldest first, as the memory store lists
    -- them); a changed one keeps its place.
    SELECT coalesce(max(position), 0) INTO base FROM ${t('reviews')};
    INSERT INTO ${t('reviews')} (id, status, position, record)
      SELECT record->>'id', record->>'status', base + ord, record
      FROM json_array_elements(reviews) WITH ORDINALITY AS r(record, ord)
      ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, record = EXCLUDED.record;
  END IF;
  RETURN commit_no;
END
$fn$;
`;
}

/**
 * The store's schema, step by step, for one PostgreSQL schema name. {@link migratePostgres}
 * applies them; teams that run their own migration tool (Flyway, Sqitch, golang-migrate) can
 * copy the SQL instead and record the versions themselves in `schema_migrations`.
 *
 * @throws `ThreadlineError` with code `invalid_options` for a bad schema name.
 * @example
 * ```ts
 * import { postgresMigrations } from 'threadline/postgres';
 *
 * const steps = postgresMigrations('support');
 * console.log(steps.length, steps[0]?.sql.includes('"support"."customers"')); // 1 true
 * ```
 */
export function postgresMigrations(schema = 'threadline'): readonly PostgresMigration[] {
  const name = postgresSchemaName(schema);
  return [{ version: 1, name: 'resolver store', sql: v1(name) }];
}
