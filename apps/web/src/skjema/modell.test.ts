import { describe, expect, it } from 'vitest';
import type { Verdier } from '../api/typer';
import {
  byggForespoersel,
  feilFraApi,
  feltId,
  foreslaattInntektsaarBistand,
  identifikatorfeil,
  inntektsaarTrengerGrunn,
  oppslagsnoekkel,
  type Skjemadata,
  tomtSkjema,
} from './modell';

const SOEKER = '04817299771';
const EKTEFELLE = '27847099416';

const langtid: Pick<Verdier, 'persontyper' | 'ekstraposter'> = {
  persontyper: [
    { type: 'SOEKER', tekst: 'Søker' },
    { type: 'EKTEFELLE', tekst: 'Ektefelle' },
    { type: 'PARTNER', tekst: 'Partner' },
    { type: 'SAMBOER', tekst: 'Samboer' },
  ],
  ekstraposter: [
    {
      tekniskNavn: 'kommune.tenktEtterlattePensjon',
      visningstekst: 'Tenkt etterlattepensjon',
      infotekst: null,
      persontyper: ['EKTEFELLE', 'PARTNER', 'SAMBOER'],
    },
    {
      tekniskNavn: 'kommune.boutgifter',
      visningstekst: 'Boutgifter',
      infotekst: null,
      persontyper: ['SOEKER'],
    },
  ],
};

function skjema(endring: Partial<Skjemadata> = {}): Skjemadata {
  return { ...tomtSkjema('LANGTIDSOPPHOLD_INSTITUSJON', '2023'), soeker: SOEKER, ...endring };
}

describe('identifikatorfeil', () => {
  it('accepts the KS persons and names the faulty control digit of a mistyped number', () => {
    expect(identifikatorfeil(SOEKER)).toBeNull();
    expect(identifikatorfeil('048172 99771')).toBeNull();
    expect(identifikatorfeil('04817299772')).toMatch(/andre kontrollsiffer stemmer ikke/);
    expect(identifikatorfeil('04817299761')).toMatch(/kontrollsiffer/);
  });

  it('waits while a number is being typed, but not for a letter', () => {
    expect(identifikatorfeil('048172', true)).toBeNull();
    expect(identifikatorfeil('048172', false)).toMatch(/11 sifre\. Du har skrevet 6/);
    expect(identifikatorfeil('04817a', true)).toMatch(/bare inneholde sifre/);
    expect(identifikatorfeil('', false)).toMatch(/Skriv inn fødselsnummer/);
  });
});

