import type { Beregningstype } from '@inntektsgrunnlag/beregning';
import { type Request, type Response, Router } from 'express';
import { beregnerFor, beregningstypeFra, inntektsaarFor } from '../innhold/omraade.js';
import { pdfFilnavn, resultatSomPdf } from '../innhold/pdf.js';
import { verdierFor } from '../innhold/verdier.js';
import type { ApiKontekst } from '../kontekst.js';
import { utenUkjenteFelt } from '../ks/foresporsel.js';
import { tilKsSvar } from '../ks/svar.js';
import { yamlZip } from '../ks/yaml.js';
import { aktoerFor, kontrollerKsRolle, ksRolleId } from '../mellomvare/autentisering.js';
import { ugyldig } from '../problem.js';
import { kjoerBeregning } from './beregning.js';
import { def, delKropp, kreverJson } from './felles.js';

/** KS Fiks's base path for the «API-overbygg» of skatte- og inntektsopplysninger. */
export const KS_GRUNNSTI = '/register/api/v1/ks/{rolleId}/skatteoginntektsopplysninger';

/** The KS beregning paths and the beregningstype each serves. */
export const KS_BEREGNINGER: ReadonlyArray<{ sti: string; type: Beregningstype; navn: string }> = [
  { sti: '/beregning', type: 'LANGTIDSOPPHOLD_INSTITUSJON', navn: 'langtidsopphold' },
  { sti: '/beregning/praktisk-bistand', type: 'PRAKTISK_BISTAND', navn: 'praktisk bistand' },
  { sti: '/beregning/redusert-foreldrebetaling', type: 'BARNEHAGE_SFO', navn: 'redusert foreldrebetaling' },
];

/**
 * The request as KS takes it: the path decides the beregningstype, so the body may leave it out;
 * a body that names another is refused. Fields KS may send that the product does not use are taken
 * out and named in the log (never their values).
 */
function ksForesporsel(k: ApiKontekst, req: Request, res: Response, type: Beregningstype) {
  const { foresporsel, konvolutt } = delKropp(req.body);
  if (!foresporsel || typeof foresporsel !== 'object' || Array.isArray(foresporsel)) {
    return { foresporsel, konvolutt };
  }
  const { foresporsel: f, ukjente } = utenUkjenteFelt(foresporsel as Record<string, unknown>);
  if (ukjente.length > 0) {
    k.logger.info(
      { requestId: res.locals.requestId, rute: res.locals.rute, ukjenteFelt: ukjente },
      'felt i KS-forespørselen som ikke brukes, er ignorert',
    );
  }
  if (f.beregningstype !== undefined && f.beregningstype !== type) {
    throw ugyldig('beregningstype', `må være ${type} (eller utelates) på denne adressen`);
  }
  return { foresporsel: { ...f, beregningstype: type }, konvolutt };
}

/**
 * The KS Fiks-compatible API: the same paths, authentication (ks/autentisering.ts), request and
 * response shapes as KS publishes, so a case-management system built against KS switches by changing
 * its base URL. The role is in the path: it must be the caller's (an integration's roles, or an API
 * key's one role).
 */
export function ksRuter(k: ApiKontekst): Router {
  const r = Router();

  const beregn = async (req: Request, res: Response, type: Beregningstype) => {
    const { foresporsel, konvolutt } = ksForesporsel(k, req, res, type);
    return kjoerBeregning(k, res, {
      // The use case checks that the caller holds the role (ROLLE_MANGLER, audited) and that it fits.
      // KS's role ids are UUIDs in any case; ours are stored in lower case.
      rolleId: ksRolleId(req.params.rolleId as string),
      foresporsel,
      konvolutt,
      // KS's requests carry no vedtak: an area that needs vedtak facts for its fee gives the basis.
      grunnlagUtenVedtak: true,
    });
  };

  for (const { sti, type } of KS_BEREGNINGER) {
    def(r, 'post', `${KS_GRUNNSTI}${sti}`, kreverJson, async (req, res) => {
      res.json(tilKsSvar(await beregn(req, res, type)));
    });
    def(r, 'post', `${KS_GRUNNSTI}${sti}/pdf`, kreverJson, async (req, res) => {
      const resultat = await beregn(req, res, type);
      const pdf = await resultatSomPdf(resultat, k.konfig.innstillinger);
      res
        .type('application/pdf')
        .set('Content-Disposition', `attachment; filename="${pdfFilnavn(resultat)}"`)
        .send(pdf);
    });
  }

  def(r, 'post', `${KS_GRUNNSTI}/verdier`, kreverJson, (req, res) => {
    kontrollerKsRolle(req.params.rolleId as string, aktoerFor(res));
    const kropp = (req.body ?? {}) as Record<string, unknown>;
    const type = beregningstypeFra(kropp.beregningstype);
    const b = beregnerFor(type);
    const aar =
      kropp.inntektsaar === undefined ? b.postdefinisjon.tilOgMedAar : inntektsaarFor(b, kropp.inntektsaar);
    res.json(verdierFor(type, aar));
  });

  def(r, 'get', `${KS_GRUNNSTI}/yaml/{beregningstype}/{inntektsaar}`, (req, res) => {
    kontrollerKsRolle(req.params.rolleId as string, aktoerFor(res));
    const type = beregningstypeFra(req.params.beregningstype);
    const aar = inntektsaarFor(beregnerFor(type), req.params.inntektsaar);
    const { filnavn, zip } = yamlZip(type, aar, k.klokke());
    res
      .type('application/zip')
      .set('Content-Disposition', `attachment; filename="${filnavn}"`)
      .send(Buffer.from(zip));
  });

  return r;
}
