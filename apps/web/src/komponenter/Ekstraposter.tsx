import { Fieldset, Paragraph } from '@digdir/designsystemet-react';
import type { Verdier } from '../api/typer';
import { feltId, type PersonIForespoersel } from '../skjema/modell';
import { tekster } from '../tekster';
import { Tekstfelt } from './felt';

/**
 * The area's manual posts (from /verdier, with the catalogue's help texts), per person of the
 * household they apply to. Leaving a changed field after a result recalculates on the kept basis.
 */
export function Ekstraposter({
  verdier,
  personer,
  verdi,
  endre,
  feilFor,
  forlatt,
  navnFor,
}: {
  verdier: Verdier;
  personer: PersonIForespoersel[];
  verdi: Record<string, Record<string, string>>;
  endre: (personNoekkel: string, tekniskNavn: string, tekst: string) => void;
  feilFor: (id: string) => string | undefined;
  /** Called when the case worker leaves a post field (to recalculate without a new lookup). */
  forlatt: () => void;
  navnFor: (p: PersonIForespoersel) => string | null;
}) {
  const t = tekster.skjema;
  if (verdier.ekstraposter.length === 0) return <Paragraph>{t.ingenEkstraposter}</Paragraph>;
  return (
    <>
      <Paragraph>{t.ekstraposterIngress}</Paragraph>
      {personer.map((p) => {
        const poster = verdier.ekstraposter.filter((e) => e.persontyper.includes(p.type));
        if (poster.length === 0) return null;
        const navn = navnFor(p);
        return (
          <Fieldset key={p.noekkel} className="ig-gruppe">
            <Fieldset.Legend>
              {t.ekstraposterFor(navn ? `${p.etikett.toLowerCase()} (${navn})` : p.etikett.toLowerCase())}
            </Fieldset.Legend>
            {poster.map((e) => {
              const id = feltId.ekstrapost(p.noekkel, e.tekniskNavn);
              return (
                <Tekstfelt
                  key={e.tekniskNavn}
                  id={id}
                  etikett={e.visningstekst}
                  beskrivelse={e.infotekst ?? undefined}
                  verdi={verdi[p.noekkel]?.[e.tekniskNavn] ?? ''}
                  endre={(v) => endre(p.noekkel, e.tekniskNavn, v)}
                  onBlur={forlatt}
                  inputMode="decimal"
                  autoComplete="off"
                  size={16}
                  feil={feilFor(id)}
                />
              );
            })}
          </Fieldset>
        );
      })}
    </>
  );
}
