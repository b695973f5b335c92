import { useState } from 'react';
import { sessionTitle } from '@hddt/protocol';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { Field } from '../shared/field';
import { MinutesPanel } from './minutes-panel';
import { ResolutionsPanel } from './resolutions-panel';
import { ArchivePanel } from './archive-panel';
import { IntegrityPanel } from './integrity-panel';

/** "Biên bản & Kỷ yếu": minutes per session, resolutions, the archive, integrity and backup. */
export function RecordsPanel() {
  const { t, lang } = useT();
  const sessions = useStore((s) => s.snapshot?.sessions);
  const current = useStore((s) => s.snapshot?.session?.id ?? null);
  // The session chosen here; until one is, the current session or else the first.
  const [picked, setPicked] = useState<string | null>(current);
  const sessionId = picked ?? current ?? sessions?.[0]?.id ?? null;
  const list = sessions ?? [];

  return (
    <section aria-labelledby="records-h" className="records">
      <h1 id="records-h">{t('rec.title')}</h1>
      {list.length === 0 ? (
        <p className="muted">{t('rec.noSessions')}</p>
      ) : (
        <div className="form-row">
          <Field label={t('rec.session')}>
            {(a) => (
              <select {...a} name="recordsSession" value={sessionId ?? ''} onChange={(e) => setPicked(e.target.value)}>
                {list.map((s) => (
                  <option key={s.id} value={s.id}>
                    {sessionTitle(s.number, lang)}
                    {s.title ? ` — ${s.title}` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}
      {sessionId ? <MinutesPanel sessionId={sessionId} /> : null}
      <ResolutionsPanel sessions={list} />
      <ArchivePanel />
      <IntegrityPanel />
    </section>
  );
}
