import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Every `@example` in the public API's TSDoc is compiled and run here, importing the library
// from source as `threadline` and its subpaths (`/testing`, `/fp`, `/postgres`), so the documentation
// cannot drift from the code.

const root = resolve(import.meta.dirname, '..');
const out = join(root, '.tmp', 'examples');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'cli' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.test-d.ts')
      ? [path]
      : [];
  });
}

interface Example {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

function examples(): Example[] {
  const found: Example[] = [];
  for (const file of sources(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const pattern =
      /@example\s*\n((?:\s*\*.*\n)*?)\s*\*\/|@example\s*\n((?:\s*\*.*\n)*?)\s*\*\s*@/g;
    for (const match of text.matchAll(pattern)) {
      const block = (match[1] ?? match[2] ?? '').split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
      const start = block.findIndex((l) => l.startsWith('```ts'));
      const end = block.findIndex((l, k) => k > start && l.startsWith('```'));
      if (start < 0 || end < 0) continue;
      const line = text.slice(0, match.index).split('\n').length;
      found.push({
        file: relative(root, file),
        line,
        code: block.slice(start + 1, end).join('\n'),
      });
    }
  }
  return found;
}

/** The `ts` code blocks of the README and the guides in docs/. */
function guideExamples(): Example[] {
  const files = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  const found: Example[] = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const match of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
      const line = text.slice(0, match.index).split('\n').length;
      found.push({ file, line, code: match[1] ?? '' });
    }
  }
  return found;
}

const all = [...examples(), ...guideExamples()];
const entries: Record<string, string> = {
  threadline: join(root, 'src/index.ts'),
  'threadline/testing': join(root, 'src/testing/index.ts'),
  'threadline/fp': join(root, 'src/fp/index.ts'),
  'threadline/postgres': join(root, 'src/postgres/index.ts'),
};

describe('documentation examples', () => {
  mkdirSync(out, { recursive: true });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('exist for the public API', () => {
    expect(all.length).toBeGreaterThan(200);
  });

  it.each(all.map((e) => [`${e.file}:${e.line}`, e] as const))(
    '%s runs',
    async (_name, example) => {
      const code = example.code.replace(
        /from '(threadline(?:\/testing|\/fp|\/postgres)?)'/g,
        (_m, id: string) => `from '${entries[id]}'`,
      );
      const file = join(out, `${example.file.replace(/[/.]/g, '_')}_${example.line}.ts`);
      writeFileSync(file, `${code}\nexport {};\n`);
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      try {
        await import(file);
      } finally {
        log.mockRestore();
      }
    },
  );
});
