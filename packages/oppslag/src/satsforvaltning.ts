import { randomUUID } from 'node:crypto';
import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
// Types only: this module is reached from the package's index, which the web app's component tests
// load in a browser-like environment where the storage's runtime (PGlite, migration files) cannot load.
import type { KommunesatsAvvist, Kommunesatsrad, Lagring, NyRevisjonspost } from '@inntektsgrunnlag/lagring';
import {
  formaterDato,
  type GodkjentKommunesats,
  kontrollerKommunesats,
  leggTilDager,
  type Regelverk,
  UgyldigKommunesatsError,
  verdiform,
} from '@inntektsgrunnlag/regelverk';
import { type Aktoer, SATSFORVALTNING, Tilgangsfeil, vurderSatsforvaltning } from '@inntektsgrunnlag/tilgang';
import { norskDato, RevisjonFeilet } from './oppslagstjeneste.js';

/**
 * The municipality's own rates (issue 17 item 6), as the API and the web app use them: the rate
 * administrator (a role in SATSFORVALTNING) enters a value after a table's built-in coverage, another
 * administrator approves it, and from then on the rule set every beregning uses includes it. Each
 * step is audited (entered, approved, and every refusal after sign-in), and an entry or an approval is
 * never changed (packages/lagring, migration 0006).
 */

