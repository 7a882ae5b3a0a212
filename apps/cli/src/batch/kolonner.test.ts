import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { describe, expect, it } from 'vitest';
import { BrukerFeil } from '../kontekst.js';
import { kolonneForFelt, lesCsvHeader, radTilForesporsel } from './kolonner.js';

function rad(celler: Record<string, string>) {
  const header = Object.keys(celler);
  return radTilForesporsel(Object.values(celler), lesCsvHeader(header));
}

describe('the CSV column scheme', () => {
  it('refuses a header with an unknown, a repeated or a missing required column, naming each', () => {
    const feil = (header: string[]) => {
      try {
        lesCsvHeader(header);
      } catch (e) {
        expect(e).toBeInstanceOf(BrukerFeil);
        return (e as Error).message;
      }
      throw new Error('ble godtatt');
    };
    expect(feil(['beregningstype', 'inntektsaar', 'identifikator', 'barn1_prisPrMaaned'])).toMatch(
      /ukjent kolonne «barn1_prisPrMaaned»/,
    );
    expect(feil(['beregningstype', 'inntektsaar', 'identifikator', 'partner', 'partner'])).toMatch(
      /«partner» står to ganger/,
    );
    const mangler = feil(['beregningstype', 'partner']);
    expect(mangler).toMatch(/«inntektsaar» mangler/);
    expect(mangler).toMatch(/«identifikator» mangler/);
    expect(feil(['beregningstype', 'inntektsaar', 'identifikator', 'barn16_tilbud'])).toMatch(
      /barn16_tilbud/,
    );
  });

  it('makes a BARNEHAGE_SFO request with children, a partner and inline posts', () => {
    expect(
      rad({
        beregningstype: 'BARNEHAGE_SFO',
        inntektsaar: '2024',
        beregningsdato: '2025-09-01',
        identifikator: '21841910076',
        partner: '14882110053',
        partnertype: 'SAMBOER',
        saksreferanse: 'SAK-1',
        soeker_poster: 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt=700000',
        partner_poster: 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt=650000,50 | renteinntekt=10',
        sone: '',
        barn1_tilbud: 'BARNEHAGE',
        barn1_foedselsdato: '2024-05-01',
        barn1_prisPerMaaned: '1200',
        barn1_oppholdstimerPerUke: '37,5',
        barn2_tilbud: 'SFO',
        barn2_foedselsdato: '2017-05-01',
        barn2_prisPerMaaned: '3000.50',
        barn2_trinn: '2',
      }),
    ).toEqual({
      beregningstype: 'BARNEHAGE_SFO',
      inntektsaar: 2024,
      beregningsdato: '2025-09-01',
      saksreferanse: 'SAK-1',
      personer: [
        {
          identifikator: '21841910076',
          type: 'SOEKER',
          poster: [
            { tekniskNavn: 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt', beloep: '700000' },
          ],
        },
        {
          identifikator: '14882110053',
          type: 'SAMBOER',
          poster: [
            { tekniskNavn: 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt', beloep: '650000.50' },
            { tekniskNavn: 'renteinntekt', beloep: '10' },
          ],
        },
      ],
      vedtak: {
        barn: [
          {
            tilbud: 'BARNEHAGE',
            foedselsdato: '2024-05-01',
            prisPerMaaned: '1200',
            oppholdstimerPerUke: 37.5,
          },
          { tilbud: 'SFO', foedselsdato: '2017-05-01', prisPerMaaned: '3000.50', trinn: 2 },
        ],
      },
    });
  });

  it('carries the BARNEHAGE_SFO søknad facts and a pupil’s særlege behov', () => {
    expect(
      rad({
        beregningstype: 'BARNEHAGE_SFO',
        inntektsaar: '2025',
        identifikator: '21841910076',
        soektRedusertForeldrebetaling: 'ja',
        soektGratisKjernetid: 'nei',
        barn1_tilbud: 'SFO',
        barn1_foedselsdato: '2014-05-01',
        barn1_prisPerMaaned: '3000',
        barn1_trinn: '6',
        barn1_saerlegeBehov: 'true',
      }).vedtak,
    ).toEqual({
      soektRedusertForeldrebetaling: true,
      soektGratisKjernetid: false,
      barn: [
        { tilbud: 'SFO', foedselsdato: '2014-05-01', prisPerMaaned: '3000', trinn: 6, saerlegeBehov: true },
      ],
    });
  });

  it('makes LANGTIDSOPPHOLD and PRAKTISK_BISTAND vedtak from flat columns, and leaves empty cells out', () => {
    expect(
      rad({
        beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
        inntektsaar: '2025',
        identifikator: '12834010060',
        innflyttingsdato: '2025-03-15',
        direkteFraInstitusjonFraOgMed: '2025-03-01',
        forsoergerHjemme: 'nei',
        dobbeltromMotEgetOenske: 'ja',
        oppholdskostnadPerMaaned: '95000',
        korttidsopphold_doegn: '14',
        korttidsopphold_dagEllerNattopphold: '',
        timerPerMaaned: '',
      }),
    ).toEqual({
      beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
      inntektsaar: 2025,
      personer: [{ identifikator: '12834010060', type: 'SOEKER' }],
      vedtak: {
        innflyttingsdato: '2025-03-15',
        direkteFraInstitusjonFraOgMed: '2025-03-01',
        forsoergerHjemme: false,
        dobbeltromMotEgetOenske: true,
        oppholdskostnadPerMaaned: '95000',
        korttidsopphold: { doegn: 14 },
      },
    });
    expect(
      rad({
        beregningstype: 'PRAKTISK_BISTAND',
        inntektsaar: '2021',
        identifikator: '23914510023',
        hjelpGrunnetBarnsBehov: 'false',
        timerPerMaaned: '2,5',
        kostnadPerTime: '650',
      }),
    ).toMatchObject({
      vedtak: { hjelpGrunnetBarnsBehov: false, timerPerMaaned: '2.5', kostnadPerTime: '650' },
    });
    // Egenandelsforskriften § 9 (the municipality's price, what the person must keep) and § 10 første
    // ledd (why another income year).
    expect(
      rad({
        beregningstype: 'PRAKTISK_BISTAND',
        inntektsaar: '2021',
        identifikator: '23914510023',
        prisPerMaaned: '1200',
        beholderTilstrekkeligMaks: '800,50',
        inntektsaarBegrunnelse_aarsak: 'VESENTLIG_ENDRET_INNTEKT',
        inntektsaarBegrunnelse_forklaring: 'Ny jobb fra mars',
      }),
    ).toMatchObject({
      vedtak: {
        prisPerMaaned: '1200',
        beholderTilstrekkeligMaks: '800.50',
        inntektsaarBegrunnelse: { aarsak: 'VESENTLIG_ENDRET_INNTEKT', forklaring: 'Ny jobb fra mars' },
      },
    });
    // § 10 fjerde ledd: the partner is not a member of the household.
    expect(
      rad({
        beregningstype: 'PRAKTISK_BISTAND',
        inntektsaar: '2022',
        identifikator: '23914510023',
        partner: '09825010081',
        partner_utenforHusstanden: 'LANGTIDSOPPHOLD',
      }),
    ).toMatchObject({
      vedtak: { utenforHusstanden: [{ identifikator: '09825010081', grunn: 'LANGTIDSOPPHOLD' }] },
    });
    try {
      rad({
        beregningstype: 'PRAKTISK_BISTAND',
        inntektsaar: '2022',
        identifikator: '23914510023',
        partner_utenforHusstanden: 'LANGTIDSOPPHOLD',
      });
      throw new Error('ble godtatt');
    } catch (e) {
      expect(e).toBeInstanceOf(Valideringsfeil);
      expect((e as Valideringsfeil).feil).toEqual([
        { felt: 'partner_utenforHusstanden', melding: 'kolonnen partner er tom' },
      ]);
    }
  });

  it('passes a cell that is not of its type on as text, so the request schema names the field', () => {
    expect(
      rad({
        beregningstype: 'X',
        inntektsaar: 'tjuetjuefire',
        identifikator: '1',
        korttidsdoegnSammeAar: '',
      }),
    ).toMatchObject({ inntektsaar: 'tjuetjuefire' });
  });

  it('refuses a vedtak cell of another area, a malformed post list, a lone partnertype and a gap in the children', () => {
    try {
      rad({
        beregningstype: 'PRAKTISK_BISTAND',
        inntektsaar: '2021',
        identifikator: '23914510023',
        innflyttingsdato: '2024-01-01',
        soeker_poster: 'lonn:1000',
        partnertype: 'SAMBOER',
        barn2_tilbud: 'BARNEHAGE',
      });
      throw new Error('ble godtatt');
    } catch (e) {
      expect(e).toBeInstanceOf(Valideringsfeil);
      expect((e as Valideringsfeil).feil.map((f) => f.felt)).toEqual([
        'soeker_poster',
        'partnertype',
        'innflyttingsdato',
        'barn2_tilbud',
      ]);
    }
  });

  it('names the CSV column behind a request field', () => {
    expect(kolonneForFelt('personer.0.identifikator')).toBe('identifikator');
    expect(kolonneForFelt('personer.1.identifikator')).toBe('partner');
    expect(kolonneForFelt('personer.1.type')).toBe('partnertype');
    expect(kolonneForFelt('personer.0.poster.2.beloep')).toBe('soeker_poster (post 3)');
    expect(kolonneForFelt('vedtak.barn.0.prisPerMaaned')).toBe('barn1_prisPerMaaned');
    expect(kolonneForFelt('vedtak.korttidsopphold.doegn')).toBe('korttidsopphold_doegn');
    expect(kolonneForFelt('vedtak.timerPerMaaned')).toBe('timerPerMaaned');
    expect(kolonneForFelt('vedtak.utenforHusstanden.0.grunn')).toBe('partner_utenforHusstanden');
    expect(kolonneForFelt('vedtak.inntektsaarBegrunnelse.forklaring')).toBe(
      'inntektsaarBegrunnelse_forklaring',
    );
    expect(kolonneForFelt('inntektsaar')).toBe('inntektsaar');
  });
});
