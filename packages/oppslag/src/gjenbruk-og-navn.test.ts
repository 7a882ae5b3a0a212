import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import {
  innebygdeKilder,
  type Kilder,
  KS_PARTNER,
  KS_SOEKER,
  PersonIkkeFunnet,
} from '@inntektsgrunnlag/kilder';
import { aapneLagring, DEMODATA, type Lagring } from '@inntektsgrunnlag/lagring';
import { Tilgangsfeil } from '@inntektsgrunnlag/tilgang';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Autentisering,
  Grunnlagsbuffer,
  NAVNEOPPSLAG,
  Oppslagstjeneste,
  standardRegelverk,
  validerKommuneinnstillinger,
} from './index.js';

let lagring: Lagring;
let naa = new Date('2024-06-01T10:00:00Z');
const klokke = () => naa;

beforeAll(async () => {
  lagring = await aapneLagring({ iMinne: true, demodata: true });
});
afterAll(async () => {
  await lagring.lukk();
});

/** Sources that count every call, so a test can tell a recalculation from a new lookup. */
function telleKilder(): { kilder: Kilder; kall: () => number } {
  const k = innebygdeKilder();
  let n = 0;
  const tell =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    (...a: A) => {
      n++;
      return f(...a);
    };
  return {
    kall: () => n,
    kilder: {
      ...k,
      summertSkattegrunnlag: { hent: tell(k.summertSkattegrunnlag.hent) },
      beregnetSkatt: { hent: tell(k.beregnetSkatt.hent) },
      avregning: { hent: tell(k.avregning.hent) },
      folkeregister: { hentPerson: tell(k.folkeregister.hentPerson) },
    },
  };
}

function tjeneste(kilder: Kilder, buffer?: Grunnlagsbuffer) {
  return new Oppslagstjeneste({
    lagring,
    kilder,
    regelverk: standardRegelverk(),
    innstillinger: validerKommuneinnstillinger({}),
    klokke,
    ...(buffer ? { grunnlagsbuffer: buffer } : {}),
  });
}

async function som(rolleId: string): Promise<Autentisering> {
  const demo = DEMODATA.find((d) => d.rolle.id === rolleId);
  const aktoer = demo ? await lagring.brukere.aktoer(demo.bruker.id) : null;
  if (!aktoer) throw new Error(`ingen demobruker for ${rolleId}`);
  return { ok: true, aktoer };
}

const ks = (ekstra: number) => ({
  beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
  inntektsaar: 2023,
  beregningsdato: '2024-06-01',
  personer: [
    { identifikator: KS_SOEKER, type: 'SOEKER' },
    {
      identifikator: KS_PARTNER,
      type: 'PARTNER',
      ekstraposter: [{ tekniskNavn: 'kommune.tenktEtterlattePensjon', beloep: ekstra }],
    },
  ],
});

