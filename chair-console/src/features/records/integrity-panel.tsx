import { useState } from 'react';
import { formatCount } from '@hddt/protocol';
import type { BackupInfo, IntegrityReport } from '@hddt/protocol';
import { call } from '../../api';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import type { MsgKey } from '../../i18n';
import { useStore } from '../../store';
import { LogHeadLine } from './minutes-panel';

const REASON: Record<NonNullable<IntegrityReport['chain']['brokenAt']>['reason'], MsgKey> = {
  'hash-mismatch': 'int.reason.hash-mismatch',
  'link-mismatch': 'int.reason.link-mismatch',
  'seq-gap': 'int.reason.seq-gap',
};

const show = (row: Record<string, unknown> | null, missing: string) => (row ? JSON.stringify(row) : missing);

export function IntegrityResult({ report }: { report: IntegrityReport }) {
  const { t, lang } = useT();
  if (report.ok) {
    return (
      <p className="rec-ok" role="status" data-testid="integrity">
        ✓ {t('int.ok', { entries: formatCount(report.chain.entries, lang) })}
      </p>
    );
  }
  const broken = report.chain.brokenAt;
  return (
    <div className="rec-bad" role="alert" data-testid="integrity">
      <p>
        <strong>⚠ {t('int.bad')}</strong>
      </p>
      {broken ? <p>{t('int.broken', { seq: broken.seq, reason: t(REASON[broken.reason]) })}</p> : null}
      {report.replay.error ? <p>{t('int.replayError', { error: report.replay.error })}</p> : null}
      {report.results.problems.length > 0 ? (
        <ul className="rec-diffs">
          {report.results.problems.map((p) => (
            <li key={`${p.roundId}-${p.seq}`}>
              {t(p.reason === 'secret-count-mismatch' ? 'int.secretCount' : 'int.resultMismatch', { round: p.roundId, seq: p.seq })} —{' '}
              <span className="mono break">{p.detail}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {report.replay.differences.length > 0 ? (
        <>
          <p>{t('int.diffs', { n: report.replay.differences.length })}</p>
          <ul className="rec-diffs">
            {report.replay.differences.map((d) => (
              <li key={`${d.table}-${JSON.stringify(d.key)}`}>
                <strong>{t('int.diffRow', { table: d.table, key: JSON.stringify(d.key) })}</strong>
                <p className="mono break">
                  {t('int.live')}: {show(d.live, t('int.missing'))}
                </p>
                <p className="mono break">
                  {t('int.replayed')}: {show(d.replayed, t('int.missing'))}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export function IntegrityPanel() {
  const { t, lang } = useT();
  const role = useStore((s) => s.identity?.role);
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [backup, setBackup] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run<T>(fn: () => Promise<T>, done: (v: T) => void) {
    setBusy(true);
    setError(null);
    try {
      done(await fn());
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card" aria-labelledby="int-h">
      <h2 id="int-h">{t('int.title')}</h2>
      <div className="rec-downloads">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run(() => call('integrity'), setReport)}>
          {t('int.check')}
        </button>
        {role === 'secretariat' ? (
          <button type="button" className="btn" disabled={busy} onClick={() => void run(() => call('backup'), setBackup)}>
            {t('int.backup')}
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {report ? (
        <>
          <IntegrityResult report={report} />
          <LogHeadLine head={report.head} />
        </>
      ) : null}
      {backup ? (
        <div role="status" data-testid="backup">
          <p className="rec-ok">✓ {t('int.backupDone', { path: backup.path, n: formatCount(backup.documents, lang) })}</p>
          <LogHeadLine head={backup.logHead} />
        </div>
      ) : null}
    </div>
  );
}