describe('byggForespoersel', () => {
  it('builds the request the API takes: persons in order, manual posts per person as kroner text', () => {
    const data = skjema({
      harPartner: true,
      partner: EKTEFELLE,
      ekstraposter: {
        soeker: { 'kommune.boutgifter': '12 500,50' },
        partner: { 'kommune.tenktEtterlattePensjon': '' },
      },
      langtid: { ...tomtSkjema('LANGTIDSOPPHOLD_INSTITUSJON').langtid, oppholdskostnadPerMaaned: '95 000' },
    });
    const { foresporsel, feil } = byggForespoersel(data, langtid, { avregningTillatt: true });
    expect(feil).toEqual([]);
    expect(foresporsel).toEqual({
      beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
      inntektsaar: 2023,
      personer: [
        {
          identifikator: SOEKER,
          type: 'SOEKER',
          ekstraposter: [{ tekniskNavn: 'kommune.boutgifter', beloep: '12500.50' }],
        },
        { identifikator: EKTEFELLE, type: 'EKTEFELLE' },
      ],
      vedtak: { dobbeltromMotEgetOenske: false, oppholdskostnadPerMaaned: '95000' },
      avregning: 'OM_TILLATT',
    });
  });

  it('sends the § 5 and § 6 facts of a langtidsopphold only when the case worker gives them', () => {
    const vedtak = (l: Partial<ReturnType<typeof tomtSkjema>['langtid']>) =>
      byggForespoersel(
        skjema({ langtid: { ...tomtSkjema('LANGTIDSOPPHOLD_INSTITUSJON').langtid, ...l } }),
        langtid,
        { avregningTillatt: false },
      );
    expect(vedtak({}).foresporsel?.vedtak).toEqual({ dobbeltromMotEgetOenske: false });
    expect(
      vedtak({
        innflyttingsdato: '2026-03-15',
        direkteFraInstitusjonFraOgMed: '2026-03-01',
        forsoergerHjemme: 'nei',
      }).foresporsel?.vedtak,
    ).toEqual({
      dobbeltromMotEgetOenske: false,
      innflyttingsdato: '2026-03-15',
      direkteFraInstitusjonFraOgMed: '2026-03-01',
      forsoergerHjemme: false,
    });
    expect(vedtak({ forsoergerHjemme: 'ja' }).foresporsel?.vedtak).toMatchObject({ forsoergerHjemme: true });
    expect(vedtak({ direkteFraInstitusjonFraOgMed: '1. mars' }).feil.map((f) => f.feltId)).toEqual([
      feltId.vedtak('direkteFraInstitusjonFraOgMed'),
    ]);
  });

  it('lists every fault with the input to link to, and sends nothing', () => {
    const data = skjema({
      soeker: '04817299772',
      harPartner: true,
      partner: '',
      ekstraposter: { soeker: { 'kommune.boutgifter': 'mye' } },
      langtid: { ...tomtSkjema('LANGTIDSOPPHOLD_INSTITUSJON').langtid, boutgifterAntallMaaneder: '13' },
    });
    const { foresporsel, feil } = byggForespoersel(data, langtid, { avregningTillatt: false });
    expect(foresporsel).toBeNull();
    expect(feil.map((f) => f.feltId)).toEqual([
      feltId.person('soeker'),
      feltId.ekstrapost('soeker', 'kommune.boutgifter'),
      feltId.person('partner'),
      feltId.vedtak('boutgifterAntallMaaneder'),
    ]);
    expect(feil[0]?.melding).toMatch(/^Fødselsnummer \(søker\): Nummeret er ikke gyldig/);
  });

  it('refuses the same person twice', () => {
    const { feil } = byggForespoersel(skjema({ harPartner: true, partner: SOEKER }), langtid, {
      avregningTillatt: false,
    });
    expect(feil).toHaveLength(1);
    expect(feil[0]?.feltId).toBe(feltId.person('partner'));
  });

  it('asks for the facts of each child with a place in barnehage or SFO', () => {
    const data = tomtSkjema('BARNEHAGE_SFO', '2024');
    data.soeker = SOEKER;
    const barn = data.barnehage.barn[0];
    if (!barn) throw new Error('tomtSkjema skal ha ett barn');
    Object.assign(barn, { tilbud: 'SFO', foedselsdato: '2017-03-01', prisPerMaaned: '3 000' });
    const { feil } = byggForespoersel(
      data,
      { persontyper: [{ type: 'SOEKER', tekst: '' }], ekstraposter: [] },
      {
        avregningTillatt: false,
      },
    );
    expect(feil.map((f) => f.feltId)).toEqual([feltId.vedtak('barn', barn.noekkel, 'trinn')]);
    barn.trinn = '2';
    barn.oppholdstimerPerUke = '12,5';
    const ok = byggForespoersel(
      data,
      { persontyper: [{ type: 'SOEKER', tekst: '' }], ekstraposter: [] },
      {
        avregningTillatt: false,
      },
    );
    expect(ok.foresporsel?.vedtak).toEqual({
      barn: [
        {
          tilbud: 'SFO',
          foedselsdato: '2017-03-01',
          prisPerMaaned: '3000',
          oppholdstimerPerUke: 12.5,
          trinn: 2,
        },
      ],
      soektRedusertForeldrebetaling: true,
      soektGratisKjernetid: true,
    });
    // On 5.–7. trinn the form asks about særlege behov (free SFO, § 2-3) and always sends the answer.
    barn.trinn = '6';
    barn.saerlegeBehov = true;
    data.barnehage.sone = 'SENTRALITET_5_6';
    data.barnehage.soektGratisKjernetid = false;
    const sjette = byggForespoersel(
      data,
      { persontyper: [{ type: 'SOEKER', tekst: '' }], ekstraposter: [] },
      { avregningTillatt: false },
    );
    expect(sjette.foresporsel?.vedtak).toEqual({
      barn: [
        {
          tilbud: 'SFO',
          foedselsdato: '2017-03-01',
          prisPerMaaned: '3000',
          oppholdstimerPerUke: 12.5,
          trinn: 6,
          saerlegeBehov: true,
        },
      ],
      sone: 'SENTRALITET_5_6',
      soektRedusertForeldrebetaling: true,
      soektGratisKjernetid: false,
    });
  });

  it('needs the hours when a cost per hour is given (selvkost = hours × cost)', () => {
    const data = tomtSkjema('PRAKTISK_BISTAND', '2024');
    data.soeker = SOEKER;
    data.bistand.kostnadPerTime = '650';
    const { feil } = byggForespoersel(
      data,
      { persontyper: [{ type: 'SOEKER', tekst: '' }], ekstraposter: [] },
      {
        avregningTillatt: false,
      },
    );
    expect(feil.map((f) => f.feltId)).toEqual([feltId.vedtak('timerPerMaaned')]);
  });
});

