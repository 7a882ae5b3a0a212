import { ID_MOENSTER } from '@inntektsgrunnlag/tilgang';
import { type RequestHandler, Router } from 'express';
import { HttpFeil, ingenTilgang, PROBLEMTYPE, ugyldig } from '../problem.js';
import { def, kreverJson } from '../ruter/felles.js';
import { type Innlogging, SESJONSCOOKIE } from './innlogging.js';

/** Session answers are personal and change with every sign-in: never cached. */
const ingenLagring: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

const bareInnebygd =
  (i: Innlogging): RequestHandler =>
  (_req, _res, next) => {
    if (i.modus !== 'INNEBYGD') {
      return next(
        new HttpFeil(
          404,
          PROBLEMTYPE.ikkeFunnet,
          'Finnes ikke',
          'Demoinnlogging finnes bare i innebygd modus med den syntetiske populasjonen.',
        ),
      );
    }
    next();
  };

/** A live session in the cookie needs its X-CSRF-Token (see Innlogging.kontrollerSesjonensCsrf). */
const sesjonensCsrf =
  (i: Innlogging): RequestHandler =>
  async (req, _res, next) => {
    await i.kontrollerSesjonensCsrf(req);
    next();
  };

/**
 * The web app's session endpoints: who is signed in, the demo picker (embedded mode), and logout.
 * The contract is in docs/innlogging.md.
 */
export function sesjonRuter(i: Innlogging): Router {
  const r = Router();
  const lagring = i.k.konfig.lagring;

  def(r, 'get', '/api/v1/sesjon', ingenLagring, async (req, res) => {
    res.json(await i.sesjonssvar(await i.sesjon(req)));
  });

  def(r, 'get', '/api/v1/demo/brukere', ingenLagring, bareInnebygd(i), async (_req, res) => {
    const brukere = (await lagring.brukere.alle()).filter((b) => b.demo && b.aktiv);
    res.json(
      await Promise.all(
        brukere.map(async (b) => ({
          id: b.id,
          visningsnavn: b.visningsnavn,
          roller: await i.roller(b.id),
        })),
      ),
    );
  });

  def(
    r,
    'post',
    '/api/v1/sesjon/demo',
    ingenLagring,
    bareInnebygd(i),
    sesjonensCsrf(i),
    kreverJson,
    async (req, res) => {
      const brukerId = (req.body as { brukerId?: unknown } | null)?.brukerId;
      if (typeof brukerId !== 'string' || !ID_MOENSTER.test(brukerId)) {
        throw ugyldig('brukerId', 'må være id-en til en demobruker (se GET /api/v1/demo/brukere)');
      }
      const bruker = await lagring.brukere.hent(brukerId);
      if (!bruker?.demo) throw ugyldig('brukerId', `ingen demobruker har id-en «${brukerId}»`);
      if (!bruker.aktiv) throw ingenTilgang('AKTOER_INAKTIV', 'Demobrukeren er deaktivert.');
      res.json(await i.sesjonssvar(await i.startSesjon(req, res, { bruker, innlogging: 'DEMO' })));
    },
  );

  def(r, 'post', '/api/v1/sesjon/logg-ut', ingenLagring, sesjonensCsrf(i), async (req, res) => {
    const id = i.sesjonsId(req);
    const avsluttet = id ? await lagring.sesjoner.avslutt(id) : null;
    i.slettCookie(res, SESJONSCOOKIE);
    let utloggingUrl: string | null = null;
    if (avsluttet?.innlogging === 'OIDC' && i.oidc) {
      // Our session is over whatever the issuer says; its logout address is a courtesy.
      utloggingUrl = await i.oidc.utloggingUrl(avsluttet.idToken).catch(() => null);
    }
    res.json({ innlogget: false, ...(utloggingUrl ? { utloggingUrl } : {}) });
  });

  return r;
}
