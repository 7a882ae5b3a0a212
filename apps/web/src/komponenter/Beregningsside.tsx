import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiFeil, type Klient } from '../api/klient';
import type {
  Beregningsforespoersel,
  Beregningsresultat,
  Beregningstype,
  Rolle,
  Vedtaksbrevfelt,
  Verdier,
} from '../api/typer';
import { fulltNavn } from '../format';
import { brukHusstandsforslag } from '../skjema/husstand';
import {
  byggForespoersel,
  feilFraApi,
  feltId,
  harPartnertyper,
  nyNoekkel,
  oppslagsnoekkel,
  PARTNERTYPER,
  type Partnertype,
  type PersonIForespoersel,
  personerIForespoersel,
  type Skjemadata,
  type Skjemafeil,
  tarBarn,
  tomtSkjema,
} from '../skjema/modell';
import { tekster } from '../tekster';
import { startMaaling } from '../ytelse';
import { Ekstraposter } from './Ekstraposter';
import { Feiloppsummering } from './Feiloppsummering';
import { setning, Tekstfelt, Valgfelt } from './felt';
import { Husstand } from './Husstand';
import { type Navnestatus, Personfelt } from './Personfelt';
import { Arkivering } from './resultat/Arkivering';
import { Resultat } from './resultat/Resultat';
import { BarnehageVedtak } from './vedtak/Barnehage';
import { LangtidsoppholdVedtak } from './vedtak/Langtidsopphold';
import { PraktiskBistandVedtak } from './vedtak/PraktiskBistand';
import { Vedtaksbrev } from './vedtaksbrev/Vedtaksbrev';

/**
 * The income years the area covers, newest first, as /verdier names them (one call, no year). The
 * default is the newest year before this one (the last year with a tax settlement), for PRAKTISK_BISTAND
 * the year before that (§ 10 første ledd), or the newest covered year if that is earlier.
 */
export async function hentInntektsaar(
  klient: Klient,
  beregningstype: Beregningstype,
  iaar: number,
): Promise<{ aar: number[]; standard: number | null }> {
  // The API names the years the area covers; newest first in the select.
  const aar = [...(await klient.verdier(beregningstype)).dekkedeInntektsaar].sort((a, b) => b - a);
  // Default: the latest year with data, i.e. before this year (settlements arrive the year after). For
  // PRAKTISK_BISTAND the year egenandelsforskriften § 10 første ledd proposes: the last settlement
  // available on 1 January of this year, two years back.
  const grense = beregningstype === 'PRAKTISK_BISTAND' ? iaar - 1 : iaar;
  const standard = aar.find((a) => a < grense) ?? aar[0] ?? null;
  return { aar, standard };
}

function navnFra(status: Navnestatus | undefined): string | null {
  return status?.status === 'funnet' && status.navn ? fulltNavn(status.navn) : null;
}

