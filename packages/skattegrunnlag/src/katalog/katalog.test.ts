import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KATALOGAAR, katalogFor, UkjentInntektsaarError, visningsgruppeForSsg } from '../index.js';

const data = fileURLToPath(new URL('../../data/', import.meta.url));

describe('post catalogue', () => {
  it('covers 2017–2025', () => {
    expect(KATALOGAAR).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(() => katalogFor(2016)).toThrow(UkjentInntektsaarError);
    expect(() => katalogFor(2026)).toThrow(/2017–2025/);
  });

  it('2017 and 2018: the settlement post without its number as the text, and no placeholder text', () => {
    expect(katalogFor(2018).finn('aarsavgiftForKontoIVerdipapirregister')).toMatchObject({
      kategori: 'inntektsfradrag',
      visningstekst: 'Årsavgift VPS konto',
    });
    expect(katalogFor(2018).finn('formuesverdiForKjoeretoey')?.visningstekst).toBe('Kjøretøy');
    expect(katalogFor(2017).finn('standardfradrag')?.visningstekst).toBe('10 % standardfradrag');
    // 2017 gives it no kategori; 2018 does.
    expect(katalogFor(2017).finn('standardfradrag')?.kategori ?? null).toBeNull();
    expect(katalogFor(2018).finn('standardfradrag')?.kategori).toBe('inntektsfradrag');
    // 2017's names before the 2018 renames.
    expect(katalogFor(2017).finn('samletLoennsinntektTilBarnUnderTrettenAar')).toBeDefined();
    expect(katalogFor(2018).finn('samletLoennsinntektTilBarnUnderTrettenAar')).toBeUndefined();
    expect(katalogFor(2018).finn('loennsinntektTilBarn')).toBeDefined();
    for (const aar of [2017, 2018]) {
      for (const p of katalogFor(aar).ssgPoster()) {
        expect(p.visningstekst ?? '', p.tekniskNavn).not.toMatch(
          /^\d+(\.\d+)+\s|^Mangler tekst$|^Vises ikke/,
        );
      }
    }
  });

  for (const aar of [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]) {
    it(`${aar} has every post of its TSV, with kategori and visningstekst`, () => {
      const tsv = readFileSync(`${data}poster-${aar}.tsv`, 'utf8')
        .split('\n')
        .filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('tekniskNavn\t'))
        .map((l) => l.split('\t'));
      const katalog = katalogFor(aar);
      expect(katalog.ssgPoster().length).toBeGreaterThanOrEqual(tsv.length);
      for (const [navn, kategori, tekst] of tsv) {
        const post = katalog.finn(navn as string);
        expect(post, navn).toBeDefined();
        if (kategori) expect(post?.kategori).toBe(kategori);
        if (tekst) expect(post?.visningstekst).toBe(tekst);
      }
    });
  }

  it('holds the JSON-pointer posts and the extra posts with their source', () => {
    const k = katalogFor(2023);
    expect(k.finn('/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt')).toMatchObject({
      art: 'BEREGNET_SKATT',
      visningsgruppe: 'FRADRAG',
    });
    expect(k.finn('/fastland/restskatt')).toMatchObject({ art: 'AVREGNING' });
    expect(k.finn('nav.hjelpestoenadFraFolketrygden')).toMatchObject({ kilde: 'NAV', art: 'EKSTRAPOST' });
    expect(k.finn('kommune.skjoennsmessigeFradrag')).toMatchObject({
      kilde: 'KOMMUNE',
      kanEndreVisningstekst: true,
    });
  });

  it('groups SSG posts for display by kategori, with the minstefradrag and pre-discount values under ANNET', () => {
    const gruppe = (navn: string, kategori: string | null) => visningsgruppeForSsg(navn, kategori);
    expect(gruppe('utbytteFraAksje', 'inntekt')).toBe('INNTEKT');
    expect(gruppe('oppjustertTilleggTilUtbytteFraAksje', 'oppjusteringAvEierinntekter')).toBe('INNTEKT');
    expect(gruppe('betalteForsinkelsesrenter', 'inntektsfradrag')).toBe('FRADRAG');
    expect(gruppe('innskudd', 'formue')).toBe('FORMUE');
    expect(gruppe('gjeldIInnenlandskeBanker', 'formuesfradrag')).toBe('GJELD');
    expect([gruppe('bruttoformue', '-'), gruppe('nettoformue', '-'), gruppe('samletGjeld', '-')]).toEqual([
      'FORMUE',
      'FORMUE',
      'GJELD',
    ]);
    expect(gruppe('alminneligInntektFoerSaerfradrag', '-')).toBe('ANNET');
    // As KS shows minstefradragIInntekt and verdiFoerVerdsettingsrabattForAksje; the families follow.
    expect(gruppe('minstefradragIInntekt', 'inntektsfradrag')).toBe('ANNET');
    expect(gruppe('sumMinstefradrag', 'inntektsfradrag')).toBe('ANNET');
    expect(gruppe('verdiFoerVerdsettingsrabattForAksje', 'formue')).toBe('ANNET');
    expect(gruppe('verdiFoerVerdsettingsrabattForAksjedelIAksjesparekonto', 'formue')).toBe('ANNET');
    expect(gruppe('verdsettingsrabattForAksje', 'verdsettingsrabattSomGirGjeldsreduksjon')).toBe('GJELD');
  });
});