describe('recalculation on a kept basis (grunnlagsreferanse)', () => {
  it('recalculates an edited extra post without a new lookup and without a new audit entry', async () => {
    const { kilder, kall } = telleKilder();
    const t = tjeneste(kilder, new Grunnlagsbuffer());
    const auth = await som('demo-langtidsopphold');
    const foerste = await t.beregn({
      autentisering: auth,
      rolleId: 'demo-langtidsopphold',
      foresporsel: ks(0),
    });
    expect(foerste.resultat.utfoert).toMatchObject({ grunnlag: 'HENTET', revidert: true });
    const ref = foerste.resultat.grunnlagsreferanse;
    expect(ref).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const kallEtterOppslag = kall();
    const revisjonFoer = (await lagring.revisjonslogg.liste({ siste: 1 }))[0]?.id;

    const andre = await t.beregn({
      autentisering: auth,
      rolleId: 'demo-langtidsopphold',
      grunnlagsreferanse: ref ?? null,
      foresporsel: ks(200000),
    });
    expect(kall()).toBe(kallEtterOppslag);
    expect((await lagring.revisjonslogg.liste({ siste: 1 }))[0]?.id).toBe(revisjonFoer);
    expect(andre.resultat.utfoert).toMatchObject({
      grunnlag: 'GJENBRUKT',
      revidert: false,
      grunnlagHentet: foerste.resultat.utfoert.tidspunkt,
    });
    expect(andre.resultat.grunnlagsreferanse).toBe(ref);
    // The fetched posts and names are the same; the edited post changes the forsørgerfradrag.
    expect(andre.resultat.visningsposter).toEqual(foerste.resultat.visningsposter);
    expect(andre.resultat.personer).toEqual(foerste.resultat.personer);
    expect(andre.resultat.fradrag.beloep).toBeGreaterThan(foerste.resultat.fradrag.beloep);
    expect(andre.resultat.advarsler.map((a) => a.kode)).toEqual(
      foerste.resultat.advarsler.map((a) => a.kode),
    );
  });

  it('refuses a reference for another actor, another role, after expiry, or for other persons', async () => {
    const buffer = new Grunnlagsbuffer({ levetidMs: 60_000 });
    const t = tjeneste(innebygdeKilder(), buffer);
    const auth = await som('demo-langtidsopphold');
    const { resultat } = await t.beregn({
      autentisering: auth,
      rolleId: 'demo-langtidsopphold',
      foresporsel: ks(0),
    });
    const ref = resultat.grunnlagsreferanse as string;
    const felt = async (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: unknown) => {
          if (e instanceof Valideringsfeil) return e.feil.map((f) => f.felt).join(',');
          if (e instanceof Tilgangsfeil) return e.kode;
          throw e;
        },
      );

    // Another user holding the same role: same answer as an unknown reference.
    const annen = await lagring.brukere.opprett({ id: 'annen-saksbehandler', visningsnavn: 'Annen' });
    await lagring.brukere.tildelRolle(annen.id, 'demo-langtidsopphold');
    const annenAktoer = await lagring.brukere.aktoer(annen.id);
    if (!annenAktoer) throw new Error('mangler');
    expect(
      await felt(
        t.beregn({
          autentisering: { ok: true, aktoer: annenAktoer },
          rolleId: 'demo-langtidsopphold',
          grunnlagsreferanse: ref,
          foresporsel: ks(1),
        }),
      ),
    ).toBe('grunnlagsreferanse');
    expect(
      await felt(
        t.beregn({
          autentisering: auth,
          rolleId: 'demo-langtidsopphold',
          grunnlagsreferanse: 'x'.repeat(32),
          foresporsel: ks(1),
        }),
      ),
    ).toBe('grunnlagsreferanse');
    expect(
      await felt(
        t.beregn({
          autentisering: auth,
          rolleId: 'demo-langtidsopphold',
          grunnlagsreferanse: ref,
          foresporsel: { ...ks(1), personer: [{ identifikator: KS_SOEKER, type: 'SOEKER' }] },
        }),
      ),
    ).toBe('personer');
    expect(
      await felt(
        t.beregn({
          autentisering: auth,
          rolleId: 'demo-langtidsopphold',
          grunnlagsreferanse: ref,
          foresporsel: { ...ks(1), inntektsaar: 2022 },
        }),
      ),
    ).toBe('inntektsaar');
    // The wrong area is refused by the access decision before the reference is looked at.
    expect(
      await felt(
        t.beregn({
          autentisering: auth,
          rolleId: 'demo-langtidsopphold',
          grunnlagsreferanse: ref,
          foresporsel: { ...ks(1), beregningstype: 'PRAKTISK_BISTAND' },
        }),
      ),
    ).toBe('FEIL_TJENESTEOMRAADE');
    expect(
      await felt(
        t.beregn({
          autentisering: auth,
          rolleId: 'demo-langtidsopphold',
          grunnlagsreferanse: ref,
          foresporsel: ks(1),
        }),
      ),
    ).toBe('ok');
    naa = new Date(naa.getTime() + 60_001);
    expect(
      await felt(
        t.beregn({
          autentisering: auth,
          rolleId: 'demo-langtidsopphold',
          grunnlagsreferanse: ref,
          foresporsel: ks(1),
        }),
      ),
    ).toBe('grunnlagsreferanse');
    expect(buffer.antall).toBe(0);
  });

  it('gives no reference without a buffer, and none for a calculation on inline posts', async () => {
    const uten = await tjeneste(innebygdeKilder()).beregn({
      autentisering: await som('demo-langtidsopphold'),
      rolleId: 'demo-langtidsopphold',
      foresporsel: ks(0),
    });
    expect(uten.resultat.grunnlagsreferanse).toBeUndefined();
    const inline = await tjeneste(innebygdeKilder(), new Grunnlagsbuffer()).beregn({
      autentisering: await som('demo-praktisk-bistand'),
      rolleId: 'demo-praktisk-bistand',
      foresporsel: {
        beregningstype: 'PRAKTISK_BISTAND',
        inntektsaar: 2023,
        beregningsdato: '2024-06-01',
        personer: [{ identifikator: KS_SOEKER, type: 'SOEKER', poster: [] }],
      },
    });
    expect(inline.resultat.grunnlagsreferanse).toBeUndefined();
    expect(inline.resultat.utfoert.grunnlag).toBe('FORESPOERSEL');
  });

  it('forgets expired references whatever order the clock gave them (the sweep stops early only when it may)', () => {
    const g = {
      aktoer: { type: 'BRUKER' as const, id: 'a' },
      rolleId: 'r',
      beregningstype: 'PRAKTISK_BISTAND',
      inntektsaar: 2023,
      personer: [],
      advarsler: [],
      hentet: '2024-06-01T10:00:00.000Z',
    };
    // In order: each expires 100 ms after it was kept.
    const iRekke = new Grunnlagsbuffer({ levetidMs: 100 });
    for (const t of [0, 10, 20, 30]) iRekke.lagre(g, t);
    iRekke.lagre(g, 125); // 0, 10 and 20 have expired at 125
    expect(iRekke.antall).toBe(2);
    // Out of order (a clock that went back): the sweep must look at every entry.
    const uordnet = new Grunnlagsbuffer({ levetidMs: 100 });
    for (const t of [50, 0, 60, 5]) uordnet.lagre(g, t);
    uordnet.lagre(g, 106); // 0 and 5 have expired, though they were kept after 50
    expect(uordnet.antall).toBe(3);
    uordnet.lagre(g, 1_000);
    expect(uordnet.antall).toBe(1);
  });

  it('evicts the oldest reference when full', () => {
    const buffer = new Grunnlagsbuffer({ maksAntall: 2 });
    const g = {
      aktoer: { type: 'BRUKER' as const, id: 'a' },
      rolleId: 'r',
      beregningstype: 'PRAKTISK_BISTAND',
      inntektsaar: 2023,
      personer: [],
      advarsler: [],
      hentet: '2024-06-01T10:00:00.000Z',
    };
    const a = buffer.lagre(g, 0);
    const b = buffer.lagre(g, 1);
    const c = buffer.lagre(g, 2);
    expect(new Set([a, b, c]).size).toBe(3);
    expect(buffer.hent(a, 3)).toBeUndefined();
    expect(buffer.hent(b, 3)).toBeDefined();
    expect(buffer.hent(c, 3)).toBeDefined();
  });
});

