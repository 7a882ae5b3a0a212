import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const rot = fileURLToPath(new URL('../../../', import.meta.url));

interface Pakke {
  navn: string;
  mappe: string;
  avhengigheter: string[];
}

function pakker(): Pakke[] {
  return ['packages', 'apps', 'tooling'].flatMap((topp) =>
    readdirSync(join(rot, topp))
      .map((m) => join(rot, topp, m))
      .filter((m) => existsSync(join(m, 'package.json')))
      .map((mappe) => {
        const pj = JSON.parse(readFileSync(join(mappe, 'package.json'), 'utf8'));
        return {
          navn: pj.name as string,
          mappe,
          avhengigheter: Object.keys({
            ...pj.dependencies,
            ...pj.peerDependencies,
            ...pj.optionalDependencies,
          }),
        };
      }),
  );
}

function kildefiler(mappe: string): string[] {
  const ut: string[] = [];
  const gaa = (m: string) => {
    for (const navn of readdirSync(m)) {
      if (['node_modules', 'dist', '.turbo', 'coverage'].includes(navn)) continue;
      const sti = join(m, navn);
      if (statSync(sti).isDirectory()) gaa(sti);
      else if (/\.(ts|tsx|js|mjs|cjs)$/.test(navn)) ut.push(sti);
    }
  };
  gaa(mappe);
  return ut;
}

/**
 * Which workspace packages each package may depend on (DESIGN.md: apps → oppslag → (tilgang, kilder,
 * lagring, dokument, arkiv, rule packages) → (skattegrunnlag, regelverk, person) → money). A package missing
 * here fails the test, so a new package must take its place in the graph deliberately.
 */
const GRUNN = ['money', 'person', 'regelverk'];
const REGEL = [...GRUNN, 'skattegrunnlag', 'beregning'];
const TILLATT: Record<string, string[]> = {
  '@inntektsgrunnlag/money': [],
  '@inntektsgrunnlag/person': [],
  '@inntektsgrunnlag/regelverk': ['money'],
  '@inntektsgrunnlag/skattegrunnlag': GRUNN,
  '@inntektsgrunnlag/beregning': [...GRUNN, 'skattegrunnlag'],
  '@inntektsgrunnlag/langtidsopphold': REGEL,
  // The etteroppgjør uses langtidsopphold's calculator once per month.
  '@inntektsgrunnlag/etteroppgjoer': [...REGEL, 'langtidsopphold'],
  '@inntektsgrunnlag/praktisk-bistand': REGEL,
  '@inntektsgrunnlag/foreldrebetaling': REGEL,
  '@inntektsgrunnlag/kilder': REGEL,
  '@inntektsgrunnlag/tilgang': REGEL,
  '@inntektsgrunnlag/lagring': [...REGEL, 'tilgang'],
  '@inntektsgrunnlag/dokument': REGEL,
  '@inntektsgrunnlag/arkiv': REGEL,
  '@inntektsgrunnlag/oppslag': [
    ...REGEL,
    'langtidsopphold',
    'etteroppgjoer',
    'praktisk-bistand',
    'foreldrebetaling',
    'kilder',
    'tilgang',
    'lagring',
    'dokument',
    'arkiv',
  ],
  '@inntektsgrunnlag/cli': ['*'],
  '@inntektsgrunnlag/api': ['*'],
  '@inntektsgrunnlag/web': ['*'],
  '@inntektsgrunnlag/vitest-config': [],
  '@inntektsgrunnlag/arkitektur': [],
  '@inntektsgrunnlag/lovsitat': [],
  '@inntektsgrunnlag/bench': ['*'],
};

describe('architecture', () => {
  const alle = pakker();

  it('every workspace package has a place in the dependency graph, and depends only downwards', () => {
    for (const p of alle) {
      const tillatt = TILLATT[p.navn];
      expect(
        tillatt,
        `${p.navn} mangler i TILLATT i ${relative(rot, fileURLToPath(import.meta.url))}`,
      ).toBeDefined();
      if (!tillatt || tillatt.includes('*')) continue;
      const interne = p.avhengigheter
        .filter((a) => a.startsWith('@inntektsgrunnlag/'))
        .map((a) => a.replace('@inntektsgrunnlag/', ''));
      for (const a of interne) expect(tillatt, `${p.navn} → ${a}`).toContain(a);
    }
  });

  it('only packages/money imports or depends on decimal.js', () => {
    const brudd: string[] = [];
    for (const p of alle) {
      if (p.navn === '@inntektsgrunnlag/money') continue;
      if (p.avhengigheter.includes('decimal.js')) brudd.push(`${p.navn}: package.json`);
      for (const fil of kildefiler(p.mappe)) {
        if (fil === fileURLToPath(import.meta.url)) continue;
        if (
          /from\s+['"]decimal\.js|require\(\s*['"]decimal\.js|import\(\s*['"]decimal\.js/.test(
            readFileSync(fil, 'utf8'),
          )
        ) {
          brudd.push(relative(rot, fil));
        }
      }
    }
    expect(brudd).toEqual([]);
  });

  it('money uses a cloned Decimal, never the global one', () => {
    const money = alle.find((p) => p.navn === '@inntektsgrunnlag/money');
    const filer = kildefiler(join(money?.mappe ?? '', 'src')).filter((f) => !f.endsWith('.test.ts'));
    const importerer = filer.filter((f) => /from\s+['"]decimal\.js['"]/.test(readFileSync(f, 'utf8')));
    expect(importerer.map((f) => relative(rot, f))).toEqual(['packages/money/src/decimal.ts']);
    const kilde = readFileSync(importerer[0] as string, 'utf8');
    expect(kilde).toMatch(/DecimalJs\.clone\(/);
    expect(kilde).not.toMatch(/DecimalJs\.set\(/);
  });

  it('every changeset parses, names known packages, and a rule change names its beregningstype', () => {
    const mappe = join(rot, '.changeset');
    const navn = new Set(alle.map((p) => p.navn));
    const regelpakker = ['langtidsopphold', 'praktisk-bistand', 'foreldrebetaling', 'skattegrunnlag'].map(
      (p) => `@inntektsgrunnlag/${p}`,
    );
    const feil: string[] = [];
    for (const fil of readdirSync(mappe).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
      const tekst = readFileSync(join(mappe, fil), 'utf8');
      const m = /^---\n((?:'[^']+': (?:patch|minor|major)\n)+)---\n/.exec(tekst);
      if (!m) {
        feil.push(`${fil}: front matter mangler eller er ødelagt`);
        continue;
      }
      const pakker = [...(m[1] as string).matchAll(/'([^']+)'/g)].map((x) => x[1] as string);
      for (const p of pakker) if (!navn.has(p)) feil.push(`${fil}: ukjent pakke ${p}`);
      if (
        pakker.some((p) => regelpakker.includes(p)) &&
        !/BARNEHAGE_SFO|PRAKTISK_BISTAND|LANGTIDSOPPHOLD_INSTITUSJON/.test(tekst)
      ) {
        feil.push(`${fil}: endrer regler eller postkobling, men sier ikke hvilken beregningstype`);
      }
    }
    expect(feil).toEqual([]);
  });
});
