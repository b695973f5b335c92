import { useMemo } from 'react';
import type { CouncilConfig, NamedBoardEntry } from '@hddt/protocol';
import { reconcileLayout } from '@hddt/protocol';
import { useT } from '../../i18n';
import { HallMap, type MapSeat } from '../hall/hall-map';

/**
 * A named round's choices on the seat map, in the vote colours: "Không bấm" for a present delegate who did not
 * press, "Vắng mặt" for one not there. Only ever given the board of a named round (the server refuses any other).
 */
export function BoardMap({ board, council }: { board: NamedBoardEntry[]; council: CouncilConfig }) {
  const { t, lang } = useT();
  const layout = useMemo(
    () =>
      reconcileLayout(
        council.hallLayout,
        board.map((e) => e.seat),
      ),
    [council.hallLayout, board],
  );
  const seats = new Map<number, MapSeat>(
    board.map((e) => {
      const seat: MapSeat = e.option
        ? { seat: e.seat, fullName: e.fullName, tone: e.option, state: council.voteLabels[e.option][lang] }
        : e.choice
          ? { seat: e.seat, fullName: e.fullName, tone: 'present', state: t('boardBallotCast') }
          : e.present
            ? { seat: e.seat, fullName: e.fullName, tone: 'none', state: t('boardNotVoted') }
            : { seat: e.seat, fullName: e.fullName, tone: 'absent', state: t('boardAbsent') };
      return [e.seat, seat];
    }),
  );
  return (
    <HallMap
      layout={layout}
      seats={seats}
      className="board-map"
      legend={[
        ...(['yes', 'no', 'abstain'] as const).map((o) => ({ tone: o, label: council.voteLabels[o][lang] })),
        { tone: 'none', label: t('boardNotVoted') },
        { tone: 'absent', label: t('boardAbsent') },
      ]}
    />
  );
}
