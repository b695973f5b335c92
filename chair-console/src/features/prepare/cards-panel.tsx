import { useCallback, useEffect, useState } from 'react';
import type { CardsIssueRequest, DelegateCardStatus } from '@hddt/protocol';
import { call } from '../../api';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { useHallTime } from '../shared/use-hall-time';

/**
 * The delegates' sign-in cards. The server keeps only a hash of each card, so a card's link exists only in the
 * answer that issues it: printing issues the cards (new ones for everyone, or for those without one), and a
 * lost sheet means issuing again. The links just issued stay in this tab (printCards) to print again.
 */
export function CardsPanel() {
  const { t, lang } = useT();
  const pushToast = useStore((s) => s.pushToast);
  const setArea = useStore((s) => s.setArea);
  const printCards = useStore((s) => s.printCards);
  const setPrintCards = useStore((s) => s.setPrintCards);
  const [cards, setCards] = useState<DelegateCardStatus[]>([]);
  const [reissuing, setReissuing] = useState<DelegateCardStatus | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);

  const load = useCallback(async () => {
    try {
      setCards(await call('cards'));
    } catch (err) {
      pushToast({ tone: 'error', text: errorText(err, lang) });
    }
  }, [lang, pushToast]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after its await, never synchronously; the rule does not see past an await (facebook/react#34905)
    void load();
  }, [load]);

  const missing = cards.filter((c) => c.issuedAt === null).length;
  const anyIssued = cards.some((c) => c.issuedAt !== null);

  async function issueAndPrint(scope: CardsIssueRequest['scope']) {
    setConfirmAll(false);
    try {
      const issued = await call('cardsIssue', { body: { scope } });
      setPrintCards(issued);
      setArea('cards');
    } catch (err) {
      pushToast({ tone: 'error', text: errorText(err, lang) });
    }
  }

  async function reissue(card: DelegateCardStatus) {
    setReissuing(null);
    try {
      const issued = await call('delegateToken', { params: { id: card.delegateId } });
      setPrintCards([issued]);
      pushToast({ tone: 'info', text: t('cards.reissued', { name: card.fullName }) });
      await load();
    } catch (err) {
      pushToast({ tone: 'error', text: errorText(err, lang) });
    }
  }

  const hallTime = useHallTime();
  const issuedText = (at: string | null) => (at ? t('cards.issuedAt', { time: hallTime(at) }) : t('cards.notIssued'));

  return (
    <section aria-labelledby="cards-h">
      <div className="section-head">
        <h1 id="cards-h">{t('prep.tab.cards')}</h1>
        <div className="row-actions">
          {printCards && printCards.length > 0 ? (
            <button type="button" className="btn" onClick={() => setArea('cards')}>
              {t('cards.printAgain', { n: printCards.length })}
            </button>
          ) : null}
          {anyIssued && missing > 0 ? (
            <button type="button" className="btn" onClick={() => void issueAndPrint('missing')}>
              {t('cards.printMissing', { n: missing })}
            </button>
          ) : null}
          <button type="button" className="btn btn-primary" onClick={() => (anyIssued ? setConfirmAll(true) : void issueAndPrint('all'))}>
            {t('cards.print')}
          </button>
        </div>
      </div>
      <p className="muted">{t('cards.explain')}</p>
      <div className="card">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('roster.seat')}</th>
              <th scope="col">{t('roster.fullName')}</th>
              <th scope="col">{t('roster.position')}</th>
              <th scope="col">{t('cards.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...cards]
              .sort((a, b) => a.seat - b.seat)
              .map((c) => (
                <tr key={c.delegateId}>
                  <td>{c.seat}</td>
                  <td>{c.fullName}</td>
                  <td>{c.title}</td>
                  <td className="muted">{issuedText(c.issuedAt)}</td>
                  <td className="row-actions">
                    <button type="button" className="btn btn-danger" aria-label={t('cards.reissueOf', { name: c.fullName })} onClick={() => setReissuing(c)}>
                      {t('cards.reissue')}
                    </button>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      {reissuing ? (
        <ConfirmDialog
          title={t('cards.reissueConfirm', { name: reissuing.fullName })}
          confirmLabel={t('cards.reissue')}
          danger
          onConfirm={() => void reissue(reissuing)}
          onCancel={() => setReissuing(null)}
        >
          <p>{t('cards.reissueExplain')}</p>
        </ConfirmDialog>
      ) : null}
      {confirmAll ? (
        <ConfirmDialog
          title={t('cards.printConfirm', { n: cards.length })}
          confirmLabel={t('cards.printConfirmLabel')}
          danger
          onConfirm={() => void issueAndPrint('all')}
          onCancel={() => setConfirmAll(false)}
        >
          <p>{t('cards.printConfirmExplain')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