describe('a request without vedtak, for the basis only (KS-compatible)', () => {
  it('gives the BARNEHAGE_SFO basis with AVGIFT_IKKE_BEREGNET, and refuses it before fetching without the option', async () => {
    const { kilder, kall } = telleKilder();
    const t = tjeneste(kilder);
    const foresporsel = {
      beregningstype: 'BARNEHAGE_SFO',
      inntektsaar: 2023,
      personer: [
        { identifikator: KS_SOEKER, type: 'SOEKER' },
        { identifikator: KS_PARTNER, type: 'EKTEFELLE' },
      ],
    };
    const auth = await som('demo-foreldrebetaling');
    await expect(
      t.beregn({ autentisering: auth, rolleId: 'demo-foreldrebetaling', foresporsel }),
    ).rejects.toMatchObject({ feil: [expect.objectContaining({ felt: 'vedtak.barn' })] });
    expect(kall()).toBe(0);
    const { resultat } = await t.beregn({
      autentisering: auth,
      rolleId: 'demo-foreldrebetaling',
      grunnlagUtenVedtak: true,
      foresporsel,
    });
    expect(resultat.beregningsbeloep).toBeGreaterThan(0);
    expect(resultat.foreldrebetaling).toBeNull();
    expect(resultat.advarsler.map((a) => a.kode)).toContain('AVGIFT_IKKE_BEREGNET');
  });
});

