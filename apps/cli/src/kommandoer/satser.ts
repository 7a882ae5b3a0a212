import { erIsoDato, formaterDatoKort } from '@inntektsgrunnlag/regelverk';
import { tolkArgumenter } from '../argumenter.js';
import { BrukerFeil, type Kommando, skriv } from '../kontekst.js';
import { lastRegelverk } from '../regelverk.js';

const bruk = `Bruk: pnpm cli satser [--dato ÅÅÅÅ-MM-DD] [--format tekst|json] [--satser <fil>…]

Lister alle satstabeller produktet kjenner: navn (for operatørfiler), beskrivelse, dekning og siste
verdi med kilde. Med --dato: verdien som gjelder den datoen, eller at datoen er utenfor dekningen.`;

export const satser: Kommando = {
  navn: 'satser',
  beskrivelse: 'list satstabellene, dekningen og kildene',
  bruk,
  async kjoer(argumenter, kontekst) {
    const { values, positionals } = tolkArgumenter(
      argumenter,
      {
        dato: { type: 'string' },
        format: { type: 'string', default: 'tekst' },
        satser: { type: 'string', multiple: true, default: [] },
      },
      bruk,
    );
    if (positionals.length > 0) throw new BrukerFeil(`Uventet argument «${positionals[0]}».\n\n${bruk}`);
    if (values.dato !== undefined && !erIsoDato(values.dato)) {
      throw new BrukerFeil(`--dato må være en gyldig dato på formen ÅÅÅÅ-MM-DD (fikk «${values.dato}»)`);
    }
    const tabeller = lastRegelverk(values.satser, kontekst).alleTabeller.map((t) => {
      const valgt = values.dato
        ? values.dato >= t.dekketFra && values.dato <= t.dekketTil
          ? t.verdiPaa(values.dato)
          : undefined
        : t.verdier[t.verdier.length - 1];
      return {
        navn: t.navn,
        beskrivelse: t.beskrivelse,
        dekketFra: t.dekketFra,
        dekketTil: t.dekketTil,
        antallVerdier: t.verdier.length,
        verdi: valgt
          ? {
              gyldigFra: valgt.gyldigFra,
              verdi: t.definisjon.visVerdi(valgt.verdi),
              kilde: valgt.kilde,
              verifisert: valgt.verifisert,
              ...(valgt.fraFil ? { fraFil: valgt.fraFil } : {}),
            }
          : null,
      };
    });
    if (values.format === 'json') {
      skriv(kontekst.stdout, JSON.stringify(tabeller, null, 2));
      return 0;
    }
    for (const t of tabeller) {
      skriv(
        kontekst.stdout,
        `${t.navn}\n  ${t.beskrivelse}\n  dekket ${formaterDatoKort(t.dekketFra)}–${formaterDatoKort(t.dekketTil)} (${t.antallVerdier} verdier)`,
      );
      if (t.verdi) {
        skriv(
          kontekst.stdout,
          `  ${values.dato ? `per ${formaterDatoKort(values.dato)}` : 'siste'}: ${JSON.stringify(t.verdi.verdi)} fra ${formaterDatoKort(t.verdi.gyldigFra)} (${t.verdi.kilde.tittel}${t.verdi.kilde.konfidens ? `, konfidens ${t.verdi.kilde.konfidens}` : ''}; verifisert ${formaterDatoKort(t.verdi.verifisert)}${t.verdi.fraFil ? `; fra ${t.verdi.fraFil}` : ''})`,
        );
      } else {
        skriv(kontekst.stdout, `  per ${values.dato}: utenfor dekningen`);
      }
    }
    return 0;
  },
};
