import { useCallback, useEffect, useState } from 'react';
import { API } from '@hddt/protocol';
import type { DelegateCard } from '@hddt/protocol';
import { api } from '../../api';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { ConfirmDialog } from '../shared/confirm-dialog';

/** The list of personal sign-in cards: print them all, or re-issue one (the old card stops working at once). */
export function CardsPanel() {
  const { t, lang } = useT();
  const pushToast = useStore((s) => s.pushToast);
  const setArea = useStore((s) => s.setArea);
  const [cards, setCards] = useState<DelegateCard[]>([]);
  const [reissuing, setReissuing] = useState<DelegateCard | null>(null);

  const load = useCallback(async () => {
    try {
      setCards(await api.get<DelegateCard[]>(API.cards));
    } catch (err) {
      pushToast({ tone: 'error', text: errorText(err, lang) });
    }
  }, [lang, pushToast]);
  useEffect(() => { void load(); }, [load]);

  async function reissue(card: DelegateCard) {
    setReissuing(null);
    try {
      await api.post<DelegateCard>(API.delegateToken(card.delegateId));
      pushToast({ tone: 'info', text: t('cards.reissued', { name: card.fullName }) });
      await load();
    } catch (err) {
      pushToast({ tone: 'error', text: errorText(err, lang) });
    }
  }

  return (
    <section aria-labelledby="cards-h">
      <div className="section-head">
        <h1 id="cards-h">{t('prep.tab.cards')}</h1>
        <button type="button" className="btn btn-primary" onClick={() => setArea('cards')}>{t('cards.print')}</button>
      </div>
      <p className="muted">{t('cards.explain')}</p>
      <div className="card">
        <table className="table">
          <thead><tr><th scope="col">{t('roster.seat')}</th><th scope="col">{t('roster.fullName')}</th><th scope="col">{t('roster.position')}</th><th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th></tr></thead>
          <tbody>
            {[...cards].sort((a, b) => a.seat - b.seat).map((c) => (
              <tr key={c.delegateId}>
                <td>{c.seat}</td><td>{c.fullName}</td><td>{c.title}</td>
                <td className="row-actions">
                  <button type="button" className="btn" aria-label={t('cards.printOneOf', { name: c.fullName })} onClick={() => { setArea('cards'); useStore.setState({ printDelegateId: c.delegateId }); }}>{t('cards.printOne')}</button>
                  <button type="button" className="btn btn-danger" aria-label={t('cards.reissueOf', { name: c.fullName })} onClick={() => setReissuing(c)}>{t('cards.reissue')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {reissuing ? (
        <ConfirmDialog title={t('cards.reissueConfirm', { name: reissuing.fullName })} confirmLabel={t('cards.reissue')} danger onConfirm={() => void reissue(reissuing)} onCancel={() => setReissuing(null)}>
          <p>{t('cards.reissueExplain')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
