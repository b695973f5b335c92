// A fast path for the commonest message of a vote: `vote:cast` with a yes/no/abstain press. At 3,000 tablets
// pressing at once, zod's general walk of VoteCastSchema is a measurable part of the server's work per ballot;
// this hand-written check accepts only payloads that VoteCastSchema accepts, and returns exactly what the schema
// would return for them. Anything else (an election or confidence ballot, a malformed payload) answers
// `undefined`, and the caller parses with the schema, which also words the errors. The property test
// (vote-cast-fast.test.ts) holds the two to each other.

const ID = /^[A-Za-z0-9_-]+$/;

export interface OptionVoteCast {
  roundId: string;
  choice: { type: 'option'; option: 'yes' | 'no' | 'abstain' };
}

/** A plain object (as JSON.parse makes) with exactly the two own keys given, and nothing else. */
function exactlyKeys(value: unknown, a: string, b: string): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const keys = Reflect.ownKeys(value);
  if (keys.length !== 2) return false;
  const [k0, k1] = keys;
  if (!((k0 === a && k1 === b) || (k0 === b && k1 === a))) return false;
  // Plain data only: a getter could answer differently each time it is read.
  const d0 = Object.getOwnPropertyDescriptor(value, a);
  const d1 = Object.getOwnPropertyDescriptor(value, b);
  return !!d0 && !!d1 && 'value' in d0 && 'value' in d1 && d0.enumerable === true && d1.enumerable === true;
}

/** VoteCastSchema's output for a valid option ballot; undefined means "not decided here: parse with the schema". */
export function fastVoteCast(payload: unknown): OptionVoteCast | undefined {
  if (!exactlyKeys(payload, 'roundId', 'choice')) return undefined;
  const { roundId, choice } = payload;
  if (typeof roundId !== 'string' || roundId.length < 1 || roundId.length > 64 || !ID.test(roundId)) return undefined;
  if (!exactlyKeys(choice, 'type', 'option')) return undefined;
  if (choice.type !== 'option') return undefined;
  const option = choice.option;
  if (option !== 'yes' && option !== 'no' && option !== 'abstain') return undefined;
  return { roundId, choice: { type: 'option', option } };
}
