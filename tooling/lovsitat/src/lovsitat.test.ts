import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  finnSitater,
  lesHenvisning,
  lesLovfil,
  lesLovtekster,
  sitaterUnder,
  sjekkHenvisning,
  sjekkHjemmel,
  sjekkSitat,
  sjekkSitater,
  sjekkSitatILoven,
} from './index.js';

/** A small law of our own, in Lovdata's Markdown form, so the parser is tested apart from the data. */
const PROVELOV = lesLovfil(
  'provelov.md',
  `---
tittel: "Forskrift om prøving"
refid: "forskrift/2020-01-02-3"
ikrafttredelse: "2020-02-01"
---

# Forskrift om prøving

## Merknader til de enkelte bestemmelsene

Til ny § 2 :

Med prøving menes det eldste forsøket som er gjort.

## Kapittel 1. Prøving

#### § 1. Formål

Forskriften skal sikre at sitater prøves.

Kommunen skal prøve hvert sitat før det tas i bruk. Et sitat som ikke finnes, skal avvises.

Et sitat skal:

- angi paragraf;
- angi ledd.

*Endret ved forskrift 1 jan 2021 nr. 1 .*

#### § 2. Prøving

Prøvingen skjer hvert år.

#### § 11

Opphevet.
`,
);

const HISTORIKK = lesLovfil(
  'provelov-historikk.md',
  `---
tittel: "forskrift/2020-01-02-3"
refid: "forskrift/2020-01-02-3"
---

# Endringshistorikk: forskrift/2020-01-02-3

## § 2

### 2021-01-01 — forskrift/2020-12-01-9

> Prøvingen skjer annethvert år.
`,
);

const ENDRING = lesLovfil(
  'provelov-endring.md',
  `---
tittel: "Forskrift om endring i forskrift om prøving"
refid: "forskrift/2026-03-01-5"
ikrafttredelse: "2026-08-01"
---

I forskrift 2. januar 2020 nr. 3 om prøving gjøres følgende endring:

§ 2 skal lyde:

Prøvingen skjer hver måned.
`,
);

const LOVER = [PROVELOV, HISTORIKK, ENDRING];
const ID = 'FOR-2020-01-02-3';

describe('lesLovfil', () => {
  it('reads the id from the refid, or from an id in the front matter; knows a history and an amending act', () => {
    expect(PROVELOV).toMatchObject({ id: ID, historikk: false });
    expect(PROVELOV.endrer).toBeUndefined();
    expect(HISTORIKK).toMatchObject({ id: ID, historikk: true });
    expect(ENDRING).toMatchObject({
      id: 'FOR-2026-03-01-5',
      endrer: { id: ID, iKraft: '2026-08-01' },
    });
    expect(lesLovfil('fvl.md', '---\nrefid: "lov/1967-02-10"\nid: "LOV-1967-02-10"\n---\n').id).toBe(
      'LOV-1967-02-10',
    );
    expect(() => lesLovfil('x.md', '---\ntittel: "x"\n---\n')).toThrow(/x\.md har verken id eller refid/);
  });
});

describe('lesHenvisning', () => {
  it('reads paragraph, ledd (also «annet»), bokstav, merknad and i kraft', () => {
    expect(lesHenvisning('FOR-2011-12-16-1349 § 10 andre ledd')).toEqual({
      id: 'FOR-2011-12-16-1349',
      paragraf: '10',
      merknad: false,
      ledd: 2,
    });
    expect(lesHenvisning('LOV-1967-02-10 § 28 annet ledd').ledd).toBe(2);
    expect(lesHenvisning('LOV-1967-02-10 § 32 første ledd bokstav d')).toMatchObject({
      ledd: 1,
      bokstav: 'd',
    });
    expect(lesHenvisning('FOR-2005-12-16-1478 § 3a merknad')).toMatchObject({
      paragraf: '3a',
      merknad: true,
    });
    expect(lesHenvisning('FOR-2006-06-23-724 § 1B-3 første ledd i kraft 2020-08-01')).toMatchObject({
      paragraf: '1B-3',
      iKraft: '2020-08-01',
    });
  });

  it('refuses what is not a reference, naming the form', () => {
    expect(() => lesHenvisning('egenandelsforskriften § 10')).toThrow(/formen er <LOV-\/FOR-id>/);
    expect(() => lesHenvisning('FOR-2011-12-16-1349 §§ 8–10')).toThrow(/ikke en henvisning/);
    expect(() => lesHenvisning('FOR-2011-12-16-1349 § 10 nittende ledd')).toThrow(/ukjent ledd «nittende»/);
    expect(() => lesHenvisning('FOR-2011-12-16-1349 § 10 bokstav a')).toThrow(/bokstav uten ledd/);
  });
});

