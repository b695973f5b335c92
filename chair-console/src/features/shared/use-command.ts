import { useCallback, useState } from 'react';
import type { ChairClientToServer } from '@hddt/protocol';
import { command } from '../../socket';
import type { CommandData, CommandPayload } from '../../socket';
import { useStore } from '../../store';
import { useT } from '../../i18n';

/** Runs a live command; a refusal is shown as an error toast in the console's language. */
export function useCommand() {
  const { lang } = useT();
  const pushToast = useStore((s) => s.pushToast);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <E extends keyof ChairClientToServer>(event: E, payload: CommandPayload<E>): Promise<CommandData<E> | null> => {
      setBusy(true);
      try {
        const ack = await command(event, payload);
        if (ack.ok) return ack.data;
        pushToast({ tone: 'error', text: lang === 'vi' ? ack.message : ack.messageEn });
        return null;
      } finally {
        setBusy(false);
      }
    },
    [lang, pushToast],
  );
  return { run, busy };
}
