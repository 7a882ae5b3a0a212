import { beregnForesporsel } from '@inntektsgrunnlag/beregning';
import { BEREGNERE } from '@inntektsgrunnlag/oppslag';
import ks from '../../../../examples/langtidsopphold-ks-2023.json';
import type { Beregningstype, Rolle, Sesjon } from '../api/typer';

/**
 * A stand-in for the API in component tests: the session, demo users, /verdier and name lookups as
 * the contract says, and beregninger computed by the real rules (`beregnForesporsel`) on the KS
 * example's posts. It records every call, so a test can check what the app sent.
 */

const POSTER = new Map<string, unknown[]>(ks.personer.map((p) => [p.identifikator, p.poster]));

/** Who is married to whom in the fake Folkeregisteret (the KS example's two persons). */
const NAVN_PARTNER: Record<string, string> = { '04817299771': '27847099416', '27847099416': '04817299771' };

export const NAVN: Record<string, { fornavn: string; etternavn: string }> = {
  '04817299771': { fornavn: 'UPERSONLIG', etternavn: 'PÅFUNN' },
  '27847099416': { fornavn: 'OPPRIKTIG', etternavn: 'DAMESYKKEL' },
};

export const ROLLER: Record<string, Rolle> = {
  langtid: {
    id: 'demo-langtidsopphold',
    navn: 'Demo: Helse og omsorg, langtidsopphold institusjon',
    tjenesteomraade: 'LANGTIDSOPPHOLD',
    beregningstyper: ['LANGTIDSOPPHOLD_INSTITUSJON'],
    avregning: true,
  },
  bistand: {
    id: 'demo-praktisk-bistand',
    navn: 'Demo: Helse og omsorg, praktisk bistand',
    tjenesteomraade: 'PRAKTISK_BISTAND',
    beregningstyper: ['PRAKTISK_BISTAND'],
    avregning: false,
  },
};

export interface Kall {
  metode: string;
  sti: string;
  kropp: unknown;
  headers: Record<string, string>;
}

function json(status: number, kropp: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(kropp), { status, headers: { 'Content-Type': type } });
}

function problem(
  status: number,
  title: string,
  detail: string,
  errors?: Array<{ felt: string; melding: string }>,
) {
  return json(
    status,
    { type: 'urn:test', title, status, detail, ...(errors ? { errors } : {}) },
    'application/problem+json',
  );
}

