import { Alert, Button, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { Rolle } from '../api/typer';
import { tekster } from '../tekster';

/** The case worker picks one of their roles; the area (and so the beregningstype) follows from it. */
export function Rollevalg({ roller, velg }: { roller: Rolle[]; velg: (rolle: Rolle) => void }) {
  const t = tekster.rollevalg;
  const [valgt, setValgt] = useState<string>(roller[0]?.id ?? '');
  if (roller.length === 0) {
    return (
      <>
        <Heading level={1} data-size="xl">
          {t.tittel}
        </Heading>
        <Alert data-color="warning">
          <Paragraph>{t.ingenRoller}</Paragraph>
        </Alert>
      </>
    );
  }
  return (
    <>
      <Heading level={1} data-size="xl">
        {t.tittel}
      </Heading>
      <Paragraph className="ig-ingress">{t.ingress}</Paragraph>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const rolle = roller.find((r) => r.id === valgt);
          if (rolle) velg(rolle);
        }}
      >
        <Fieldset>
          <Fieldset.Legend>{t.legend}</Fieldset.Legend>
          {roller.map((r) => (
            <Radio
              key={r.id}
              name="rolle"
              value={r.id}
              label={r.navn}
              description={
                r.tjenesteomraade === 'SATSFORVALTNING'
                  ? tekster.satser.rollebeskrivelse
                  : r.beregningstyper.map((b) => tekster.beregningstyper[b]).join(', ')
              }
              checked={valgt === r.id}
              onChange={() => setValgt(r.id)}
            />
          ))}
        </Fieldset>
        <div className="ig-handlinger">
          <Button type="submit">{t.fortsett}</Button>
        </div>
      </form>
    </>
  );
}
