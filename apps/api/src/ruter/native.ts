import { valider } from '@inntektsgrunnlag/beregning';
import { identifikatorSkjema } from '@inntektsgrunnlag/person';
import { TJENESTEOMRAADER } from '@inntektsgrunnlag/tilgang';
import { Router } from 'express';
import { stringify } from 'yaml';
import { z } from 'zod';
import { beregnerFor, beregningstypeFra, inntektsaarFor } from '../innhold/omraade.js';
import { pdfFilnavn, resultatSomPdf } from '../innhold/pdf.js';
import { postdefinisjonFor } from '../innhold/postdefinisjon.js';
import { dekkedeInntektsaar, verdierFor } from '../innhold/verdier.js';
import type { ApiKontekst } from '../kontekst.js';
import { aktoerFor, autentiseringFor, rolleFor } from '../mellomvare/autentisering.js';
import { ugyldig } from '../problem.js';
import { kjoerBeregning } from './beregning.js';
import { def, delKropp, kreverJson } from './felles.js';

/** The body of a name lookup. */
export const navneforespoerselSkjema = z
  .object({
    identifikator: identifikatorSkjema,
    saksreferanse: z
      .string()
      .max(100)
      .optional()
      .describe('Saken oppslaget gjelder (føres i revisjonsloggen)'),
    formaal: z.string().max(250).optional().describe('Formålet, ført etter NAVNEOPPSLAG i revisjonsloggen'),
  })
  .strict();

/** The public description of the areas: what each may look up, under which provisions. */
export function tjenesteomraader() {
  return TJENESTEOMRAADER.map((o) => ({
    id: o.id,
    navn: o.navn,
    formaal: o.formaal,
    beregningstyper: [...o.beregningstyper],
    rettighetspakker: o.rettighetspakker,
    avregningKanTildeles: o.avregningKanTildeles,
    lovhjemler: o.lovhjemler,
  }));
}

/** The native API under /api/v1. */
export function nativeRuter(k: ApiKontekst): Router {
  const r = Router();

  def(r, 'get', '/api/v1/tjenesteomraader', (_req, res) => {
    res.json(tjenesteomraader());
  });

  def(r, 'get', '/api/v1/verdier', (req, res) => {
    const type = beregningstypeFra(req.query.beregningstype);
    // Without a year: the latest the area covers (the form then offers `dekkedeInntektsaar`).
    const aar =
      req.query.inntektsaar === undefined
        ? (dekkedeInntektsaar(type).at(-1) as number)
        : inntektsaarFor(beregnerFor(type), req.query.inntektsaar);
    res.json(verdierFor(type, aar));
  });

  def(r, 'get', '/api/v1/poster/{beregningstype}/{inntektsaar}', (req, res) => {
    const type = beregningstypeFra(req.params.beregningstype);
    const aar = inntektsaarFor(beregnerFor(type), req.params.inntektsaar);
    const format = req.query.format ?? 'json';
    if (format !== 'json' && format !== 'yaml') throw ugyldig('format', 'må være json eller yaml');
    const definisjon = postdefinisjonFor(type, aar);
    if (format === 'yaml') {
      res.type('application/yaml; charset=utf-8').send(stringify(definisjon, { lineWidth: 0 }));
    } else {
      res.json(definisjon);
    }
  });

  def(r, 'post', '/api/v1/beregning', kreverJson, async (req, res) => {
    const { foresporsel, konvolutt } = delKropp(req.body);
    const rolleId = rolleFor(req, autentiseringFor(res));
    res.json(await kjoerBeregning(k, res, { rolleId, foresporsel, konvolutt }));
  });

  def(r, 'post', '/api/v1/beregning/pdf', kreverJson, async (req, res) => {
    const { foresporsel, konvolutt } = delKropp(req.body);
    const rolleId = rolleFor(req, autentiseringFor(res));
    const resultat = await kjoerBeregning(k, res, { rolleId, foresporsel, konvolutt });
    const pdf = await resultatSomPdf(resultat, k.konfig.innstillinger);
    res
      .type('application/pdf')
      .set('Content-Disposition', `attachment; filename="${pdfFilnavn(resultat)}"`)
      .send(pdf);
  });

  def(r, 'post', '/api/v1/personer/navn', kreverJson, async (req, res) => {
    const autentisering = autentiseringFor(res);
    const rolleId = rolleFor(req, autentisering);
    const kropp = valider(navneforespoerselSkjema, req.body);
    res.locals.personfelt = new Map([[kropp.identifikator, 'identifikator']]);
    try {
      const svar = await k.tjeneste.navn({
        autentisering,
        rolleId,
        identifikator: kropp.identifikator,
        ...(kropp.saksreferanse ? { saksreferanse: kropp.saksreferanse } : {}),
        ...(kropp.formaal ? { formaal: kropp.formaal } : {}),
      });
      k.metrikker.oppslagsutfall('NAVNEOPPSLAG', 'HENTET');
      res.json(svar);
    } catch (e) {
      k.metrikker.oppslagsutfall('NAVNEOPPSLAG', 'FEILET');
      throw e;
    }
  });

  def(r, 'get', '/api/v1/meg', async (_req, res) => {
    const aktoer = aktoerFor(res);
    const roller = (await k.konfig.lagring.roller.alle()).filter((rolle) => aktoer.roller.includes(rolle.id));
    res.json({
      aktoer: { type: aktoer.type, id: aktoer.id, visningsnavn: aktoer.visningsnavn },
      roller: roller.map((rolle) => ({
        id: rolle.id,
        navn: rolle.navn,
        tjenesteomraade: rolle.tjenesteomraade,
        avregning: rolle.avregning,
        beregningstyper: [
          ...(TJENESTEOMRAADER.find((o) => o.id === rolle.tjenesteomraade)?.beregningstyper ?? []),
        ],
      })),
    });
  });

  return r;
}
