import { Spinner, Tag } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import type { Navn } from '../api/typer';
import { fulltNavn } from '../format';
import { identifikatorfeil, rensIdentifikator } from '../skjema/modell';
import { tekster } from '../tekster';
import { Tekstfelt } from './felt';

export type Navnestatus =
  | { status: 'henter' }
  | { status: 'funnet'; navn: Navn | null; skjermet: boolean }
  | { status: 'feil'; melding: string };

/**
 * A fødselsnummer input: checked as it is typed (letters at once, the control digits when all 11 are
 * there, a short number when the field is left), and once valid, named from Folkeregisteret.
 */
export function Personfelt({
  id,
  etikett,
  beskrivelse,
  verdi,
  endre,
  feil,
  navnestatus,
  slaaOpp,
}: {
  id: string;
  etikett: string;
  beskrivelse?: string;
  verdi: string;
  endre: (v: string) => void;
  /** The error from the last Beregn (wins over the check as typed). */
  feil?: string | null | undefined;
  navnestatus: Navnestatus | undefined;
  slaaOpp: (identifikator: string) => void;
}) {
  const t = tekster.person;
  const [forlatt, setForlatt] = useState(false);
  const renset = rensIdentifikator(verdi);
  const egenFeil = renset === '' ? null : identifikatorfeil(renset, !forlatt);
  const gyldig = renset.length === 11 && identifikatorfeil(renset) === null;

  useEffect(() => {
    if (gyldig && navnestatus === undefined) slaaOpp(renset);
  }, [gyldig, renset, navnestatus, slaaOpp]);

  let navn: React.ReactNode = null;
  if (gyldig && navnestatus) {
    if (navnestatus.status === 'henter') {
      navn = (
        <span className="ig-navn">
          <Spinner aria-hidden data-size="xs" /> {t.henterNavn}
        </span>
      );
    } else if (navnestatus.status === 'funnet') {
      navn = (
        <span className="ig-navn">
          {navnestatus.navn ? (
            <>
              {t.navnFra} <strong>{fulltNavn(navnestatus.navn)}</strong>
            </>
          ) : (
            t.ukjentNavn
          )}
          {navnestatus.skjermet ? (
            <>
              {' '}
              <Tag data-color="warning" data-size="sm">
                {t.skjermet}
              </Tag>{' '}
              {t.skjermetMerknad}
            </>
          ) : null}
        </span>
      );
    } else {
      navn = <span className="ig-navn ig-navn--feil">{navnestatus.melding}</span>;
    }
  }

  return (
    <Tekstfelt
      id={id}
      etikett={etikett}
      beskrivelse={beskrivelse}
      verdi={verdi}
      endre={(v) => {
        endre(v);
      }}
      onBlur={() => setForlatt(true)}
      inputMode="numeric"
      autoComplete="off"
      size={14}
      className="ig-fnr"
      feil={feil ?? egenFeil}
      etter={
        // Read with the field (ds-field adds it to aria-describedby) and announced when it changes.
        <div data-field="description" role="status" className="ig-navnestatus">
          {navn}
        </div>
      }
    />
  );
}