describe('finnSitater', () => {
  it('finds each tag with the «…» after it, over several lines, in JSDoc and in // comments', () => {
    const kilde = [
      '/**',
      ' * Why the rule is so.',
      ' *',
      ' * @lovtekst FOR-2020-01-02-3 § 1 andre ledd',
      ' * «Kommunen skal prøve hvert sitat før',
      ' * det tas i bruk.»',
      ' *',
      ' * @lovtekst FOR-2020-01-02-3 § 2',
      ' * «Prøvingen skjer hvert år.» and a remark after it',
      ' */',
      'export const X = 1;',
      '  // @lovtekst FOR-2020-01-02-3 § 1 første ledd',
      '  // «Forskriften skal sikre at sitater prøves.»',
      '/** @lovtekst FOR-2020-01-02-3 § 11 */',
      'export const Y = 2;',
      ' * A line that mentions `@lovtekst` in prose is not a tag.',
    ].join('\n');
    expect(finnSitater(kilde, 'a.ts')).toEqual([
      {
        fil: 'a.ts',
        linje: 4,
        henvisning: 'FOR-2020-01-02-3 § 1 andre ledd',
        sitat: 'Kommunen skal prøve hvert sitat før det tas i bruk.',
      },
      { fil: 'a.ts', linje: 8, henvisning: 'FOR-2020-01-02-3 § 2', sitat: 'Prøvingen skjer hvert år.' },
      {
        fil: 'a.ts',
        linje: 12,
        henvisning: 'FOR-2020-01-02-3 § 1 første ledd',
        sitat: 'Forskriften skal sikre at sitater prøves.',
      },
      // A tag with no quote after it is reported, not skipped.
      { fil: 'a.ts', linje: 14, henvisning: 'FOR-2020-01-02-3 § 11', sitat: null },
    ]);
  });

  it('keeps a nested «» inside the quote (an amending act quotes its new wording so)', () => {
    const [s] = finnSitater(
      '// @lovtekst FOR-2026-03-01-5 § 2\n// «§ 2 skal lyde: «Prøvingen»» rest',
      'b.ts',
    );
    expect(s?.sitat).toBe('§ 2 skal lyde: «Prøvingen»');
  });
});

