import { BEREGNINGSTYPER, type Beregningstype, Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { innebygdeKilder, type Kilder, KS_PARTNER, KS_SOEKER } from '@inntektsgrunnlag/kilder';
import { aapneLagring, DEMODATA, type Lagring } from '@inntektsgrunnlag/lagring';
import { UtenforDekning } from '@inntektsgrunnlag/regelverk';
import { Tilgangsfeil } from '@inntektsgrunnlag/tilgang';
import { lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Autentisering,
  GrunnlagIkkeHentet,
  Grunnlagsbuffer,
  Oppslagstjeneste,
  RevisjonFeilet,
  standardRegelverk,
  validerKommuneinnstillinger,
} from './index.js';

const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as {
  foresporsel: Record<string, unknown>;
};
const ksForesporsel = { ...ks.foresporsel, beregningsdato: '2024-06-01' };
const KLOKKE = () => new Date('2024-06-01T10:00:00Z');

let lagring: Lagring;
beforeAll(async () => {
  lagring = await aapneLagring({ iMinne: true, demodata: true });
});
afterAll(async () => {
  await lagring.lukk();
});

function tjeneste(valg: { kilder?: Kilder; lagring?: Lagring } = {}) {
  return new Oppslagstjeneste({
    lagring: valg.lagring ?? lagring,
    kilder: valg.kilder ?? innebygdeKilder(),
    regelverk: standardRegelverk(),
    innstillinger: validerKommuneinnstillinger({}),
    klokke: KLOKKE,
  });
}

async function somDemobruker(rolleId: string): Promise<Autentisering> {
  const demo = DEMODATA.find((d) => d.rolle.id === rolleId);
  const aktoer = demo ? await lagring.brukere.aktoer(demo.bruker.id) : null;
  if (!aktoer) throw new Error(`ingen demobruker for ${rolleId}`);
  return { ok: true, aktoer };
}

/** A request of each type on the KS persons (a partner is allowed by every area). */
function foresporselFor(type: Beregningstype) {
  return {
    beregningstype: type,
    inntektsaar: 2023,
    beregningsdato: '2024-06-01',
    personer: [
      { identifikator: KS_SOEKER, type: 'SOEKER' },
      { identifikator: KS_PARTNER, type: 'EKTEFELLE' },
    ],
    ...(type === 'BARNEHAGE_SFO'
      ? {
          vedtak: {
            barn: [
              {
                tilbud: 'BARNEHAGE',
                foedselsdato: '2021-03-01',
                prisPerMaaned: 3000,
                oppholdstimerPerUke: 41,
              },
            ],
          },
        }
      : {}),
  };
}

describe('the use case: authorise, fetch, minimise, calculate, audit', () => {
  it('runs every demo role against every beregningstype: only the matching ones succeed, every refusal is audited', async () => {
    const t = tjeneste();
    for (const demo of DEMODATA) {
      for (const type of BEREGNINGSTYPER) {
        const fra = (await lagring.revisjonslogg.liste({ siste: 1 }))[0]?.id ?? 0;
        const svar = await t
          .beregn({
            autentisering: await somDemobruker(demo.rolle.id),
            rolleId: demo.rolle.id,
            foresporsel: foresporselFor(type),
          })
          .then(
            (r) => ({ ok: true as const, r }),
            (e: unknown) => ({ ok: false as const, e }),
          );
        const skalLykkes =
          type ===
          (demo.rolle.id === 'demo-foreldrebetaling'
            ? 'BARNEHAGE_SFO'
            : demo.rolle.id === 'demo-praktisk-bistand'
              ? 'PRAKTISK_BISTAND'
              : 'LANGTIDSOPPHOLD_INSTITUSJON');
        expect(svar.ok, `${demo.rolle.id} × ${type}`).toBe(skalLykkes);
        const [siste] = await lagring.revisjonslogg.liste({ siste: 1 });
        expect(siste?.id).toBeGreaterThan(fra);
        expect(siste?.utfall).toBe(skalLykkes ? 'TILLATT' : 'AVVIST');
        if (!svar.ok) {
          expect(svar.e).toBeInstanceOf(Tilgangsfeil);
          expect((svar.e as Tilgangsfeil).kode).toBe('FEIL_TJENESTEOMRAADE');
          expect(siste?.aarsakskode).toBe('FEIL_TJENESTEOMRAADE');
        }
      }
    }
  });

  it('gives the KS example 567 127, records who looked up whom, and shows avregning to a role granted it', async () => {
    const { resultat } = await tjeneste().beregn({
      autentisering: await somDemobruker('demo-langtidsopphold'),
      rolleId: 'demo-langtidsopphold',
      saksreferanse: '2024/123',
      foresporsel: ksForesporsel,
    });
    expect(resultat.beregningsbeloep).toBe(567127);
    expect(resultat.utfoert).toMatchObject({
      rolleId: 'demo-langtidsopphold',
      saksreferanse: '2024/123',
      avregning: true,
      revidert: true,
    });
    const poster = resultat.visningsposter.flatMap((g) => g.poster.map((p) => p.tekniskNavn));
    expect(poster).toContain('/fastland/restskatt');
    const [siste] = await lagring.revisjonslogg.liste({ siste: 1, identifikator: KS_PARTNER });
    expect(siste).toMatchObject({
      utfall: 'TILLATT',
      saksreferanse: '2024/123',
      rolleId: 'demo-langtidsopphold',
      inntektsaar: 2023,
    });
    expect(siste?.identifikatorer).toEqual([KS_SOEKER, KS_PARTNER]);
  });

  it('never lets avregning leave for a role without the right, and says so (SI-02)', async () => {
    await lagring.roller.lagre({
      id: 'sykehjem-uten-avregning',
      navn: 'Sykehjem',
      tjenesteomraade: 'LANGTIDSOPPHOLD',
      avregning: false,
    });
    const bruker = await lagring.brukere.opprett({ id: 'saksbehandler-1', visningsnavn: 'Saks Behandler' });
    await lagring.brukere.tildelRolle(bruker.id, 'sykehjem-uten-avregning');
    const aktoer = await lagring.brukere.aktoer(bruker.id);
    if (!aktoer) throw new Error('bruker mangler');
    const { resultat } = await tjeneste().beregn({
      autentisering: { ok: true, aktoer },
      rolleId: 'sykehjem-uten-avregning',
      foresporsel: ksForesporsel,
    });
    expect(resultat.beregningsbeloep).toBe(567127);
    const poster = resultat.visningsposter.flatMap((g) => g.poster.map((p) => p.tekniskNavn));
    expect(poster.filter((p) => p.startsWith('/fastland/'))).toEqual([]);
    expect(resultat.advarsler.find((a) => a.kode === 'AVREGNING_IKKE_TILLATT')?.melding).toMatch(
      /rettighet i Altinn/,
    );
    await expect(
      tjeneste().beregn({
        autentisering: { ok: true, aktoer },
        rolleId: 'sykehjem-uten-avregning',
        avregning: 'KREVES',
        foresporsel: ksForesporsel,
      }),
    ).rejects.toMatchObject({ kode: 'AVREGNING_IKKE_TILLATT' });
  });

  it('keeps posts outside the area’s allow-list inside: wealth posts never reach a BARNEHAGE_SFO result', async () => {
    const { resultat } = await tjeneste().beregn({
      autentisering: await somDemobruker('demo-foreldrebetaling'),
      rolleId: 'demo-foreldrebetaling',
      foresporsel: foresporselFor('BARNEHAGE_SFO'),
    });
    const navn = [...JSON.stringify(resultat).matchAll(/"tekniskNavn":"([^"]+)"/g)].map((m) => m[1]);
    expect(navn).toContain('samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt');
    for (const utenfor of [
      'innskudd',
      'bruttoformue',
      'samletGjeld',
      '/fastland/restskatt',
      'minstefradragIInntekt',
    ]) {
      expect(navn).not.toContain(utenfor);
    }
  });

  it('refuses and audits an unknown actor', async () => {
    await expect(
      tjeneste().beregn({
        autentisering: { ok: false, kode: 'AKTOER_UKJENT', melding: 'Ukjent nøkkel' },
        rolleId: 'demo-langtidsopphold',
        foresporsel: ksForesporsel,
      }),
    ).rejects.toBeInstanceOf(Tilgangsfeil);
    const [siste] = await lagring.revisjonslogg.liste({ siste: 1 });
    expect(siste).toMatchObject({ utfall: 'AVVIST', aarsakskode: 'AKTOER_UKJENT', aktoerType: 'UKJENT' });
  });

  it('fails the lookup when the audit write fails: no unaudited access', async () => {
    const brutt = {
      ...lagring,
      revisjonslogg: {
        ...lagring.revisjonslogg,
        skriv: async () => {
          throw new Error('disk full');
        },
      },
    } as unknown as Lagring;
    await expect(
      tjeneste({ lagring: brutt }).beregn({
        autentisering: await somDemobruker('demo-langtidsopphold'),
        rolleId: 'demo-langtidsopphold',
        foresporsel: ksForesporsel,
      }),
    ).rejects.toBeInstanceOf(RevisjonFeilet);
  });

  it('with more lookups waiting (the API’s queue), lets the audit log group them, and answers each only once its entry is written', async () => {
    const hint: Array<boolean | undefined> = [];
    const gruppert = {
      ...lagring,
      revisjonslogg: {
        skriv: (p: Parameters<Lagring['revisjonslogg']['skriv']>[0], v?: { flereKommer?: boolean }) => {
          hint.push(v?.flereKommer);
          return lagring.revisjonslogg.skriv(p, v);
        },
      },
    } as unknown as Lagring;
    const t = new Oppslagstjeneste({
      lagring: gruppert,
      kilder: innebygdeKilder(),
      regelverk: standardRegelverk(),
      innstillinger: validerKommuneinnstillinger({}),
      klokke: KLOKKE,
      flereOppslagVenter: () => true,
    });
    const fra = (await lagring.revisjonslogg.kjedehode()).id;
    const svar = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const r = await t.beregn({
          autentisering: await somDemobruker('demo-langtidsopphold'),
          rolleId: 'demo-langtidsopphold',
          saksreferanse: `gruppe-${i}`,
          foresporsel: ksForesporsel,
        });
        // Answered: its entry must be in the log already.
        const poster = await lagring.revisjonslogg.liste({ siste: 20 });
        expect(poster.some((p) => p.saksreferanse === `gruppe-${i}` && p.utfall === 'TILLATT')).toBe(true);
        return r;
      }),
    );
    expect(svar.every((s) => s.resultat.beregningsbeloep === 567127)).toBe(true);
    expect(hint).toEqual([true, true, true, true, true]);
    expect((await lagring.revisjonslogg.kjedehode()).id).toBe(fra + 5);
    expect(await lagring.revisjonslogg.verifiserKjede()).toMatchObject({ ok: true });
  });

  it('audits a failed fetch, and refuses a bad request before any lookup', async () => {
    const kilder = innebygdeKilder();
    const nede: Kilder = {
      ...kilder,
      summertSkattegrunnlag: {
        hent: async () => {
          throw new GrunnlagIkkeHentet([]);
        },
      } as unknown as Kilder['summertSkattegrunnlag'],
    };
    await expect(
      tjeneste({ kilder: nede }).beregn({
        autentisering: await somDemobruker('demo-langtidsopphold'),
        rolleId: 'demo-langtidsopphold',
        foresporsel: ksForesporsel,
      }),
    ).rejects.toBeInstanceOf(Error);
    await expect(
      tjeneste().beregn({
        autentisering: await somDemobruker('demo-langtidsopphold'),
        rolleId: 'demo-langtidsopphold',
        foresporsel: { ...ksForesporsel, inntektsaar: 2010 },
      }),
    ).rejects.toBeInstanceOf(Valideringsfeil);
  });
});

