import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { innebygdeKilder, KS_PARTNER, KS_SOEKER } from '@inntektsgrunnlag/kilder';
import { aapneLagring, DEMODATA, type Lagring } from '@inntektsgrunnlag/lagring';
import { UtenforDekning } from '@inntektsgrunnlag/regelverk';
import { type Aktoer, SATSFORVALTNING, Tilgangsfeil } from '@inntektsgrunnlag/tilgang';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Oppslagstjeneste,
  SatsAvvist,
  Satsforvaltning,
  standardRegelverk,
  validerKommuneinnstillinger,
} from './index.js';

// "Today" is a parameter: the day the municipality adds the missing kjernetid limit.
const KLOKKE = () => new Date('2026-12-07T10:00:00Z');

let lagring: Lagring;
let anne: Aktoer;
let bjorn: Aktoer;
let saksbehandler: Aktoer;
let satser: Satsforvaltning;
let tjeneste: Oppslagstjeneste;

beforeAll(async () => {
  lagring = await aapneLagring({ iMinne: true, demodata: true });
  await lagring.roller.lagre({ id: 'satser', navn: 'Satsforvalter', tjenesteomraade: SATSFORVALTNING });
  for (const [id, navn] of [
    ['anne', 'Anne Satsforvalter'],
    ['bjorn', 'Bjørn Satsforvalter'],
  ]) {
    await lagring.brukere.opprett({ id, visningsnavn: navn });
    await lagring.brukere.tildelRolle(id as string, 'satser');
  }
  anne = (await lagring.brukere.aktoer('anne')) as Aktoer;
  bjorn = (await lagring.brukere.aktoer('bjorn')) as Aktoer;
  const demo = DEMODATA.find((d) => d.rolle.tjenesteomraade === 'FORELDREBETALING');
  saksbehandler = (await lagring.brukere.aktoer(demo?.bruker.id as string)) as Aktoer;
  satser = new Satsforvaltning({ lagring, regelverk: standardRegelverk(), klokke: KLOKKE });
  tjeneste = new Oppslagstjeneste({
    lagring,
    kilder: innebygdeKilder(),
    regelverk: standardRegelverk(),
    satser,
    innstillinger: validerKommuneinnstillinger({}),
    klokke: KLOKKE,
  });
});
afterAll(async () => {
  await lagring.lukk();
});

// A test value with a test source: the real limit from 1.8.2026 is not known to the project.
const GRENSE = {
  tabell: 'foreldrebetaling.kjernetidInntektsgrense',
  gyldigFra: '2026-08-01',
  dekketTil: '2027-07-31',
  verdi: '700000',
  kilde: { tittel: 'Testkilde: Udir-rundskriv om foreldrebetaling 2026/27 (ikke en ekte sats)' },
  verifisert: '2026-12-07',
};

/** A barnehage case: a child of four in September 2026, whose free kjernetid reads the limit. */
const barnehage = (beregningsdato: string) => ({
  autentisering: { ok: true as const, aktoer: saksbehandler },
  rolleId: 'demo-foreldrebetaling',
  foresporsel: {
    beregningstype: 'BARNEHAGE_SFO',
    inntektsaar: 2023,
    beregningsdato,
    personer: [
      { identifikator: KS_SOEKER, type: 'SOEKER' },
      { identifikator: KS_PARTNER, type: 'EKTEFELLE' },
    ],
    vedtak: {
      barn: [
        { tilbud: 'BARNEHAGE', foedselsdato: '2021-03-01', prisPerMaaned: 3000, oppholdstimerPerUke: 41 },
      ],
    },
  },
});

async function feil(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => expect.unreachable(),
    (e: unknown) => e,
  );
}

