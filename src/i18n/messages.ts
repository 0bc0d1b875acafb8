/**
 * The one message catalogue for text people read (CLI tables, chart accessibility labels, report chrome), in bokmål
 * (the default) and English (`--lang en`). Each entry is a small function or string per language, so tests can assert
 * the exact text and no wording is duplicated in code. JSON keys and the programming interface stay English.
 */

export const LANGS = ["nb", "en"] as const;
export type Lang = (typeof LANGS)[number];

export const DEFAULT_LANG: Lang = "nb";

/** Accessibility labels Vega writes into SVG (aria-roledescription / aria-label), by language. */
const ROLES: Record<Lang, Record<string, string>> = {
  nb: {
    axis: "akse",
    legend: "forklaring",
    title: "tittel",
    subtitle: "undertittel",
    bar: "søyle",
    group: "gruppe",
    text: "tekst",
    rule: "linje",
    rect: "rektangel",
    line: "linje",
    area: "område",
    point: "punkt",
    symbol: "symbol",
    tick: "strek",
    arc: "sektor",
    trail: "spor",
    image: "bilde",
    shape: "figur",
    path: "sti",
    mark: "merke",
    container: "gruppe",
  },
  en: {},
};

const SCALE_TYPES: Record<string, string> = {
  discrete: "diskret",
  linear: "lineær",
  time: "tids-",
  utc: "tids-",
  log: "logaritmisk",
  pow: "potens-",
  sqrt: "kvadratrot-",
};

export const messages = {
  /** aria-roledescription of a Vega item ("bar", "rule mark container") in the language. */
  ariaRole(lang: Lang, role: string): string {
    if (lang === "en") return role;
    const dict = ROLES.nb;
    const m = /^(\w+) mark container$/.exec(role);
    if (m) return m[1] === "group" ? "gruppe" : `${dict[m[1]!] ?? m[1]!}-gruppe`;
    const mark = /^(\w+) mark$/.exec(role);
    if (mark) return dict[mark[1]!] ?? mark[1]!;
    return role
      .split(" ")
      .map((w) => dict[w] ?? w)
      .join(" ");
  },
  /**
   * aria-label of an axis or a legend, from Vega's English caption ("X-axis titled 'T' for a linear scale with values
   * from 0 to 10", "Symbol legend for fill color with 2 values: a, b"): the same facts in the language.
   */
  guideLabel(lang: Lang, english: string): string {
    if (lang === "en") return english;
    const values = (rest: string): string =>
      rest
        .replace(/^values from (.*) to (.*)$/, "verdier fra $1 til $2")
        .replace(/^(\d+) values?: /, "$1 verdier: ")
        .replace(/^(\d+) boundar(?:y|ies): /, "$1 grenser: ")
        .replace(/, ending with /, ", til og med ");
    const axis = /^([XY])-axis(?: titled '(.*?)')? for a (\w+) scale with (.*)$/.exec(english);
    if (axis) {
      const [, xy, title, type, rest] = axis;
      return `${xy}-akse${title ? ` «${title}»` : ""}, ${SCALE_TYPES[type!] ?? type} skala med ${values(rest!)}`;
    }
    const legend = /^(?:(\w+) )?legend(?: titled '(.*?)')? for (.*?) with (.*)$/i.exec(english);
    if (legend) {
      const [, , title, channels, rest] = legend;
      return `Forklaring${title ? ` «${title}»` : ""} for ${channels!.replace(/fill color|stroke color|color/g, "farge").replace(/ and /g, " og ")} med ${values(rest!)}`;
    }
    return english;
  },
  /** aria-label of a chart title and subtitle. */
  titleLabel(lang: Lang, kind: "title" | "subtitle", text: string): string {
    const head = kind === "title" ? (lang === "nb" ? "Tittel" : "Title") : lang === "nb" ? "Undertittel" : "Subtitle";
    return `${head}: ${text}`;
  },
} as const;