export function falskApi(
  valg: {
    roller?: Rolle[];
    aar?: number[];
    /** What logout answers as `utloggingUrl` (as for a session that came from OIDC); absent by default. */
    utloggingUrl?: string;
  } = {},
) {
  const roller = valg.roller ?? [ROLLER.langtid as Rolle];
  const aar = valg.aar ?? [2019, 2020, 2021, 2022, 2023, 2024, 2025];
  const kall: Kall[] = [];
  let sesjon: Sesjon = { innlogget: false, modus: 'INNEBYGD', roller: [] };
  let referanser = 0;

  const hent = async (inn: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(inn), 'http://localhost');
    const metode = init.method ?? 'GET';
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
    const kropp = init.body ? JSON.parse(String(init.body)) : undefined;
    kall.push({ metode, sti: url.pathname + url.search, kropp, headers });
    if (metode === 'POST' && sesjon.innlogget && headers['X-CSRF-Token'] !== sesjon.csrfToken) {
      return problem(403, 'Ingen tilgang', 'CSRF-token mangler eller er feil');
    }
    switch (`${metode} ${url.pathname}`) {
      case 'GET /api/v1/sesjon':
        return json(200, sesjon);
      case 'GET /api/v1/demo/brukere':
        return json(200, [{ id: 'demo-bruker', visningsnavn: 'Rolig Hjort (demo)', roller }]);
      case 'POST /api/v1/sesjon/demo':
        sesjon = {
          innlogget: true,
          modus: 'INNEBYGD',
          bruker: { id: 'demo-bruker', visningsnavn: 'Rolig Hjort (demo)' },
          roller,
          csrfToken: 'csrf-test',
        };
        return new Response(null, { status: 204 });
      case 'POST /api/v1/sesjon/logg-ut':
        sesjon = { innlogget: false, modus: 'INNEBYGD', roller: [] };
        return json(200, {
          innlogget: false,
          ...(valg.utloggingUrl !== undefined ? { utloggingUrl: valg.utloggingUrl } : {}),
        });
      case 'GET /api/v1/verdier': {
        const type = url.searchParams.get('beregningstype') as Beregningstype;
        const inntektsaar = url.searchParams.has('inntektsaar')
          ? Number(url.searchParams.get('inntektsaar'))
          : Math.max(...aar);
        if (!aar.includes(inntektsaar)) {
          return problem(400, 'Ugyldig forespørsel', `inntektsaar: ikke dekket`, [
            { felt: 'inntektsaar', melding: 'ikke dekket' },
          ]);
        }
        const b = BEREGNERE[type];
        return json(200, {
          beregningstype: type,
          inntektsaar,
          dekkedeInntektsaar: [...aar].sort((x, y) => x - y),
          tittel: b.tittel,
          avgiftsnoekkel: b.avgiftsnoekkel,
          persontyper: b.persontyper.map((t) => ({ type: t, tekst: t })),
          ekstraposter: b.ekstraposter.map((e) => ({
            tekniskNavn: e.tekniskNavn,
            visningstekst: `Post ${e.tekniskNavn}`,
            infotekst: `Hjelpetekst for ${e.tekniskNavn}`,
            persontyper: [...e.persontyper],
          })),
        });
      }
      case 'POST /api/v1/husstand': {
        // The KS example: the applicant is married to the partner (Folkeregisteret's sivilstand).
        const id = (kropp as { identifikator: string }).identifikator;
        const partner = NAVN_PARTNER[id];
        if (!NAVN[id]) return problem(404, 'Ikke funnet', 'Fant ingen person');
        return json(200, {
          soeker: {
            identifikator: id,
            navn: { ...NAVN[id], mellomnavn: null },
            skjermet: false,
            sivilstand: partner ? 'gift' : 'ugift',
          },
          forslag: partner
            ? [
                {
                  identifikator: partner,
                  persontype: 'EKTEFELLE',
                  relasjon: 'gift',
                  navn: { ...NAVN[partner], mellomnavn: null },
                  foedselsdato: '1970-04-27',
                  skjermet: false,
                  plassering: 'PERSONER',
                },
              ]
            : [],
          merknader: [
            'En samboer er ikke registrert i Folkeregisteret og må legges inn for hånd (persontype SAMBOER).',
          ],
          utfoert: {},
        });
      }
      case 'POST /api/v1/personer/navn': {
        const id = (kropp as { identifikator: string }).identifikator;
        const navn = NAVN[id];
        if (!navn) return problem(404, 'Ikke funnet', 'Fant ingen person');
        return json(200, { identifikator: id, navn: { ...navn, mellomnavn: null }, skjermet: false });
      }
      case 'POST /api/v1/beregning': {
        const {
          grunnlagsreferanse,
          avregning: _a,
          ...foresporsel
        } = kropp as Record<string, unknown> & {
          personer: Array<{ identifikator: string }>;
          beregningstype: Beregningstype;
        };
        const ukjent = foresporsel.personer.findIndex((p) => !POSTER.has(p.identifikator));
        if (ukjent >= 0) {
          return problem(404, 'Ingen skatteopplysninger', 'Fant ingen skatteopplysninger', [
            { felt: `personer.${ukjent}.identifikator`, melding: 'ingen skatteopplysninger' },
          ]);
        }
        const resultat = beregnForesporsel(
          BEREGNERE[foresporsel.beregningstype],
          {
            ...foresporsel,
            personer: foresporsel.personer.map((p) => ({ ...p, poster: POSTER.get(p.identifikator) })),
          },
          { idag: '2026-11-27' },
        );
        referanser += 1;
        return json(200, {
          ...resultat,
          utfoert: {
            tidspunkt: '2026-11-27T10:00:00.000Z',
            aktoer: { type: 'BRUKER', id: 'demo-bruker', visningsnavn: 'Rolig Hjort (demo)' },
            rolleId: headers['X-Rolle-Id'],
            tjenesteomraade: 'LANGTIDSOPPHOLD',
            avregning: true,
            revidert: !grunnlagsreferanse,
            grunnlag: grunnlagsreferanse ? 'GJENBRUKT' : 'HENTET',
            ...(grunnlagsreferanse ? { grunnlagHentet: '2026-11-27T09:59:00.000Z' } : {}),
          },
          grunnlagsreferanse: grunnlagsreferanse ?? `referanse-${String(referanser).padStart(16, '0')}`,
        });
      }
      default:
        return problem(404, 'Ikke funnet', url.pathname);
    }
  };
  return { hent: hent as typeof fetch, kall };
}
