import type { AgendaItem } from '@hddt/protocol';
import { useT } from '../../i18n';

interface Props {
  agenda: AgendaItem[];
  currentItemId: string | null;
}

const NEXT_COUNT = 3;

export function AgendaSlide({ agenda, currentItemId }: Props) {
  const { t } = useT();
  const items = [...agenda].sort((a, b) => a.order - b.order);
  const index = items.findIndex((i) => i.id === currentItemId);
  const current = index >= 0 ? items[index]! : null;
  const next = current ? items.slice(index + 1, index + 1 + NEXT_COUNT) : items.slice(0, NEXT_COUNT + 2);
  const numberOf = (item: AgendaItem) => items.indexOf(item) + 1;

  return (
    <section className="slide slide-agenda" data-slide="agenda">
      {items.length === 0 ? (
        <h1 className="slide-empty" data-fit>
          {t('agendaEmpty')}
        </h1>
      ) : current ? (
        <>
          <p className="slide-kicker" data-fit>
            {t('agendaCurrent')}
          </p>
          <div className="agenda-current">
            <span className="agenda-current-number" aria-hidden="true">
              {numberOf(current)}
            </span>
            <div className="agenda-current-body">
              <span className="visually-hidden">{t('agendaItemNumber', { n: numberOf(current) })}</span>
              <h1 className="agenda-current-title" data-fit>
                {current.title}
              </h1>
              {current.presenter && (
                <p className="agenda-presenter" data-fit>
                  {t('agendaPresenter', { name: current.presenter })}
                </p>
              )}
            </div>
          </div>
        </>
      ) : (
        <p className="slide-kicker" data-fit>
          {t('agendaHeading')}
        </p>
      )}
      {items.length > 0 && (
        <div className="agenda-next">
          {current && (
            <h2 className="agenda-next-heading" data-fit>
              {next.length > 0 ? t('agendaNext') : t('agendaLast')}
            </h2>
          )}
          {next.length > 0 && (
            <ol className="agenda-next-list">
              {next.map((item) => (
                <li key={item.id} className="agenda-next-item">
                  <span className="agenda-next-number">{numberOf(item)}</span>
                  <span className="agenda-next-text">
                    <span className="agenda-next-title" data-fit>
                      {item.title}
                    </span>
                    {item.presenter && (
                      <span className="agenda-next-presenter" data-fit>
                        {item.presenter}
                      </span>
                    )}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
