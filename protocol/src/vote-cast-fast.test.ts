import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VoteCastSchema } from './schemas';
import { fastVoteCast } from './vote-cast-fast';

// Payloads near the edge of what the schema accepts: right and wrong ids, option and other ballots, extra and
// missing keys, wrong types, arrays, null prototypes.
const idLike = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
  fc.constantFrom('', 'a'.repeat(64), 'a'.repeat(65), 'r 1', 'r/1', 'vòng', 'r\n', '__proto__', 'constructor'),
  fc.string({ maxLength: 70 }),
);
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 5 }),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);
const option = fc.oneof(fc.constantFrom('yes', 'no', 'abstain', 'Yes', 'yes ', '', 'high'), anyValue);
const choice = fc.oneof(
  fc.record({ type: fc.constant('option'), option }),
  fc.record({ type: fc.constantFrom('option', 'election', 'confidence', 'OPTION'), option }),
  fc.record({ type: fc.constant('option'), option, extra: anyValue }),
  fc.record({ type: fc.constant('option') }),
  fc.record({ option }),
  fc.record({ type: fc.constant('election'), candidateIds: fc.array(idLike, { maxLength: 3 }) }),
  fc.record({ type: fc.constant('confidence'), ratings: fc.dictionary(idLike, fc.constantFrom('high', 'medium', 'low'), { maxKeys: 2 }) }),
  fc.tuple(fc.constant('option'), option),
  anyValue,
);
const payload = fc.oneof(
  fc.record({ roundId: idLike, choice }),
  fc.record({ choice, roundId: idLike }),
  fc.record({ roundId: idLike, choice, more: anyValue }),
  fc.record({ roundId: idLike }),
  fc.record({ roundId: anyValue, choice }),
  fc.record({ roundId: idLike, choice }, { requiredKeys: [] }),
  fc.record({ roundId: idLike, choice }).map((p) => Object.assign(Object.create(null) as object, p)),
  anyValue,
);

describe('fastVoteCast', () => {
  it('accepts only what VoteCastSchema accepts, returns the same data, and decides every valid option ballot', () => {
    fc.assert(
      fc.property(payload, (p) => {
        const fast = fastVoteCast(p);
        const parsed = VoteCastSchema.safeParse(p);
        if (fast !== undefined) {
          expect(parsed.success).toBe(true);
          expect(fast).toStrictEqual(parsed.data);
        }
        if (parsed.success && parsed.data.choice.type === 'option') {
          // A valid option ballot as it comes off the wire (JSON.parse's plain objects) never falls back to zod.
          const wire = JSON.parse(JSON.stringify(p)) as unknown;
          expect(fastVoteCast(wire)).toStrictEqual(parsed.data);
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('answers a well-formed press from the wire, and leaves every other ballot to the schema', () => {
    const wire = JSON.parse('{"roundId":"r_1-A","choice":{"type":"option","option":"abstain"}}') as unknown;
    expect(fastVoteCast(wire)).toStrictEqual({ roundId: 'r_1-A', choice: { type: 'option', option: 'abstain' } });
    expect(fastVoteCast({ roundId: 'r1', choice: { type: 'election', candidateIds: [] } })).toBeUndefined();
    expect(fastVoteCast({ roundId: 'r1', choice: { type: 'option', option: 'yes' }, extra: 1 })).toBeUndefined();
    expect(fastVoteCast({ roundId: 'r 1', choice: { type: 'option', option: 'yes' } })).toBeUndefined();
    expect(fastVoteCast({ roundId: 'r1', choice: { type: 'option', option: 'maybe' } })).toBeUndefined();
    const withGetter = {
      roundId: 'r1',
      get choice() {
        return { type: 'option', option: 'yes' };
      },
    };
    expect(fastVoteCast(withGetter)).toBeUndefined();
  });
});