/** Why an approval was refused; the API answers 404, 409 or 403 and names the field. */
export class SatsAvvist extends Error {
  override readonly name = 'SatsAvvist';
  constructor(
    readonly kode: 'FINNES_IKKE' | 'ALLEREDE_GODKJENT' | 'EGEN_SATS' | 'PASSER_IKKE',
    melding: string,
    readonly felt: string,
  ) {
    super(melding);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type Satsstatus = 'VENTER_PAA_GODKJENNING' | 'GJELDER' | 'IKKE_I_BRUK';

export interface Satsoppfoering extends Kommunesatsrad {
  status: Satsstatus;
  /** Why an approved entry is not used (a newer release or an operator file covers its date now). */
  merknad?: string;
  /** Whether the caller may approve it: not approved yet, and entered by someone else. */
  kanGodkjennes: boolean;
}

export interface Satstabell {
  navn: string;
  beskrivelse: string;
  /** How a value is written (the last value's JSON form). */
  verdiform: string;
  /** The first and last day of the product's own values (with the operator's files). */
  innebygdFra: string;
  innebygdTil: string;
  /** The last day covered now, with the approved entries. */
  dekketTil: string;
  /** The day a new value must start. */
  nesteGyldigFra: string;
  sisteVerdi: { gyldigFra: string; verdi: unknown; kilde: { tittel: string; url?: string } };
  satser: Satsoppfoering[];
}

export interface SatsforvaltningKonfig {
  lagring: Lagring;
  /** The built-in rule set with the operator's files: what the municipality's values continue. */
  regelverk: Regelverk;
  klokke: () => Date;
  /**
   * How long the rule set with the approved values may be reused (ms). An approval through this
   * instance takes effect at once; one through another instance (PostgreSQL, several API instances)
   * within this time. Default 10 s; 0 reads the approvals for every beregning.
   */
  bufferMs?: number;
}

function tilGodkjent(r: Kommunesatsrad): GodkjentKommunesats | null {
  if (!r.godkjenning) return null;
  return {
    id: r.id,
    tabell: r.tabell,
    gyldigFra: r.gyldigFra,
    dekketTil: r.dekketTil,
    verdi: r.verdi,
    kilde: r.kilde,
    verifisert: r.verifisert,
    innlagtAv: r.innlagtAv,
    innlagt: r.innlagt,
    godkjentAv: r.godkjenning.av,
    godkjent: r.godkjenning.tidspunkt,
  };
}

export class Satsforvaltning {
  private buffer: {
    til: number;
    regelverk: Regelverk;
    ikkeBrukt: Map<string, string>;
    rader: Kommunesatsrad[];
  } | null = null;

  constructor(private readonly k: SatsforvaltningKonfig) {}

  /** The built-in rule set (with operator files), without the municipality's values. */
  get innebygd(): Regelverk {
    return this.k.regelverk;
  }

  private async lesGjeldende() {
    const naa = this.k.klokke().getTime();
    if (this.buffer && this.buffer.til > naa) return this.buffer;
    const rader = await this.k.lagring.kommunesatser.alle();
    const godkjente = rader.map(tilGodkjent).filter((g): g is GodkjentKommunesats => g !== null);
    const { regelverk, ikkeBrukt } = this.k.regelverk.medKommunesatser(godkjente);
    this.buffer = {
      til: naa + (this.k.bufferMs ?? 10_000),
      regelverk,
      ikkeBrukt: new Map(ikkeBrukt.map((i) => [i.id, i.grunn])),
      rader,
    };
    return this.buffer;
  }

  /** The rule set a beregning uses now: built-in, operator files, then the approved entries. */
  async gjeldendeRegelverk(): Promise<Regelverk> {
    return (await this.lesGjeldende()).regelverk;
  }

  private async rolle(aktoer: Aktoer, rolleId: string | null | undefined) {
    const v = vurderSatsforvaltning({ aktoer, rolleId, roller: await this.k.lagring.roller.alle() });
    if (!v.tillatt) {
      await this.revider({ aktoer, rolleId: rolleId ?? null, utfall: 'AVVIST', aarsakskode: v.kode });
      throw new Tilgangsfeil(v);
    }
    return v.rolle;
  }

  private async revider(p: {
    aktoer: Aktoer;
    rolleId: string | null;
    utfall: 'TILLATT' | 'AVVIST' | 'FEILET';
    aarsakskode?: string;
    formaal?: string;
    korrelasjonsid?: string;
  }): Promise<void> {
    const post: NyRevisjonspost = {
      tidspunkt: this.k.klokke(),
      aktoer: p.aktoer,
      rolleId: p.rolleId,
      tjenesteomraade: SATSFORVALTNING,
      formaal: p.formaal ?? null,
      // No one is looked up: the entry records who acted on which rate.
      identifikatorer: [],
      utfall: p.utfall,
      aarsakskode: p.aarsakskode ?? null,
      korrelasjonsid: p.korrelasjonsid ?? null,
    };
    try {
      await this.k.lagring.revisjonslogg.skriv(post);
    } catch (e) {
      throw new RevisjonFeilet(e);
    }
  }

  /** Every table with its coverage, and every entry with its status, for the administrator. */
  async oversikt(aktoer: Aktoer, rolleId?: string | null): Promise<{ tabeller: Satstabell[] }> {
    await this.rolle(aktoer, rolleId);
    // Read afresh: the administrator must see what others entered a moment ago.
    this.buffer = null;
    const g = await this.lesGjeldende();
    const tabeller = g.regelverk.alleTabeller.map((t): Satstabell => {
      const innebygd = this.k.regelverk.alleTabeller.find((x) => x.navn === t.navn) ?? t;
      const siste = t.verdier[t.verdier.length - 1] ?? t.verdier[0];
      return {
        navn: t.navn,
        beskrivelse: t.beskrivelse,
        verdiform: verdiform(innebygd),
        innebygdFra: innebygd.dekketFra,
        innebygdTil: innebygd.dekketTil,
        dekketTil: t.dekketTil,
        nesteGyldigFra: leggTilDager(t.dekketTil, 1),
        sisteVerdi: {
          gyldigFra: siste?.gyldigFra ?? t.dekketFra,
          verdi: siste ? t.definisjon.visVerdi(siste.verdi) : null,
          kilde: { tittel: siste?.kilde.tittel ?? '', ...(siste?.kilde.url ? { url: siste.kilde.url } : {}) },
        },
        satser: g.rader
          .filter((r) => r.tabell === t.navn)
          .map((r) => {
            const grunn = g.ikkeBrukt.get(r.id);
            return {
              ...r,
              status: !r.godkjenning ? 'VENTER_PAA_GODKJENNING' : grunn ? 'IKKE_I_BRUK' : 'GJELDER',
              ...(grunn ? { merknad: grunn } : {}),
              kanGodkjennes: !r.godkjenning && r.innlagtAv.id !== aktoer.id,
            };
          }),
      };
    });
    return { tabeller };
  }

  /** Enters a value (not in force until another person approves it). */
  async leggInn(aktoer: Aktoer, rolleId: string | null | undefined, raa: unknown): Promise<Kommunesatsrad> {
    const rolle = await this.rolle(aktoer, rolleId);
    const naa = this.k.klokke();
    let sats: ReturnType<typeof kontrollerKommunesats>;
    try {
      sats = kontrollerKommunesats(
        raa,
        { innebygd: this.k.regelverk, gjeldende: (await this.lesGjeldende()).regelverk },
        norskDato(naa),
      );
    } catch (e) {
      if (!(e instanceof UgyldigKommunesatsError)) throw e;
      await this.revider({ aktoer, rolleId: rolle.id, utfall: 'AVVIST', aarsakskode: 'UGYLDIG_SATS' });
      throw new Valideringsfeil(e.feil, 'Satsen kan ikke legges inn');
    }
    const id = randomUUID();
    // Audited before it is stored: no entry exists that the log does not name.
    await this.revider({
      aktoer,
      rolleId: rolle.id,
      utfall: 'TILLATT',
      formaal: `SATS_LAGT_INN: ${sats.tabell} fra ${sats.gyldigFra} til og med ${sats.dekketTil} (venter på godkjenning)`,
      korrelasjonsid: id,
    });
    try {
      return await this.k.lagring.kommunesatser.leggInn(
        { ...sats, id, innlagtAv: { id: aktoer.id, navn: aktoer.visningsnavn }, rolleId: rolle.id },
        naa,
      );
    } catch (e) {
      await this.revider({
        aktoer,
        rolleId: rolle.id,
        utfall: 'FEILET',
        aarsakskode: 'LAGRING_FEILET',
        korrelasjonsid: id,
      }).catch(() => undefined);
      throw e;
    }
  }

  /**
   * Approves another person's entry: from then on it is in force. Refused for one's own entry, one
   * already approved, and one that no longer continues its table (another value was approved for the
   * date meanwhile, or a newer release covers it).
   */
  async godkjenn(aktoer: Aktoer, rolleId: string | null | undefined, id: string): Promise<Kommunesatsrad> {
    const rolle = await this.rolle(aktoer, rolleId);
    const avvis = async (e: SatsAvvist): Promise<never> => {
      await this.revider({
        aktoer,
        rolleId: rolle.id,
        utfall: 'AVVIST',
        aarsakskode: e.kode === 'EGEN_SATS' ? 'EGEN_SATS' : `SATS_${e.kode}`,
        // The id as typed goes into the log only when it is one (a path may carry anything).
        korrelasjonsid: UUID.test(id) ? id : undefined,
      });
      throw e;
    };
    this.buffer = null;
    const gjeldende = await this.lesGjeldende();
    const sats = gjeldende.rader.find((r) => r.id === id);
    if (!sats) return avvis(new SatsAvvist('FINNES_IKKE', `Ingen sats har id ${id}.`, 'id'));
    if (sats.godkjenning) {
      return avvis(
        new SatsAvvist(
          'ALLEREDE_GODKJENT',
          `Satsen er allerede godkjent av ${sats.godkjenning.av.navn}.`,
          'id',
        ),
      );
    }
    if (sats.innlagtAv.id === aktoer.id) {
      return avvis(
        new SatsAvvist(
          'EGEN_SATS',
          'Du la inn denne satsen selv: en annen satsforvalter må godkjenne den (to personer).',
          'id',
        ),
      );
    }
    try {
      const { tabell, gyldigFra, dekketTil, verdi, kilde, verifisert } = sats;
      kontrollerKommunesats(
        { tabell, gyldigFra, dekketTil, verdi, kilde, verifisert },
        { innebygd: this.k.regelverk, gjeldende: gjeldende.regelverk },
        norskDato(this.k.klokke()),
      );
    } catch (e) {
      if (!(e instanceof UgyldigKommunesatsError)) throw e;
      const f = e.feil[0];
      return avvis(
        new SatsAvvist(
          'PASSER_IKKE',
          `Satsen passer ikke lenger i tabellen: ${f?.felt}: ${f?.melding}`,
          f?.felt ?? 'id',
        ),
      );
    }
    await this.revider({
      aktoer,
      rolleId: rolle.id,
      utfall: 'TILLATT',
      formaal: `SATS_GODKJENT: ${sats.tabell} fra ${sats.gyldigFra} (${formaterDato(sats.gyldigFra)}), lagt inn av ${sats.innlagtAv.id}`,
      korrelasjonsid: id,
    });
    try {
      const godkjent = await this.k.lagring.kommunesatser.godkjenn(
        id,
        { id: aktoer.id, navn: aktoer.visningsnavn },
        rolle.id,
        this.k.klokke(),
      );
      return godkjent;
    } catch (e) {
      if (e instanceof Error && e.name === 'KommunesatsAvvist') {
        const avvist = e as KommunesatsAvvist;
        // Another approval came first (between the read and the write).
        return avvis(new SatsAvvist(avvist.kode, avvist.message, 'id'));
      }
      throw e;
    } finally {
      // In force from now on in this instance.
      this.buffer = null;
    }
  }
}
