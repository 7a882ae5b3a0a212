import type { Oppslagsresultat } from '@inntektsgrunnlag/oppslag';
import type { GrunnlagsblokkJson } from '@inntektsgrunnlag/skattegrunnlag';
import { postinfo } from '@inntektsgrunnlag/skattegrunnlag';

/**
 * KS Fiks's error codes for egenandelsberegning (ks-no.github.io, «Skatte- og inntektsopplysninger (Ny)»,
 * table «Feilkoder for egenandelsberegning», 2024-08-13), and the warnings of ours that mean the same.
 * KS publishes the codes and texts, not the shape of an item of `feilmeldinger`: ours is {kode, melding}
 * (the table's two columns), with the person when the warning names one.
 */
const KS_FEILKODER: Record<string, { kode: string; melding: string }> = {
  NAVN_IKKE_HENTET: { kode: 'SI-01', melding: 'Klarte ikke å hente navn' },
  AVREGNING_IKKE_TILLATT: {
    kode: 'SI-02',
    melding:
      'Du mangler rettighet i Altinn for å få informasjon om skatt til gode, restskatt og innbetalt skatt.',
  },
};

type Person = Oppslagsresultat['personer'][number] & { registreringstidpunkt?: string };

/** The stage of the whole result as KS shows it: the persons' common stage, else the first that is not OPPGJOER. */
function felles(personer: readonly Person[]): string | null {
  const stadier = personer.map((p) => p.stadie).filter((s): s is NonNullable<typeof s> => s !== undefined);
  if (stadier.length === 0) return null;
  return stadier.find((s) => s !== 'OPPGJOER') ?? 'OPPGJOER';
}

/** A basis block as KS's `inntekt`/`fradrag`: {beloep, beregning[]}, each group with its posts. */
function blokk(b: GrunnlagsblokkJson, aar: number) {
  return {
    beloep: b.beloep,
    // KS lists the groups that have something in them; our empty groups (0 kr, no posts) stay out here.
    beregning: b.grupper
      .filter((g) => g.poster.length > 0 || g.beloep !== 0)
      .map((g) => ({
        tekniskNavn: g.tekniskNavn,
        visningstekst: g.visningstekst,
        beloep: g.beloep,
        operasjon: g.operasjon,
        // Our groups are summed from posts; a rule's own computation is explained in `tabell`.
        type: 'POST' as const,
        beregningsgrunnlag: [] as unknown[],
        beregningsposter: g.poster.map((p) => {
          const { info } = postinfo(p.tekniskNavn, aar);
          return {
            tekniskNavn: p.tekniskNavn,
            visningstekst: p.visningstekst,
            operasjon: p.operasjon,
            beloep: p.beloep,
            kilde: p.kilde,
            kanEndreVisningstekst: info.kanEndreVisningstekst ?? false,
            identifikator: p.identifikator,
            infotekst: info.infotekst ?? null,
            eksempeltekst: null,
            // Ours, added:
            persontype: p.persontype,
          };
        }),
        ...(g.hjemmel ? { hjemmel: g.hjemmel } : {}),
      })),
    perPerson: b.perPerson,
  };
}

/**
 * A result in the shape KS Fiks publishes for its «API-overbygg» (the example «Svar»): the same
 * field names and nesting (personer, visningsposter, beregningsbeloep, inntekt{beloep, beregning[]},
 * fradrag, soeketidspunkt, beregningstype, feilmeldinger), with our own fields added after them and
 * none renamed: the fee under the area's key, hovedtall, tabell, advarsler, regelverk, utfoert.
 */
export function tilKsSvar(r: Oppslagsresultat) {
  const personer = r.personer as Person[];
  const {
    inntekt,
    fradrag,
    visningsposter,
    advarsler,
    personer: _p,
    inntektsaar: _a,
    beregningsbeloep: _b,
    beregningstype: _t,
    ...vaare
  } = r;
  const feilmeldinger = advarsler.flatMap((a) => {
    const ks = KS_FEILKODER[a.kode];
    return ks ? [{ ...ks, ...(a.identifikator ? { identifikator: a.identifikator } : {}) }] : [];
  });
  return {
    inntektsaar: r.inntektsaar,
    stadie: felles(personer),
    personer: personer.map((p) => ({
      identifikator: p.identifikator,
      type: p.type,
      skjermet: p.skjermet,
      stadie: p.stadie ?? null,
      navn: p.navn
        ? { etternavn: p.navn.etternavn, fornavn: p.navn.fornavn, mellomnavn: p.navn.mellomnavn ?? null }
        : null,
      skatteoppgjoersdato: p.skatteoppgjoersdato ?? null,
      registreringstidpunkt: p.registreringstidpunkt ?? null,
      postkilde: p.postkilde,
    })),
    visningsposter: visningsposter.map((g) => ({
      kategori: g.kategori,
      poster: g.poster.map((p) => ({
        personer: p.personer,
        beloep: p.beloep,
        tekniskNavn: p.tekniskNavn,
        visningstekst: p.visningstekst,
        infotekst: p.infotekst ?? null,
        ...('ukjent' in p && p.ukjent ? { ukjent: true } : {}),
      })),
    })),
    beregningsbeloep: r.beregningsbeloep,
    inntekt: blokk(inntekt, r.inntektsaar),
    fradrag: blokk(fradrag, r.inntektsaar),
    soeketidspunkt: r.utfoert.tidspunkt,
    beregningstype: r.beregningstype,
    feilmeldinger,
    ...vaare,
    advarsler,
  };
}

/** The KS paths' beregningstype by path segment. */
export const KS_BEREGNINGSTYPER = {
  '': 'LANGTIDSOPPHOLD_INSTITUSJON',
  'praktisk-bistand': 'PRAKTISK_BISTAND',
  'redusert-foreldrebetaling': 'BARNEHAGE_SFO',
} as const;
