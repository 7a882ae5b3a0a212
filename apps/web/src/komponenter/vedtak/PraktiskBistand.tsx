import { Checkbox, Paragraph } from '@digdir/designsystemet-react';
import {
  feltId,
  foreslaattInntektsaarBistand,
  type Inntektsaarsaarsak,
  type Skjemadata,
  type UtenforHusstandenGrunn,
} from '../../skjema/modell';
import { tekster } from '../../tekster';
import { Tekstfelt, Valgfelt } from '../felt';

type Data = Skjemadata['bistand'];

/**
 * PRAKTISK_BISTAND's vedtak: whether help is for a child, the partner outside the household (§ 10 fjerde
 * ledd), the proposed income year and why another is used (§ 10 første ledd), hours and cost per hour
 * (selvkost, § 9), the municipality's price and the § 9 tredje ledd ceiling.
 */
export function PraktiskBistandVedtak({
  data,
  endre,
  feilFor,
  forlatt,
  inntektsaar,
  beregningsdato,
  harPartner,
  iaar,
}: {
  data: Data;
  endre: (d: Data) => void;
  feilFor: (id: string) => string | undefined;
  forlatt: () => void;
  inntektsaar: string;
  beregningsdato: string;
  harPartner: boolean;
  /** This calendar year (the browser's), the vedtak's year when no date is typed. */
  iaar: number;
}) {
  const t = tekster.vedtak.praktiskBistand;
  const foreslaatt = foreslaattInntektsaarBistand(beregningsdato, iaar);
  const annetAar = inntektsaar !== '' && Number(inntektsaar) !== foreslaatt;
  return (
    <>
      <Paragraph data-size="sm" id={feltId.vedtak('foreslaattInntektsaar')}>
        {t.foreslaattInntektsaar(foreslaatt, foreslaatt + 2)}
      </Paragraph>
      {annetAar || data.inntektsaarAarsak !== '' ? (
        <>
          <Valgfelt
            id={feltId.vedtak('inntektsaarBegrunnelse', 'aarsak')}
            etikett={t.inntektsaarAarsak}
            beskrivelse={t.inntektsaarAarsakBeskrivelse}
            verdi={data.inntektsaarAarsak}
            endre={(v) => endre({ ...data, inntektsaarAarsak: v as Inntektsaarsaarsak })}
            feil={feilFor(feltId.vedtak('inntektsaarBegrunnelse', 'aarsak'))}
          >
            {Object.entries(t.inntektsaarAarsaker).map(([verdi, tekst]) => (
              <option key={verdi} value={verdi}>
                {tekst}
              </option>
            ))}
          </Valgfelt>
          {data.inntektsaarAarsak !== '' ? (
            <Tekstfelt
              id={feltId.vedtak('inntektsaarBegrunnelse', 'forklaring')}
              etikett={t.inntektsaarForklaring}
              beskrivelse={t.inntektsaarForklaringBeskrivelse}
              verdi={data.inntektsaarForklaring}
              endre={(v) => endre({ ...data, inntektsaarForklaring: v })}
              onBlur={forlatt}
              autoComplete="off"
              feil={feilFor(feltId.vedtak('inntektsaarBegrunnelse', 'forklaring'))}
            />
          ) : null}
        </>
      ) : null}
      <Checkbox
        id={feltId.vedtak('hjelpGrunnetBarnsBehov')}
        label={t.hjelpGrunnetBarnsBehov}
        description={t.hjelpGrunnetBarnsBehovBeskrivelse}
        checked={data.hjelpGrunnetBarnsBehov}
        onChange={(e) => endre({ ...data, hjelpGrunnetBarnsBehov: e.target.checked })}
      />
      {harPartner ? (
        <Valgfelt
          id={feltId.vedtak('utenforHusstanden')}
          etikett={t.partnerUtenforHusstanden}
          beskrivelse={t.partnerUtenforHusstandenBeskrivelse}
          verdi={data.partnerUtenforHusstanden}
          endre={(v) => endre({ ...data, partnerUtenforHusstanden: v as UtenforHusstandenGrunn })}
          feil={feilFor(feltId.vedtak('utenforHusstanden'))}
        >
          {Object.entries(t.utenforHusstandenGrunner).map(([verdi, tekst]) => (
            <option key={verdi} value={verdi}>
              {tekst}
            </option>
          ))}
        </Valgfelt>
      ) : null}
      <Tekstfelt
        id={feltId.vedtak('timerPerMaaned')}
        etikett={t.timerPerMaaned}
        beskrivelse={`${t.timerBeskrivelse} ${t.timerAvrundes}`}
        verdi={data.timerPerMaaned}
        endre={(v) => endre({ ...data, timerPerMaaned: v })}
        onBlur={forlatt}
        inputMode="decimal"
        autoComplete="off"
        size={8}
        feil={feilFor(feltId.vedtak('timerPerMaaned'))}
      />
      <Tekstfelt
        id={feltId.vedtak('kostnadPerTime')}
        etikett={t.kostnadPerTime}
        beskrivelse={t.kostnadBeskrivelse}
        verdi={data.kostnadPerTime}
        endre={(v) => endre({ ...data, kostnadPerTime: v })}
        onBlur={forlatt}
        inputMode="decimal"
        autoComplete="off"
        size={12}
        feil={feilFor(feltId.vedtak('kostnadPerTime'))}
      />
      <Tekstfelt
        id={feltId.vedtak('prisPerMaaned')}
        etikett={t.prisPerMaaned}
        beskrivelse={t.prisBeskrivelse}
        verdi={data.prisPerMaaned}
        endre={(v) => endre({ ...data, prisPerMaaned: v })}
        onBlur={forlatt}
        inputMode="decimal"
        autoComplete="off"
        size={12}
        feil={feilFor(feltId.vedtak('prisPerMaaned'))}
      />
      <Tekstfelt
        id={feltId.vedtak('beholderTilstrekkeligMaks')}
        etikett={t.beholderTilstrekkeligMaks}
        beskrivelse={t.beholderBeskrivelse}
        verdi={data.beholderTilstrekkeligMaks}
        endre={(v) => endre({ ...data, beholderTilstrekkeligMaks: v })}
        onBlur={forlatt}
        inputMode="decimal"
        autoComplete="off"
        size={12}
        feil={feilFor(feltId.vedtak('beholderTilstrekkeligMaks'))}
      />
    </>
  );
}
