/**
 * Property-based fuzzing of the project loader. Whatever the bytes, parseProjectText must
 * return (never throw), and either give a project that is internally consistent and saves to a
 * file that loads back identically, or a typed error with one line a user can read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../shared/domain/integrity';
import { parseProjectText, serializeProject, type ProjectFileErrorCode } from '../../../shared/domain/project-file';
import { buildRichProject } from './rich-project';

/** Run counts, stated so they can be reported. */
export const FUZZ_RUNS = {
  arbitraryStrings: 5_000,
  jsonLikeStrings: 3_000,
  jsonValues: 3_000,
  anything: 2_000,
  hostileKeyObjects: 2_000,
  mutations: 3_000,
} as const;

const ERROR_CODES: readonly ProjectFileErrorCode[] = [
  'too-large',
  'malformed-json',
  'too-deep',
  'forbidden-key',
  'string-too-long',
  'not-a-project',
  'newer-version',
  'migration-failed',
  'invalid',
  'integrity',
];

type Verdict = 'ok' | ProjectFileErrorCode;

/** The loader's contract for any input text; returns what happened, throws (fails) on a broken promise. */
function checkLoaderContract(text: string): Verdict {
  let result: ReturnType<typeof parseProjectText>;
  try {
    result = parseProjectText(text);
  } catch (error) {
    throw new Error(`parseProjectText threw on ${JSON.stringify(text.slice(0, 200))}: ${String(error)}`, { cause: error });
  }
  if (({} as Record<string, unknown>)['polluted'] !== undefined) throw new Error('Object.prototype was polluted');
  if (result.ok) {
    const problems = checkIntegrity(result.value.project);
    if (problems.length > 0) throw new Error(`accepted a project with integrity problems: ${JSON.stringify(problems[0])}`);
    const again = parseProjectText(serializeProject(result.value.project));
    if (!again.ok) throw new Error(`accepted a project whose saved file does not load: ${again.error.message}`);
    expect(again.value.project).toEqual(result.value.project);
    return 'ok';
  }
  const { code, message, path } = result.error;
  if (!ERROR_CODES.includes(code)) throw new Error(`unknown error code ${JSON.stringify(code)}`);
  if (typeof message !== 'string' || message.trim() === '') throw new Error(`empty message for ${code}`);
  if (/[\r\n\u2028\u2029]/.test(message)) throw new Error(`message for ${code} is not one line: ${JSON.stringify(message)}`);
  if (path !== undefined && !path.startsWith('$')) throw new Error(`path ${JSON.stringify(path)} is not a JSON path`);
  return code;
}

const JSON_ALPHABET = ['{', '}', '[', ']', ':', ',', '"', '\\', '\n', '\r', '\t', ' ', '0', '1', '9', '-', '+', '.', 'e', 'E', 'a', 'l', 'n', 'r', 's', 't', 'u', 'f', 'x', '\u2028', '\u0000', '\ud800', 'é'];

const jsonLikeString = fc.oneof(
  fc.string({ unit: fc.constantFrom(...JSON_ALPHABET), maxLength: 80 }),
  // A valid prefix of a project, then noise.
  fc.tuple(fc.nat({ max: 400 }), fc.string({ unit: fc.constantFrom(...JSON_ALPHABET), maxLength: 10 })).map(([cut, noise]) => {
    const text = serializeProject(buildRichProject());
    return text.slice(0, cut) + noise + text.slice(cut);
  }),
);

const dangerousKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'schemaVersion', 'meta', 'scale', 'levels', 'id', 'title', 'toString', 'hasOwnProperty'),
  fc.string({ maxLength: 8 }),
);
const hostileKeyObject = fc.object({ key: dangerousKey, maxDepth: 4, maxKeys: 6, values: [fc.jsonValue({ maxDepth: 2 }), fc.constant(1)] });

