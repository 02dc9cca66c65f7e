// The public linkage datasets as record lists with column kinds and ground truth. The kinds
// are what a user would pass as --column overrides; nothing here looks at individual records.
import type { ColumnKind, LinkRecord, Truth } from '../../src/index.js';
import { type DataDir, parseCsv, readDataset } from './data.js';

export interface LinkageDataset {
  readonly name: string;
  readonly mode: 'dedupe' | 'link';
  readonly left: readonly LinkRecord[];
  readonly right?: readonly LinkRecord[];
  readonly idField: string;
  readonly columns: Readonly<Record<string, ColumnKind>>;
  readonly region?: string;
  readonly truth: Truth;
}

const FEBRL_COLUMNS: Record<string, ColumnKind> = {
  given_name: 'given_name',
  surname: 'family_name',
  street_number: 'street_number',
  address_1: 'address',
  address_2: 'address',
  suburb: 'city',
  postcode: 'postcode',
  state: 'state',
  date_of_birth: 'date_of_birth',
  soc_sec_id: 'id_number',
};

const febrlKey = (id: string) => id.replace(/-(org|dup-\d+)$/, '');

export function loadDataset(dir: DataDir, name: string): LinkageDataset | undefined {
  switch (name) {
    case 'febrl4': {
      const a = readDataset(dir, 'febrl/dataset4a.csv');
      const b = readDataset(dir, 'febrl/dataset4b.csv');
      if (a === undefined || b === undefined) return undefined;
      return {
        name,
        mode: 'link',
        left: parseCsv(a, { trim: true }),
        right: parseCsv(b, { trim: true }),
        idField: 'rec_id',
        columns: FEBRL_COLUMNS,
        truth: { key: febrlKey },
      };
    }
    case 'febrl3': {
      const text = readDataset(dir, 'febrl/dataset3.csv');
      if (text === undefined) return undefined;
      return {
        name,
        mode: 'dedupe',
        left: parseCsv(text, { trim: true }),
        idField: 'rec_id',
        columns: FEBRL_COLUMNS,
        truth: { key: febrlKey },
      };
    }
    case 'fake1000': {
      const text = readDataset(dir, 'splink-fake-1000/fake_1000.csv');
      if (text === undefined) return undefined;
      const rows = parseCsv(text);
      const cluster = new Map(rows.map((r) => [r.unique_id ?? '', r.cluster ?? '']));
      // The truth column is read only by the evaluation, never by the model.
      const records = rows.map(({ cluster: _truth, ...rest }) => rest);
      return {
        name,
        mode: 'dedupe',
        left: records,
        idField: 'unique_id',
        columns: {
          first_name: 'given_name',
          surname: 'family_name',
          dob: 'date_of_birth',
          city: 'city',
          email: 'email',
        },
        truth: { key: (id) => cluster.get(id) ?? '' },
      };
    }
    case 'fodors-zagat': {
      const f = readDataset(dir, 'fodors-zagat/fodors.csv');
      const z = readDataset(dir, 'fodors-zagat/zagats.csv');
      const m = readDataset(dir, 'fodors-zagat/matches_fodors_zagats.csv');
      if (f === undefined || z === undefined || m === undefined) return undefined;
      return {
        name,
        mode: 'link',
        left: parseCsv(f),
        right: parseCsv(z),
        idField: 'id',
        columns: { name: 'address', addr: 'address', city: 'city', phone: 'phone' },
        region: 'US',
        truth: { pairs: parseCsv(m).map((r) => [r.fodors_id ?? '', r.zagats_id ?? ''] as const) },
      };
    }
    default:
      return undefined;
  }
}

export const LINKAGE_DATASETS = ['febrl4', 'febrl3', 'fake1000', 'fodors-zagat'] as const;
