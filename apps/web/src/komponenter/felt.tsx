import { Field, Input, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/** First letter upper case: the API's field messages start in lower case ("må være …"). */
export function setning(tekst: string): string {
  return tekst.charAt(0).toUpperCase() + tekst.slice(1);
}

interface Felles {
  id: string;
  etikett: string;
  beskrivelse?: ReactNode;
  feil?: string | null | undefined;
  /** Extra content read as part of the field's description (e.g. the name found). */
  etter?: ReactNode;
  className?: string;
}

/**
 * A text input in Designsystemet's Field: the label, description and error are tied to the input
 * (ds-field sets for/aria-describedby/aria-invalid), and the id is ours so the error summary links to it.
 */
export function Tekstfelt({
  id,
  etikett,
  beskrivelse,
  feil,
  etter,
  className,
  verdi,
  endre,
  type = 'text',
  ...input
}: Felles & {
  verdi: string;
  endre: (verdi: string) => void;
  type?: 'text' | 'date';
  inputMode?: 'numeric' | 'decimal' | 'text';
  autoComplete?: string;
  onBlur?: () => void;
  min?: string;
  max?: string;
  size?: number;
}) {
  return (
    <Field className={className}>
      <Label>{etikett}</Label>
      {beskrivelse ? <Field.Description>{beskrivelse}</Field.Description> : null}
      <Input
        id={id}
        type={type}
        value={verdi}
        onChange={(e) => endre(e.target.value)}
        aria-invalid={feil ? true : undefined}
        {...input}
      />
      {feil ? <ValidationMessage>{setning(feil)}</ValidationMessage> : null}
      {etter}
    </Field>
  );
}

export function Valgfelt({
  id,
  etikett,
  beskrivelse,
  feil,
  className,
  verdi,
  endre,
  children,
}: Felles & { verdi: string; endre: (verdi: string) => void; children: ReactNode }) {
  return (
    <Field className={className}>
      <Label>{etikett}</Label>
      {beskrivelse ? <Field.Description>{beskrivelse}</Field.Description> : null}
      <Select
        id={id}
        value={verdi}
        onChange={(e) => endre(e.target.value)}
        aria-invalid={feil ? true : undefined}
        width="auto"
      >
        {children}
      </Select>
      {feil ? <ValidationMessage>{setning(feil)}</ValidationMessage> : null}
    </Field>
  );
}