describe('checks made before anything is fetched', () => {
  it('refuses an extra post the area does not have, or two partners, without fetching or auditing', async () => {
    let hentet = 0;
    const kilder = innebygdeKilder();
    const tellende: Kilder = {
      ...kilder,
      summertSkattegrunnlag: {
        hent: (...a: Parameters<Kilder['summertSkattegrunnlag']['hent']>) => {
          hentet++;
          return kilder.summertSkattegrunnlag.hent(...a);
        },
      },
    };
    const personer = (ksForesporsel as unknown as { personer: Array<Record<string, unknown>> }).personer;
    const uten = personer.map(({ poster: _, ...p }) => p);
    const ugyldige = [
      {
        ...ksForesporsel,
        personer: uten.map((p, i) =>
          i === 0 ? { ...p, ekstraposter: [{ tekniskNavn: 'kommune.finnesIkke', beloep: 1 }] } : p,
        ),
      },
      { ...ksForesporsel, personer: [...uten, { ...uten[1], identifikator: '02013299997' }] },
    ];
    const fra = (await lagring.revisjonslogg.kjedehode()).id;
    for (const foresporsel of ugyldige) {
      await expect(
        tjeneste({ kilder: tellende }).beregn({
          autentisering: await somDemobruker('demo-langtidsopphold'),
          rolleId: 'demo-langtidsopphold',
          foresporsel,
        }),
      ).rejects.toBeInstanceOf(Valideringsfeil);
    }
    expect(hentet).toBe(0);
    expect((await lagring.revisjonslogg.kjedehode()).id).toBe(fra);
  });
});

