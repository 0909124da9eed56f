// French formats for what the API returns: amounts in cents, ISO dates and months.
const euroFormat = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const numberFormat = new Intl.NumberFormat("fr-FR");
const dayFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const shortDayFormat = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });

// 123456 -> "1 234,56 €" (the API's amounts are integer cents; never a float in between).
export function euros(cents) {
  if (cents === null || cents === undefined) return "—";
  return euroFormat.format(Number(cents) / 100);
}

export function number(value) {
  return value === null || value === undefined ? "—" : numberFormat.format(value);
}

// "2026-03-14" -> "14 mars 2026"
export function day(iso) {
  if (!iso) return "—";
  return dayFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

// "2026-03-14" -> "14/03/2026"
export function shortDay(iso) {
  if (!iso) return "—";
  return shortDayFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

// "2026-03" -> "mars 2026"
export function month(iso) {
  if (!iso) return "—";
  return monthFormat.format(new Date(`${iso.slice(0, 7)}-01T00:00:00Z`));
}

export function dateTime(iso) {
  if (!iso) return "—";
  return dateTimeFormat.format(new Date(iso));
}

// "12,50" or "12.5" -> 1250; null for something that is not an amount.
export function parseEuros(text) {
  const cleaned = String(text).replace(/\s|€/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [units, decimals = ""] = cleaned.split(".");
  return Number(units) * 100 + Number(decimals.padEnd(2, "0"));
}

// Cents as the text of an input ("12,50").
export function eurosInput(cents) {
  if (cents === null || cents === undefined) return "";
  const units = Math.trunc(cents / 100);
  const rest = String(Math.abs(cents % 100)).padStart(2, "0");
  return `${units},${rest}`;
}

// The month "YYYY-MM" of a Date, and months around it.
export function isoMonth(date = new Date()) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
}

export function addMonths(iso, count) {
  const [year, monthNumber] = iso.split("-").map(Number);
  const index = year * 12 + (monthNumber - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}
