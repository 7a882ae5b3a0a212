import { z } from 'zod';

/**
 * The municipality's logo for the letter head: a PNG or JPEG given as a data URL in the settings file
 * (`"logo": "data:image/png;base64,…"`), so the settings stay one self-contained JSON file and no
 * package below the apps reads files. Checked here, before any letter is made, for what PDF/A-2b
 * allows with the document's sRGB output intent: PNG (grey, RGB or palette, with or without an alpha
 * channel, which becomes a soft mask: PDF/A-2 permits transparency) and JPEG in grey or RGB. A CMYK
 * JPEG is refused: its device colours would not match the sRGB output intent.
 */

/** The largest logo file accepted (decoded), and the largest side in pixels. */
export const MAKS_LOGO_BYTE = 1_000_000;
export const MAKS_LOGO_PIKSLER = 4000;

export interface Logo {
  type: 'png' | 'jpeg';
  data: Buffer;
  bredde: number;
  hoeyde: number;
}

const PNG_SIGNATUR = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** PNG colour types PDFKit embeds: grey, RGB, palette, grey+alpha, RGB+alpha. */
const PNG_FARGETYPER = new Set([0, 2, 3, 4, 6]);
/** The JPEG start-of-frame markers (baseline, progressive, …) that carry size and channel count. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function lesPng(data: Buffer): Logo | string {
  if (data.length < 33 || data.toString('latin1', 12, 16) !== 'IHDR') return 'PNG-filen mangler IHDR';
  const bredde = data.readUInt32BE(16);
  const hoeyde = data.readUInt32BE(20);
  const fargetype = data[25] as number;
  if (!PNG_FARGETYPER.has(fargetype)) return `PNG-fargetypen ${fargetype} støttes ikke`;
  return { type: 'png', data, bredde, hoeyde };
}

function lesJpeg(data: Buffer): Logo | string {
  let i = 2;
  while (i + 9 < data.length) {
    if (data[i] !== 0xff) return 'JPEG-filen er ødelagt';
    const markoer = data[i + 1] as number;
    if (markoer === 0xd8 || (markoer >= 0xd0 && markoer <= 0xd7) || markoer === 0x01) {
      i += 2;
      continue;
    }
    const lengde = data.readUInt16BE(i + 2);
    if (SOF.has(markoer)) {
      const hoeyde = data.readUInt16BE(i + 5);
      const bredde = data.readUInt16BE(i + 7);
      const kanaler = data[i + 9] as number;
      if (kanaler === 4) return 'JPEG i CMYK kan ikke brukes i PDF/A med sRGB: lagre logoen som RGB';
      if (kanaler !== 1 && kanaler !== 3) return `JPEG med ${kanaler} fargekanaler støttes ikke`;
      return { type: 'jpeg', data, bredde, hoeyde };
    }
    i += 2 + lengde;
  }
  return 'JPEG-filen mangler bildehode (SOF)';
}

/** Reads and checks a logo from its bytes; a string is the reason it cannot be used. */
export function lesLogo(data: Buffer): Logo | string {
  if (data.length > MAKS_LOGO_BYTE) return `logoen er større enn ${MAKS_LOGO_BYTE} byte`;
  let logo: Logo | string;
  if (data.subarray(0, 8).equals(PNG_SIGNATUR)) logo = lesPng(data);
  else if (data[0] === 0xff && data[1] === 0xd8) logo = lesJpeg(data);
  else return 'må være et PNG- eller JPEG-bilde';
  if (typeof logo === 'string') return logo;
  if (logo.bredde < 1 || logo.hoeyde < 1) return 'bildet har ingen størrelse';
  if (logo.bredde > MAKS_LOGO_PIKSLER || logo.hoeyde > MAKS_LOGO_PIKSLER) {
    return `bildet kan være høyst ${MAKS_LOGO_PIKSLER} × ${MAKS_LOGO_PIKSLER} piksler`;
  }
  return logo;
}

const DATA_URL = /^data:image\/(png|jpeg|jpg);base64,([A-Za-z0-9+/=\s]+)$/;

const DATA_URL_FEIL = 'må være en data-URL: data:image/png;base64,… eller data:image/jpeg;base64,…';

/** A data URL as the settings file gives it, decoded and checked; a string is the reason it fails. */
function fraDataUrl(tekst: string): Logo | string {
  const m = DATA_URL.exec(tekst.trim());
  if (!m) return DATA_URL_FEIL;
  const logo = lesLogo(Buffer.from((m[2] as string).replace(/\s+/g, ''), 'base64'));
  if (typeof logo === 'string') return logo;
  const oppgitt = m[1] === 'png' ? 'png' : 'jpeg';
  return oppgitt === logo.type ? logo : `data-URL-en sier ${oppgitt}, men bildet er ${logo.type}`;
}

/**
 * The logo setting: a data URL as written in the file, or a logo this schema already decoded (settings
 * are validated once and passed on; the bytes are then checked again).
 */
export const logoSkjema = z.unknown().transform((verdi, ctx): Logo => {
  const data = (verdi as { data?: unknown } | null)?.data;
  const logo =
    typeof verdi === 'string'
      ? fraDataUrl(verdi)
      : data instanceof Uint8Array
        ? lesLogo(Buffer.from(data))
        : DATA_URL_FEIL;
  if (typeof logo === 'string') {
    ctx.addIssue({ code: 'custom', message: logo });
    return z.NEVER;
  }
  return logo;
});
