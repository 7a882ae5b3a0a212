import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lesLogo, logoSkjema, MAKS_LOGO_BYTE } from './logo.js';

/** Made once with Chromium from an SVG (a square, a circle and two bars): our own, no licence to carry. */
const PNG = readFileSync(new URL('../../test/fikstur/logo-alfa.png', import.meta.url));
const JPEG = readFileSync(new URL('../../test/fikstur/logo-rgb.jpg', import.meta.url));

/** The JPEG with its frame header saying four channels (CMYK): what a print-shop logo looks like. */
function somCmyk(jpeg: Buffer): Buffer {
  const b = Buffer.from(jpeg);
  for (let i = 2; i + 9 < b.length; ) {
    const markoer = b[i + 1] as number;
    if (markoer === 0xc0 || markoer === 0xc2) {
      b[i + 9] = 4;
      return b;
    }
    i += 2 + b.readUInt16BE(i + 2);
  }
  throw new Error('fant ikke SOF');
}

const dataUrl = (type: string, data: Buffer) => `data:image/${type};base64,${data.toString('base64')}`;

describe('the logo setting', () => {
  it('reads a PNG with alpha and an RGB JPEG with their sizes', () => {
    expect(lesLogo(PNG)).toMatchObject({ type: 'png', bredde: 240, hoeyde: 80 });
    expect(lesLogo(JPEG)).toMatchObject({ type: 'jpeg', bredde: 240, hoeyde: 80 });
  });

  it('refuses a CMYK JPEG, another format, a too large file and a wrong data URL type', () => {
    expect(lesLogo(somCmyk(JPEG))).toMatch(/CMYK/);
    expect(lesLogo(Buffer.from('GIF89a……'))).toMatch(/PNG- eller JPEG/);
    expect(lesLogo(Buffer.concat([PNG, Buffer.alloc(MAKS_LOGO_BYTE)]))).toMatch(/større enn/);
    const r = logoSkjema.safeParse(dataUrl('jpeg', PNG));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/sier jpeg, men bildet er png/);
  });

  it('takes a data URL, and a logo it has already decoded', () => {
    const logo = logoSkjema.parse(dataUrl('png', PNG));
    expect(logo.type).toBe('png');
    expect(logoSkjema.parse(logo)).toMatchObject({ type: 'png', bredde: 240 });
    expect(logoSkjema.safeParse({ type: 'png', data: somCmyk(JPEG) }).success).toBe(false);
    expect(logoSkjema.safeParse(42).success).toBe(false);
  });
});
