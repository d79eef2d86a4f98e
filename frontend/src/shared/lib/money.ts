/** The currencies a pay rate can be set in (the pay-rates page and the staff wizard). */
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'MXN', 'CHF', 'JPY'];

/** Money from the API (strings with two decimals, e.g. "1870.00") in a currency, e.g. "$1,870.00". */
export function formatMoney(amount: string | number | null | undefined, currency: string | null | undefined = 'USD'): string {
  const value = typeof amount === 'number' ? amount : Number(amount ?? 0);
  const code = currency && /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : 'USD';
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: code, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    Number.isFinite(value) ? value : 0,
  );
}

/** Hours as the API sends them (number or "12.50") with two decimals: "12.50 h". */
export function formatHours(hours: string | number | null | undefined): string {
  const value = typeof hours === 'number' ? hours : Number(hours ?? 0);
  return `${(Number.isFinite(value) ? value : 0).toFixed(2)} h`;
}
