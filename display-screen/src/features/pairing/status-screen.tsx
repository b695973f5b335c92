import { useT } from '../../i18n';
import type { MsgKey } from '../../i18n';
import { Emblem } from '../stage/emblem';

export type StatusKind = 'unpaired' | 'revoked' | 'outdated' | 'connecting';

const TEXT: Record<StatusKind, { title: MsgKey; body: MsgKey | null }> = {
  unpaired: { title: 'notPairedTitle', body: 'notPairedBody' },
  revoked: { title: 'notPairedTitle', body: 'revokedBody' },
  outdated: { title: 'outdatedTitle', body: 'outdatedBody' },
  connecting: { title: 'connecting', body: null },
};

/** The calm full screen shown when there is nothing live to show: not paired, outdated, connecting. */
export function StatusScreen({ kind }: { kind: StatusKind }) {
  const { t } = useT();
  const text = TEXT[kind];
  return (
    <main className="stage status-screen" data-status-screen={kind}>
      <Emblem className="status-emblem" />
      <h1 className="status-title" data-fit>
        {t(text.title)}
      </h1>
      {text.body && (
        <p className="status-body" data-fit>
          {t(text.body)}
        </p>
      )}
    </main>
  );
}