describe('sjekkSitat', () => {
  const sjekk = (h: string, s: string) => sjekkSitat(LOVER, h, s);

  it('accepts a quote in the paragraph and ledd named, whitespace normalised, … leaving words out', () => {
    expect(
      sjekk(`${ID} § 1 andre ledd`, 'Kommunen skal prøve hvert sitat\n   før det tas i bruk.'),
    ).toBeNull();
    expect(sjekk(`${ID} § 1 andre ledd`, 'Kommunen skal … før det tas i bruk. … skal avvises.')).toBeNull();
    expect(sjekk(`${ID} § 1`, 'Et sitat som ikke finnes, skal avvises.')).toBeNull();
    expect(sjekk(`${ID} § 1 siste ledd`, 'Et sitat skal: … angi ledd.')).toBeNull();
    expect(sjekk(`${ID} § 11`, 'Opphevet.')).toBeNull();
  });

  it('refuses a deliberately altered quote, naming the paragraph and ledd', () => {
    expect(sjekk(`${ID} § 1 andre ledd`, 'Kommunen kan prøve hvert sitat før det tas i bruk.')).toBe(
      'sitatet står ikke i § 1 andre ledd',
    );
    // One letter, one word added, the fragments out of order.
    expect(sjekk(`${ID} § 1 andre ledd`, 'Kommunen skal prøve hvert sitat før det tas i brук.')).toMatch(
      /står ikke/,
    );
    expect(sjekk(`${ID} § 1 andre ledd`, 'Et sitat som ikke finnes, skal straks avvises.')).toMatch(
      /står ikke/,
    );
    expect(sjekk(`${ID} § 1 andre ledd`, 'skal avvises. … Kommunen skal prøve')).toMatch(/står ikke/);
  });

  it('checks a quote that names a punktum within its ledd', () => {
    expect(lesHenvisning(`${ID} § 1 andre ledd andre punktum`)).toMatchObject({ ledd: 2 });
    expect(sjekk(`${ID} § 1 andre ledd andre punktum`, 'Et sitat som ikke finnes, skal avvises.')).toBeNull();
    expect(sjekk(`${ID} § 1 første ledd andre punktum`, 'Et sitat som ikke finnes, skal avvises.')).toMatch(
      /står ikke/,
    );
    expect(() => lesHenvisning(`${ID} § 1 andre punktum`)).toThrow(/ikke en henvisning|uten ledd/);
    expect(() => lesHenvisning(`${ID} § 1 andre ledd tolvte punktum`)).toThrow(/ukjent ledd «tolvte»/);
  });

  it('refuses a quote in the wrong ledd, the wrong paragraph, or a place that does not exist', () => {
    const s = 'Kommunen skal prøve hvert sitat før det tas i bruk.';
    expect(sjekk(`${ID} § 1 første ledd`, s)).toMatch(/står ikke i § 1 første ledd/);
    expect(sjekk(`${ID} § 2`, s)).toMatch(/står ikke i § 2/);
    expect(sjekk(`${ID} § 1 femte ledd`, s)).toBe('§ 1 har ikke 5. ledd');
    expect(sjekk(`${ID} § 9`, s)).toBe(`§ 9 finnes ikke i ${ID} i lovtekst/`);
    expect(sjekk('FOR-1999-01-01-1 § 1', s)).toBe('FOR-1999-01-01-1 finnes ikke i lovtekst/');
    expect(sjekk('forskriften § 1', s)).toMatch(/ikke en henvisning/);
    expect(sjekk(`${ID} § 1`, ' … ')).toBe('sitatet er tomt');
    // Lovdata's note on the amendment is not the law's text.
    expect(sjekk(`${ID} § 1 siste ledd`, 'Endret ved forskrift 1 jan 2021')).toMatch(/står ikke/);
  });

  it('takes a list as part of the ledd before it, and bokstav as its n-th item', () => {
    expect(sjekk(`${ID} § 1 tredje ledd`, 'Et sitat skal: … angi paragraf;')).toBeNull();
    expect(sjekk(`${ID} § 1 tredje ledd bokstav a`, 'angi paragraf;')).toBeNull();
    expect(sjekk(`${ID} § 1 tredje ledd bokstav b`, 'angi paragraf;')).toMatch(/står ikke/);
    expect(sjekk(`${ID} § 1 tredje ledd bokstav c`, 'angi paragraf;')).toBe(
      '§ 1 3. ledd har ingen bokstav c',
    );
    expect(sjekk(`${ID} § 1 første ledd bokstav a`, 'Forskriften')).toMatch(/ingen bokstav a/);
  });

  it('finds a merknad only in the merknad to that paragraph', () => {
    expect(sjekk(`${ID} § 2 merknad`, 'det eldste forsøket som er gjort')).toBeNull();
    expect(sjekk(`${ID} § 2 merknad`, 'det nest eldste forsøket')).toBe(
      'sitatet står ikke i merknaden til § 2',
    );
    expect(sjekk(`${ID} § 1 merknad`, 'det eldste forsøket')).toBe(`ingen merknad til § 1 i ${ID}`);
    expect(sjekk(`${ID} § 2`, 'det eldste forsøket')).toMatch(/står ikke/);
  });

  it('finds a past or a future wording only with i kraft, on that day', () => {
    expect(sjekk(`${ID} § 2 i kraft 2021-01-01`, 'Prøvingen skjer annethvert år.')).toBeNull();
    expect(sjekk(`${ID} § 2`, 'Prøvingen skjer annethvert år.')).toMatch(/står ikke/);
    expect(sjekk(`${ID} § 2 i kraft 2022-01-01`, 'Prøvingen skjer annethvert år.')).toBe(
      'ingen versjon av § 2 i kraft 2022-01-01 i lovtekst/',
    );
    expect(sjekk(`${ID} § 2 i kraft 2021-01-01`, 'Prøvingen skjer hvert tredje år.')).toMatch(
      /står ikke i § 2 i kraft 2021-01-01/,
    );
    // The amending act of 2026 names the law it amends; its new wording counts from its day.
    expect(sjekk(`${ID} § 2 i kraft 2026-08-01`, 'Prøvingen skjer hver måned.')).toBeNull();
    expect(sjekk(`${ID} § 2`, 'Prøvingen skjer hver måned.')).toMatch(/står ikke/);
  });
});

