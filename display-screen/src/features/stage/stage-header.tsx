import type { ReactNode } from 'react';
import type { CouncilConfig, Session } from '@hddt/protocol';
import { formatHallClock, sessionTitle } from '@hddt/protocol';
import { useT } from '../../i18n';
import { Emblem } from './emblem';

interface Props {
  council: CouncilConfig;
  session: Session | null;
  now: number;
  /** Shown next to the clock: the offline mark. */
  status?: ReactNode;
}

/** The band at the top of every slide but the welcome: who is meeting, which session, the time. */
export function StageHeader({ council, session, now, status }: Props) {
  const { t, lang } = useT();
  return (
    <header className="stage-header">
      <Emblem className="stage-header-emblem" />
      <div className="stage-header-titles">
        <p className="stage-header-council" data-fit>
          {council.name[lang]}
        </p>
        <p className="stage-header-session" data-fit>
          {session ? sessionTitle(session.number, lang) : t('noSession')}
          {session?.title ? ` · ${session.title}` : ''}
        </p>
      </div>
      {status}
      <time className="stage-header-clock" data-fit>
        {formatHallClock(now, council.timeZone)}
      </time>
    </header>
  );
}
