import type { CSSProperties } from 'react';
import type { CouncilConfig, NamedBoardEntry, VoteOption } from '@hddt/protocol';
import { useT } from '../../i18n';

interface Props {
  board: NamedBoardEntry[];
  council: CouncilConfig;
}

const CLASS: Record<VoteOption, string> = { yes: 'vote-yes', no: 'vote-no', abstain: 'vote-abstain' };

/** Columns so the board fills its panel: few delegates in one or two columns, a province council in four. */
export function boardColumns(count: number): number {
  if (count <= 12) return 1;
  if (count <= 40) return 2;
  if (count <= 90) return 3;
  if (count <= 160) return 4;
  return 6;
}

/** Every delegate of a named vote with their choice, in seat order. Never rendered for a secret ballot. */
export function NamedBoard({ board, council }: Props) {
  const { t, lang } = useT();
  const entries = [...board].sort((a, b) => a.seat - b.seat);
  const columns = boardColumns(entries.length);
  const rows = Math.max(1, Math.ceil(entries.length / columns));
  // Three columns or more (a province council): the choice becomes a coloured mark explained by a legend,
  // so names keep their room.
  const compact = columns >= 3;
  return (
    <section className={`board${compact ? ' board-compact' : ''}`} aria-label={t('boardHeading')} data-board>
      <div className="board-head">
        <h2 className="board-heading" data-fit>
          {t('boardHeading')}
        </h2>
        {compact && (
          <ul className="board-legend" aria-hidden="true">
            {(['yes', 'no', 'abstain'] as const).map((o) => (
              <li key={o} className={CLASS[o]} data-fit>
                <span className="board-swatch" />
                {council.voteLabels[o][lang]}
              </li>
            ))}
            <li className="board-none" data-fit>
              <span className="board-swatch" />
              {t('boardNotVoted')}
            </li>
            <li className="board-absent" data-fit>
              <span className="board-swatch" />
              {t('boardAbsent')}
            </li>
          </ul>
        )}
      </div>
      <ol className="board-grid" style={{ '--board-cols': columns, '--board-rows': rows } as CSSProperties}>
        {entries.map((e) => {
          const option = e.option;
          // No ballot: a present delegate "did not press"; an absent one was not there to press.
          const absent = !option && !e.choice && !e.present;
          const label = option ? council.voteLabels[option][lang] : e.choice ? t('boardBallotCast') : absent ? t('boardAbsent') : t('boardNotVoted');
          return (
            <li
              key={e.delegateId}
              className={`board-entry ${option ? CLASS[option] : absent ? 'board-none board-absent' : 'board-none'}`}
              data-delegate={e.delegateId}
              data-choice={option ?? (e.choice ? 'ballot' : absent ? 'absent' : 'none')}
            >
              <span className="board-seat">{e.seat}</span>
              <span className="board-name" data-fit>
                {e.fullName}
              </span>
              {compact ? (
                <span className="board-swatch" title={label}>
                  <span className="visually-hidden">{label}</span>
                </span>
              ) : (
                <span className="board-choice" data-fit>
                  {label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