describe('a lookup that fails after the fetch', () => {
  /** 2030 is beyond every rate table: the fee fails with UtenforDekning after the posts are fetched. */
  const utenforSatsene = { ...ksForesporsel, beregningsdato: '2030-06-01' };

  it('leaves exactly one FEILET entry naming the persons, year and reason, and passes the error on unchanged', async () => {
    const fra = (await lagring.revisjonslogg.kjedehode()).id;
    const feil = await tjeneste()
      .beregn({
        autentisering: await somDemobruker('demo-langtidsopphold'),
        rolleId: 'demo-langtidsopphold',
        saksreferanse: '2030/1',
        foresporsel: utenforSatsene,
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(feil).toBeInstanceOf(UtenforDekning);
    // The same error a calculation on these posts gives without any audit (inline posts fetch nothing).
    expect((feil as UtenforDekning).message).toMatch(/2030/);
    const nye = (await lagring.revisjonslogg.liste({ siste: 10 })).filter((p) => p.id > fra);
    expect(nye).toHaveLength(1);
    expect(nye[0]).toMatchObject({
      utfall: 'FEILET',
      aarsakskode: 'BEREGNING_FEILET',
      identifikatorer: [KS_SOEKER, KS_PARTNER],
      inntektsaar: 2023,
      saksreferanse: '2030/1',
      rolleId: 'demo-langtidsopphold',
      tjenesteomraade: 'LANGTIDSOPPHOLD',
    });
    expect(await lagring.revisjonslogg.verifiserKjede()).toMatchObject({ ok: true });
  });

  it('fails with the audit error when the FEILET entry cannot be written', async () => {
    const brutt = {
      ...lagring,
      revisjonslogg: {
        ...lagring.revisjonslogg,
        skriv: async () => {
          throw new Error('disk full');
        },
      },
    } as unknown as Lagring;
    const feil = await tjeneste({ lagring: brutt })
      .beregn({
        autentisering: await somDemobruker('demo-langtidsopphold'),
        rolleId: 'demo-langtidsopphold',
        foresporsel: utenforSatsene,
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(feil).toBeInstanceOf(RevisjonFeilet);
    expect((feil as RevisjonFeilet).cause).toMatchObject({ message: 'disk full' });
  });

  it('audits an unexpected error while fetching as FEILET too, and passes it on', async () => {
    const kilder = innebygdeKilder();
    const fremmed = new TypeError('uventet svar');
    const feilende: Kilder = {
      ...kilder,
      beregnetSkatt: {
        hent: async () => {
          throw fremmed;
        },
      },
    };
    const fra = (await lagring.revisjonslogg.kjedehode()).id;
    await expect(
      tjeneste({ kilder: feilende }).beregn({
        autentisering: await somDemobruker('demo-langtidsopphold'),
        rolleId: 'demo-langtidsopphold',
        foresporsel: ksForesporsel,
      }),
    ).rejects.toBe(fremmed);
    const nye = (await lagring.revisjonslogg.liste({ siste: 10 })).filter((p) => p.id > fra);
    expect(nye.map((p) => [p.utfall, p.aarsakskode])).toEqual([['FEILET', 'HENTING_FEILET']]);
  });

  it('writes nothing for a calculation on inline posts that fails: nothing was fetched', async () => {
    const fra = (await lagring.revisjonslogg.kjedehode()).id;
    await expect(
      tjeneste().beregn({
        autentisering: await somDemobruker('demo-langtidsopphold'),
        rolleId: 'demo-langtidsopphold',
        foresporsel: {
          ...utenforSatsene,
          personer: [{ identifikator: KS_SOEKER, type: 'SOEKER', poster: [] }],
        },
      }),
    ).rejects.toBeInstanceOf(UtenforDekning);
    expect((await lagring.revisjonslogg.kjedehode()).id).toBe(fra);
  });
});

describe('a post Skatteetaten sends that the year’s catalogue does not know', () => {
  const UKJENT = 'nyPostFraSkatteetatenSomIkkeErIKatalogen';
  const kilder = innebygdeKilder();
  /** The embedded sources, with one unknown post (amount 4 321) added to the partner's SSG. */
  const medUkjentPost: Kilder = {
    ...kilder,
    summertSkattegrunnlag: {
      hent: async (a) => {
        const svar = await kilder.summertSkattegrunnlag.hent(a);
        return a.identifikator === KS_PARTNER
          ? { ...svar, grunnlag: [...(svar.grunnlag ?? []), { tekniskNavn: UKJENT, beloep: 4321 }] }
          : svar;
      },
    },
  };

  it('is held back: it never leaves oppslag, and a warning names it without its amount', async () => {
    const { resultat } = await tjeneste({ kilder: medUkjentPost }).beregn({
      autentisering: await somDemobruker('demo-langtidsopphold'),
      rolleId: 'demo-langtidsopphold',
      foresporsel: ksForesporsel,
    });
    expect(resultat.beregningsbeloep).toBe(567127);
    const poster = resultat.visningsposter.flatMap((g) => g.poster.map((p) => p.tekniskNavn));
    expect(poster).not.toContain(UKJENT);
    const advarsler = resultat.advarsler.filter((a) => a.melding.includes(UKJENT));
    expect(advarsler).toEqual([
      expect.objectContaining({ kode: 'UKJENT_POST_HOLDT_TILBAKE', identifikator: KS_PARTNER }),
    ]);
    expect(resultat.advarsler.map((a) => a.kode)).not.toContain('UKJENT_POST');
    expect(JSON.stringify(resultat)).not.toMatch(/4321|4 321/);
  });

  it('is held back from the kept basis too: a recalculation repeats the warning and never shows the post', async () => {
    const buffer = new Grunnlagsbuffer();
    const t = new Oppslagstjeneste({
      lagring,
      kilder: medUkjentPost,
      regelverk: standardRegelverk(),
      innstillinger: validerKommuneinnstillinger({}),
      klokke: KLOKKE,
      grunnlagsbuffer: buffer,
    });
    const autentisering = await somDemobruker('demo-langtidsopphold');
    const foerste = await t.beregn({
      autentisering,
      rolleId: 'demo-langtidsopphold',
      foresporsel: ksForesporsel,
    });
    const ref = foerste.resultat.grunnlagsreferanse;
    expect(ref).toBeDefined();
    expect(
      buffer.hent(ref as string, KLOKKE().getTime())?.personer.flatMap((p) => p.poster),
    ).not.toContainEqual(expect.objectContaining({ tekniskNavn: UKJENT }));
    const igjen = await t.beregn({
      autentisering,
      rolleId: 'demo-langtidsopphold',
      foresporsel: ksForesporsel,
      grunnlagsreferanse: ref as string,
    });
    expect(igjen.resultat.advarsler.filter((a) => a.kode === 'UKJENT_POST_HOLDT_TILBAKE')).toHaveLength(1);
    expect(JSON.stringify(igjen.resultat.visningsposter)).not.toContain(UKJENT);
  });

  it('given inline by the case worker, it is kept as before: shown as ukjent post, with UKJENT_POST', async () => {
    const { resultat } = await tjeneste().beregn({
      autentisering: await somDemobruker('demo-langtidsopphold'),
      rolleId: 'demo-langtidsopphold',
      foresporsel: {
        ...ksForesporsel,
        personer: [
          {
            identifikator: KS_SOEKER,
            type: 'SOEKER',
            poster: [{ tekniskNavn: UKJENT, beloep: 4321 }],
          },
        ],
      },
    });
    const ukjent = resultat.visningsposter.flatMap((g) => g.poster).find((p) => p.tekniskNavn === UKJENT);
    expect(ukjent).toMatchObject({ ukjent: true, beloep: 4321 });
    expect(resultat.advarsler.map((a) => a.kode)).toContain('UKJENT_POST');
    expect(resultat.advarsler.map((a) => a.kode)).not.toContain('UKJENT_POST_HOLDT_TILBAKE');
  });
});
