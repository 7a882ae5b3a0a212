import { BEREGNINGSTYPER, valider } from '@inntektsgrunnlag/beregning';
import { identifikatorSkjema, PERSONTYPER } from '@inntektsgrunnlag/person';
import { Router } from 'express';
import { z } from 'zod';
import type { ApiKontekst } from '../kontekst.js';
import { autentiseringFor, rolleFor } from '../mellomvare/autentisering.js';
import { svarregister, utfoertSkjema } from '../openapi/skjema.js';
import { def, kreverJson } from './felles.js';

/** The body of a household lookup (POST /api/v1/husstand). */
export const husstandsforespoerselSkjema = z
  .object({
    identifikator: identifikatorSkjema.describe('Søkerens fødselsnummer eller D-nummer'),
    beregningstype: z
      .enum(BEREGNINGSTYPER)
      .describe('Tjenesteområdet husstanden gjelder: avgjør om barn foreslås, og hvor'),
    saksreferanse: z
      .string()
      .max(100)
      .optional()
      .describe('Saken oppslaget gjelder (føres i revisjonsloggen)'),
    formaal: z
      .string()
      .max(250)
      .optional()
      .describe('Formålet, ført etter HUSSTANDSOPPSLAG i revisjonsloggen'),
  })
  .strict();

const navn = z
  .object({ fornavn: z.string(), mellomnavn: z.string().nullable(), etternavn: z.string() })
  .strict()
  .nullable();

/** The answer: the proposals for the case worker to confirm. */
export const husstandssvarSkjema = z
  .object({
    soeker: z
      .object({
        identifikator: z.string(),
        navn,
        skjermet: z.boolean().describe('Fortrolig eller strengt fortrolig adresse, eller ikke kontrollert'),
        sivilstand: z
          .string()
          .nullable()
          .describe('Sivilstanden i Folkeregisteret (gift, registrertPartner, …)'),
      })
      .strict(),
    forslag: z.array(
      z
        .object({
          identifikator: z.string(),
          persontype: z
            .enum(PERSONTYPER)
            .describe('EKTEFELLE (gift), PARTNER (registrert partner) eller BARN'),
          relasjon: z
            .string()
            .describe('Sivilstanden (gift, registrertPartner) eller «barn» (familierelasjon)'),
          navn,
          foedselsdato: z.string().nullable(),
          skjermet: z
            .boolean()
            .describe('Adressebeskyttelse, eller beskyttelsen kunne ikke kontrolleres: vis ingen adresse'),
          plassering: z
            .enum(['PERSONER', 'VEDTAK_BARN'])
            .describe(
              'PERSONER: i forespørselens personer; VEDTAK_BARN: i vedtakets barneliste (BARNEHAGE_SFO)',
            ),
        })
        .strict(),
    ),
    merknader: z
      .array(z.string())
      .describe(
        'Det saksbehandleren må vite: en samboer legges inn for hånd, en relasjon som ikke er foreslått',
      ),
    utfoert: utfoertSkjema.omit({ avregning: true, grunnlag: true, grunnlagHentet: true }),
  })
  .strict()
  .register(svarregister, { id: 'Husstandsoppslag' });

/**
 * POST /api/v1/husstand: the applicant's household from Folkeregisteret, proposed for the case worker
 * to confirm (issue 18). Audited like a name lookup (purpose HUSSTANDSOPPSLAG).
 */
export function husstandRuter(k: ApiKontekst): Router {
  const r = Router();
  def(r, 'post', '/api/v1/husstand', kreverJson, async (req, res) => {
    const autentisering = autentiseringFor(res);
    const rolleId = rolleFor(req, autentisering);
    const kropp = valider(husstandsforespoerselSkjema, req.body);
    res.locals.personfelt = new Map([[kropp.identifikator, 'identifikator']]);
    try {
      const svar = await k.tjeneste.husstand({
        autentisering,
        rolleId,
        identifikator: kropp.identifikator,
        beregningstype: kropp.beregningstype,
        ...(kropp.saksreferanse ? { saksreferanse: kropp.saksreferanse } : {}),
        ...(kropp.formaal ? { formaal: kropp.formaal } : {}),
      });
      k.metrikker.oppslagsutfall('HUSSTANDSOPPSLAG', 'HENTET');
      res.set('Cache-Control', 'no-store').json(svar);
    } catch (e) {
      k.metrikker.oppslagsutfall('HUSSTANDSOPPSLAG', 'FEILET');
      throw e;
    }
  });
  return r;
}
