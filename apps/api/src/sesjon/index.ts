import { Router } from 'express';
import type { ApiKontekst } from '../kontekst.js';
import type { Autentiserer } from '../mellomvare/autentisering.js';
import { oidcRuter } from '../oidc/ruter.js';
import { Innlogging } from './innlogging.js';
import { sesjonRuter } from './ruter.js';

export type { Innloggingskonfig } from './innlogging.js';

/**
 * Sign-in for the app: the session authenticator (for `identifiser`) and the routers (/api/v1/sesjon…,
 * /api/v1/demo/brukere, /auth/login, /auth/callback), sharing one state.
 */
export function lagInnlogging(k: ApiKontekst): { autentiserer: Autentiserer; ruter: Router } {
  const i = new Innlogging(k);
  const ruter = Router();
  ruter.use(sesjonRuter(i));
  ruter.use(oidcRuter(i));
  return { autentiserer: i.autentiserer(), ruter };
}
