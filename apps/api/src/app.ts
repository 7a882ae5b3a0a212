import { join } from 'node:path';
import {
  DeltHastighetsteller,
  KS_DEMOUTSTEDER,
  ksDemoutstederensOffentligeNoekkel,
} from '@inntektsgrunnlag/lagring';
import { Arkivtjeneste, Grunnlagsbuffer, Oppslagstjeneste, Satsforvaltning } from '@inntektsgrunnlag/oppslag';
import cors from 'cors';
import express, { type Express, Router } from 'express';
import helmet from 'helmet';
import { type ApiKonfig, STANDARD_HASTIGHET, STANDARD_MAKS_KROPP } from './konfig.js';
import { type ApiKontekst, Kildestatus } from './kontekst.js';
import { ksAutentiserer } from './ks/autentisering.js';
import { KS_SCOPE, standardKsKonfig, UTEN_AUDIENCE } from './ks/miljoe.js';
import { Noekkelsett } from './ks/noekkelsett.js';
import { Tokenkontroll, type Utsteder } from './ks/tokenkontroll.js';
import { lagLogger } from './logg.js';
import { apiNoekkelAutentiserer, identifiser } from './mellomvare/autentisering.js';
import { Hastighetsbegrenser, hastighetsbegrensning } from './mellomvare/begrensning.js';
import { feilbehandler, ikkeFunnet } from './mellomvare/feil.js';
import { foresporselId } from './mellomvare/foresporselId.js';
import { foresporselslogg } from './mellomvare/foresporselslogg.js';
import { Metrikker } from './mellomvare/metrikker.js';
import { Turkoe } from './mellomvare/tur.js';
import { adminRuter } from './ruter/admin.js';
import { arkivRuter } from './ruter/arkiv.js';
import { dokumentasjonRuter } from './ruter/dokumentasjon.js';
import { etteroppgjoerRuter } from './ruter/etteroppgjoer.js';
import { helseRuter } from './ruter/helse.js';
import { husstandRuter } from './ruter/husstand.js';
import { ksRuter } from './ruter/ks.js';
import { nativeRuter } from './ruter/native.js';
import { satsRuter } from './ruter/satser.js';
import { vedtaksbrevRuter } from './ruter/vedtaksbrev.js';
import { scimRuter } from './scim/ruter.js';
import { lagInnlogging } from './sesjon/index.js';

/** The web app's build at /: its files, and index.html for any other GET outside the API. */
function webRuter(katalog: string): Router {
  const r = Router();
  r.use((_req, res, next) => {
    res.locals.rute = '/ (web)';
    next();
  });
  r.use(express.static(katalog, { index: 'index.html', fallthrough: true }));
  r.use((req, res, next) => {
    if (req.method !== 'GET' || /^\/(api|register|health|metrics)(\/|$)/.test(req.path)) {
      res.locals.rute = undefined;
      return next();
    }
    res.sendFile(join(katalog, 'index.html'));
  });
  return r;
}

/**
 * The issuers the KS routes trust: the configured ones, and in the demo set-up (the embedded database
 * on the synthetic population, the same rule as for the demo API keys) the demo issuer
 * `pnpm cli ks-token` signs for. Nowhere else is the demo issuer trusted.
 */
function ksTokenkontroll(konfig: ApiKonfig, demoTillatt: boolean, klokke: () => Date): Tokenkontroll {
  const ks = konfig.ks ?? standardKsKonfig();
  const utstedere: Utsteder[] = [
    ...(ks.maskinporten ? [{ type: 'MASKINPORTEN' as const, ...ks.maskinporten }] : []),
    ...(ks.idporten ? [{ type: 'IDPORTEN' as const, ...ks.idporten }] : []),
    ...(demoTillatt
      ? [
          {
            type: 'DEMO' as const,
            issuer: KS_DEMOUTSTEDER.issuer,
            noekkelsett: Noekkelsett.fraJwks(
              { keys: [ksDemoutstederensOffentligeNoekkel()] },
              'demoutstederen',
            ),
            audience: [UTEN_AUDIENCE],
            scope: KS_SCOPE,
          },
        ]
      : []),
  ];
  return new Tokenkontroll(utstedere, klokke, KS_DEMOUTSTEDER.issuer);
}

/**
 * The integration API as an Express app. Reads no environment (see main.ts) and keeps no state
 * outside the app besides the storage it is given. Other routers (SCIM, OIDC) mount in the marked
 * place with one line each, and get the same context (`app.locals.kontekst`).
 */
