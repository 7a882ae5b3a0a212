import type { Kildesystem, ScimBruker, ScimGruppe } from '@inntektsgrunnlag/lagring';
import { Versjonskonflikt } from '@inntektsgrunnlag/lagring';
import { type ErrorRequestHandler, type Request, type RequestHandler, type Response, Router } from 'express';
import type { ApiKontekst } from '../kontekst.js';
import { finnesIkke, ScimFeil, scimFeilbehandler, ugyldigSyntaks } from './feil.js';
import { lesPatch, patchBruker, patchGruppe } from './patch.js';
import {
  brukerFraScim,
  brukerTilScim,
  forventetVersjon,
  gruppeFraScim,
  gruppeTilScim,
  projiser,
  versjonstagg,
} from './ressurser.js';
import {
  MAKS_SIDE,
  ressurstyper,
  SCIM_JSON,
  STANDARD_SIDE,
  skjemaer,
  tjenesteoppsett,
  URN,
} from './skjema.js';
import { lesFilter } from './uttrykk.js';

export const SCIM_STI = '/scim/v2';

const BEARER = /^Bearer[ ]+([^\s]+)[ ]*$/i;
const WWW_AUTHENTICATE = 'Bearer realm="inntektsgrunnlag-scim"';

/** Each source system with its own token; 401 for a missing, unknown, expired or deactivated one. */
function kildesystemAutentisering(k: ApiKontekst): RequestHandler {
  return async (req, res, next) => {
    const m = BEARER.exec(req.get('Authorization') ?? '');
    if (!m) {
      throw new ScimFeil(401, null, 'Oppgi kildesystemets token: «Authorization: Bearer <token>»', {
        'WWW-Authenticate': WWW_AUTHENTICATE,
      });
    }
    const svar = await k.konfig.lagring.kildesystemer.autentiser(m[1] as string, k.klokke());
    if (!svar.ok) {
      // Which of unknown, expired and deactivated is told only to the log, not to the caller.
      k.logger.warn({ requestId: res.locals.requestId, kode: svar.kode }, 'SCIM-token avvist');
      throw new ScimFeil(401, null, 'Tokenet er ukjent, utløpt eller trukket tilbake', {
        'WWW-Authenticate': `${WWW_AUTHENTICATE}, error="invalid_token"`,
      });
    }
    res.locals.kildesystem = svar.kildesystem;
    next();
  };
}

const kildesystem = (res: Response) => (res.locals.kildesystem as Kildesystem).id;

