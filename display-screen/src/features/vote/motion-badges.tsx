import type { Motion, RoundView } from '@hddt/protocol';
import type { MsgKey } from '../../i18n';
import { useT } from '../../i18n';

const MODE_KEY: Record<RoundView['mode'], MsgKey> = { named: 'modeNamed', anonymous: 'modeAnonymous', secret: 'modeSecret' };

/** Practice vote, ballot mode, rule and round number: the small print above a question. */
/** inResult: the result heading already names a confidence rating, so its badge is left out. */
export function MotionBadges({ motion, round, inResult = false }: { motion: Motion; round: RoundView; inResult?: boolean }) {
  const { t } = useT();
  return (
    <div className="badges">
      {motion.practice && (
        <span className="badge badge-practice" data-practice>
          {t('practiceBadge')}
        </span>
      )}
      <span className="badge">{t(MODE_KEY[round.mode])}</span>
      {motion.kind === 'two-thirds' && <span className="badge">{t('kindTwoThirds')}</span>}
      {motion.kind === 'election' && (
        <span className="badge">
          {t('kindElection')} · {t('electionSeats', { n: motion.seats })}
        </span>
      )}
      {motion.kind === 'confidence' && !inResult && <span className="badge">{t('kindConfidence')}</span>}
      {round.number > 1 && <span className="badge">{t('revoteBadge', { n: round.number })}</span>}
    </div>
  );
}