describe('rates the municipality adds in the product, with two-person approval', () => {
  it('refuses bad input naming the field, and anyone but a rate administrator', async () => {
    const inne = await feil(satser.leggInn(anne, null, { ...GRENSE, gyldigFra: '2026-07-01' }));
    expect(inne).toBeInstanceOf(Valideringsfeil);
    expect((inne as Valideringsfeil).feil).toEqual([
      {
        felt: 'gyldigFra',
        melding: expect.stringMatching(/innenfor produktets egne verdier.*31\. juli 2026/),
      },
    ]);
    const form = (await feil(
      satser.leggInn(anne, null, { ...GRENSE, verdi: 'sju hundre tusen' }),
    )) as Valideringsfeil;
    expect(form.feil.map((f) => f.felt)).toEqual(['verdi']);
    const saks = await feil(satser.leggInn(saksbehandler, null, GRENSE));
    expect(saks).toBeInstanceOf(Tilgangsfeil);
    expect(saks).toMatchObject({ kode: 'FEIL_TJENESTEOMRAADE' });
    await expect(satser.oversikt(saksbehandler, 'demo-foreldrebetaling')).rejects.toThrow(Tilgangsfeil);
  });

  it('an administrator looks up no one', async () => {
    const e = await feil(
      tjeneste.beregn({
        ...barnehage('2026-06-01'),
        autentisering: { ok: true, aktoer: anne },
        rolleId: 'satser',
      }),
    );
    expect(e).toMatchObject({ kode: 'FEIL_TJENESTEOMRAADE' });
    // Not even a name.
    await expect(
      tjeneste.navn({
        autentisering: { ok: true, aktoer: anne },
        rolleId: 'satser',
        identifikator: KS_SOEKER,
      }),
    ).rejects.toThrow(Tilgangsfeil);
  });

  it('A enters, A cannot approve, B approves; then a beregning uses the value and names both', async () => {
    await expect(tjeneste.beregn(barnehage('2026-09-01'))).rejects.toThrow(UtenforDekning);

    const lagt = await satser.leggInn(anne, null, { ...GRENSE, verdi: 700000 });
    expect(lagt).toMatchObject({ verdi: 700000, godkjenning: null, innlagtAv: { id: 'anne' } });
    // Entered is not in force.
    await expect(tjeneste.beregn(barnehage('2026-09-01'))).rejects.toThrow(UtenforDekning);
    const oversikt = await satser.oversikt(bjorn);
    const tabell = oversikt.tabeller.find((t) => t.navn === GRENSE.tabell);
    expect(tabell).toMatchObject({
      innebygdTil: '2026-07-31',
      dekketTil: '2026-07-31',
      nesteGyldigFra: '2026-08-01',
    });
    expect(tabell?.satser).toEqual([
      expect.objectContaining({ id: lagt.id, status: 'VENTER_PAA_GODKJENNING', kanGodkjennes: true }),
    ]);

    const egen = await feil(satser.godkjenn(anne, null, lagt.id));
    expect(egen).toBeInstanceOf(SatsAvvist);
    expect(egen).toMatchObject({ kode: 'EGEN_SATS', felt: 'id' });

    // Whatever the path carries, an unknown id is «not found», never a failure of the audit log.
    await expect(satser.godkjenn(bjorn, null, 'ikke\nen id')).rejects.toMatchObject({ kode: 'FINNES_IKKE' });
    const godkjent = await satser.godkjenn(bjorn, 'satser', lagt.id);
    expect(godkjent.godkjenning?.av).toEqual({ id: 'bjorn', navn: 'Bjørn Satsforvalter' });
    await expect(satser.godkjenn(bjorn, null, lagt.id)).rejects.toMatchObject({ kode: 'ALLEREDE_GODKJENT' });

    const { resultat } = await tjeneste.beregn(barnehage('2026-09-01'));
    const brukt = resultat.regelverk.satser.find((s) => s.tabell === GRENSE.tabell);
    expect(brukt).toMatchObject({
      gyldigFra: '2026-08-01',
      verdi: 700000,
      kilde: { tittel: GRENSE.kilde.tittel },
      kommunesats: {
        id: lagt.id,
        innlagtAv: { navn: 'Anne Satsforvalter' },
        godkjentAv: { navn: 'Bjørn Satsforvalter' },
      },
    });
    const advarsel = resultat.advarsler.find((a) => a.kode === 'KOMMUNESATS_BRUKT');
    expect(advarsel?.melding).toMatch(
      /Inntektsgrense for gratis kjernetid.*1\. august 2026.*lagt inn i produktet av kommunen.*Testkilde.*lagt inn av Anne Satsforvalter og godkjent av Bjørn Satsforvalter 7\. desember 2026/,
    );
    // A date within the built-in values names no municipal value.
    const foer = await tjeneste.beregn(barnehage('2026-06-01'));
    expect(foer.resultat.advarsler.some((a) => a.kode === 'KOMMUNESATS_BRUKT')).toBe(false);

    // The next value must continue the table: 1.8.2027, not over the approved one.
    const over = (await feil(satser.leggInn(bjorn, null, GRENSE))) as Valideringsfeil;
    expect(over.feil).toEqual([
      { felt: 'gyldigFra', melding: expect.stringMatching(/dekket av en godkjent verdi.*1\. august 2027/) },
    ]);
  });

  it('audits every step: entered, refused, approved', async () => {
    const logg = await lagring.revisjonslogg.liste({ siste: 100 });
    const satslogg = logg
      .filter((p) => p.tjenesteomraade === SATSFORVALTNING)
      .map((p) => [p.aktoerId, p.utfall, p.aarsakskode, p.formaal?.split(':')[0] ?? null]);
    expect(satslogg).toEqual([
      ['anne', 'AVVIST', 'UGYLDIG_SATS', null],
      ['anne', 'AVVIST', 'UGYLDIG_SATS', null],
      // A case worker tried to enter a rate, and to list them: refused and recorded.
      ['demo-bruker-foreldrebetaling', 'AVVIST', 'FEIL_TJENESTEOMRAADE', null],
      ['demo-bruker-foreldrebetaling', 'AVVIST', 'FEIL_TJENESTEOMRAADE', null],
      ['anne', 'TILLATT', null, 'SATS_LAGT_INN'],
      ['anne', 'AVVIST', 'EGEN_SATS', null],
      ['bjorn', 'AVVIST', 'SATS_FINNES_IKKE', null],
      ['bjorn', 'TILLATT', null, 'SATS_GODKJENT'],
      ['bjorn', 'AVVIST', 'SATS_ALLEREDE_GODKJENT', null],
      ['bjorn', 'AVVIST', 'UGYLDIG_SATS', null],
    ]);
    expect(logg.every((p) => p.tjenesteomraade !== SATSFORVALTNING || p.identifikatorer.length === 0)).toBe(
      true,
    );
    expect(await lagring.revisjonslogg.verifiserKjede()).toMatchObject({ ok: true });
  });
});
