import { Alert, Button, Checkbox, Fieldset, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { ApiFeil, type Klient } from '../api/klient';
import type { Beregningstype, Husstandsforslag, Husstandsoppslag } from '../api/typer';
import { fulltNavn } from '../format';
import { identifikatorfeil, rensIdentifikator } from '../skjema/modell';
import { tekster } from '../tekster';
import { setning } from './felt';

/**
 * «Hent husstand»: the applicant's spouse or registered partner and children from Folkeregisteret, as
 * proposals the case worker ticks and then fills in. Nothing is filled in without the case worker's
 * choice; a cohabitant is entered by hand (Folkeregisteret does not register one).
 */
export function Husstand({
  klient,
  beregningstype,
  soeker,
  bruk,
  utlogget,
}: {
  klient: Klient;
  beregningstype: Beregningstype;
  soeker: string;
  /** Fills the chosen proposals into the form; returns those that could not be used. */
  bruk: (valgte: Husstandsforslag[]) => Husstandsforslag[];
  utlogget: () => void;
}) {
  const t = tekster.husstand;
  const [henter, setHenter] = useState(false);
  const [svar, setSvar] = useState<Husstandsoppslag | null>(null);
  const [valgt, setValgt] = useState<Set<string>>(new Set());
  const [feil, setFeil] = useState<string | null>(null);
  const [utfall, setUtfall] = useState<{ brukt: boolean; ikkeBrukt: Husstandsforslag[] } | null>(null);
  const id = rensIdentifikator(soeker);
  const gyldig = identifikatorfeil(soeker) === null;

  const hent = async () => {
    setHenter(true);
    setFeil(null);
    setUtfall(null);
    try {
      const s = await klient.husstand(id, beregningstype);
      setSvar(s);
      setValgt(new Set());
    } catch (e) {
      if (e instanceof ApiFeil && e.status === 401) return utlogget();
      setFeil(e instanceof ApiFeil ? setning(e.detalj || e.tittel) : t.feil);
    } finally {
      setHenter(false);
    }
  };

  const hvem = (f: Husstandsforslag) =>
    `${f.navn ? fulltNavn(f.navn) : t.ukjentNavn} (${t.relasjon[f.relasjon] ?? f.relasjon})`;

  return (
    <div className="ig-husstand">
      <Paragraph data-size="sm">{t.beskrivelse}</Paragraph>
      <Button
        id="hent-husstand"
        type="button"
        variant="secondary"
        loading={henter}
        aria-disabled={!gyldig || henter || undefined}
        onClick={() => gyldig && !henter && void hent()}
      >
        {henter ? t.henter : t.hent}
      </Button>
      {feil ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>
            {t.feil}: {feil}
          </Paragraph>
        </Alert>
      ) : null}
      {svar ? (
        <Fieldset className="ig-gruppe">
          <Fieldset.Legend>{t.tittel}</Fieldset.Legend>
          {svar.forslag.length === 0 ? <Paragraph>{t.ingenForslag}</Paragraph> : null}
          {svar.forslag.map((f) => (
            <div key={f.identifikator} className="ig-rad">
              <Checkbox
                id={`husstand-${f.identifikator}`}
                label={t.ta(hvem(f))}
                description={[
                  f.foedselsdato ? t.foedt(f.foedselsdato) : null,
                  f.plassering === 'VEDTAK_BARN' ? t.vedtaksbarn : null,
                ]
                  .filter(Boolean)
                  .join(', ')}
                checked={valgt.has(f.identifikator)}
                onChange={(e) => {
                  const ny = new Set(valgt);
                  if (e.target.checked) ny.add(f.identifikator);
                  else ny.delete(f.identifikator);
                  setValgt(ny);
                }}
              />
              {f.skjermet ? <Tag data-color="warning">{tekster.person.skjermet}</Tag> : null}
            </div>
          ))}
          {svar.merknader.length > 0 ? (
            <ul>
              {svar.merknader.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
          {svar.forslag.length > 0 ? (
            <div>
              <Button
                id="bruk-husstand"
                type="button"
                aria-disabled={valgt.size === 0 || undefined}
                onClick={() => {
                  if (valgt.size === 0) return;
                  const ikkeBrukt = bruk(svar.forslag.filter((f) => valgt.has(f.identifikator)));
                  setUtfall({ brukt: true, ikkeBrukt });
                }}
              >
                {t.bruk}
              </Button>
            </div>
          ) : null}
          {utfall ? (
            <Alert data-color="info" role="status">
              <Paragraph>{t.brukt}</Paragraph>
              {utfall.ikkeBrukt.map((f) => (
                <Paragraph key={f.identifikator}>{t.ikkeBrukt(hvem(f))}</Paragraph>
              ))}
            </Alert>
          ) : null}
        </Fieldset>
      ) : null}
    </div>
  );
}
