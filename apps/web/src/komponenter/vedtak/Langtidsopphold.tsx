import { Checkbox, Fieldset } from '@digdir/designsystemet-react';
import { feltId, type Skjemadata } from '../../skjema/modell';
import { tekster } from '../../tekster';
import { Tekstfelt, Valgfelt } from '../felt';

type Data = Skjemadata['langtid'];

/** LANGTIDSOPPHOLD_INSTITUSJON's vedtak: stay dates, double room, the cost of the stay, housing costs. */
export function LangtidsoppholdVedtak({
  data,
  endre,
  feilFor,
  forlatt,
}: {
  data: Data;
  endre: (d: Data) => void;
  feilFor: (id: string) => string | undefined;
  forlatt: () => void;
}) {
  const t = tekster.vedtak.langtidsopphold;
  const felt = (
    navn: keyof Data,
    etikett: string,
    beskrivelse?: string,
    inputMode?: 'numeric' | 'decimal',
  ) => {
    const id = feltId.vedtak(navn);
    return (
      <Tekstfelt
        id={id}
        etikett={etikett}
        beskrivelse={beskrivelse}
        verdi={String(data[navn])}
        endre={(v) => endre({ ...data, [navn]: v })}
        onBlur={forlatt}
        inputMode={inputMode}
        autoComplete="off"
        size={12}
        feil={feilFor(id)}
      />
    );
  };
  return (
    <>
      <Tekstfelt
        id={feltId.vedtak('innflyttingsdato')}
        etikett={t.innflyttingsdato}
        beskrivelse={t.innflyttingsdatoBeskrivelse}
        type="date"
        verdi={data.innflyttingsdato}
        endre={(v) => endre({ ...data, innflyttingsdato: v })}
        onBlur={forlatt}
        feil={feilFor(feltId.vedtak('innflyttingsdato'))}
      />
      <Tekstfelt
        id={feltId.vedtak('direkteFraInstitusjonFraOgMed')}
        etikett={t.direkteFraInstitusjonFraOgMed}
        beskrivelse={t.direkteFraInstitusjonBeskrivelse}
        type="date"
        verdi={data.direkteFraInstitusjonFraOgMed}
        endre={(v) => endre({ ...data, direkteFraInstitusjonFraOgMed: v })}
        onBlur={forlatt}
        feil={feilFor(feltId.vedtak('direkteFraInstitusjonFraOgMed'))}
      />
      <Valgfelt
        id={feltId.vedtak('forsoergerHjemme')}
        etikett={t.forsoergerHjemme}
        beskrivelse={t.forsoergerHjemmeBeskrivelse}
        verdi={data.forsoergerHjemme}
        endre={(v) => endre({ ...data, forsoergerHjemme: v as Data['forsoergerHjemme'] })}
        feil={feilFor(feltId.vedtak('forsoergerHjemme'))}
      >
        {(['', 'ja', 'nei'] as const).map((v) => (
          <option key={v} value={v}>
            {t.forsoergerHjemmeValg[v]}
          </option>
        ))}
      </Valgfelt>
      <Checkbox
        id={feltId.vedtak('dobbeltromMotEgetOenske')}
        label={t.dobbeltrom}
        description={t.dobbeltromBeskrivelse}
        checked={data.dobbeltrom}
        onChange={(e) => endre({ ...data, dobbeltrom: e.target.checked })}
      />
      {felt('oppholdskostnadPerMaaned', t.oppholdskostnadPerMaaned, t.oppholdskostnadBeskrivelse, 'decimal')}
      {felt('korttidsdoegnSammeAar', t.korttidsdoegnSammeAar, t.korttidsdoegnBeskrivelse, 'numeric')}
      {felt('boutgifterAntallMaaneder', t.boutgifterAntallMaaneder, t.boutgifterBeskrivelse, 'numeric')}
      <Fieldset className="ig-gruppe">
        <Fieldset.Legend>{t.korttidsLegend}</Fieldset.Legend>
        <Tekstfelt
          id={feltId.vedtak('korttidsopphold', 'doegn')}
          etikett={t.korttidsDoegn}
          verdi={data.korttidsDoegn}
          endre={(v) => endre({ ...data, korttidsDoegn: v })}
          onBlur={forlatt}
          inputMode="numeric"
          autoComplete="off"
          size={8}
          feil={feilFor(feltId.vedtak('korttidsopphold', 'doegn'))}
        />
        <Tekstfelt
          id={feltId.vedtak('korttidsopphold', 'dagEllerNattopphold')}
          etikett={t.korttidsDagNatt}
          verdi={data.korttidsDagNatt}
          endre={(v) => endre({ ...data, korttidsDagNatt: v })}
          onBlur={forlatt}
          inputMode="numeric"
          autoComplete="off"
          size={8}
          feil={feilFor(feltId.vedtak('korttidsopphold', 'dagEllerNattopphold'))}
        />
      </Fieldset>
    </>
  );
}