describe('PRAKTISK_BISTAND: egenandelsforskriften §§ 9 and 10 in the form', () => {
  const bistand: Pick<Verdier, 'persontyper' | 'ekstraposter'> = {
    persontyper: [
      { type: 'SOEKER', tekst: 'Søker' },
      { type: 'EKTEFELLE', tekst: 'Ektefelle' },
    ],
    ekstraposter: [],
  };
  const bygg = (data: Skjemadata) => byggForespoersel(data, bistand, { avregningTillatt: false });

  it('proposes the last settlement available on 1 January of the vedtak’s year (§ 10 første ledd)', () => {
    expect(foreslaattInntektsaarBistand('2026-06-01', 2026)).toBe(2024);
    expect(foreslaattInntektsaarBistand('', 2027)).toBe(2025);
    expect(inntektsaarTrengerGrunn('2024', '2026-06-01')).toBe(false);
    expect(inntektsaarTrengerGrunn('2025', '2026-06-01')).toBe(false);
    expect(inntektsaarTrengerGrunn('2023', '2026-06-01')).toBe(true);
    // Without a date the vedtak's year is not known; the API does not check it either.
    expect(inntektsaarTrengerGrunn('2019', '')).toBe(false);
  });

  it('asks why another income year is used, and what changed when the income changed', () => {
    const data = { ...tomtSkjema('PRAKTISK_BISTAND', '2022'), soeker: SOEKER, beregningsdato: '2026-03-01' };
    expect(bygg(data).feil.map((f) => f.feltId)).toEqual([feltId.vedtak('inntektsaarBegrunnelse', 'aarsak')]);
    data.bistand.inntektsaarAarsak = 'VESENTLIG_ENDRET_INNTEKT';
    expect(bygg(data).feil.map((f) => f.feltId)).toEqual([
      feltId.vedtak('inntektsaarBegrunnelse', 'forklaring'),
    ]);
    data.bistand.inntektsaarForklaring = ' Ny jobb fra 2025 ';
    expect(bygg(data).foresporsel?.vedtak).toMatchObject({
      inntektsaarBegrunnelse: { aarsak: 'VESENTLIG_ENDRET_INNTEKT', forklaring: 'Ny jobb fra 2025' },
    });
  });

  it('sends the partner outside the household (§ 10 fjerde ledd), the price and the § 9 tredje ledd ceiling', () => {
    const data: Skjemadata = {
      ...tomtSkjema('PRAKTISK_BISTAND', '2024'),
      soeker: SOEKER,
      harPartner: true,
      partner: EKTEFELLE,
      beregningsdato: '2026-03-01',
    };
    data.bistand = {
      ...data.bistand,
      partnerUtenforHusstanden: 'LANGTIDSOPPHOLD',
      prisPerMaaned: '1 200',
      beholderTilstrekkeligMaks: '800,50',
    };
    const { foresporsel, feil } = bygg(data);
    expect(feil).toEqual([]);
    expect(foresporsel?.vedtak).toEqual({
      hjelpGrunnetBarnsBehov: false,
      utenforHusstanden: [{ identifikator: EKTEFELLE, grunn: 'LANGTIDSOPPHOLD' }],
      prisPerMaaned: '1200',
      beholderTilstrekkeligMaks: '800.50',
    });
    data.bistand.prisPerMaaned = '-5';
    expect(bygg(data).feil.map((f) => f.feltId)).toEqual([feltId.vedtak('prisPerMaaned')]);
  });

  it('links the API’s errors on the new fields to their inputs', () => {
    const data = { ...tomtSkjema('PRAKTISK_BISTAND', '2024'), soeker: SOEKER };
    const { feltkart } = bygg(data);
    const feil = feilFraApi(
      [
        { felt: 'vedtak.inntektsaarBegrunnelse', melding: 'mangler' },
        { felt: 'vedtak.utenforHusstanden.0.identifikator', melding: 'er søkeren' },
      ],
      feltkart,
      'beregn',
    );
    expect(feil.map((f) => f.feltId)).toEqual([
      feltId.vedtak('inntektsaarBegrunnelse', 'aarsak'),
      feltId.vedtak('utenforHusstanden'),
    ]);
  });
});

describe('oppslagsnoekkel', () => {
  it('changes with the persons and the year, not with manual posts or vedtak', () => {
    const a = skjema();
    const b = skjema({ ekstraposter: { soeker: { 'kommune.boutgifter': '100' } } });
    const c = skjema({ inntektsaar: '2022' });
    expect(oppslagsnoekkel(a, langtid)).toBe(oppslagsnoekkel(b, langtid));
    expect(oppslagsnoekkel(a, langtid)).not.toBe(oppslagsnoekkel(c, langtid));
  });
});

describe('feilFraApi', () => {
  it('maps the API field paths to the inputs, with their labels, and the rest to a fallback', () => {
    const { feltkart } = byggForespoersel(skjema({ harPartner: true, partner: EKTEFELLE }), langtid, {
      avregningTillatt: false,
    });
    const feil = feilFraApi(
      [
        {
          felt: 'personer.1.identifikator',
          melding: 'ugyldig identifikator: første kontrollsiffer stemmer ikke',
        },
        { felt: 'vedtak.korttidsopphold.doegn.x', melding: 'for mange' },
        { felt: 'ukjent', melding: 'noe annet' },
      ],
      feltkart,
      'beregn',
    );
    expect(feil.map((f) => f.feltId)).toEqual([
      feltId.person('partner'),
      feltId.vedtak('korttidsopphold', 'doegn'),
      'beregn',
    ]);
    expect(feil[0]?.melding).toBe(
      'Fødselsnummer (ektefelle): ugyldig identifikator: første kontrollsiffer stemmer ikke',
    );
  });
});
