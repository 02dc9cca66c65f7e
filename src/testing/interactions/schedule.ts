/**
 * When people get in touch: the queue of people ordered by their next contact, and the gaps
 * between one contact and the next. Together they let the stream emit interactions in time
 * order while holding only the people who still have contacts to come.
 */

import type { Context } from './context.js';
import type { Person } from './people.js';
import { DAY, HOUR, MINUTE } from './time.js';

/** A binary min-heap of people by their next interaction time, then by ordinal. */
export class PersonHeap {
  private readonly items: Person[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Person | undefined {
    return this.items[0];
  }

  push(person: Person): void {
    const items = this.items;
    let k = items.length;
    items.push(person);
    while (k > 0) {
      const parent = (k - 1) >> 1;
      const above = items[parent] as Person;
      if (!before(person, above)) break;
      items[k] = above;
      k = parent;
    }
    items[k] = person;
  }

  pop(): Person | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let k = 0;
    const n = items.length;
    for (;;) {
      const left = 2 * k + 1;
      if (left >= n) break;
      const right = left + 1;
      const child =
        right < n && before(items[right] as Person, items[left] as Person) ? right : left;
      const smaller = items[child] as Person;
      if (!before(smaller, last)) break;
      items[k] = smaller;
      k = child;
    }
    items[k] = last;
    return top;
  }
}

const before = (a: Person, b: Person): boolean =>
  a.next < b.next || (a.next === b.next && a.ordinal < b.ordinal);

/** The time of a person's next contact: the same day, days later or weeks later. */
export function nextContact(ctx: Context, t: number): number {
  const { random } = ctx;
  const r = random();
  const mean = r < 0.45 ? 3 * HOUR : r < 0.8 ? 2 * DAY : 20 * DAY;
  let gap = Math.max(MINUTE, -Math.log(1 - random()) * mean);
  // Histories are squeezed into the window rather than cut, so every person keeps their count.
  if (t + gap >= ctx.end) gap = Math.max(0, ctx.end - 1 - t) * random();
  return Math.floor(t + gap);
}