describe('parseProjectText never throws and always answers in the contract', () => {
  it(`arbitrary strings (${FUZZ_RUNS.arbitraryStrings} runs)`, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        checkLoaderContract(text);
      }),
      { numRuns: FUZZ_RUNS.arbitraryStrings },
    );
  });

  it(`JSON-like strings (${FUZZ_RUNS.jsonLikeStrings} runs): malformed JSON always says where, on one line`, () => {
    const seen = new Set<Verdict>();
    fc.assert(
      fc.property(jsonLikeString, (text) => {
        const verdict = checkLoaderContract(text);
        seen.add(verdict);
        if (verdict === 'malformed-json') {
          const result = parseProjectText(text);
          if (!result.ok && !/line \d+, column \d+/.test(result.error.message)) throw new Error(`no line and column: ${result.error.message}`);
        }
      }),
      { numRuns: FUZZ_RUNS.jsonLikeStrings },
    );
    expect(seen.has('malformed-json')).toBe(true);
  });

  it(`arbitrary JSON values (${FUZZ_RUNS.jsonValues} runs)`, () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        checkLoaderContract(JSON.stringify(value));
      }),
      { numRuns: FUZZ_RUNS.jsonValues },
    );
  });

  it(`fc.anything() stringified (${FUZZ_RUNS.anything} runs)`, () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 4 }), (value) => {
        let text: string | undefined;
        try {
          text = JSON.stringify(value);
        } catch {
          return; // not representable as JSON (a file cannot contain it either)
        }
        if (typeof text === 'string') checkLoaderContract(text);
      }),
      { numRuns: FUZZ_RUNS.anything },
    );
  });

  it(`objects with prototype-ish keys (${FUZZ_RUNS.hostileKeyObjects} runs) never pollute and never load with such keys`, () => {
    fc.assert(
      fc.property(hostileKeyObject, fc.boolean(), (value, asProject) => {
        const document = asProject ? { ...JSON.parse(serializeProject(buildRichProject())), extra: value } : value;
        const text = JSON.stringify(document);
        const verdict = checkLoaderContract(text);
        if (/"(__proto__|constructor|prototype)":/.test(text) && verdict !== 'forbidden-key' && verdict !== 'too-deep' && verdict !== 'not-a-project') {
          // A forbidden key anywhere must be found (unless the file is refused earlier for another reason).
          throw new Error(`a forbidden key got through as ${verdict}: ${text.slice(0, 200)}`);
        }
      }),
      { numRuns: FUZZ_RUNS.hostileKeyObjects },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Mutations of a valid project

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Location {
  parent: Json[] | { [key: string]: Json };
  key: string | number;
}

function locations(root: Json): Location[] {
  const found: Location[] = [];
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const value = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((child, index) => {
        found.push({ parent: value, key: index });
        stack.push(child);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        found.push({ parent: value, key });
        stack.push(child);
      }
    }
  }
  return found;
}

type Mutation = { op: 'delete' | 'replace' | 'duplicate'; pick: number; value: Json };

function mutate(document: Json, mutation: Mutation): void {
  const all = locations(document);
  if (mutation.op === 'duplicate') {
    const inArrays = all.filter((location) => Array.isArray(location.parent));
    const target = inArrays[mutation.pick % Math.max(1, inArrays.length)];
    if (!target) return;
    const list = target.parent as Json[];
    list.splice((target.key as number) + 1, 0, structuredClone(list[target.key as number]!));
    return;
  }
  const target = all[mutation.pick % Math.max(1, all.length)];
  if (!target) return;
  if (mutation.op === 'delete') {
    if (Array.isArray(target.parent)) target.parent.splice(target.key as number, 1);
    else delete target.parent[target.key as string];
  } else if (Array.isArray(target.parent)) {
    target.parent[target.key as number] = mutation.value;
  } else {
    target.parent[target.key as string] = mutation.value;
  }
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('delete', 'replace', 'duplicate'),
  pick: fc.nat(),
  value: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
});

describe('mutations of a valid project', () => {
  it(`delete a key, replace a value, duplicate an element (${FUZZ_RUNS.mutations} runs): never throws; if accepted, consistent and re-savable`, () => {
    const base = JSON.parse(serializeProject(buildRichProject())) as Json;
    const verdicts = new Map<Verdict, number>();
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (mutations) => {
        const document = structuredClone(base);
        for (const mutation of mutations) mutate(document, mutation);
        const verdict = checkLoaderContract(JSON.stringify(document, null, 2));
        verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
      }),
      { numRuns: FUZZ_RUNS.mutations },
    );
    // The fuzzer must exercise both sides: mutations that still load, and each kind of refusal.
    expect(verdicts.get('ok') ?? 0).toBeGreaterThan(0);
    expect(verdicts.get('invalid') ?? 0).toBeGreaterThan(0);
    expect(verdicts.get('integrity') ?? 0).toBeGreaterThan(0);
  });
});