export function lagApp(konfig: ApiKonfig): Express {
  const klokke = konfig.klokke ?? (() => new Date());
  const logger = konfig.logger ?? lagLogger();
  const metrikker = new Metrikker();
  const turkoe = new Turkoe();
  // The municipality's approved rates continue the built-in tables (and the operator's files).
  const satser = new Satsforvaltning({ lagring: konfig.lagring, regelverk: konfig.regelverk, klokke });
  const tjeneste = new Oppslagstjeneste({
    lagring: konfig.lagring,
    kilder: konfig.kilder,
    regelverk: konfig.regelverk,
    satser,
    innstillinger: konfig.innstillinger,
    klokke,
    grunnlagsbuffer: new Grunnlagsbuffer(konfig.grunnlagsbuffer),
    // Lookups waiting for their turn will audit too: their entries can share a transaction.
    flereOppslagVenter: () => turkoe.ventende > 0,
  });
  const kontekst: ApiKontekst = {
    konfig,
    tjeneste,
    logger,
    metrikker,
    kildestatus: new Kildestatus(),
    klokke,
    turkoe,
    satser,
    arkiv:
      konfig.arkiv?.tjeneste ??
      new Arkivtjeneste({
        lagring: konfig.lagring,
        kanal: null,
        mottakerKonto: null,
        innstillinger: konfig.innstillinger.arkiv,
        klokke,
      }),
  };

  const app = express();
  app.locals.kontekst = kontekst;
  app.disable('x-powered-by');
  app.set('trust proxy', konfig.tillitProxy ?? false);

  app.use(foresporselId());
  // Answers carry personal data (results, users, audit entries, problems naming a person's field):
  // none may be kept by a browser or a proxy. A route that serves something public may say otherwise
  // (the web app's static files do).
  app.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // No ETag computed from the body: with every answer no-store, no cache keeps one to revalidate, so
  // hashing each 10–13 kB result (SHA-1, a few per cent of a lookup's CPU under load; docs/benchmarks.md)
  // buys nothing. A route with a real version sets its own (SCIM's `W/"<versjon>"`), and the web app's
  // static files keep theirs (express.static has its own ETag option).
  app.set('etag', false);
  app.use(foresporselslogg(logger, metrikker));
  app.use(
    helmet({
      // TLS ends at the operator's proxy (HSTS is sent); upgrading sub-requests would break the web app
      // when it is served over plain http on the embedded defaults (http://127.0.0.1:8080).
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  const origins = new Set(konfig.corsOrigins ?? []);
  app.use(
    cors({
      // Closed by default: only the listed origins get CORS headers.
      origin: (origin, svar) => svar(null, origin !== undefined && origins.has(origin)),
      methods: ['GET', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Rolle-Id', 'X-Request-Id', 'X-CSRF-Token'],
      exposedHeaders: [
        'X-Request-Id',
        'Retry-After',
        'WWW-Authenticate',
        'Content-Disposition',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
      ],
      maxAge: 600,
    }),
  );
  // Health and metrics come before authentication and the rate limit: load balancers and scrapers.
  app.use(helseRuter(kontekst));
  app.use(
    express.json({
      limit: konfig.maksKropp ?? STANDARD_MAKS_KROPP,
      type: ['application/json', 'application/*+json'],
    }),
  );
  // Who calls: KS's headers on the KS routes, the extra authenticators (a session), then the API key.
  const innlogging = lagInnlogging(kontekst);
  // The one rule for every demo credential (API keys, KS integrations and issuer, the sign-in).
  const demoTillatt = konfig.lagring.innebygd && konfig.kilder.syntetisk;
  app.use(
    identifiser([
      ksAutentiserer({
        lagring: konfig.lagring,
        tokenkontroll: ksTokenkontroll(konfig, demoTillatt, klokke),
        demoTillatt,
        logger,
      }),
      innlogging.autentiserer,
      ...(konfig.autentiserere ?? []),
      apiNoekkelAutentiserer(konfig.lagring, demoTillatt),
    ]),
  );
  const hastighet = konfig.hastighet === undefined ? STANDARD_HASTIGHET : konfig.hastighet;
  if (hastighet) {
    // On PostgreSQL the limit is counted once for all instances on the database (issue 19 item 5).
    const teller =
      konfig.lagring.modus === 'POSTGRES'
        ? new DeltHastighetsteller(konfig.lagring.sql, hastighet.maks, hastighet.vinduMs ?? 60_000)
        : new Hastighetsbegrenser(hastighet);
    app.use(hastighetsbegrensning(teller, () => klokke().getTime()));
  }

  app.use(dokumentasjonRuter());
  app.use(nativeRuter(kontekst));
  app.use(husstandRuter(kontekst));
  app.use(ksRuter(kontekst));
  // Further routers, one line each (they get `kontekst`; register routes with `def` from ruter/felles.ts
  // so the log and the metrics name the route template):
  app.use(scimRuter(kontekst));
  app.use(vedtaksbrevRuter(kontekst));
  app.use(innlogging.ruter);
  app.use(adminRuter(kontekst));
  app.use(arkivRuter(kontekst));
  app.use(satsRuter(kontekst));
  app.use(etteroppgjoerRuter(kontekst));

  if (konfig.webKatalog) app.use(webRuter(konfig.webKatalog));
  app.use(ikkeFunnet);
  app.use(feilbehandler(kontekst));
  return app;
}
