import { useEffect, useState } from 'react';
import type { CouncilConfig, DelegateCard, HallInfo } from '@hddt/protocol';
import { call } from '../../api';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { QrImage } from '../shared/qr-image';

/**
 * A4 sheet of QR login cards for the browser's print dialog: 2 × 4 cards per page, cut along the lines. It
 * prints the cards just issued (printCards): the server cannot give an issued card's link again.
 */
export function CardsPrint() {
  const { t, lang } = useT();
  const setArea = useStore((s) => s.setArea);
  const issued = useStore((s) => s.printCards);
  const [hall, setHall] = useState<HallInfo | null>(null);
  const [council, setCouncil] = useState<CouncilConfig | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cards: DelegateCard[] | null = hall && council ? (issued ?? []) : null;

  useEffect(() => {
    Promise.all([call('hall'), call('council')])
      .then(([h, co]) => {
        setHall(h);
        setCouncil(co);
      })
      .catch((err: unknown) => setError(errorText(err, lang)));
  }, [lang]);

  const councilName = council ? (lang === 'vi' ? council.name.vi : council.name.en) : '';
  return (
    <div className="print-page">
      <div className="print-toolbar no-print">
        <button type="button" className="btn" onClick={() => setArea('prepare')}>
          ← {t('common.back')}
        </button>
        <h1>{t('cards.sheetTitle')}</h1>
        <button type="button" className="btn btn-primary" onClick={() => window.print()} disabled={!cards || cards.length === 0}>
          {t('cards.printNow')}
        </button>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {!cards && !error ? <p role="status">{t('common.loading')}</p> : null}
      {cards && cards.length === 0 ? (
        <p className="no-print" role="status">
          {t('cards.nothingToPrint')}
        </p>
      ) : null}
      <div className="card-sheet">
        {[...(cards ?? [])]
          .sort((a, b) => a.seat - b.seat)
          .map((c) => (
            <article key={c.delegateId} className="login-card-print" data-delegate-id={c.delegateId}>
              <header>
                <div className="lc-council">{councilName}</div>
                <div className="lc-kind">{t('cards.cardKind')}</div>
              </header>
              <div className="lc-body">
                <QrImage text={c.signInUrl} size={150} alt={t('cards.qrAlt', { name: c.fullName })} className="lc-qr" />
                <div className="lc-who">
                  <div className="lc-name">{c.fullName}</div>
                  {c.title ? <div className="lc-title">{c.title}</div> : null}
                  <div className="lc-seat">{t('cards.seat', { n: c.seat })}</div>
                  {hall?.hallWifi ? <div className="lc-wifi">{t('cards.wifi', { name: hall.hallWifi })}</div> : null}
                </div>
              </div>
              <footer className="lc-foot">
                {t('cards.instructions')}
                {hall?.tlsFingerprint ? <span className="lc-fp">{t('cards.fingerprint', { fp: hall.tlsFingerprint })}</span> : null}
              </footer>
            </article>
          ))}
      </div>
    </div>
  );
}