export function Beregningsside({
  klient,
  rolle,
  beregningstype,
  velgBeregningstype,
  iaar,
  utlogget,
}: {
  klient: Klient;
  rolle: Rolle;
  beregningstype: Beregningstype;
  velgBeregningstype: (b: Beregningstype) => void;
  /** This calendar year (from the browser's clock; only to offer years, never in a rule). */
  iaar: number;
  utlogget: () => void;
}) {
  const s = tekster.skjema;
  const [data, setData] = useState<Skjemadata>(() => tomtSkjema(beregningstype));
  const [aarListe, setAarListe] = useState<number[] | null>(null);
  const [verdier, setVerdier] = useState<Verdier | null>(null);
  const [navn, setNavn] = useState<Map<string, Navnestatus>>(new Map());
  const [oppsummering, setOppsummering] = useState<{ feil: Skjemafeil[]; forsoek: number }>({
    feil: [],
    forsoek: 0,
  });
  const [forsoekt, setForsoekt] = useState(false);
  const [serverfeil, setServerfeil] = useState<Skjemafeil[]>([]);
  const [generellFeil, setGenerellFeil] = useState<ApiFeil | null>(null);
  const [resultat, setResultat] = useState<{
    resultat: Beregningsresultat;
    noekkel: string;
    foresporsel: Beregningsforespoersel;
    flyttFokus: boolean;
  } | null>(null);
  const [beregner, setBeregner] = useState(false);
  const paagaar = useRef(false);
  // The letter's fields under «Vedtaksbrev», read when an outgoing letter is journaled (no re-render).
  const brevfelt = useRef<Vedtaksbrevfelt>({});
  const settBrevfelt = useCallback((felt: Vedtaksbrevfelt) => {
    brevfelt.current = felt;
  }, []);

  // The years the area covers, then the area's values (person types, manual posts) for the chosen year.
  useEffect(() => {
    let aktiv = true;
    hentInntektsaar(klient, beregningstype, iaar)
      .then(({ aar, standard }) => {
        if (!aktiv) return;
        setAarListe(aar);
        if (standard !== null) setData((d) => (d.inntektsaar ? d : { ...d, inntektsaar: String(standard) }));
      })
      .catch((e: unknown) => aktiv && setGenerellFeil(e instanceof ApiFeil ? e : null));
    return () => {
      aktiv = false;
    };
  }, [klient, beregningstype, iaar]);

  useEffect(() => {
    if (!data.inntektsaar) return;
    let aktiv = true;
    klient
      .verdier(beregningstype, Number(data.inntektsaar))
      .then((v) => aktiv && setVerdier(v))
      .catch((e: unknown) => aktiv && setGenerellFeil(e instanceof ApiFeil ? e : null));
    return () => {
      aktiv = false;
    };
  }, [klient, beregningstype, data.inntektsaar]);

  const slaaOpp = useCallback(
    (identifikator: string) => {
      setNavn((m) => new Map(m).set(identifikator, { status: 'henter' }));
      klient
        .navn(identifikator)
        .then((svar) =>
          setNavn((m) =>
            new Map(m).set(identifikator, { status: 'funnet', navn: svar.navn, skjermet: svar.skjermet }),
          ),
        )
        .catch((e: unknown) => {
          if (e instanceof ApiFeil && e.status === 401) utlogget();
          const melding =
            e instanceof ApiFeil && e.status === 404
              ? tekster.person.ikkeFunnet
              : e instanceof ApiFeil
                ? setning(e.detalj || e.tittel)
                : tekster.person.ukjentNavn;
          setNavn((m) => new Map(m).set(identifikator, { status: 'feil', melding }));
        });
    },
    [klient, utlogget],
  );

  const endre = (endring: Partial<Skjemadata>) => {
    setData((d) => ({ ...d, ...endring }));
    setServerfeil([]);
  };

  const bygget = useMemo(
    () => byggForespoersel(data, verdier, { avregningTillatt: rolle.avregning }),
    [data, verdier, rolle.avregning],
  );
  const personer = personerIForespoersel(data, verdier);
  // Errors under the inputs: the live check after the first attempt, and the API's until the next change.
  const feilFor = (id: string): string | undefined =>
    serverfeil.find((f) => f.feltId === id)?.kort ??
    (forsoekt ? bygget.feil.find((f) => f.feltId === id)?.kort : undefined);

  const beregn = async (kilde: 'knapp' | 'felt') => {
    if (paagaar.current) return;
    if (kilde === 'knapp') setForsoekt(true);
    const b = byggForespoersel(data, verdier, { avregningTillatt: rolle.avregning });
    if (!b.foresporsel || !verdier) {
      if (kilde === 'knapp') setOppsummering((o) => ({ feil: b.feil, forsoek: o.forsoek + 1 }));
      return;
    }
    const noekkel = oppslagsnoekkel(data, verdier);
    const gjenbruk =
      resultat && resultat.noekkel === noekkel ? resultat.resultat.grunnlagsreferanse : undefined;
    const foresporsel: Beregningsforespoersel = {
      ...b.foresporsel,
      ...(gjenbruk ? { grunnlagsreferanse: gjenbruk } : {}),
    };
    paagaar.current = true;
    setBeregner(true);
    setGenerellFeil(null);
    startMaaling();
    try {
      let svar: Beregningsresultat;
      try {
        svar = await klient.beregn(foresporsel);
      } catch (e) {
        // A kept basis expires (30 minutes): on the case worker's own Beregn, look the persons up again.
        const utloept = e instanceof ApiFeil && e.errors.some((f) => f.felt === 'grunnlagsreferanse');
        if (gjenbruk && kilde === 'knapp' && utloept) {
          const { grunnlagsreferanse: _r, ...utenReferanse } = foresporsel;
          svar = await klient.beregn(utenReferanse);
        } else throw e;
      }
      setOppsummering((o) => ({ feil: [], forsoek: o.forsoek }));
      setServerfeil([]);
      setResultat({ resultat: svar, noekkel, foresporsel, flyttFokus: kilde === 'knapp' });
    } catch (e) {
      if (!(e instanceof ApiFeil)) throw e;
      if (e.status === 401) {
        utlogget();
        return;
      }
      // Faults the API ties to fields (bad input, a date outside the rates, a person without tax data)
      // go to the summary and under their inputs; the rest (refusals, a source down) to an alert.
      if (e.errors.length > 0) {
        const feil = feilFraApi(e.errors, b.feltkart, 'beregn');
        setServerfeil(feil);
        setOppsummering((o) => ({ feil, forsoek: o.forsoek + 1 }));
      } else {
        setGenerellFeil(e);
      }
    } finally {
      paagaar.current = false;
      setBeregner(false);
    }
  };

  // Leaving a manual post or a vedtak field after a result: recalculate on the kept basis.
  const forlatt = () => {
    if (!resultat || !verdier) return;
    const b = byggForespoersel(data, verdier, { avregningTillatt: rolle.avregning });
    if (!b.foresporsel || resultat.noekkel !== oppslagsnoekkel(data, verdier)) return;
    const { grunnlagsreferanse: _r, ...forrige } = resultat.foresporsel;
    if (JSON.stringify(forrige) === JSON.stringify(b.foresporsel)) return;
    void beregn('felt');
  };

  /** The result's request for its documents: on the kept basis, so no new lookup. */
  const dokumentforespoersel = (): Beregningsforespoersel | null =>
    resultat
      ? {
          ...resultat.foresporsel,
          ...(resultat.resultat.grunnlagsreferanse
            ? { grunnlagsreferanse: resultat.resultat.grunnlagsreferanse }
            : {}),
        }
      : null;

  const lastNedPdf = async () => {
    const foresporsel = dokumentforespoersel();
    if (!resultat || !foresporsel) return;
    const { blob, filnavn } = await klient.pdf(foresporsel);
    const url = URL.createObjectURL(blob);
    const lenke = document.createElement('a');
    lenke.href = url;
    lenke.download = filnavn ?? `beregning-${resultat.resultat.beregningstype.toLowerCase()}.pdf`;
    document.body.append(lenke);
    lenke.click();
    lenke.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const endretEtterResultat = (() => {
    if (!resultat || !bygget.foresporsel) return false;
    const { grunnlagsreferanse: _r, ...forrige } = resultat.foresporsel;
    return JSON.stringify(forrige) !== JSON.stringify(bygget.foresporsel);
  })();

  const personfelt = (
    p: { noekkel: string; etikett: string; beskrivelse?: string },
    verdi: string,
    sett: (v: string) => void,
  ) => (
    <Personfelt
      id={feltId.person(p.noekkel)}
      etikett={p.etikett}
      beskrivelse={p.beskrivelse}
      verdi={verdi}
      endre={sett}
      feil={feilFor(feltId.person(p.noekkel))}
      navnestatus={navn.get(verdi.replace(/[\s\u00a0]/g, ''))}
      slaaOpp={slaaOpp}
    />
  );

  const navnForPerson = (p: PersonIForespoersel) => navnFra(navn.get(p.identifikator));

  return (
    <>
      <Heading level={1} data-size="xl">
        {tekster.beregningstyper[beregningstype]}
      </Heading>
      <Paragraph className="ig-ingress">
        {tekster.app.rolle}: {rolle.navn}
      </Paragraph>

      <form
        noValidate
        aria-label={s.tittel}
        onSubmit={(e) => {
          e.preventDefault();
          void beregn('knapp');
        }}
      >
        <Feiloppsummering key={oppsummering.forsoek} feil={oppsummering.feil} />

        <section aria-labelledby="steg-aar" className="ig-steg">
          <Heading level={2} data-size="sm" id="steg-aar">
            {s.stegAar}
          </Heading>
          {rolle.beregningstyper.length > 1 ? (
            <Valgfelt
              id="beregningstype"
              etikett={tekster.rollevalg.beregningstype}
              verdi={beregningstype}
              endre={(v) => velgBeregningstype(v as Beregningstype)}
            >
              {rolle.beregningstyper.map((b) => (
                <option key={b} value={b}>
                  {tekster.beregningstyper[b]}
                </option>
              ))}
            </Valgfelt>
          ) : null}
          {aarListe === null ? (
            <Spinner aria-label={tekster.app.laster} data-size="sm" />
          ) : aarListe.length === 0 ? (
            <Alert data-color="warning">{s.ingenAar}</Alert>
          ) : (
            <Valgfelt
              id={feltId.inntektsaar}
              etikett={s.inntektsaar}
              beskrivelse={s.inntektsaarBeskrivelse}
              verdi={data.inntektsaar}
              endre={(v) => endre({ inntektsaar: v })}
              feil={feilFor(feltId.inntektsaar)}
            >
              {aarListe.map((a) => (
                <option key={a} value={String(a)}>
                  {a}
                </option>
              ))}
            </Valgfelt>
          )}
          <Tekstfelt
            id={feltId.beregningsdato}
            etikett={s.beregningsdato}
            beskrivelse={s.beregningsdatoBeskrivelse}
            type="date"
            verdi={data.beregningsdato}
            endre={(v) => endre({ beregningsdato: v })}
            feil={feilFor(feltId.beregningsdato)}
          />
        </section>

        <section aria-labelledby="steg-personer" className="ig-steg">
          <Heading level={2} data-size="sm" id="steg-personer">
            {s.stegPersoner}
          </Heading>
          <Fieldset className="ig-gruppe">
            <Fieldset.Legend>{s.soeker}</Fieldset.Legend>
            {personfelt(
              { noekkel: 'soeker', etikett: s.soekerFnr, beskrivelse: s.soekerBeskrivelse },
              data.soeker,
              (v) => endre({ soeker: v }),
            )}
            <Husstand
              klient={klient}
              beregningstype={beregningstype}
              soeker={data.soeker}
              utlogget={utlogget}
              bruk={(valgte) => {
                const { data: ny, ikkeBrukt } = brukHusstandsforslag(data, valgte, verdier);
                endre(ny);
                // The names are already known: shown at once, without another lookup.
                setNavn((m) => {
                  const kart = new Map(m);
                  for (const f of valgte) {
                    if (!ikkeBrukt.includes(f) && f.plassering === 'PERSONER')
                      kart.set(f.identifikator, { status: 'funnet', navn: f.navn, skjermet: f.skjermet });
                  }
                  return kart;
                });
                return ikkeBrukt;
              }}
            />
          </Fieldset>

          {harPartnertyper(verdier) ? (
            <Fieldset className="ig-gruppe">
              <Fieldset.Legend>{s.partnerLegend}</Fieldset.Legend>
              <Checkbox
                id={feltId.harPartner}
                label={s.partnerFinnes}
                checked={data.harPartner}
                onChange={(e) => endre({ harPartner: e.target.checked })}
              />
              {data.harPartner ? (
                <>
                  <Valgfelt
                    id={feltId.partnerType}
                    etikett={s.partnerType}
                    verdi={data.partnerType}
                    endre={(v) => endre({ partnerType: v as Partnertype })}
                    feil={feilFor(feltId.partnerType)}
                  >
                    {PARTNERTYPER.filter((t) => verdier?.persontyper.some((p) => p.type === t)).map((t) => (
                      <option key={t} value={t}>
                        {tekster.persontyper[t]}
                      </option>
                    ))}
                  </Valgfelt>
                  {personfelt({ noekkel: 'partner', etikett: s.partnerFnr }, data.partner, (v) =>
                    endre({ partner: v }),
                  )}
                </>
              ) : null}
            </Fieldset>
          ) : null}

          {tarBarn(data, verdier) ? (
            <Fieldset className="ig-gruppe">
              <Fieldset.Legend>{s.barnLegend}</Fieldset.Legend>
              <Fieldset.Description>{s.barnBeskrivelse}</Fieldset.Description>
              {data.barn.map((b, i) => (
                <div key={b.noekkel} className="ig-rad">
                  {personfelt({ noekkel: b.noekkel, etikett: s.barnFnr(i + 1) }, b.identifikator, (v) =>
                    endre({
                      barn: data.barn.map((x) => (x.noekkel === b.noekkel ? { ...x, identifikator: v } : x)),
                    }),
                  )}
                  <Button
                    variant="tertiary"
                    type="button"
                    onClick={() => endre({ barn: data.barn.filter((x) => x.noekkel !== b.noekkel) })}
                  >
                    {s.fjernBarn(i + 1)}
                  </Button>
                </div>
              ))}
              <div>
                <Button
                  id={feltId.leggTilBarn}
                  variant="secondary"
                  type="button"
                  onClick={() =>
                    endre({ barn: [...data.barn, { noekkel: nyNoekkel('barn'), identifikator: '' }] })
                  }
                >
                  {s.leggTilBarn}
                </Button>
              </div>
            </Fieldset>
          ) : null}
        </section>

        <section aria-labelledby="steg-ekstraposter" className="ig-steg">
          <Heading level={2} data-size="sm" id="steg-ekstraposter">
            {s.stegEkstraposter}
          </Heading>
          {verdier ? (
            <Ekstraposter
              verdier={verdier}
              personer={personer}
              verdi={data.ekstraposter}
              endre={(person, navnPaaPost, tekst) =>
                endre({
                  ekstraposter: {
                    ...data.ekstraposter,
                    [person]: { ...(data.ekstraposter[person] ?? {}), [navnPaaPost]: tekst },
                  },
                })
              }
              feilFor={feilFor}
              forlatt={forlatt}
              navnFor={navnForPerson}
            />
          ) : (
            <Spinner aria-label={tekster.app.laster} data-size="sm" />
          )}
        </section>

        <section aria-labelledby="steg-vedtak" className="ig-steg">
          <Heading level={2} data-size="sm" id="steg-vedtak">
            {s.stegVedtak}
          </Heading>
          {beregningstype === 'BARNEHAGE_SFO' ? (
            <BarnehageVedtak
              data={data.barnehage}
              endre={(barnehage) => endre({ barnehage })}
              feilFor={feilFor}
              forlatt={forlatt}
            />
          ) : beregningstype === 'LANGTIDSOPPHOLD_INSTITUSJON' ? (
            <LangtidsoppholdVedtak
              data={data.langtid}
              endre={(langtid) => endre({ langtid })}
              feilFor={feilFor}
              forlatt={forlatt}
            />
          ) : (
            <PraktiskBistandVedtak
              data={data.bistand}
              endre={(bistand) => endre({ bistand })}
              feilFor={feilFor}
              forlatt={forlatt}
              inntektsaar={data.inntektsaar}
              beregningsdato={data.beregningsdato}
              harPartner={data.harPartner}
              iaar={iaar}
            />
          )}
          {rolle.avregning ? (
            <Checkbox
              id="avregning"
              label={s.avregning}
              description={s.avregningBeskrivelse}
              checked={data.avregning}
              onChange={(e) => endre({ avregning: e.target.checked })}
            />
          ) : null}
        </section>

        {generellFeil ? (
          <Alert data-color="danger" className="ig-feil">
            <Heading level={2} data-size="xs">
              {generellFeil.tittel}
            </Heading>
            <Paragraph>{setning(generellFeil.detalj || tekster.feil.tittel)}</Paragraph>
            {generellFeil.errors.length > 0 ? (
              <ul>
                {generellFeil.errors.map((f) => (
                  <li key={`${f.felt}-${f.melding}`}>{setning(f.melding)}</li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}

        {endretEtterResultat && !beregner ? (
          <Alert data-color="info" className="ig-skjul-utskrift">
            <Paragraph>{s.endretEtterResultat}</Paragraph>
          </Alert>
        ) : null}

        <div className="ig-handlinger ig-skjul-utskrift">
          <Button id="beregn" type="submit" loading={beregner} aria-disabled={beregner || undefined}>
            {beregner ? s.beregner : s.beregn}
          </Button>
        </div>
      </form>

      {resultat ? (
        <Resultat
          resultat={resultat.resultat}
          lastNedPdf={lastNedPdf}
          flyttFokus={resultat.flyttFokus}
          arkivering={
            <Arkivering
              key={resultat.resultat.utfoert.tidspunkt}
              klient={klient}
              resultat={resultat.resultat}
              foresporsel={() => dokumentforespoersel() ?? resultat.foresporsel}
              vedtaksbrev={() => brevfelt.current}
            />
          }
        />
      ) : null}
      {resultat ? (
        <Vedtaksbrev
          klient={klient}
          foresporsel={{
            ...resultat.foresporsel,
            ...(resultat.resultat.grunnlagsreferanse
              ? { grunnlagsreferanse: resultat.resultat.grunnlagsreferanse }
              : {}),
          }}
          utlogget={utlogget}
          endret={settBrevfelt}
        />
      ) : null}
    </>
  );
}
