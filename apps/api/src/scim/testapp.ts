// For the tests only: the SCIM router on a bare Express app over in-memory storage.
import { aapneLagring, type Lagring } from '@inntektsgrunnlag/lagring';
import express, { type Express } from 'express';
import type { ApiKontekst } from '../kontekst.js';
import { lagLogger } from '../logg.js';
import { scimRuter } from './ruter.js';

export const T0 = new Date('2026-11-27T09:00:00.000Z');

export async function scimTestapp(
  klokke: () => Date = () => T0,
): Promise<{ app: Express; lagring: Lagring; logg: string[] }> {
  const lagring = await aapneLagring({ iMinne: true, demodata: true });
  const logg: string[] = [];
  const kontekst = {
    konfig: { lagring },
    logger: lagLogger({ destinasjon: { write: (s: string) => void logg.push(s) } }),
    klokke,
  } as unknown as ApiKontekst;
  const app = express();
  app.use(express.json({ type: ['application/json', 'application/*+json'] }));
  app.use(scimRuter(kontekst));
  return { app, lagring, logg };
}
