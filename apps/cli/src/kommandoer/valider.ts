import { beskrivIdentifikator, sjekkIdentifikator } from '@inntektsgrunnlag/person';
import { tolkArgumenter } from '../argumenter.js';
import { BrukerFeil, type Kommando, skriv } from '../kontekst.js';

const bruk = `Bruk: pnpm cli valider <identifikator…> [--format tekst|json]

Sjekker fødselsnummer, D-nummer, H-nummer og syntetiske testnummer (måned + 80) etter både
dagens kontrollsifferregel og regelen fra 2032. Skriver typen eller grunnen til at nummeret er
ugyldig, ett nummer per linje. Avslutter med kode 1 hvis minst ett nummer er ugyldig.`;

export const valider: Kommando = {
  navn: 'valider',
  beskrivelse: 'sjekk fødselsnummer, D-nummer og H-nummer',
  bruk,
  async kjoer(argumenter, { stdout }) {
    const { values, positionals } = tolkArgumenter(
      argumenter,
      { format: { type: 'string', default: 'tekst' } },
      bruk,
    );
    if (positionals.length === 0) throw new BrukerFeil(`Oppgi minst én identifikator.\n\n${bruk}`);
    if (values.format !== 'tekst' && values.format !== 'json') {
      throw new BrukerFeil(`--format må være tekst eller json (fikk ${values.format})`);
    }
    const resultater = positionals.map((id) => ({ id, sjekk: sjekkIdentifikator(id) }));
    if (values.format === 'json') {
      skriv(
        stdout,
        JSON.stringify(
          resultater.map(({ id, sjekk }) =>
            sjekk.gyldig
              ? {
                  identifikator: id,
                  gyldig: true,
                  type: sjekk.type,
                  syntetisk: sjekk.syntetisk,
                  kontrollsifferregel: sjekk.kontrollsifferregel,
                }
              : { identifikator: id, gyldig: false, grunn: sjekk.grunn, melding: sjekk.melding },
          ),
          null,
          2,
        ),
      );
    } else {
      for (const { id, sjekk } of resultater) {
        skriv(
          stdout,
          sjekk.gyldig
            ? `${id}  gyldig    ${beskrivIdentifikator(sjekk)}`
            : `${id}  UGYLDIG   ${sjekk.melding}`,
        );
      }
    }
    return resultater.every((r) => r.sjekk.gyldig) ? 0 : 1;
  },
};
