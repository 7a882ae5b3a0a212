import { tekster } from '../tekster';
import type {
  Arkivforsendelse,
  Arkivoppsett,
  Arkivvalg,
  Beregningsforespoersel,
  Beregningsresultat,
  Beregningstype,
  Demobruker,
  Feltfeil,
  Husstandsoppslag,
  Kommunesats,
  Navneoppslag,
  NyKommunesats,
  Satstabell,
  Sesjon,
  Utlogging,
  Vedtaksbrevfelt,
  Vedtaksbrevinnhold,
  Verdier,
} from './typer';

/**
 * An RFC 9457 problem from the API, or a network failure (status 0). `errors` names each bad field
 * with the API's dotted path ("personer.0.identifikator").
 */
export class ApiFeil extends Error {
  override readonly name = 'ApiFeil';
  constructor(
    readonly status: number,
    readonly tittel: string,
    readonly detalj: string,
    readonly errors: Feltfeil[] = [],
    readonly kode?: string,
  ) {
    super(detalj || tittel);
  }
}

export interface Klientvalg {
  /** Sent as X-CSRF-Token on state-changing requests (the session's token). */
  csrfToken?: string | undefined;
  /** Sent as X-Rolle-Id: the role the case worker works in. */
  rolleId?: string | undefined;
}

/**
 * The identity provider's end-session address from a logout answer, if it is one the browser may be
 * sent to: an absolute http(s) URL. Anything else (a relative path, `javascript:`, `data:`, garbage)
 * gives null: the answer is only followed when it can be nothing but a page at another address, never
 * script run in ours.
 */
export function utloggingsadresse(svar: Partial<Utlogging> | null | undefined): string | null {
  const adresse = svar?.utloggingUrl;
  if (typeof adresse !== 'string') return null;
  let url: URL;
  try {
    url = new URL(adresse);
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
}

async function tilFeil(svar: Response): Promise<ApiFeil> {
  const t = tekster.feil;
  try {
    const p = (await svar.json()) as {
      title?: string;
      detail?: string;
      errors?: Feltfeil[];
      kode?: string;
    };
    return new ApiFeil(
      svar.status,
      p.title ?? t.ukjentTittel,
      p.detail ?? '',
      Array.isArray(p.errors) ? p.errors : [],
      p.kode,
    );
  } catch {
    return new ApiFeil(svar.status, t.ukjentTittel, t.ukjentDetalj(svar.status));
  }
}

/** A file answer: its bytes, and the name the API gave it (Content-Disposition). */
async function fil(svar: Response): Promise<{ blob: Blob; filnavn: string | null }> {
  const treff = /filename="([^"]+)"/.exec(svar.headers.get('Content-Disposition') ?? '');
  return { blob: await svar.blob(), filnavn: treff?.[1] ?? null };
}

/** The web app's calls to the API: same origin, the session cookie, and the role and CSRF headers. */
export class Klient {
  constructor(
    private readonly valg: Klientvalg = {},
    private readonly hent: typeof fetch = (...a) => fetch(...a),
  ) {}

  med(valg: Klientvalg): Klient {
    return new Klient({ ...this.valg, ...valg }, this.hent);
  }

  private async kall(
    metode: 'GET' | 'POST',
    sti: string,
    kropp?: unknown,
    accept = 'application/json, application/problem+json',
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    if (kropp !== undefined) headers['Content-Type'] = 'application/json';
    if (metode === 'POST' && this.valg.csrfToken) headers['X-CSRF-Token'] = this.valg.csrfToken;
    if (this.valg.rolleId) headers['X-Rolle-Id'] = this.valg.rolleId;
    let svar: Response;
    try {
      svar = await this.hent(sti, {
        method: metode,
        headers,
        credentials: 'same-origin',
        ...(kropp !== undefined ? { body: JSON.stringify(kropp) } : {}),
      });
    } catch {
      throw new ApiFeil(0, tekster.feil.nettverkTittel, tekster.feil.nettverkDetalj);
    }
    if (!svar.ok) throw await tilFeil(svar);
    return svar;
  }

  private async json<T>(metode: 'GET' | 'POST', sti: string, kropp?: unknown): Promise<T> {
    return (await (await this.kall(metode, sti, kropp)).json()) as T;
  }

  sesjon(): Promise<Sesjon> {
    return this.json('GET', '/api/v1/sesjon');
  }

  demobrukere(): Promise<Demobruker[]> {
    return this.json('GET', '/api/v1/demo/brukere');
  }

  async loggInnDemo(brukerId: string): Promise<void> {
    await this.kall('POST', '/api/v1/sesjon/demo', { brukerId });
  }

  /**
   * Ends the session. A POST like the others, so it carries the session's X-CSRF-Token: the API
   * refuses a logout without it while the session lives, so another site cannot sign the user out.
   */
  loggUt(): Promise<Utlogging> {
    return this.json('POST', '/api/v1/sesjon/logg-ut');
  }