/** The base URL of this SCIM service as the caller reached it, for meta.location. */
const basis = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}${SCIM_STI}`;

function send(res: Response, status: number, kropp: unknown, versjon?: number): void {
  if (versjon !== undefined) res.setHeader('ETag', versjonstagg(versjon));
  res.status(status).type(SCIM_JSON).send(JSON.stringify(kropp));
}

const kommaliste = (v: unknown) =>
  typeof v === 'string' && v.trim()
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : null;

function projeksjon(req: Request) {
  return { attributter: kommaliste(req.query.attributes), utelatt: kommaliste(req.query.excludedAttributes) };
}

/** Whether the caller left the members out (Entra ID asks so when it only checks a group exists). */
function utenMedlemmer(req: Request): boolean {
  const { attributter, utelatt } = projeksjon(req);
  if (attributter) return !attributter.some((a) => /(^|:)members(\.|$)/i.test(a));
  return !!utelatt?.some((a) => /(^|:)members(\.|$)/i.test(a));
}

function side(req: Request): { start: number; antall: number } {
  const tall = (v: unknown, standard: number, felt: string) => {
    if (v === undefined) return standard;
    if (typeof v !== 'string' || !/^-?\d{1,9}$/.test(v.trim()))
      throw ugyldigSyntaks(`${felt}: må være et heltall`);
    return Number(v);
  };
  // RFC 7644 § 3.4.2.4: startIndex below 1 is 1, a negative count is 0; above the maximum, the maximum.
  const start = Math.max(1, tall(req.query.startIndex, 1, 'startIndex'));
  const antall = Math.min(MAKS_SIDE, Math.max(0, tall(req.query.count, STANDARD_SIDE, 'count')));
  return { start, antall };
}

/** The list filter: `attr eq "value"` on one of the attributes in `felt` (SCIM name → storage field). */
function filterFor<T extends string>(
  req: Request,
  kjerne: string,
  felt: Record<string, T>,
): { felt: T; verdi: string } | null {
  const tekst = req.query.filter;
  if (tekst === undefined) return null;
  if (typeof tekst !== 'string') throw new ScimFeil(400, 'invalidFilter', 'filter må være én tekst');
  const f = lesFilter(tekst);
  const navn = Object.entries(felt).find(([n]) => n.toLowerCase() === f.attributt.toLowerCase())?.[1];
  if (!navn || (f.skjema !== null && f.skjema !== kjerne)) {
    throw new ScimFeil(
      400,
      'invalidFilter',
      `Filter på «${f.attributt}» støttes ikke her; bruk ${Object.keys(felt)
        .map((n) => `${n} eq "…"`)
        .join(', ')}`,
    );
  }
  if (typeof f.verdi !== 'string')
    throw new ScimFeil(400, 'invalidFilter', `Verdien for ${f.attributt} må være en tekst`);
  return { felt: navn, verdi: f.verdi };
}

function listesvar(ressurser: unknown[], totalt: number, start: number) {
  return {
    schemas: [URN.liste],
    totalResults: totalt,
    startIndex: start,
    itemsPerPage: ressurser.length,
    Resources: ressurser,
  };
}

/** The internal JSON of a user for PATCH: what PUT would send, with the write-only fødselsnummer. */
function brukerSomKropp(b: ScimBruker, basisUrl: string): Record<string, unknown> {
  const r = brukerTilScim(b, basisUrl);
  delete r.meta;
  delete r.groups;
  delete r.id;
  if (b.foedselsnummer) r[URN.ksPerson] = { foedselsnummer: b.foedselsnummer };
  return r;
}

const harKropp = (req: Request) => {
  if (req.body === undefined)
    throw ugyldigSyntaks('Innholdet må være JSON (Content-Type: application/scim+json)');
};

/** Set the route template (for the log and the metrics), as ruter/felles.ts does. */
const rute =
  (mal: string): RequestHandler =>
  (_req, res, next) => {
    res.locals.rute = mal;
    next();
  };

/**
 * SCIM 2.0 (RFC 7643, RFC 7644) at /scim/v2: Users and Groups of the calling source system, and the
 * discovery endpoints. Answers and errors are application/scim+json.
 */
export function scimRuter(k: ApiKontekst): [Router, ErrorRequestHandler] {
  const lagring = k.konfig.lagring;
  const s = Router({ caseSensitive: false });

  // Discovery (RFC 7644 § 4): the same for every caller, so it needs no token.
  s.get('/ServiceProviderConfig', rute(`${SCIM_STI}/ServiceProviderConfig`), (req, res) => {
    send(res, 200, tjenesteoppsett(basis(req)));
  });
  s.get('/ResourceTypes', rute(`${SCIM_STI}/ResourceTypes`), (req, res) => {
    const r = ressurstyper(basis(req));
    send(res, 200, listesvar(r, r.length, 1));
  });
  s.get('/ResourceTypes/:id', rute(`${SCIM_STI}/ResourceTypes/{id}`), (req, res) => {
    const r = ressurstyper(basis(req)).find(
      (t) => t.id.toLowerCase() === String(req.params.id).toLowerCase(),
    );
    if (!r) throw finnesIkke('Ressurstypen');
    send(res, 200, r);
  });
  s.get('/Schemas', rute(`${SCIM_STI}/Schemas`), (req, res) => {
    const r = skjemaer(basis(req));
    send(res, 200, listesvar(r, r.length, 1));
  });
  s.get('/Schemas/:id', rute(`${SCIM_STI}/Schemas/{id}`), (req, res) => {
    const r = skjemaer(basis(req)).find((t) => t.id.toLowerCase() === String(req.params.id).toLowerCase());
    if (!r) throw finnesIkke('Skjemaet');
    send(res, 200, r);
  });

  s.use(kildesystemAutentisering(k));
  const logg = (res: Response, hendelse: string, id: string) =>
    k.logger.info(
      { requestId: res.locals.requestId, kildesystem: kildesystem(res), hendelse, ressurs: id },
      'SCIM',
    );

  // Users
  s.get('/Users', rute(`${SCIM_STI}/Users`), async (req, res) => {
    const filter = filterFor(req, URN.bruker, {
      userName: 'brukernavn',
      externalId: 'eksternId',
      displayName: 'visningsnavn',
    } as const);
    const sd = side(req);
    const { totalt, brukere } = await lagring.scim.listBrukere(kildesystem(res), filter, sd);
    const p = projeksjon(req);
    send(
      res,
      200,
      listesvar(
        brukere.map((b) => projiser(brukerTilScim(b, basis(req)), p.attributter, p.utelatt)),
        totalt,
        sd.start,
      ),
    );
  });

  s.post('/Users', rute(`${SCIM_STI}/Users`), async (req, res) => {
    harKropp(req);
    const data = brukerFraScim(req.body);
    const b = await lagring.scim.opprettBruker(
      kildesystem(res),
      { ...data, foedselsnummer: data.foedselsnummer ?? null },
      k.klokke(),
    );
    logg(res, 'bruker opprettet', b.id);
    const r = brukerTilScim(b, basis(req));
    res.setHeader('Location', (r.meta as { location: string }).location);
    send(res, 201, r, b.versjon);
  });

  s.get('/Users/:id', rute(`${SCIM_STI}/Users/{id}`), async (req, res) => {
    const b = await lagring.scim.hentBruker(kildesystem(res), String(req.params.id));
    if (!b) throw finnesIkke('Brukeren');
    const p = projeksjon(req);
    send(res, 200, projiser(brukerTilScim(b, basis(req)), p.attributter, p.utelatt), b.versjon);
  });

  s.put('/Users/:id', rute(`${SCIM_STI}/Users/{id}`), async (req, res) => {
    harKropp(req);
    const id = String(req.params.id);
    const versjon = forventetVersjon(req.get('If-Match'));
    const data = brukerFraScim(req.body);
    const gammel = await lagring.scim.hentBruker(kildesystem(res), id);
    if (!gammel) throw finnesIkke('Brukeren');
    const b = await lagring.scim.erstattBruker(
      kildesystem(res),
      id,
      {
        ...data,
        foedselsnummer: data.foedselsnummer === undefined ? gammel.foedselsnummer : data.foedselsnummer,
      },
      k.klokke(),
      versjon,
    );
    if (!b) throw finnesIkke('Brukeren');
    logg(res, 'bruker erstattet', id);
    send(res, 200, brukerTilScim(b, basis(req)), b.versjon);
  });

  s.patch('/Users/:id', rute(`${SCIM_STI}/Users/{id}`), async (req, res) => {
    harKropp(req);
    const id = String(req.params.id);
    const ops = lesPatch(req.body);
    const ifMatch = forventetVersjon(req.get('If-Match'));
    // Without If-Match, a concurrent change is retried on the fresh resource rather than refused.
    for (let forsoek = 1; ; forsoek++) {
      const gammel = await lagring.scim.hentBruker(kildesystem(res), id);
      if (!gammel) throw finnesIkke('Brukeren');
      const ny = brukerFraScim(patchBruker(brukerSomKropp(gammel, basis(req)), ops));
      try {
        const b = await lagring.scim.erstattBruker(
          kildesystem(res),
          id,
          { ...ny, foedselsnummer: ny.foedselsnummer ?? null },
          k.klokke(),
          ifMatch ?? gammel.versjon,
        );
        if (!b) throw finnesIkke('Brukeren');
        logg(res, 'bruker endret', id);
        const p = projeksjon(req);
        return send(res, 200, projiser(brukerTilScim(b, basis(req)), p.attributter, p.utelatt), b.versjon);
      } catch (e) {
        if (!(e instanceof Versjonskonflikt) || ifMatch !== undefined || forsoek >= 3) throw e;
      }
    }
  });

  s.delete('/Users/:id', rute(`${SCIM_STI}/Users/{id}`), async (req, res) => {
    const id = String(req.params.id);
    if (!(await lagring.scim.slettBruker(kildesystem(res), id))) throw finnesIkke('Brukeren');
    logg(res, 'bruker slettet', id);
    res.status(204).end();
  });

  // Groups
  s.get('/Groups', rute(`${SCIM_STI}/Groups`), async (req, res) => {
    const filter = filterFor(req, URN.gruppe, {
      displayName: 'visningsnavn',
      externalId: 'eksternId',
    } as const);
    const sd = side(req);
    const { totalt, grupper } = await lagring.scim.listGrupper(
      kildesystem(res),
      filter,
      sd,
      !utenMedlemmer(req),
    );
    const p = projeksjon(req);
    send(
      res,
      200,
      listesvar(
        grupper.map((g) => projiser(gruppeTilScim(g, basis(req)), p.attributter, p.utelatt)),
        totalt,
        sd.start,
      ),
    );
  });

  s.post('/Groups', rute(`${SCIM_STI}/Groups`), async (req, res) => {
    harKropp(req);
    const g = await lagring.scim.opprettGruppe(kildesystem(res), gruppeFraScim(req.body), k.klokke());
    logg(res, 'gruppe opprettet', g.id);
    const r = gruppeTilScim(g, basis(req));
    res.setHeader('Location', (r.meta as { location: string }).location);
    send(res, 201, r, g.versjon);
  });

  s.get('/Groups/:id', rute(`${SCIM_STI}/Groups/{id}`), async (req, res) => {
    const g = await lagring.scim.hentGruppe(kildesystem(res), String(req.params.id), !utenMedlemmer(req));
    if (!g) throw finnesIkke('Gruppen');
    const p = projeksjon(req);
    send(res, 200, projiser(gruppeTilScim(g, basis(req)), p.attributter, p.utelatt), g.versjon);
  });

  s.put('/Groups/:id', rute(`${SCIM_STI}/Groups/{id}`), async (req, res) => {
    harKropp(req);
    const id = String(req.params.id);
    const { medlemmer, ...data } = gruppeFraScim(req.body);
    const g = await lagring.scim.endreGruppe(
      kildesystem(res),
      id,
      { data, medlemmer, versjon: forventetVersjon(req.get('If-Match')) },
      k.klokke(),
    );
    if (!g) throw finnesIkke('Gruppen');
    logg(res, 'gruppe erstattet', id);
    send(res, 200, gruppeTilScim(g, basis(req)), g.versjon);
  });

  s.patch('/Groups/:id', rute(`${SCIM_STI}/Groups/{id}`), async (req, res) => {
    harKropp(req);
    const id = String(req.params.id);
    const ops = lesPatch(req.body);
    const ifMatch = forventetVersjon(req.get('If-Match'));
    const gammel = await lagring.scim.hentGruppe(kildesystem(res), id, false);
    if (!gammel) throw finnesIkke('Gruppen');
    const r = gruppeTilScim(gammel, basis(req));
    const { ressurs, medlemmer } = patchGruppe(
      {
        schemas: r.schemas,
        displayName: r.displayName,
        ...(r.externalId ? { externalId: r.externalId } : {}),
      },
      ops,
    );
    const { medlemmer: _ingen, ...data } = gruppeFraScim(ressurs);
    const g: ScimGruppe | null = await lagring.scim.endreGruppe(
      kildesystem(res),
      id,
      {
        data,
        ...(medlemmer.alle ? { medlemmer: [...medlemmer.alle] } : {}),
        leggTil: [...medlemmer.leggTil],
        fjern: [...medlemmer.fjern],
        ...(ifMatch !== undefined ? { versjon: ifMatch } : {}),
        medMedlemmer: !utenMedlemmer(req),
      },
      k.klokke(),
    );
    if (!g) throw finnesIkke('Gruppen');
    logg(res, 'gruppe endret', id);
    const p = projeksjon(req);
    send(res, 200, projiser(gruppeTilScim(g, basis(req)), p.attributter, p.utelatt), g.versjon);
  });

  s.delete('/Groups/:id', rute(`${SCIM_STI}/Groups/{id}`), async (req, res) => {
    const id = String(req.params.id);
    if (!(await lagring.scim.slettGruppe(kildesystem(res), id))) throw finnesIkke('Gruppen');
    logg(res, 'gruppe slettet', id);
    res.status(204).end();
  });

  s.all('/Bulk', rute(`${SCIM_STI}/Bulk`), () => {
    throw new ScimFeil(501, null, 'Bulk støttes ikke (se ServiceProviderConfig)');
  });
  s.use(rute(`${SCIM_STI} (ukjent)`), (req) => {
    throw new ScimFeil(404, null, `Ingen SCIM-ressurs for ${req.method} på denne adressen`);
  });
  s.use(scimFeilbehandler(k));

  const r = Router();
  r.use(SCIM_STI, s);
  // Errors raised before the router (the app's JSON parser: bad JSON, too large) on a SCIM path are
  // SCIM errors too; this error handler is mounted beside the router so it sees them.
  const feilbehandler = scimFeilbehandler(k);
  const foerRuteren: ErrorRequestHandler = (e, req, res, next) =>
    req.path === SCIM_STI || req.path.startsWith(`${SCIM_STI}/`) ? feilbehandler(e, req, res, next) : next(e);
  return [r, foerRuteren];
}
