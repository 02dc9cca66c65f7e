// The baseline a helpdesk uses today: records are the same customer when they share an exact
// normalized key (email, phone, id number, or full name with date of birth). Connected
// components over those keys.
import {
  type ColumnKind,
  foldName,
  type LinkRecord,
  normalizeEmail,
  normalizePhone,
} from '../../src/index.js';
import { isoDate } from '../../src/linkage/transform/transform.js';

export function exactKeyClusters(
  records: readonly LinkRecord[],
  columns: Readonly<Record<string, ColumnKind>>,
  region: string | undefined,
): Uint32Array {
  const parent = Uint32Array.from(records, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  const owner = new Map<string, number>();
  const join = (key: string, i: number) => {
    const j = owner.get(key);
    if (j === undefined) owner.set(key, i);
    else {
      const a = find(i);
      const b = find(j);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  };
  const of = (kind: ColumnKind) => Object.keys(columns).filter((c) => columns[c] === kind);
  records.forEach((r, i) => {
    const text = (f: string) => (typeof r[f] === 'string' ? (r[f] as string) : '');
    for (const f of of('email')) {
      const e = normalizeEmail(text(f));
      if (e.matchable) join(`e:${e.key}`, i);
    }
    for (const f of of('phone')) {
      const p = normalizePhone(text(f), region === undefined ? {} : { region });
      if (p.matchable) join(`p:${p.key}`, i);
    }
    for (const f of of('id_number')) {
      const v = text(f).replace(/\W/g, '');
      if (v !== '') join(`i:${f}:${v}`, i);
    }
    const names = [...of('given_name'), ...of('family_name'), ...of('full_name')].map((f) =>
      foldName(text(f)),
    );
    for (const f of of('date_of_birth')) {
      const d = isoDate(text(f));
      if (d !== undefined && names.length > 0 && names.every((n) => n !== ''))
        join(`n:${names.join('|')}|${d}`, i);
    }
  });
  return Uint32Array.from(records, (_, i) => find(i));
}
