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

/** Width in pixels that fits an A4 page at 100 % in Word (about 16 cm): every chart's total width, axes and legend included. */
export const PAGE_WIDTH = 600;

/** The wide variant (a landscape page or a screen), for charts with many panels. */
export const WIDE_WIDTH = 900;

/** The widths a chart may take (layoutSpec sets one; a title or a label never sets it). */
export const CHART_WIDTHS = { page: PAGE_WIDTH, wide: WIDE_WIDTH } as const;
export type ChartWidth = keyof typeof CHART_WIDTHS;

/** Font sizes (px) of titles and subtitles, shared by the config below and the wrapping of their text. */
export const TITLE_FONT_SIZE = 15;
export const SUBTITLE_FONT_SIZE = 12;
/** Space (px) around the chart, inside its width. */
export const CHART_PADDING = 12;
/** Space (px) between facet panels and concatenated views: room for the outer axis labels of two neighbours. */
export const PANEL_SPACING = 36;
/** Widest share of the chart a category label on the y axis may take before it wraps to another line. */
export const MAX_LABEL_SHARE = 0.3;

/** The DejaVu Sans files charts are measured and rendered with (Debian's fonts-dejavu-core, installed by setup.sh). */
export const FONT_FILES = {
  regular: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  bold: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
} as const;

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

/** The English locale of charts laid out with `lang: "en"` ("500,000"; English month names): layoutSpec swaps it in. */
export const ENGLISH_LOCALE: Locale = {
  number: { decimal: ".", thousands: ",", grouping: [3], currency: ["NOK\u00a0", ""] },
  time: {
    dateTime: "%A %e %B %Y %X",
    date: "%d/%m/%Y",
    time: "%H:%M:%S",
    periods: ["AM", "PM"],
    days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    shortDays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    shortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  },
};

export const BASE_CONFIG: Config = {
  locale: NORWEGIAN_LOCALE,
  font: "DejaVu Sans",
  background: "#ffffff",
  padding: CHART_PADDING,
  title: { anchor: "start", fontSize: TITLE_FONT_SIZE, subtitleFontSize: SUBTITLE_FONT_SIZE, subtitleColor: COLORS.grey, offset: 12 },
  // labelFlush keeps the outermost tick labels inside their panel, so two facets' axes never run together
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: "#e6e6e6", labelFlush: true, labelOverlap: true },
  legend: { labelLimit: 0 },
  facet: { spacing: PANEL_SPACING },
  concat: { spacing: PANEL_SPACING },
  view: { stroke: null },
};
