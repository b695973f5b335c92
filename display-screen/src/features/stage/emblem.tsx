import { useT } from '../../i18n';

/** The emblem slot: public/emblem.svg, which a council replaces with its own artwork. */
export function Emblem({ className }: { className?: string }) {
  const { t } = useT();
  return <img className={className} src={`${import.meta.env.BASE_URL}emblem.svg`} alt={t('emblemAlt')} draggable={false} />;
}
