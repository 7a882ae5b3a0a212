import {
  Button,
  Checkbox,
  Fieldset,
  Paragraph,
  Radio,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import {
  type BarnehagebarnFelt,
  feltId,
  nyttBarnehagebarn,
  SAERLEGE_BEHOV_TRINN,
  type Skjemadata,
  SONER,
  type Sone,
} from '../../skjema/modell';
import { tekster } from '../../tekster';
import { setning, Tekstfelt, Valgfelt } from '../felt';

type Data = Skjemadata['barnehage'];

/**
 * BARNEHAGE_SFO's vedtak: each child with a place (offer, birth date, price, hours, grade, særlege behov on
 * 5.–7. trinn), what the household has applied for, and the zone (normally the municipality's own).
 */
export function BarnehageVedtak({
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
  const t = tekster.vedtak.barnehage;
  const settBarn = (noekkel: string, endring: Partial<BarnehagebarnFelt>) =>
    endre({ ...data, barn: data.barn.map((b) => (b.noekkel === noekkel ? { ...b, ...endring } : b)) });

  return (
    <>
      <Paragraph>{t.barnIngress}</Paragraph>
      {data.barn.map((b, i) => {
        const id = (felt: string) => feltId.vedtak('barn', b.noekkel, felt);
        const tilbudFeil = feilFor(id('tilbud'));
        return (
          <Fieldset key={b.noekkel} className="ig-gruppe">
            <Fieldset.Legend>{t.barnLegend(i + 1)}</Fieldset.Legend>
            <Fieldset className="ig-radiogruppe">
              <Fieldset.Legend>{t.tilbud}</Fieldset.Legend>
              {(['BARNEHAGE', 'SFO'] as const).map((tilbud, j) => (
                <Radio
                  key={tilbud}
                  // The first option carries the id the error summary links to.
                  id={j === 0 ? id('tilbud') : undefined}
                  name={`tilbud-${b.noekkel}`}
                  value={tilbud}
                  label={t[tilbud]}
                  checked={b.tilbud === tilbud}
                  onChange={() =>
                    settBarn(b.noekkel, { tilbud, ...(tilbud === 'BARNEHAGE' ? { trinn: '' } : {}) })
                  }
                />
              ))}
              {tilbudFeil ? <ValidationMessage>{setning(tilbudFeil)}</ValidationMessage> : null}
            </Fieldset>
            <Tekstfelt
              id={id('foedselsdato')}
              etikett={t.foedselsdato}
              type="date"
              verdi={b.foedselsdato}
              endre={(v) => settBarn(b.noekkel, { foedselsdato: v })}
              onBlur={forlatt}
              feil={feilFor(id('foedselsdato'))}
            />
            <Tekstfelt
              id={id('prisPerMaaned')}
              etikett={t.prisPerMaaned}
              verdi={b.prisPerMaaned}
              endre={(v) => settBarn(b.noekkel, { prisPerMaaned: v })}
              onBlur={forlatt}
              inputMode="decimal"
              autoComplete="off"
              size={12}
              feil={feilFor(id('prisPerMaaned'))}
            />
            <Tekstfelt
              id={id('oppholdstimerPerUke')}
              etikett={t.oppholdstimerPerUke}
              beskrivelse={t.oppholdstimerBeskrivelse}
              verdi={b.oppholdstimerPerUke}
              endre={(v) => settBarn(b.noekkel, { oppholdstimerPerUke: v })}
              onBlur={forlatt}
              inputMode="decimal"
              autoComplete="off"
              size={8}
              feil={feilFor(id('oppholdstimerPerUke'))}
            />
            {b.tilbud === 'SFO' ? (
              <Valgfelt
                id={id('trinn')}
                etikett={t.trinn}
                verdi={b.trinn}
                endre={(v) => settBarn(b.noekkel, { trinn: v })}
                feil={feilFor(id('trinn'))}
              >
                <option value="">{t.velgTrinn}</option>
                {[1, 2, 3, 4, 5, 6, 7].map((n) => (
                  <option key={n} value={String(n)}>
                    {t.trinnValg(n)}
                  </option>
                ))}
              </Valgfelt>
            ) : null}
            {b.tilbud === 'SFO' && SAERLEGE_BEHOV_TRINN.includes(b.trinn) ? (
              <Checkbox
                id={id('saerlegeBehov')}
                label={t.saerlegeBehov}
                description={t.saerlegeBehovBeskrivelse}
                checked={b.saerlegeBehov}
                onChange={(e) => settBarn(b.noekkel, { saerlegeBehov: e.target.checked })}
              />
            ) : null}
            {data.barn.length > 1 ? (
              <Button
                variant="tertiary"
                type="button"
                onClick={() => endre({ ...data, barn: data.barn.filter((x) => x.noekkel !== b.noekkel) })}
              >
                {t.fjernBarn(i + 1)}
              </Button>
            ) : null}
          </Fieldset>
        );
      })}
      <div>
        <Button
          id={feltId.vedtak('barn', 'legg-til')}
          variant="secondary"
          type="button"
          onClick={() => endre({ ...data, barn: [...data.barn, nyttBarnehagebarn()] })}
        >
          {t.leggTilBarn}
        </Button>
        {feilFor(feltId.vedtak('barn', 'legg-til')) ? (
          <ValidationMessage>{setning(feilFor(feltId.vedtak('barn', 'legg-til')) ?? '')}</ValidationMessage>
        ) : null}
      </div>
      <Fieldset className="ig-gruppe">
        <Fieldset.Legend>{t.soeknadLegend}</Fieldset.Legend>
        <Fieldset.Description>{t.soeknadBeskrivelse}</Fieldset.Description>
        <Checkbox
          id={feltId.vedtak('soektRedusertForeldrebetaling')}
          label={t.soektRedusertForeldrebetaling}
          checked={data.soektRedusertForeldrebetaling}
          onChange={(e) => endre({ ...data, soektRedusertForeldrebetaling: e.target.checked })}
        />
        <Checkbox
          id={feltId.vedtak('soektGratisKjernetid')}
          label={t.soektGratisKjernetid}
          checked={data.soektGratisKjernetid}
          onChange={(e) => endre({ ...data, soektGratisKjernetid: e.target.checked })}
        />
      </Fieldset>
      <Valgfelt
        id={feltId.vedtak('sone')}
        etikett={t.sone}
        beskrivelse={t.soneBeskrivelse}
        verdi={data.sone}
        endre={(v) => endre({ ...data, sone: v as Sone | '' })}
        feil={feilFor(feltId.vedtak('sone'))}
      >
        {(['', ...SONER] as const).map((s) => (
          <option key={s} value={s}>
            {t.soner[s]}
          </option>
        ))}
      </Valgfelt>
    </>
  );
}
