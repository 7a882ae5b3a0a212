/**
 * The demo set-up of the KS-compatible routes (issue 18): one KS integration per demo role, named like
 * the role, and a demo issuer that stands in for Maskinporten. Everything here is public, like the
 * demo API keys: the API trusts the demo issuer and accepts the demo integrations only in the embedded
 * demo set-up on the synthetic population, and refuses them everywhere else. `pnpm cli ks-token` signs
 * a token with this key, so a KS client can be tried without Maskinporten.
 */

/** The organisation the demo tokens name as `consumer` and the demo integrations authorise (synthetic). */
export const KS_DEMO_ORGANISASJONSNUMMER = '999999999';

export interface KsDemointegrasjon {
  /** A UUID, as KS issues integration ids. */
  id: string;
  /** The demo role's id: the integration is named like the role it holds. */
  navn: string;
  rolleId: string;
  /** Public: works only in the demo set-up. */
  passord: string;
  /**
   * Its slow hash, made once (scrypt as every password, `hashKsPassord`): seeding a demo database then
   * costs no hashing, and the tests check that it is the hash of `passord`.
   */
  passordHash: string;
}

export const KS_DEMOINTEGRASJONER: readonly KsDemointegrasjon[] = [
  {
    id: 'e3c1ddca-ab0d-4591-8a7e-7f79fc327f1f',
    navn: 'demo-foreldrebetaling',
    rolleId: 'demo-foreldrebetaling',
    passord: 'demo-passord-foreldrebetaling',
    passordHash: 'scrypt$15$8$3$podKw4ZJc1r9ywn-tXvw4g$iZh1iQIrWUes8sqorIwXqGGnYkmM15Lczj_7VDcPuOk',
  },
  {
    id: '2d53d511-1c38-4b14-b59e-b5cb95893094',
    navn: 'demo-praktisk-bistand',
    rolleId: 'demo-praktisk-bistand',
    passord: 'demo-passord-praktisk-bistand',
    passordHash: 'scrypt$15$8$3$QZBUUWYFDHrmZx_l1FjFnQ$0FB0dXeLrGfCwn7sM4PP3oqmeBq8g5gRVsxTqsziaQc',
  },
  {
    id: 'f66c85ea-5a98-475e-8b52-a1b6e0ab0c16',
    navn: 'demo-langtidsopphold',
    rolleId: 'demo-langtidsopphold',
    passord: 'demo-passord-langtidsopphold',
    passordHash: 'scrypt$15$8$3$5q0QmWlxAF4JKboICEeFwg$wNHpp6GMLZaA7Vy0mRxUQmiTBMpgia8yISeBcoUNZoQ',
  },
];

/**
 * The demo issuer: a Maskinporten-shaped issuer at an address that can never resolve (`.invalid`,
 * RFC 2606), with a published RSA key pair (RS256, as Maskinporten signs). Its private key is part of
 * the source on purpose: a token it signs proves nothing, which is why only the demo set-up trusts it.
 */
