import {
  innebygdeKilder,
  innebygdPopulasjon,
  type Kilder,
  KS_PARTNER,
  KS_SOEKER,
  PersonIkkeFunnet,
  personerIKategori,
} from '@inntektsgrunnlag/kilder';
import { aapneLagring, DEMODATA, type Lagring } from '@inntektsgrunnlag/lagring';
import { Tilgangsfeil } from '@inntektsgrunnlag/tilgang';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Autentisering,
  Oppslagstjeneste,
  standardRegelverk,
  validerKommuneinnstillinger,
} from './index.js';

let lagring: Lagring;
beforeAll(async () => {
  lagring = await aapneLagring({ iMinne: true, demodata: true });
});
afterAll(() => lagring.lukk());

function tjeneste(kilder: Kilder = innebygdeKilder()) {
  return new Oppslagstjeneste({
    lagring,
    kilder,
    regelverk: standardRegelverk(),
    innstillinger: validerKommuneinnstillinger({}),
    klokke: () => new Date('2024-06-01T10:00:00Z'),
  });
}
async function demobruker(rolleId: string): Promise<Autentisering> {
  const demo = DEMODATA.find((d) => d.rolle.id === rolleId);
  const aktoer = demo ? await lagring.brukere.aktoer(demo.bruker.id) : null;
  if (!aktoer) throw new Error(`ingen demobruker for ${rolleId}`);
  return { ok: true, aktoer };
}

describe('the household from Folkeregisteret', () => {
  it('proposes the KS example’s partner for its applicant, with name, and audits both as HUSSTANDSOPPSLAG', async () => {
    const svar = await tjeneste().husstand({
      autentisering: await demobruker('demo-langtidsopphold'),
      rolleId: 'demo-langtidsopphold',
      identifikator: KS_SOEKER,
      beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
      saksreferanse: '2024/7',
    });
    expect(svar.soeker).toMatchObject({ identifikator: KS_SOEKER, sivilstand: 'gift', skjermet: false });
    expect(svar.forslag).toEqual([
      {
        identifikator: KS_PARTNER,
        persontype: 'EKTEFELLE',
        relasjon: 'gift',
        navn: { fornavn: 'OPPRIKTIG', mellomnavn: null, etternavn: 'DAMESYKKEL' },
        foedselsdato: '1970-04-27',
        skjermet: false,
        plassering: 'PERSONER',
      },
    ]);
    expect(svar.merknader.join(' ')).toMatch(/samboer .* legges inn for hånd/i);
    const [siste] = await lagring.revisjonslogg.liste({ siste: 1, identifikator: KS_PARTNER });
    expect(siste).toMatchObject({
      utfall: 'TILLATT',
      formaal: 'HUSSTANDSOPPSLAG',
      beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
      saksreferanse: '2024/7',
    });
    expect(siste?.identifikatorer).toEqual([KS_SOEKER, KS_PARTNER]);
  });

  it('proposes children only where the area takes them: as persons (praktisk bistand) or for the vedtak (barnehage)', async () => {
    const pop = innebygdPopulasjon();
    const forelder = personerIKategori('FAMILIE_FORELDER', pop).find((p) =>
      (p.freg.familierelasjon ?? []).some((f) => f.relatertPersonsRolle === 'barn'),
    );
    if (!forelder) throw new Error('ingen forelder med barn i populasjonen');
    const barn = (forelder.freg.familierelasjon ?? [])
      .filter((f) => f.relatertPersonsRolle === 'barn')
      .map((f) => f.relatertPerson);
    const hent = async (rolleId: string, beregningstype: string) =>
      tjeneste().husstand({
        autentisering: await demobruker(rolleId),
        rolleId,
        identifikator: forelder.identifikator,
        beregningstype,
      });
    const pb = await hent('demo-praktisk-bistand', 'PRAKTISK_BISTAND');
    expect(pb.forslag.filter((f) => f.persontype === 'BARN').map((f) => f.identifikator)).toEqual(barn);
    expect(pb.forslag.filter((f) => f.persontype === 'BARN').every((f) => f.plassering === 'PERSONER')).toBe(
      true,
    );
    const bh = await hent('demo-foreldrebetaling', 'BARNEHAGE_SFO');
    const bhBarn = bh.forslag.filter((f) => f.persontype === 'BARN');
    expect(bhBarn.map((f) => f.identifikator)).toEqual(barn);
    expect(
      bhBarn.every((f) => f.plassering === 'VEDTAK_BARN' && /^\d{4}-\d\d-\d\d$/.test(f.foedselsdato ?? '')),
    ).toBe(true);
    const lt = await hent('demo-langtidsopphold', 'LANGTIDSOPPHOLD_INSTITUSJON');
    expect(lt.forslag.some((f) => f.persontype === 'BARN')).toBe(false);
  });

  it('marks a protected related person skjermet, and one whose lookup fails too (unchecked is protected)', async () => {
    const k = innebygdeKilder();
    const kilder: Kilder = {
      ...k,
      folkeregister: {
        hentPerson: (id, deler) =>
          id === KS_PARTNER
            ? Promise.reject(new PersonIkkeFunnet({ api: 'FOLKEREGISTERET', identifikator: id }))
            : k.folkeregister.hentPerson(id, deler),
      },
    };
    const svar = await tjeneste(kilder).husstand({
      autentisering: await demobruker('demo-langtidsopphold'),
      rolleId: 'demo-langtidsopphold',
      identifikator: KS_SOEKER,
      beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
    });
    expect(svar.forslag[0]).toMatchObject({ identifikator: KS_PARTNER, navn: null, skjermet: true });
    expect(svar.merknader.join(' ')).toMatch(/278470\*{5}.*behandles som skjermet/);
  });

  it('refuses and audits a role of another area, and a bad identifikator before any lookup', async () => {
    await expect(
      tjeneste().husstand({
        autentisering: await demobruker('demo-foreldrebetaling'),
        rolleId: 'demo-foreldrebetaling',
        identifikator: KS_SOEKER,
        beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
      }),
    ).rejects.toBeInstanceOf(Tilgangsfeil);
    const [siste] = await lagring.revisjonslogg.liste({ siste: 1, identifikator: KS_SOEKER });
    expect(siste).toMatchObject({ utfall: 'AVVIST', aarsakskode: 'FEIL_TJENESTEOMRAADE' });
    await expect(
      tjeneste().husstand({
        autentisering: await demobruker('demo-langtidsopphold'),
        rolleId: 'demo-langtidsopphold',
        identifikator: '12345678901',
        beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
      }),
    ).rejects.toMatchObject({ name: 'Valideringsfeil' });
  });
});
