import { erIsoDato, GRUNNBELOEP, gjennomsnittligGrunnbeloep } from '@inntektsgrunnlag/regelverk';
import { tolkArgumenter } from '../argumenter.js';
import { BrukerFeil, type Kommando, skriv } from '../kontekst.js';
import { lastRegelverk } from '../regelverk.js';

const bruk = `Bruk: pnpm cli grunnbeloep <dato> [--gjennomsnitt] [--format tekst|json] [--satser <fil>…]

Skriver folketrygdens grunnbeløp (G) som gjaldt på datoen (ÅÅÅÅ-MM-DD), i hele kroner.
  --gjennomsnitt   gjennomsnittlig G for kalenderåret i stedet
  --format json    verdien med gyldighetsdato og kilde
  --satser <fil>   operatørfil med nyere verdier (kan gjentas)`;

export const grunnbeloep: Kommando = {
  navn: 'grunnbeloep',
  beskrivelse: 'folketrygdens grunnbeløp (G) på en dato',
  bruk,
  async kjoer(argumenter, kontekst) {
    const { values, positionals } = tolkArgumenter(
      argumenter,
      {
        gjennomsnitt: { type: 'boolean', default: false },
        format: { type: 'string', default: 'tekst' },
        satser: { type: 'string', multiple: true, default: [] },
      },
      bruk,
    );
    const [dato, ...overskudd] = positionals;
    if (!dato || overskudd.length > 0) throw new BrukerFeil(`Oppgi nøyaktig én dato.\n\n${bruk}`);
    if (!erIsoDato(dato))
      throw new BrukerFeil(`Datoen må være en gyldig dato på formen ÅÅÅÅ-MM-DD (fikk «${dato}»)`);
    const oppslag = lastRegelverk(values.satser, kontekst).nyttOppslag();
    const g = values.gjennomsnitt
      ? gjennomsnittligGrunnbeloep(oppslag, dato)
      : oppslag.verdi(GRUNNBELOEP, dato);
    if (values.format === 'json') {
      const [brukt] = oppslag.brukteVerdier();
      skriv(kontekst.stdout, JSON.stringify({ dato, grunnbeloep: g.toJsonNumber(), ...brukt }, null, 2));
    } else {
      skriv(kontekst.stdout, g.toKronerBigInt().toString());
    }
    return 0;
  },
};
