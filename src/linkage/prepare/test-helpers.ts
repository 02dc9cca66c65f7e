// Shared by the tests of preparation on one thread and on several.
import type { PreparedRecords } from './prepare.js';

/** Everything a prepared value holds, as plain data. */
export function plain(data: PreparedRecords) {
  return {
    size: data.size,
    ids: data.ids,
    sources: Array.from(data.sources),
    mode: data.mode,
    columns: data.columns.map((c) => ({
      offsets: Array.from(c.offsets),
      values: Array.from(c.values),
      dictionary: c.dictionary,
      days: c.days === undefined ? undefined : Array.from(c.days),
      ymd: c.ymd === undefined ? undefined : Array.from(c.ymd),
      numbers: c.numbers === undefined ? undefined : Array.from(c.numbers),
      sketch: c.sketch === undefined ? undefined : Array.from(c.sketch),
      frequencies: c.frequencies === undefined ? undefined : Array.from(c.frequencies),
      otherFrequency: c.otherFrequency,
    })),
  };
}