  /** The area's values for a year; without a year, for the latest year the area covers. */
  verdier(beregningstype: Beregningstype, inntektsaar?: number): Promise<Verdier> {
    const q = new URLSearchParams({ beregningstype });
    if (inntektsaar !== undefined) q.set('inntektsaar', String(inntektsaar));
    return this.json('GET', `/api/v1/verdier?${q}`);
  }

  navn(identifikator: string): Promise<Navneoppslag> {
    return this.json('POST', '/api/v1/personer/navn', { identifikator });
  }

  /** The applicant's household from Folkeregisteret, as proposals to confirm. */
  husstand(identifikator: string, beregningstype: Beregningstype): Promise<Husstandsoppslag> {
    return this.json('POST', '/api/v1/husstand', { identifikator, beregningstype });
  }

  beregn(foresporsel: Beregningsforespoersel): Promise<Beregningsresultat> {
    return this.json('POST', '/api/v1/beregning', foresporsel);
  }

  async pdf(foresporsel: Beregningsforespoersel): Promise<{ blob: Blob; filnavn: string | null }> {
    return fil(await this.kall('POST', '/api/v1/beregning/pdf', foresporsel));
  }

  /** Whether Fiks Arkiv is set up, and which journalpost types can be made. */
  arkivoppsett(): Promise<Arkivoppsett> {
    return this.json('GET', '/api/v1/arkiv');
  }

  /**
   * Computes and sends to the archive; the sending's status comes back at once (202). An outgoing
   * letter (U) takes the letter's fields, which make its main document.
   */
  sendTilArkiv(
    foresporsel: Beregningsforespoersel,
    arkiv: Arkivvalg,
    vedtaksbrev?: Vedtaksbrevfelt,
  ): Promise<Arkivforsendelse> {
    return this.json('POST', '/api/v1/arkiv/forsendelser', {
      ...foresporsel,
      arkiv,
      ...(vedtaksbrev ? { vedtaksbrev } : {}),
    });
  }

  arkivforsendelse(id: string): Promise<Arkivforsendelse> {
    return this.json('GET', `/api/v1/arkiv/forsendelser/${encodeURIComponent(id)}`);
  }

  sendTilArkivIgjen(id: string): Promise<Arkivforsendelse> {
    return this.json('POST', `/api/v1/arkiv/forsendelser/${encodeURIComponent(id)}/send-igjen`);
  }

  /** Without an archive: the message and the documents as a zip for manual import. */
  async arkivpakke(
    foresporsel: Beregningsforespoersel,
    arkiv: Arkivvalg,
    vedtaksbrev?: Vedtaksbrevfelt,
  ): Promise<{ blob: Blob; filnavn: string | null }> {
    return fil(
      await this.kall('POST', '/api/v1/arkiv/pakke', {
        ...foresporsel,
        arkiv,
        ...(vedtaksbrev ? { vedtaksbrev } : {}),
      }),
    );
  }

  /** The rate administrator's tables and the municipality's entries. */
  satser(): Promise<{ tabeller: Satstabell[] }> {
    return this.json('GET', '/api/v1/satser');
  }

  leggInnSats(sats: NyKommunesats): Promise<Kommunesats> {
    return this.json('POST', '/api/v1/satser', sats);
  }

  godkjennSats(id: string): Promise<Kommunesats> {
    return this.json('POST', `/api/v1/satser/${encodeURIComponent(id)}/godkjenning`);
  }

  /** The etteroppgjør for langtidsopphold (POST /api/v1/etteroppgjoer); the body as the API takes it. */
  etteroppgjoer<T>(kropp: unknown): Promise<T> {
    return this.json('POST', '/api/v1/etteroppgjoer', kropp);
  }

  /** The etteroppgjør as PDF/A. */
  async etteroppgjoerPdf(kropp: unknown): Promise<{ blob: Blob; filnavn: string | null }> {
    return fil(
      await this.kall('POST', '/api/v1/etteroppgjoer', kropp, 'application/pdf, application/problem+json'),
    );
  }

  /** The decision letter's content, for the preview (the beregning runs as for «Beregn»). */
  vedtaksbrev(
    foresporsel: Beregningsforespoersel,
    vedtaksbrev: Vedtaksbrevfelt,
  ): Promise<{ vedtaksbrev: Vedtaksbrevinnhold; filnavn: string }> {
    return this.json('POST', '/api/v1/vedtaksbrev', { ...foresporsel, vedtaksbrev });
  }

  /** The decision letter as PDF/A. */
  async vedtaksbrevPdf(
    foresporsel: Beregningsforespoersel,
    vedtaksbrev: Vedtaksbrevfelt,
  ): Promise<{ blob: Blob; filnavn: string | null }> {
    const svar = await this.kall(
      'POST',
      '/api/v1/vedtaksbrev',
      { ...foresporsel, vedtaksbrev },
      'application/pdf, application/problem+json',
    );
    const treff = /filename="([^"]+)"/.exec(svar.headers.get('Content-Disposition') ?? '');
    return { blob: await svar.blob(), filnavn: treff?.[1] ?? null };
  }
}
