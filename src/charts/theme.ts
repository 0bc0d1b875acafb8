/**
 * The look every introsim chart shares: Norwegian number and time locale (set through Vega-Lite's config, not string
 * concatenation), DejaVu Sans (present on the machines that render), a colour-blind-safe palette (Okabe & Ito 2008),
 * and a width that fits a Word page.
 */
import type { Config } from "vega-lite";
import type { Locale } from "vega";

/** Okabe–Ito colours, safe for the common forms of colour-blindness. */
export const COLORS = {
  blue: "#0072B2",
  orange: "#E69F00",
  vermillion: "#D55E00",
  green: "#009E73",
  sky: "#56B4E9",
  purple: "#CC79A7",
  grey: "#6b6b6b",
  black: "#000000",
} as const;

/** Width in pixels that fits an A4 page at 100 % in Word (about 16 cm). */
export const PAGE_WIDTH = 600;

export const NORWEGIAN_LOCALE: Locale = {
  number: { decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", "\u00a0kr"] },
  time: {
    dateTime: "%A %e. %B %Y kl. %X",
    date: "%d.%m.%Y",
    time: "%H:%M:%S",
    periods: ["AM", "PM"],
    days: ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
    shortDays: ["søn", "man", "tir", "ons", "tor", "fre", "lør"],
    months: ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"],
    shortMonths: ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"],
  },
};

export const BASE_CONFIG: Config = {
  locale: NORWEGIAN_LOCALE,
  font: "DejaVu Sans",
  background: "#ffffff",
  padding: 12,
  title: { anchor: "start", fontSize: 15, subtitleFontSize: 12, subtitleColor: COLORS.grey, offset: 12 },
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: "#e6e6e6" },
  view: { stroke: null },
};
