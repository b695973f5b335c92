import { useT } from '../../i18n';
import type { MsgKey } from '../../i18n';
import { useStore } from '../../store';
import type { PrepareTab } from '../../store/ui-slice';
import { SessionsPanel } from './sessions-panel';
import { RosterPanel } from './roster-panel';
import { CouncilForm } from './council-form';
import { CardsPanel } from './cards-panel';
import { DisplaysPanel } from './displays-panel';
import { StaffPanel } from './staff-panel';
import { HallLayoutPanel } from './hall-layout-panel';
import { RecordsPanel } from '../records/records-panel';
import { FeedbackPanel } from '../portal/feedback-panel';
import { MailPanel } from '../portal/mail-panel';

/** secretariatOnly: the server serves these to the secretariat only (cards carry sign-in tokens). */
const TABS: { id: PrepareTab; label: MsgKey; secretariatOnly?: boolean }[] = [
  { id: 'sessions', label: 'prep.tab.sessions' },
  { id: 'roster', label: 'prep.tab.roster' },
  { id: 'hall', label: 'prep.tab.hall', secretariatOnly: true },
  { id: 'cards', label: 'prep.tab.cards', secretariatOnly: true },
  { id: 'records', label: 'prep.tab.records' },
  { id: 'feedback', label: 'prep.tab.feedback' },
  { id: 'mail', label: 'prep.tab.mail', secretariatOnly: true },
  { id: 'displays', label: 'prep.tab.displays' },
  { id: 'council', label: 'prep.tab.council' },
  { id: 'staff', label: 'prep.tab.staff', secretariatOnly: true },
];

export function PrepareArea() {
  const { t } = useT();
  const tab = useStore((s) => s.prepareTab);
  const setTab = useStore((s) => s.setPrepareTab);
  const role = useStore((s) => s.identity?.role);
  const tabs = TABS.filter((x) => role === 'secretariat' || !x.secretariatOnly);
  return (
    <div className="prepare">
      <nav className="side-tabs" aria-label={t('nav.prepare')}>
        {tabs.map((x) => (
          <button
            key={x.id}
            type="button"
            className={tab === x.id ? 'side-tab active' : 'side-tab'}
            aria-current={tab === x.id ? 'page' : undefined}
            onClick={() => setTab(x.id)}
          >
            {t(x.label)}
          </button>
        ))}
      </nav>
      <main className="prepare-main">
        {tab === 'sessions' ? <SessionsPanel /> : null}
        {tab === 'roster' ? <RosterPanel /> : null}
        {tab === 'hall' ? <HallLayoutPanel /> : null}
        {tab === 'council' ? <CouncilForm /> : null}
        {tab === 'cards' ? <CardsPanel /> : null}
        {tab === 'displays' ? <DisplaysPanel /> : null}
        {tab === 'staff' ? <StaffPanel /> : null}
        {tab === 'records' ? <RecordsPanel /> : null}
        {tab === 'feedback' ? <FeedbackPanel /> : null}
        {tab === 'mail' ? <MailPanel /> : null}
      </main>
    </div>
  );
}