export const KS_DEMOUTSTEDER = {
  issuer: 'https://maskinporten.demo.inntektsgrunnlag.invalid/',
  kid: 'inntektsgrunnlag-ks-demo-1',
  alg: 'RS256',
  /** The audience Maskinporten gives a token when the client asks for none. */
  audience: 'unspecified',
  scope: 'ks:fiks',
  privatJwk: {
    kty: 'RSA',
    n: '2LxlFcxunaNx0vx9swiXzlSddzsaw8fjcLKtfxU0FC5Hqdf-FW436Gj-nEuddWkFDh_qXghuRxwNQaAECodXMUwbgNxV62yYkx-5Fk4639KelKStnQpAnrlANstcY8KmwHju_n_NsQwl0_khch3906uoLlk_-GP0HicdHQnc36ArEvoGWIB-Z3kcJ8ZLeIPoWA4kq0JR5qu5ak6vN8iVz7qpMmZGvC0Wc3KOhDKw4yThmImgt5i1uAOODpZfZhZ-jqPSrXqQLx_j45DLpVaP7XMMOi6C4ClD-fRaRSnW7llcer4Y2_hEMZsj0Um5QI0GvEVjOH1GglqH_V53ZAmrTQ',
    e: 'AQAB',
    d: 'NvwwvwOCyq5lGaxh7XJQJRH1cwLFKwdCrdw-xN9pu3b0SmQYO3Kfb3B3q8pJM7jFhgxVxq5n39V_jXcdn1gvqDuRPLNpftUpriWdrMmDCTajcb2HqDAqLbp8zonwMgT3jhwAMgPVeMXGsQzizdNLCpDhlYSiBI_DJoUwzyWp6fd-QhIP5O4lgJW0KICmROywZcj4pWqwAzgWF0b8xp9244Xdz0ZlusfxmugumQqXc8WTL7ouR7eJlhqcpUXY7YDTAdw1lJXIEuaWzN1_VOxjjkzDQzImvtpzKmQ2vTOqCAkPACz0haD8ch567yT3qqb_sI5YJOtQjOL2jJ9WwU-UZw',
    p: '-y5C18VJJ_fA_56X_DTmJQChV43gr9nwUPW0IPIJzfukIOG9veEr9BMmbBK-0Wj5ub508Pc2oxAA-YD15DAHMFs7d-2Pp93ncioWHU_UbiL0CP2Omp1KRd6n4szL394bKV52DQogRUscdZLl6fVodzk-E7nQJ7fql19HwsLx528',
    q: '3OTzBACO3wk1s7Gb5PQjFOZ_N5xPW5QgABCw0bPOySMt1LSk2sfe8GZCZVMj-ELOz-oSn4o4CLsNoa5YiQRYqjIYdbaS3UhNlNSkkNeSbh6HVXU_swiJPu5PaciQerqOgqnpkv1XJszj_iccaJfNbki2JD98tlVtPxRyrp1I2wM',
    dp: 'JUXHG3emFG06UXQ6P22mHSWLy489ITso4wqi0SS5ebx2rX5yBoQsXoqc7_qUIEUAkaSGe99jVy0fx-ZwFo1d87oGCBTTdWiDWLiQEYdwEWvUZKUjjSP8CoQwy4HyWuT9iNUAlYzEHyQ3M-c5gM8u0kpHQOwYzFwJTq8P2gHNnbc',
    dq: 'cBOqScmOtBOUL8xZ8Nz-P8iDm8-vZCPP6LiPPpcgwGUdB-NwEaF_uDHqVkbM5VXgYRW-xTv4GlXuIK65NSwDYLdyOaec9LGOy4joxqTaIw1SVUXcQBaArHF10ZJ13A9z51AWtwHbilBDDd0CSP9cuCwkXlfoCwtlFrBlT7t2D8k',
    qi: 'Qcd0z81b-vSQjfVoJCKt3JhXYPgvz-oUXFxbpVubVjaIuEyGzqzVI0YJGJvHBlOQfzlICOGWEt63hCwXF_P0hA_hPdkkbyZRHilcxxm6Ilrz3_K62KLi54FZSBAf3kdr1jPG7Kh98SBTja-jCGjB8AJwtFv7LKU-WwyO3sBG00M',
  },
} as const;

/** The demo issuer's public key (the private members left out), as the API trusts it. */
export function ksDemoutstederensOffentligeNoekkel() {
  const { kty, n, e } = KS_DEMOUTSTEDER.privatJwk;
  return { kty, n, e, kid: KS_DEMOUTSTEDER.kid, alg: KS_DEMOUTSTEDER.alg, use: 'sig' };
}

/** The demo integration with this id (any case) or name. */
export function ksDemointegrasjon(idEllerNavn: string): KsDemointegrasjon | undefined {
  const s = idEllerNavn.trim().toLowerCase();
  return KS_DEMOINTEGRASJONER.find((d) => d.id === s || d.navn === s);
}
