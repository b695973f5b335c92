import { useState } from 'react';
import type { Motion, RoundView } from '@hddt/protocol';
import { call } from '../../api';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { INTERIM_LABEL, KIND_LABEL, MODE_LABEL, MotionForm } from '../shared/motion-form';

interface Props {
  sessionId: string;
  itemId: string | null;
  motions: Motion[];
  rounds: RoundView[];
  onChanged: () => Promise<void>;
}

export function MotionsBlock({ sessionId, itemId, motions, rounds, onChanged }: Props) {
  const { t, lang } = useT();
  const pushToast = useStore((s) => s.pushToast);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Motion | null>(null);

  async function remove(m: Motion) {
    setRemoving(null);
    try {
      await call('motionRemove', { params: { id: m.id } });
      await onChanged();
    } catch (err) {
      pushToast({ tone: 'error', text: errorText(err, lang) });
    }
  }

  return (
    <div className="block">
      <h3>{t('motion.title')}</h3>
      {motions.length === 0 ? <p className="muted">{t('motion.none')}</p> : null}
      <ul className="list compact">
        {motions.map((m) => {
          const held = rounds.some((r) => r.motionId === m.id);
          return editing === m.id ? (
            <li key={m.id} className="list-edit">
              <MotionForm
                itemId={itemId}
                initial={m}
                submitLabel={t('common.save')}
                onSave={(input) => call('motionUpdate', { params: { id: m.id }, body: input })}
                onDone={() => {
                  setEditing(null);
                  void onChanged();
                }}
                onCancel={() => setEditing(null)}
              />
            </li>
          ) : (
            <li key={m.id} className="list-row">
              <span>
                <strong>{m.question}</strong>
                <span className="muted">
                  {' '}
                  · {t(KIND_LABEL[m.kind])} · {t(MODE_LABEL[m.mode])} · {t(INTERIM_LABEL[m.interim])}
                  {m.durationSec ? ` · ${m.durationSec}s` : ''}
                </span>
                {m.candidates.length > 0 ? <span className="muted"> · {m.candidates.map((c) => c.name).join(', ')}</span> : null}
              </span>
              {m.practice ? <span className="pill">{t('motion.practiceShort')}</span> : null}
              {!held ? (
                <>
                  <button type="button" className="btn" onClick={() => setEditing(m.id)}>
                    {t('common.edit')}
                  </button>
                  <button type="button" className="btn btn-danger" onClick={() => setRemoving(m)}>
                    {t('common.delete')}
                  </button>
                </>
              ) : (
                <span className="muted">{t('motion.held')}</span>
              )}
            </li>
          );
        })}
      </ul>
      {adding ? (
        <MotionForm
          itemId={itemId}
          submitLabel={t('motion.add')}
          onSave={(input) => call('motionCreate', { params: { id: sessionId }, body: input })}
          onDone={() => {
            setAdding(false);
            void onChanged();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button type="button" className="btn" onClick={() => setAdding(true)}>
          + {t('motion.add')}
        </button>
      )}
      {removing ? (
        <ConfirmDialog
          title={t('motion.removeConfirm')}
          confirmLabel={t('common.delete')}
          danger
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p>{removing.question}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
