// Counting ballots and turning totals into the announced result of a round.

import type { BallotChoice, CandidateResult, ConfidenceLevel, CouncilConfig, Motion, RoundResult } from '@hddt/protocol';
import { AT_LEAST_TWO_THIRDS, MORE_THAN_HALF, meets, requiredCount } from './majority';
import type { RoundState, StoredBallot, Tally } from './types';

export function emptyTally(): Tally {
  return { ballots: 0, options: { yes: 0, no: 0, abstain: 0 }, candidates: {}, ratings: {}, blank: 0 };
}

/** A new tally with one ballot added (or removed, with sign -1). */
export function addToTally(tally: Tally, choice: BallotChoice, sign: 1 | -1 = 1): Tally {
  const next: Tally = {
    ballots: tally.ballots + sign,
    options: { ...tally.options },
    candidates: { ...tally.candidates },
    ratings: { ...tally.ratings },
    blank: tally.blank ?? 0,
  };
  switch (choice.type) {
    case 'option':
      next.options[choice.option] += sign;
      break;
    case 'election':
      for (const id of choice.candidateIds) next.candidates[id] = (next.candidates[id] ?? 0) + sign;
      if (choice.candidateIds.length === 0) next.blank = (next.blank ?? 0) + sign;
      break;
    case 'confidence':
      for (const [subject, level] of Object.entries(choice.ratings)) {
        const current = next.ratings[subject] ?? { high: 0, medium: 0, low: 0 };
        next.ratings[subject] = { ...current, [level]: current[level] + sign };
      }
      break;
  }
  return next;
}

export function tallyOfBallots(ballots: ReadonlyMap<string, StoredBallot>): Tally {
  let tally = emptyTally();
  for (const ballot of ballots.values()) tally = addToTally(tally, ballot.choice);
  return tally;
}

export function roundTally(round: RoundState): Tally {
  if (round.secretTally) return round.secretTally;
  return tallyOfBallots(round.ballots);
}

export function participationCount(round: RoundState): number {
  return round.ballots.size + Object.keys(round.participants).length;
}

/** Is the choice well-formed for this motion? (The zod schema checked its shape; this checks its meaning.) */
export function validChoice(motion: Motion, choice: BallotChoice): boolean {
  switch (motion.kind) {
    case 'ordinary':
    case 'two-thirds':
      return choice.type === 'option';
    case 'election': {
      if (choice.type !== 'election') return false;
      const ids = new Set(choice.candidateIds);
      if (ids.size !== choice.candidateIds.length) return false;
      if (ids.size > motion.seats) return false;
      const known = new Set(motion.candidates.map((c) => c.id));
      return choice.candidateIds.every((id) => known.has(id));
    }
    case 'confidence': {
      if (choice.type !== 'confidence') return false;
      const keys = Object.keys(choice.ratings);
      if (keys.length !== motion.candidates.length) return false;
      const known = new Set(motion.candidates.map((c) => c.id));
      return keys.every((k) => known.has(k));
    }
  }
}

export function computeResult(council: CouncilConfig, motion: Motion, tally: Tally, seated: number, present: number): RoundResult {
  const participated = tally.ballots;
  switch (motion.kind) {
    case 'ordinary':
    case 'two-thirds': {
      const rule = motion.kind === 'ordinary' ? (council.thresholds.ordinary ?? MORE_THAN_HALF) : (council.thresholds.twoThirds ?? AT_LEAST_TWO_THIRDS);
      return {
        kind: 'options',
        seated,
        present,
        participated,
        counts: { ...tally.options },
        required: requiredCount(rule, seated),
        passed: meets(rule, tally.options.yes, seated),
      };
    }
    case 'election': {
      const rule = council.thresholds.election ?? MORE_THAN_HALF;
      const required = requiredCount(rule, seated);
      const ranked = motion.candidates
        .map((c) => ({ id: c.id, name: c.name, votes: tally.candidates[c.id] ?? 0 }))
        .sort((a, b) => b.votes - a.votes || a.name.localeCompare(b.name, 'vi'));
      const eligible = ranked.filter((c) => c.votes >= required);
      const elected = new Set<string>();
      const tied = new Set<string>();
      if (eligible.length <= motion.seats) {
        for (const c of eligible) elected.add(c.id);
      } else {
        // More candidates reached the majority than there are posts: the top ones win, unless the last
        // post is contested by equal votes, in which case those tied are not elected and a re-vote is needed.
        const boundary = eligible[motion.seats - 1]!.votes;
        const firstOut = eligible[motion.seats]!.votes;
        for (const c of eligible) {
          if (c.votes > boundary || (c.votes === boundary && boundary !== firstOut)) elected.add(c.id);
          else if (c.votes === boundary) tied.add(c.id);
        }
      }
      const candidates: CandidateResult[] = ranked.map((c) => ({
        ...c,
        elected: elected.has(c.id),
        tied: tied.has(c.id),
      }));
      return {
        kind: 'election',
        seated,
        present,
        participated,
        seats: motion.seats,
        required,
        candidates,
        tieNeedsRevote: tied.size > 0,
        blank: tally.blank ?? 0,
      };
    }
    case 'confidence': {
      const low = council.thresholds.lowConfidence ?? MORE_THAN_HALF;
      const dismissal = council.thresholds.lowConfidenceDismissal ?? AT_LEAST_TWO_THIRDS;
      const subjects = motion.candidates.map((c) => {
        const counts: Record<ConfidenceLevel, number> = { ...(tally.ratings[c.id] ?? { high: 0, medium: 0, low: 0 }) };
        return {
          id: c.id,
          name: c.name,
          counts,
          lowMajority: meets(low, counts.low, seated),
          lowTwoThirds: meets(dismissal, counts.low, seated),
        };
      });
      return { kind: 'confidence', seated, present, participated, subjects };
    }
  }
}
