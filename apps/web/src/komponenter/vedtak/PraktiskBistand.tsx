import { Checkbox } from '@digdir/designsystemet-react';
import { feltId, type Skjemadata } from '../../skjema/modell';
import { tekster } from '../../tekster';
import { Tekstfelt } from '../felt';

type Data = Skjemadata['bistand'];

/** PRAKTISK_BISTAND's vedtak: hours per month and cost per hour (selvkost), and whether help is for a child. */
export function PraktiskBistandVedtak({
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
  const t = tekster.vedtak.praktiskBistand;
  return (
    <>
      <Checkbox
        id={feltId.vedtak('hjelpGrunnetBarnsBehov')}
        label={t.hjelpGrunnetBarnsBehov}
        description={t.hjelpGrunnetBarnsBehovBeskrivelse}
        checked={data.hjelpGrunnetBarnsBehov}
        onChange={(e) => endre({ ...data, hjelpGrunnetBarnsBehov: e.target.checked })}
      />
      <Tekstfelt
        id={feltId.vedtak('timerPerMaaned')}
        etikett={t.timerPerMaaned}
        beskrivelse={t.timerBeskrivelse}
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
    </>
  );
}
