// The only place in the workspace that imports decimal.js (a test in tooling/arkitektur enforces it).
// A private clone keeps our configuration away from any other user of decimal.js in the process:
// `Decimal.set` on the global constructor would change everyone's precision and rounding.
import DecimalJs from 'decimal.js';

/**
 * Precision is in significant digits, not decimals. 40 digits hold any NOK amount the product meets
 * (national budgets are below 10^13 kroner) with more than 25 decimals to spare, so intermediate
 * results such as 0.06 × income / 11 are exact enough that only the named roundings matter.
 */
export const Dec = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 40,
});

export type Dec = InstanceType<typeof Dec>;
