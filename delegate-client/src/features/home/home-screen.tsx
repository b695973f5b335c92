import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatDateVi, sessionTitle, type RoundView } from '@hddt/protocol';
import { announcementText, verdictLabel } from '@hddt/ui';
import { describeChoice } from '../vote/choice-text';
import { useStore } from '../../store';
import { selectCouncil, selectMe, selectSession, selectSnapshot } from '../../store/selectors';
import { useCheckIn } from './use-check-in';
import type { Lang } from '../../i18n';

export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const snapshot = useStore(selectSnapshot);
  const council = useStore(selectCouncil);
  const session = useStore(selectSession);
  const me = useStore(selectMe);
  if (!snapshot || !council) return null;
  // When the roll call is open and this delegate has not checked in, that is the one thing to do: put it first.
  const checkInFirst = session !== null && me !== null && session.rollCallOpen && !me.checkedIn;
  return (
    <div className="home">
      {checkInFirst && <CheckInCard />}
      <section className="card session-card" aria-labelledby="session-title">
        <p className="council-name">{council.name[lang]}</p>
        {session ? (
          <>
            <h1 id="session-title" className="session-title">
              {sessionTitle(session.number, lang)}
              {session.title ? <span className="session-subtitle">{session.title}</span> : null}
            </h1>
            <p className="muted">
              {session.startDate === session.endDate
                ? formatDateVi(session.startDate)
                : t('home.dates', { from: formatDateVi(session.startDate), to: formatDateVi(session.endDate) })}{' '}
              · {t('home.place', { place: session.place })}
            </p>
            <span className={`tag status-${session.status}`}>
              {session.status === 'open' ? t('home.sessionOpen') : session.status === 'closed' ? t('home.sessionClosed') : t('home.sessionDraft')}
            </span>
          </>
        ) : (
          <h1 id="session-title" className="session-title">
            {t('home.noSession')}
          </h1>
        )}
      </section>

      {me && (
        <section className="card delegate-card" aria-label={t('home.delegate')}>
          <div className="seat-badge" aria-hidden="true">
            {me.delegate.seat}
          </div>
          <div>
            <p className="delegate-name" data-testid="delegate-name">
              {me.delegate.fullName}
            </p>
            <p className="muted">
              {t('home.seat', { seat: me.delegate.seat })}
              {me.delegate.title ? ` · ${me.delegate.title}` : ''}
            </p>
            {me.delegate.group ? <p className="muted">{me.delegate.group}</p> : null}
          </div>
        </section>
      )}

      {session && me && !checkInFirst && <CheckInCard />}
      {session && <AgendaCard />}
      {session && <ResultsCard />}
    </div>
  );
}

function CheckInCard() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const session = useStore(selectSession);
  const me = useStore(selectMe);
  const attendance = useStore((s) => s.snapshot?.attendance ?? null);
  const { busy, error, checkIn } = useCheckIn();
  if (!session || !me) return null;

  return (
    <section className={`card checkin-card${me.checkedIn ? ' is-done' : session.rollCallOpen ? ' is-open' : ''}`} aria-labelledby="checkin-title">
      <h2 id="checkin-title">{t('home.checkinTitle')}</h2>
      {me.checkedIn ? (
        <p className="status-ok checkin-done" data-testid="checked-in">
          <span aria-hidden="true">✓ </span>
          {t('home.checkedIn')}
        </p>
      ) : session.rollCallOpen ? (
        <>
          <p>{t('home.checkinOpen')}</p>
          <button type="button" className="btn btn-primary btn-xl" disabled={busy} onClick={() => void checkIn()}>
            {busy ? t('home.checkingIn') : t('home.checkin')}
          </button>
        </>
      ) : (
        <p className="muted">{t('home.checkinClosed')}</p>
      )}
      {error && (
        <p className="status-error" role="alert">
          {t('home.checkinFailed', { message: error })}
        </p>
      )}
      {attendance && attendance.sessionId === session.id && (
        <p className="muted">
          {t('home.attendance', { present: formatCount(attendance.present, lang), seated: formatCount(attendance.seated, lang) })} ·{' '}
          {attendance.quorumMet ? t('home.quorumMet') : t('home.quorumNotMet', { required: formatCount(attendance.required, lang) })}
        </p>
      )}
    </section>
  );
}