describe('sjekkHenvisning', () => {
  const sjekk = (h: string) => sjekkHenvisning(LOVER, h);

  it('accepts a paragraph, a ledd and a list item that exist', () => {
    expect(sjekk(`${ID} § 1`)).toBeNull();
    expect(sjekk(`${ID} § 1 andre ledd`)).toBeNull();
    expect(sjekk(`${ID} § 1 annet ledd`)).toBeNull();
    expect(sjekk(`${ID} § 1 siste ledd`)).toBeNull();
    expect(sjekk(`${ID} § 1 tredje ledd bokstav b`)).toBeNull();
    expect(sjekk(`${ID} § 11`)).toBeNull();
  });

  it('refuses a paragraph, ledd or list item that does not exist, and what is not a reference', () => {
    expect(sjekk(`${ID} § 1 fjerde ledd`)).toBe('§ 1 har ikke 4. ledd');
    expect(sjekk(`${ID} § 1 tredje ledd bokstav c`)).toBe('§ 1 3. ledd har ingen bokstav c');
    expect(sjekk(`${ID} § 9`)).toBe(`§ 9 finnes ikke i ${ID}`);
    expect(sjekk('FOR-1999-01-01-1 § 1')).toBe('FOR-1999-01-01-1 finnes ikke i lovtekst/');
    expect(sjekk('forskriften § 1')).toMatch(/ikke en henvisning/);
    expect(sjekk(`${ID} § 2 merknad`)).toMatch(/bare paragraf og ledd/);
  });

  it('finds a paragraph that stands only in the history by its heading, not one that is nowhere', () => {
    const utenParagraf = lesLovfil('provelov.md', PROVELOV.tekst.replace(/#### § 2\.[^#]*/, ''));
    expect(sjekkHenvisning([utenParagraf], `${ID} § 2`)).toBe(`§ 2 finnes ikke i ${ID}`);
    expect(sjekkHenvisning([utenParagraf, HISTORIKK], `${ID} § 2`)).toBeNull();
    expect(sjekkHenvisning([utenParagraf, HISTORIKK], `${ID} § 3`)).toBe(`§ 3 finnes ikke i ${ID}`);
    // A «§ 2.» in running prose is not the paragraph's marker.
    const prosa = lesLovfil('h.md', HISTORIKK.tekst.replace('## § 2', '## § 5\n\nSe § 2. her'));
    expect(sjekkHenvisning([utenParagraf, prosa], `${ID} § 2`)).toBe(`§ 2 finnes ikke i ${ID}`);
    const kapittel = lesLovfil('h.md', HISTORIKK.tekst.replace('## § 2', '## Kapittel 1\n\n> § 2.Prøving'));
    expect(sjekkHenvisning([utenParagraf, kapittel], `${ID} § 2`)).toBeNull();
  });
});

describe('sjekkHjemmel', () => {
  const kortnavn = { prøveforskriften: ID };
  const sjekk = (h: string) => sjekkHjemmel(LOVER, kortnavn, h);

  it('reads a short name, a paragraph and a ledd, and checks they exist', () => {
    expect(sjekk('prøveforskriften § 1 andre ledd')).toBeNull();
    expect(sjekk('prøveforskriften § 2')).toBeNull();
    expect(sjekk('prøveforskriften § 1 fjerde ledd')).toBe('§ 1 har ikke 4. ledd');
    expect(sjekk('prøveforskriften § 9')).toBe(`§ 9 finnes ikke i ${ID}`);
  });

  it('refuses a hjemmel not of the form, and a short name it was not given', () => {
    expect(sjekk('prøveforskriften §§ 1 og 2')).toMatch(/har ikke formen/);
    expect(sjekk('prøveforskriften § 1 (ikke verifisert)')).toMatch(/har ikke formen/);
    expect(sjekk('prøveforskriften kapittel 1')).toMatch(/har ikke formen/);
    expect(sjekk('forskriften § 1')).toBe('ukjent kortnavn «forskriften»');
    expect(sjekk('constructor § 1')).toBe('ukjent kortnavn «constructor»');
    expect(sjekk('prøveforskriften § 1 nittende ledd')).toMatch(/ukjent ledd «nittende»/);
  });
});

describe('sitaterUnder', () => {
  it('finds the tags in the source files under a folder, not in tests or test folders', () => {
    const rot = mkdtempSync(join(tmpdir(), 'lovsitat-'));
    try {
      const tagg = (x: string) => `/**\n * @lovtekst ${ID} § 2\n * «${x}»\n */\n`;
      mkdirSync(join(rot, 'src', 'regler'), { recursive: true });
      mkdirSync(join(rot, 'src', 'test'));
      writeFileSync(join(rot, 'src', 'regler', 'a.ts'), tagg('Prøvingen skjer hvert år.'));
      writeFileSync(join(rot, 'src', 'a.test.ts'), tagg('i en test'));
      writeFileSync(join(rot, 'src', 'test', 'b.ts'), tagg('i en testmappe'));
      expect(sitaterUnder(rot, ['src'])).toEqual([
        {
          fil: join('src', 'regler', 'a.ts'),
          linje: 2,
          henvisning: `${ID} § 2`,
          sitat: 'Prøvingen skjer hvert år.',
        },
      ]);
    } finally {
      rmSync(rot, { recursive: true, force: true });
    }
  });
});

describe('sjekkSitater', () => {
  it('names file, line and tag of each quote that does not stand, and of a tag without a quote', () => {
    const kilde = [
      `// @lovtekst ${ID} § 2`,
      '// «Prøvingen skjer hvert år.»',
      `// @lovtekst ${ID} § 2`,
      '// «Prøvingen skjer hver uke.»',
      `/** @lovtekst ${ID} § 1 */`,
    ].join('\n');
    expect(sjekkSitater(LOVER, finnSitater(kilde, 'a.ts'))).toEqual([
      `a.ts:3 @lovtekst ${ID} § 2: sitatet står ikke i § 2: «Prøvingen skjer hver uke.»`,
      `a.ts:5 @lovtekst ${ID} § 1: intet sitat i «…» på linjen etter taggen`,
    ]);
    expect(sjekkSitater(LOVER, finnSitater(kilde, 'a.ts').slice(0, 1))).toEqual([]);
  });
});

describe('sjekkSitatILoven', () => {
  it('finds a quote anywhere in the law, its history or an act amending it, and nowhere else', () => {
    expect(sjekkSitatILoven(LOVER, ID, 'Kommunen skal prøve … skal avvises.')).toBeNull();
    expect(sjekkSitatILoven(LOVER, ID, 'Prøvingen skjer annethvert år.')).toBeNull();
    expect(sjekkSitatILoven(LOVER, ID, 'Prøvingen skjer hver måned.')).toBeNull();
    expect(sjekkSitatILoven(LOVER, ID, 'Prøvingen skjer hver uke.')).toBe(`sitatet står ikke i ${ID}`);
    expect(sjekkSitatILoven(LOVER, ID, 'skal avvises. … Kommunen skal prøve')).toMatch(/står ikke/);
    expect(sjekkSitatILoven(LOVER, ID, ' … ')).toBe('sitatet er tomt');
    expect(sjekkSitatILoven(LOVER, 'FOR-1999-01-01-1', 'Prøvingen')).toBe(
      'FOR-1999-01-01-1 finnes ikke i lovtekst/',
    );
  });
});

describe('sjekkSitat against the repository lovtekst/', () => {
  const lover = lesLovtekster(fileURLToPath(new URL('../../../lovtekst/', import.meta.url)));
  const sjekk = (h: string, s: string) => sjekkSitat(lover, h, s);

  it('accepts the regulation as Lovdata publishes it, and refuses it altered by one figure', () => {
    const tak =
      'Dersom husstandens samlede skattbare nettoinntekt før særfradrag er under 2 G, skal den samlede egenandelen for tjenester som nevnt i § 8 ikke overstige et utgiftstak på kroner 245 pr. måned.';
    expect(sjekk('FOR-2011-12-16-1349 § 10 andre ledd', tak)).toBeNull();
    expect(sjekk('FOR-2011-12-16-1349 § 10 andre ledd', tak.replace('245', '250'))).toMatch(/står ikke/);
    expect(sjekk('FOR-2011-12-16-1349 § 10 første ledd', tak)).toMatch(/står ikke/);
    // An extract (forvaltningsloven, id without a number) and a list item.
    expect(sjekk('LOV-1967-02-10 § 32 første ledd bokstav d', 'nevne den endring som ønskes')).toBeNull();
    expect(sjekk('LOV-1967-02-10 § 32 første ledd bokstav a', 'nevne den endring som ønskes')).toMatch(
      /står ikke/,
    );
    // A paragraph numbered in three parts (skatteforvaltningsforskriften § 3-3-1), not confused with § 3-3.
    const bokstavA = 'til offentlige myndigheter som kan ha bruk for dem i sitt arbeid med skatt';
    expect(sjekk('FOR-2016-11-23-1360 § 3-3-1 andre ledd bokstav a', bokstavA)).toBeNull();
    expect(sjekk('FOR-2016-11-23-1360 § 3-3-1 andre ledd bokstav b', bokstavA)).toMatch(/står ikke/);
    expect(sjekk('LOV-2016-05-27-14 § 3-3 første ledd', 'Taushetsplikten er ikke til hinder for')).toBeNull();
    expect(sjekk('LOV-2016-05-27-14 § 3-3-1', bokstavA)).toMatch(/finnes ikke/);
  });

  it('finds a yearly amount in the wording of its year only, also where Lovdata runs the heading together', () => {
    // 2020-01-01 (FOR-2019-12-17-1887) is filed under «## § 3Egenandelens», with non-breaking spaces in the figures.
    const dobbeltrom = (kr: string) =>
      `Beboer som, uten selv å ønske det, legges på dobbeltrom skal ved beregningen tilstås et fribeløp på kroner ${kr} pr. år.`;
    expect(sjekk('FOR-2011-12-16-1349 § 3 andre ledd i kraft 2020-01-01', dobbeltrom('41 600'))).toBeNull();
    expect(sjekk('FOR-2011-12-16-1349 § 3 andre ledd i kraft 2019-01-01', dobbeltrom('40 400'))).toBeNull();
    expect(sjekk('FOR-2011-12-16-1349 § 3 andre ledd i kraft 2020-01-01', dobbeltrom('40 400'))).toMatch(
      /står ikke/,
    );
    expect(sjekk('FOR-2011-12-16-1349 § 3 andre ledd', dobbeltrom('52 950'))).toBeNull();
    expect(sjekk('FOR-2011-12-16-1349 § 3 andre ledd', dobbeltrom('41 600'))).toMatch(/står ikke/);
  });

  it('reads every file in lovtekst/ with an id', () => {
    expect(lover.length).toBeGreaterThanOrEqual(15);
    for (const f of lover) expect(f.id, f.fil).toMatch(/^(LOV|FOR)-\d{4}-\d{2}-\d{2}(-\d+)?$/);
    expect(join('lovtekst', lover[0]?.fil ?? '')).toMatch(/\.md$/);
  });
});
