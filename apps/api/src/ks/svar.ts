import { Beloep } from '@inntektsgrunnlag/money';
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
  // Skatteetaten or Maskinporten refused Avregning (403, AR-005, a scope not granted): KS's SI-02 too.
  AVREGNING_IKKE_TILGANG: {
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

type Gruppe = GrunnlagsblokkJson['grupper'][number];
type Post = Gruppe['poster'][number];

/** One post as KS's `beregningsposter[]` item; `operasjon` may be given (a partner's income subtracted). */
function ksPost(p: Post, aar: number, operasjon: Post['operasjon'] = p.operasjon) {
  const { info } = postinfo(p.tekniskNavn, aar);
  return {
    tekniskNavn: p.tekniskNavn,
    visningstekst: p.visningstekst,
    operasjon,
    beloep: p.beloep,
    kilde: p.kilde,
    kanEndreVisningstekst: info.kanEndreVisningstekst ?? false,
    identifikator: p.identifikator,
    infotekst: info.infotekst ?? null,
    eksempeltekst: null,
    // Ours, added:
    persontype: p.persontype,
  };
}

type KsPost = ReturnType<typeof ksPost>;
interface Beregningsgrunnlag {
  tekniskNavn: string;
  visningstekst: string;
  beloep: number;
  operasjon: Post['operasjon'];
  beregningsposter: KsPost[];
}

const mot = (o: Post['operasjon']): Post['operasjon'] => (o === 'ADDERE' ? 'SUBTRAHERE' : 'ADDERE');
const sum = (poster: readonly { beloep: number }[]) =>
  Beloep.sum(poster.map((p) => Beloep.kroner(String(p.beloep)))).toJsonNumber();

/** A post's short name for a sub-group: the last part of a path that is not `beloep`. */
function kortNavn(tekniskNavn: string): string {
  const deler = tekniskNavn.split('/').filter((d) => d && d !== 'beloep');
  return deler[deler.length - 1] ?? tekniskNavn;
}

/**
 * KS's skatt: one sub-group per post (KS's example: `skatt` → `beregnetSkatt` with the post
 * /beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt). Sub-groups that are 0 kr are left
 * out, as in KS's example (formuesskatt 0 is shown in visningsposter, not in the calculation), unless
 * every one is.
 */
function perPost(g: Gruppe, aar: number): Beregningsgrunnlag[] {
  const navn = [...new Set(g.poster.map((p) => p.tekniskNavn))];
  const alle = navn.map((n) => {
    const poster = g.poster.filter((p) => p.tekniskNavn === n);
    const operasjon = poster[0]?.operasjon ?? 'ADDERE';
    return {
      tekniskNavn: kortNavn(n),
      visningstekst: poster[0]?.visningstekst ?? n,
      beloep: sum(poster),
      operasjon,
      beregningsposter: poster.map((p) => ksPost(p, aar)),
    };
  });
  const ikkeNull = alle.filter((a) => a.beloep !== 0);
  return ikkeNull.length > 0 ? ikkeNull : alle.slice(0, 1);
}

/** Langtidsopphold's groups that a rule computes from mellomregninger, nested as KS does. */
const KS_GRUNNLAG: Record<string, Record<string, (g: Gruppe, k: Kontekst) => Beregningsgrunnlag[]>> = {
  LANGTIDSOPPHOLD_INSTITUSJON: {
    skatt: (g, k) => perPost(g, k.aar),
    // KS: `forsorgerfradrag` → `mellomregningPaarorende`, «Forsørgerfradrag <NAVN> (PARTNER)»: the
    // tenkt etterlattepensjon added and the partner's own income subtracted; the amount is the fradrag.
    forsorgerfradrag: (g, k) => {
      const tenkt = k.mellom('tenktEtterlattePensjon');
      const inntekt = [...k.mellom('mellomregningPaarorende'), ...k.mellom('mellomregningPaarorendeKapital')];
      if (tenkt.length + inntekt.length === 0) return [];
      const partner = k.personer.find((p) => p.identifikator === (tenkt[0] ?? inntekt[0])?.identifikator);
      const navn = partner?.navn
        ? [partner.navn.fornavn, partner.navn.mellomnavn, partner.navn.etternavn].filter(Boolean).join(' ')
        : null;
      return [
        {
          tekniskNavn: 'mellomregningPaarorende',
          visningstekst: `Forsørgerfradrag ${navn ? `${navn} ` : ''}(${partner?.type ?? 'PARTNER'})`,
          beloep: g.beloep,
          operasjon: 'ADDERE',
          beregningsposter: [
            ...tenkt.map((p) => ksPost(p, k.aar)),
            ...inntekt.map((p) => ksPost(p, k.aar, mot(p.operasjon))),
          ],
        },
      ];
    },
    // Ours, by the same pattern: the boutgifter per month the fradrag is computed from.
    boutgifter: (g, k) => {
      const poster = k.mellom('boutgifterPerMaaned');
      if (poster.length === 0) return [];
      return [
        {
          tekniskNavn: 'boutgifterPerMaaned',
          visningstekst: 'Boutgifter per måned',
          beloep: g.beloep,
          operasjon: 'ADDERE',
          beregningsposter: poster.map((p) => ksPost(p, k.aar)),
        },
      ];
    },
  },
};

interface Kontekst {
  aar: number;
  personer: readonly Person[];
  /** The posts of a mellomregning by its name (none when the result has no such group). */
  mellom: (navn: string) => Post[];
}

/**
 * A basis block as KS's `inntekt`/`fradrag`: {beloep, beregning[]}. A group summed from posts is
 * `type: "POST"` with its posts; a group KS nests (see KS_GRUNNLAG) is `type: "GRUNNLAG"` with its
 * `beregningsgrunnlag` (sub-groups with their posts) and no posts of its own, as in KS's example.
 */
function blokk(b: GrunnlagsblokkJson, r: Oppslagsresultat) {
  const k: Kontekst = {
    aar: r.inntektsaar,
    personer: r.personer as Person[],
    mellom: (navn) => r.mellomregninger.find((m) => m.tekniskNavn === navn)?.poster ?? [],
  };
  const nestes = KS_GRUNNLAG[r.beregningstype] ?? {};
  return {
    beloep: b.beloep,
    beregning: b.grupper.flatMap((g) => {
      const grunnlag = nestes[g.tekniskNavn]?.(g, k) ?? [];
      // KS lists the groups that have something in them; our empty groups (0 kr, no posts) stay out.
      if (g.poster.length === 0 && g.beloep === 0 && grunnlag.length === 0) return [];
      const gruppert = grunnlag.length > 0;
      return [
        {
          tekniskNavn: g.tekniskNavn,
          visningstekst: g.visningstekst,
          beloep: g.beloep,
          operasjon: g.operasjon,
          type: gruppert ? ('GRUNNLAG' as const) : ('POST' as const),
          beregningsgrunnlag: grunnlag,
          beregningsposter: gruppert ? [] : g.poster.map((p) => ksPost(p, k.aar)),
          ...(g.hjemmel ? { hjemmel: g.hjemmel } : {}),
        },
      ];
    }),
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
    inntekt: blokk(inntekt, r),
    fradrag: blokk(fradrag, r),
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