describe('name lookup', () => {
  it('gives the name for a typed identifikator and audits it as a lookup with purpose NAVNEOPPSLAG', async () => {
    const t = tjeneste(innebygdeKilder());
    const svar = await t.navn({
      autentisering: await som('demo-praktisk-bistand'),
      rolleId: 'demo-praktisk-bistand',
      identifikator: KS_PARTNER,
      saksreferanse: 'SAK-1',
    });
    expect(svar).toMatchObject({
      identifikator: KS_PARTNER,
      navn: { fornavn: 'OPPRIKTIG', etternavn: 'DAMESYKKEL' },
      skjermet: false,
      utfoert: { rolleId: 'demo-praktisk-bistand', revidert: true },
    });
    const [siste] = await lagring.revisjonslogg.liste({ siste: 1 });
    expect(siste).toMatchObject({
      utfall: 'TILLATT',
      formaal: NAVNEOPPSLAG,
      identifikatorer: [KS_PARTNER],
      rolleId: 'demo-praktisk-bistand',
      tjenesteomraade: 'PRAKTISK_BISTAND',
      saksreferanse: 'SAK-1',
      beregningstype: null,
    });
  });

  it('refuses without a role, with a role not held, and for a bad number; audits each refusal', async () => {
    const t = tjeneste(innebygdeKilder());
    const auth = await som('demo-praktisk-bistand');
    await expect(t.navn({ autentisering: auth, identifikator: KS_PARTNER })).rejects.toMatchObject({
      kode: 'ROLLE_IKKE_OPPGITT',
    });
    expect((await lagring.revisjonslogg.liste({ siste: 1 }))[0]).toMatchObject({
      utfall: 'AVVIST',
      aarsakskode: 'ROLLE_IKKE_OPPGITT',
      formaal: NAVNEOPPSLAG,
    });
    await expect(
      t.navn({ autentisering: auth, rolleId: 'demo-langtidsopphold', identifikator: KS_PARTNER }),
    ).rejects.toMatchObject({ kode: 'ROLLE_MANGLER' });
    await expect(
      t.navn({
        autentisering: { ok: false, kode: 'AKTOER_UKJENT', melding: 'ukjent' },
        rolleId: 'demo-praktisk-bistand',
        identifikator: KS_PARTNER,
      }),
    ).rejects.toMatchObject({ kode: 'AKTOER_UKJENT' });
    await expect(
      t.navn({ autentisering: auth, rolleId: 'demo-praktisk-bistand', identifikator: '12345678901' }),
    ).rejects.toMatchObject({ feil: [expect.objectContaining({ felt: 'identifikator' })] });
  });

  it('audits a person Folkeregisteret does not know as FEILET and passes the error on', async () => {
    const k = innebygdeKilder();
    const t = tjeneste({
      ...k,
      folkeregister: {
        hentPerson: async (identifikator) => {
          throw new PersonIkkeFunnet({ api: 'FOLKEREGISTERET', identifikator });
        },
      },
    });
    await expect(
      t.navn({
        autentisering: await som('demo-praktisk-bistand'),
        rolleId: 'demo-praktisk-bistand',
        identifikator: KS_PARTNER,
      }),
    ).rejects.toBeInstanceOf(PersonIkkeFunnet);
    expect((await lagring.revisjonslogg.liste({ siste: 1 }))[0]).toMatchObject({
      utfall: 'FEILET',
      aarsakskode: 'PERSON_IKKE_FUNNET',
    });
  });
});

describe('fields recorded in the audit log', () => {
  it('refuses a case reference the audit log could not hold as bad input, before any lookup', async () => {
    const { kilder, kall } = telleKilder();
    const t = tjeneste(kilder);
    const auth = await som('demo-langtidsopphold');
    for (const saksreferanse of ['2024/1\u0000', 'x'.repeat(101)]) {
      await expect(
        t.beregn({
          autentisering: auth,
          rolleId: 'demo-langtidsopphold',
          foresporsel: { ...ks(0), saksreferanse },
        }),
      ).rejects.toMatchObject({ feil: [expect.objectContaining({ felt: 'saksreferanse' })] });
    }
    await expect(
      t.beregn({ autentisering: auth, rolleId: 'r'.repeat(64), foresporsel: ks(0) }),
    ).rejects.toMatchObject({ feil: [expect.objectContaining({ felt: 'rolleId' })] });
    expect(kall()).toBe(0);
    // A blank reference is no reference.
    const { resultat } = await t.beregn({
      autentisering: auth,
      rolleId: 'demo-langtidsopphold',
      foresporsel: { ...ks(0), saksreferanse: '   ' },
    });
    expect(resultat.utfoert.saksreferanse).toBeUndefined();
  });
});
