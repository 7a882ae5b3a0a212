import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  byggFeilmelding,
  byggKvittering,
  feilmeldingstype,
  feiltypeFor,
  type Kvittering,
  lesFeilmelding,
  lesKvittering,
  MELDINGSTYPE,
  UgyldigSvar,
} from './kvittering.js';
import { skjemafil, skjemakatalog, validerMotSkjema } from './xmllint.js';

const T = new Date('2026-12-07T09:30:00Z');

const kvittering: Kvittering = {
  mappe: {
    systemID: '5f2c6a8e-1b3d-4e5f-9a7b-2c4d6e8f0a1b',
    saksaar: 2026,
    sakssekvensnummer: 17,
    referanseEksternNoekkel: { fagsystem: 'Inntektsgrunnlag', noekkel: 'sak-1' },
    opprettetEllerEksisterende: 'Opprettet',
  },
  journalpost: {
    systemID: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
    journalaar: 2026,
    journalsekvensnummer: 4711,
    journalpostnummer: 1,
    journalposttype: 'U',
    referanseEksternNoekkel: { fagsystem: 'Inntektsgrunnlag', noekkel: 'jp-1' },
    opprettetEllerEksisterende: 'Eksisterende',
  },
};

describe('receipts and errors', () => {
  it('a receipt is valid against KS’s schema and reads back the same', async () => {
    const xml = byggKvittering(kvittering, T);
    expect(await validerMotSkjema(xml, skjemafil(MELDINGSTYPE.KVITTERING))).toEqual({
      gyldig: true,
      feil: [],
    });
    expect(lesKvittering(xml)).toEqual({ kvittering });
  });

  it('a receipt for a journalpost in an existing folder has no folder part', async () => {
    const { mappe: _m, ...utenMappe } = kvittering;
    const xml = byggKvittering(utenMappe, T);
    expect(await validerMotSkjema(xml, skjemafil(MELDINGSTYPE.KVITTERING))).toEqual({
      gyldig: true,
      feil: [],
    });
    expect(lesKvittering(xml)).toEqual({ kvittering: utenMappe });
  });

  it.each(['UGYLDIG_FORESPOERSEL', 'SERVERFEIL', 'IKKE_FUNNET'] as const)(
    'an error answer (%s) is valid against its schema and reads back',
    async (type) => {
      const xml = byggFeilmelding(type, 'feil-1', 'Saksmappe 2026/999 finnes ikke');
      const fil = skjemafil(feilmeldingstype(type));
      expect(await validerMotSkjema(xml, fil)).toEqual({ gyldig: true, feil: [] });
      expect(lesFeilmelding(xml)).toEqual({ feilId: 'feil-1', melding: 'Saksmappe 2026/999 finnes ikke' });
      expect(feiltypeFor(feilmeldingstype(type))).toBe(type);
    },
  );

  it('reads a receipt whose journalpost failed as an error', () => {
    const xml = `<?xml version="1.0"?>
      <arkivmeldingKvittering xmlns="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/kvittering/v1"
        xmlns:f="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/feilmelding/v1">
        <registreringFeilet><f:feilId>x</f:feilId><f:feilmelding>Låst sak</f:feilmelding></registreringFeilet>
      </arkivmeldingKvittering>`;
    expect(lesKvittering(xml)).toEqual({ feil: { feilId: 'x', melding: 'Låst sak' } });
  });

  it('refuses a receipt that is not one', () => {
    expect(() => lesKvittering('<ikke/>')).toThrow(UgyldigSvar);
    expect(() => lesKvittering('ikke xml')).toThrow(UgyldigSvar);
  });

  it('knows every answer meldingstyper.json lists for arkivmelding.opprett, typo included', () => {
    const typer = JSON.parse(readFileSync(join(skjemakatalog(), 'meldingstyper.json'), 'utf8')) as {
      meldingstyper: Array<{ id: string; kanSvareMed?: string[]; payloadFilnavn?: string }>;
    };
    const opprett = typer.meldingstyper.find((m) => m.id === MELDINGSTYPE.OPPRETT);
    expect(opprett?.payloadFilnavn).toBe('arkivmelding.xml');
    for (const svar of opprett?.kanSvareMed ?? []) {
      const kjent =
        [MELDINGSTYPE.MOTTATT, MELDINGSTYPE.KVITTERING].includes(svar as never) || feiltypeFor(svar);
      expect(kjent, svar).toBeTruthy();
    }
  });
});