function AgendaCard() {
  const { t } = useTranslation();
  const snapshot = useStore(selectSnapshot);
  const currentRef = useRef<HTMLLIElement>(null);
  const currentId = snapshot?.session?.currentItemId ?? null;
  const [announce, setAnnounce] = useState('');
  // The agenda moved on: say so (state adjusted while rendering, React's pattern for a change of input) and
  // bring the new item into view (after the render, in an effect).
  const [announcedFor, setAnnouncedFor] = useState<string | null>(currentId);
  if (currentId !== announcedFor) {
    setAnnouncedFor(currentId);
    const item = snapshot?.agenda.find((a) => a.id === currentId);
    if (item) setAnnounce(t('home.currentAnnounce', { title: item.title }));
  }
  const scrolledFor = useRef<string | null>(currentId);
  useEffect(() => {
    if (currentId === scrolledFor.current) return;
    scrolledFor.current = currentId;
    currentRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [currentId]);
  if (!snapshot) return null;
  const agenda = [...snapshot.agenda].sort((a, b) => a.order - b.order);
  const closed = snapshot.session?.status === 'closed';
  const openDocs = (itemId: string) => useStore.setState({ view: 'documents', documentsItemId: itemId, openDocumentId: null });
  return (
    <section className="card agenda-card" aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('home.agenda')}</h2>
      {closed && (
        <p className="status-ok agenda-closed" data-testid="agenda-closed">
          {t('home.agendaClosed')}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      {agenda.length === 0 ? (
        <p className="muted">{t('home.agendaEmpty')}</p>
      ) : (
        <ol className="agenda-list">
          {agenda.map((item, i) => {
            const current = !closed && item.id === currentId;
            const docs = snapshot.documents.filter((d) => d.itemId === item.id).length;
            return (
              <li
                key={item.id}
                ref={current ? currentRef : undefined}
                className={`agenda-item${current ? ' is-current' : ''}`}
                aria-current={current ? 'step' : undefined}
                data-testid={current ? 'agenda-current' : undefined}
              >
                <span className="agenda-no" aria-hidden="true">
                  {i + 1}
                </span>
                <div className="agenda-body">
                  {current && <span className="tag tag-brand">{t('home.current')}</span>}
                  <p className="agenda-title">{item.title}</p>
                  {item.presenter && <p className="muted">{t('home.presenter', { name: item.presenter })}</p>}
                </div>
                {docs > 0 && (
                  <button type="button" className="btn agenda-docs" onClick={() => openDocs(item.id)} aria-label={t('home.openDocs', { title: item.title })}>
                    {t('home.docsCount', { count: docs })}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/**
 * The session's history on the tablet: every announced result, in the order the votes were held, with this
 * delegate's own ballot where the server keeps it (named rounds) and only "took part" in a secret one.
 */
function ResultsCard() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const snapshot = useStore(selectSnapshot);
  const council = useStore(selectCouncil);
  const me = useStore(selectMe);
  if (!snapshot || !council) return null;
  const announced = snapshot.rounds.filter((r): r is RoundView & { result: NonNullable<RoundView['result']> } => r.status === 'announced' && r.result !== null);
  const labels = { voteLabels: council.voteLabels, confidenceLabels: council.confidenceLabels };
  return (
    <section className="card results-card" aria-labelledby="results-title" data-testid="announced-results">
      <h2 id="results-title">{t('home.results')}</h2>
      {announced.length === 0 ? (
        <p className="muted">{t('home.resultsEmpty')}</p>
      ) : (
        <ol className="results-list">
          {announced.map((round) => {
            const motion = snapshot.motions.find((m) => m.id === round.motionId) ?? null;
            const receipt = me?.ballots.find((b) => b.roundId === round.id) ?? null;
            const result = round.result;
            const mine =
              receipt === null
                ? t('vote.youDidNotVote')
                : receipt.secret || receipt.choice === null
                  ? t('vote.youTookPart')
                  : t('vote.youVoted', { choice: describeChoice(receipt.choice, motion, council, lang, t) });
            return (
              <li key={round.id} className="results-item">
                <p className="results-question">
                  {motion?.practice && <span className="tag">{t('vote.practice')}</span>} {motion?.question ?? ''}
                  {round.number > 1 ? <span className="muted"> · {t('vote.round', { n: round.number })}</span> : null}
                </p>
                {result.kind === 'options' && (
                  <p className={`result-verdict ${result.passed ? 'is-passed' : 'is-failed'}`}>{verdictLabel(result.passed ? 'passed' : 'failed', lang)}</p>
                )}
                <p className="result-announcement">{announcementText(result, labels, lang)}</p>
                <p className="results-mine">{mine}</p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
