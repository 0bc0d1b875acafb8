/**
 * The words of the `introsim` command's tables and messages for analysts, in bokmål (the default) and English
 * (`--lang en`). Each language is one object of the same shape (TypeScript checks that neither lacks an entry), so
 * tests can assert the exact text and the CLI holds no wording of its own. Numbers are formatted by the caller with
 * the language's formats (src/format/localeNumbers.ts) and passed in as text.
 */
import type { Lang } from "./messages";

export interface CliText {
  cost: {
    heading(title: string): string;
    period(from: string, to: string, yearIndex: number, draws: string, seed: number): string;
    netHeading: string;
    deterministic: string;
    mean: string;
    shareAbove(reference: string): string;
    decompositionHeading: string;
    consultations: string;
    grossRefusjon: string;
    egenandelPaid: string;
    substitution: string;
    net: string;
    national(agreements: number, budgetLine: string): string;
    nationalP50P85: string;
    shareAboveBudgetLine: string;
    otherPublicHeading: string;
    nasjonalAlis: string;
    basistilskudd: string;
    tornadoHeading: string;
    sobolHeading(samples: string): string;
    topDownHeading(year: number, national: string, bottomUp: string): string;
    topDownNet: string;
    rateEffect(year: number): string;
    specialistEffect: string;
    reconciliationHeading(calibrated: boolean, mixEffect: string, tolerance: string): string;
    exemptShares(basis: "marginal" | "average"): string;
  };
  precision: {
    heading(draws: string): string;
    headingRounds(draws: string, rounds: string, target: string, reached: boolean): string;
    mean: string;
    value: string;
    halfWidth: string;
    standardError: string;
  };
  flows: {
    heading(title: string, employment: string): string;
    period(from: string, to: string, draws: string, seed: number): string;
    netHeading: string;
    party: string;
    with: string;
    without: string;
    effect: string;
    spread: string;
    lossProbability: string;
    checkOk(effect: string, net: string): string;
    checkFailed(effect: string, net: string): string;
    ledgerWith: string;
    ledgerWithout: string;
  };
  run: {
    scenarioLine(name: string, p50: string, p85: string, budgetFrom?: number, budgetTo?: number): string;
    wrote(dir: string, charts: number, csv: boolean): string;
    wroteDraws(file: string): string;
    fixedPricesNoEffect: string;
  };
  replay: { matches(hash: string, scenario: string, draws: string, seed: number): string };
  validate: {
    heading(file: string, rows: number, valid: number, errors: number, warnings: number, cap: number): string;
    row: string;
    severity(severity: string): string;
  };
  extraColumns(columns: string): string;
  warning: string;
  allocate: {
    heading(file: string, requested: number, granted: number, cap: number): string;
    simulationHeading(replications: number, from: string): string;
    utilisation(utilisation: string, doctors: number, lapsed: number, givenBack: number, reallocated: number): string;
    region(region: string, slots: number, doctors: number, months: number): string;
    spending(year: number, months: number | null, p50: string, p85: string, line: string, prices: "last-known" | "extrapolated" | "known"): string;
  };
  indicators: {
    heading(file: string, asOf: string, minCell: number): string;
    excluded(rows: number): string;
    suppressedCell: string;
    suppressedLine: string;
    line(doctors: number, fteMonths: string, reached24: string, spec: string, fastlege: string, retention: string, otherGp: string): string;
    all: string;
    byHelseregion: string;
    byStartYear: string;
    byKommune: string;
    afterHeading: string;
    afterSuppressed(months: number): string;
    after(months: number, doctors: number, inKommune: string, inGp: string, fastlege: string, other: string): string;
    comparison(kind: string, source: string, months: number, intro: string, without: string, additional: string): string;
    assumption(text: string): string;
    costPerOutcome(perSpecialist: string, perAdditional: string, perFastlege: string, perYear: string): string;
    notDefined: string;
    needsComparison: string;
    utilisation(share: string, years: string, cap: number, from: string, to: string): string;
  };
  breakeven: {
    heading(title: string): string;
    target(target: string, base: string, draws: string, p50: string): string;
    isoHeading(x: string, y: string, points: number, target: string): string;
    budgetDecision(option: string, budget: string, overrun: string, unused: string): string;
    note(text: string): string;
  };
}

const NB: CliText = {
  cost: {
    heading: (title) => `introsim cost — ${title}`,
    period: (from, to, i, draws, seed) => `avtaleår ${from} – ${to} (år ${i}), ${draws} trekk, frø ${seed}`,
    netHeading: "Netto merutgift for folketrygden per avtaleår",
    deterministic: "deterministisk (sentralverdier)",
    mean: "gjennomsnitt",
    shareAbove: (ref) => `andel trekk over ${ref}`,
    decompositionHeading: "Dekomponering (gjennomsnitt over trekkene)",
    consultations: "konsultasjoner",
    grossRefusjon: "+ refusjon til introduksjonslegen",
    egenandelPaid: "+ egenandel betalt av folketrygden",
    substitution: "− substitusjon (fastlegene krever mindre)",
    net: "= netto",
    national: (n, line) => `${n} avtaler (bevilgning ${line})`,
    nationalP50P85: "P50 / P85",
    shareAboveBudgetLine: "andel trekk over bevilgningen",
    otherPublicHeading: "Annen offentlig kostnad (ikke folketrygden)",
    nasjonalAlis: "Nasjonal ALIS-tilskudd, forventet (staten)",
    basistilskudd: "basistilskudd, beholdes av fastlegene (kommunen)",
    tornadoHeading: "Hva som driver tallet (tornado: P10 → P90 for hver forutsetning, øvrige sentrale)",
    sobolHeading: (n) => `Global følsomhet (Sobol, N = ${n}): førsteordens / total andel av variansen`,
    topDownHeading: (y, national, bottomUp) => `Ovenfra-og-ned-kontroll (${y}): ${national} per konsultasjon nasjonalt mot ${bottomUp} nedenfra`,
    topDownNet: "netto ovenfra og ned",
    rateEffect: (y) => `forskjell: takstmiks og priser siden ${y}`,
    specialistEffect: "forskjell: spesialisttillegg på substitusjonen",
    reconciliationHeading: (ok, mix, tol) =>
      `Avstemming: refusjon per konsultasjon (${ok ? "miks kalibrert" : "miks IKKE kalibrert"}, mikseffekt ${mix}, toleranse ${tol})`,
    exemptShares: (basis) => `andel egenandel folketrygden betaler, gjennomsnitt / marginal (${basis === "marginal" ? "marginal" : "gjennomsnitt"} brukt)`,
  },
  precision: {
    heading: (draws) => `Presisjon: Monte Carlo-usikkerhet med ${draws} trekk`,
    headingRounds: (draws, rounds, target, reached) =>
      `Presisjon: ${draws} trekk (runder: ${rounds}); mål for P85 ± ${target} ${reached ? "nådd" : "ikke nådd"}`,
    mean: "Gjennomsnitt",
    value: "verdi",
    halfWidth: "± 95 % (Monte Carlo)",
    standardError: "standardfeil",
  },
  flows: {
    heading: (title, employment) => `introsim flows — ${title}: ${employment}`,
    period: (from, to, draws, seed) => `avtaleår ${from} – ${to}; sentralverdier; Monte Carlo ${draws} trekk, frø ${seed}`,
    netHeading: "Netto posisjon per part (mottatt − betalt), kroner",
    party: "part",
    with: "med",
    without: "uten",
    effect: "virkning",
    spread: "P10 … P90 av virkningen",
    lossProbability: "P(tap)",
    checkOk: (effect, net) => `Kontroll: folketrygdens virkning ${effect} = minus kostnadsmodellens netto ${net}`,
    checkFailed: (effect, net) => `KONTROLL FEILET: folketrygdens virkning ${effect} ≠ minus kostnadsmodellens netto ${net} (en feil; meld den gjerne)`,
    ledgerWith: "Strømmer med avtale",
    ledgerWithout: "Strømmer uten avtale",
  },
  run: {
    scenarioLine: (name, p50, p85, from, to) =>
      `introsim run: ${name}: P50 ${p50}, P85 ${p85} per avtaleår${from !== undefined ? `; budsjett ${from}–${to} per år` : ""}`,
    wrote: (dir, charts, csv) =>
      `introsim run: skrev ${dir}/ (report.html, results.json, results.xlsx, manifest.json, ${charts} figurer${csv ? ", csv/" : ""})`,
    wroteDraws: (file) => `introsim run: skrev trekkene til ${file}`,
    fixedPricesNoEffect:
      "--fixed-prices virker ikke: ingen av scenarioene har en allocation-seksjon med søknader (applications), så det blir ingen budsjettframskrivning",
  },
  replay: {
    matches: (hash, scenario, draws, seed) => `introsim replay: resultat-hashen stemmer (${hash}…): ${scenario}, ${draws} trekk, frø ${seed}`,
  },
  validate: {
    heading: (file, rows, valid, errors, warnings, cap) =>
      `introsim validate — ${file}: ${rows} rader, ${valid} uten feil; ${errors} feil, ${warnings} advarsler (tak ${cap})`,
    row: "rad",
    severity: (s) => (s === "error" ? "feil" : s === "warning" ? "advarsel" : s),
  },
  extraColumns: (cols) => `merk: ekstra kolonner ignorert: ${cols}`,
  warning: "advarsel",
  allocate: {
    heading: (file, requested, granted, cap) => `introsim allocate — ${file}: ${requested} søkt, ${granted} tildelt (tak ${cap})`,
    simulationHeading: (n, from) => `simulering av avtalene: ${n} replikasjoner fra ${from}; avtaler i bruk P10/P50/P90:`,
    utilisation: (u, doctors, lapsed, back, realloc) =>
      `utnyttelse P50 ${u}; leger P50 ${doctors}; avtaler bortfalt / levert tilbake / tildelt på nytt P50 ${lapsed} / ${back} / ${realloc}`,
    region: (region, slots, doctors, months) =>
      `  ${region.padEnd(11)} tildelte avtaler P50 ${slots}, leger P50 ${doctors}, aktive avtalemåneder P50 ${months}`,
    spending: (year, months, p50, p85, line, prices) =>
      `  utgifter ${year}${months !== null ? ` (${months} mnd.)` : ""}: P50 ${p50}, P85 ${p85} mot ${line}${prices === "last-known" ? " (siste kjente takster)" : prices === "extrapolated" ? " (takster regulert framover)" : ""}`,
  },
  indicators: {
    heading: (file, asOf, min) => `introsim indicators — ${file}, per ${asOf} (celler under ${min} leger prikket)`,
    excluded: (n) =>
      `merk: ${n} rader utelatt (manglende eller feilformede felt som indikatorene trenger, eller ikke startet per datoen; kjør introsim validate)`,
    suppressedCell: "prikket",
    suppressedLine: "prikket (færre enn 5 leger, eller nødvendig for å skjerme en gruppe som har det)",
    line: (d, fte, r24, spec, fl, ret, gp) =>
      `${String(d).padStart(4)} leger  månedsverk ${fte.padStart(5)}  24 mnd ${r24.padStart(7)}  spesialist 24/36 mnd ${spec}  fastlege 12/36 mnd ${fl}  ble værende 1/2/3 år ${ret}  fra annet allmennlegearbeid ${gp}`,
    all: "alle",
    byHelseregion: "per helseregion",
    byStartYear: "per startår",
    byKommune: "per kommune",
    afterHeading: "etter at avtalen sluttet (stilling registrert i registeret; 95 % Wilson-intervaller)",
    afterSuppressed: (m) => `  ${m} måneder etter avtalen: prikket (færre enn 5 leger med registrert stilling)`,
    after: (m, d, k, gp, fl, other) =>
      `  ${m} måneder etter avtalen (${d} leger): i kommunen ${k}, i allmennpraksis ${gp}, fastlege ${fl}, sykehjem/legevakt/annet kommunalt ${other}`,
    comparison: (kind, source, months, intro, without, add) =>
      `sammenligning (${kind}: ${source}): spesialist innen ${months} måneder ${intro} med avtale, ${without} uten; ekstra spesialister ${add}`,
    assumption: (t) => `  forutsetning: ${t}`,
    costPerOutcome: (spec, add, fl, year) =>
      `kostnad per spesialist ${spec} (brutto), per ekstra spesialist ${add}, per ny fastlege ${fl} (${year} per avtaleår)`,
    notDefined: "ikke definert (ikke flere spesialister enn i sammenligningen)",
    needsComparison: "krever --comparison eller --comparison-rate",
    utilisation: (share, years, cap, from, to) => `utnyttelse av avtalene ${share} (${years} avtaleår av ${cap} avtaler, ${from} – ${to})`,
  },
  breakeven: {
    heading: (title) => `introsim breakeven — ${title}`,
    target: (target, base, draws, p50) => `mål ${target} per avtaleår; alle forutsetninger sentrale: ${base}; median over ${draws} trekk: ${p50}`,
    isoHeading: (x, y, n, target) => `Iso-kostnad ${x} × ${y}: ${n} punkter på kurven der kostnaden er ${target}`,
    budgetDecision: (option, budget, overrun, unused) =>
      `Valg av bevilgning: minst forventet tap med ${option} (${budget}); tapsvekter ${overrun} per krone overskridelse, ${unused} per krone ubrukt`,
    note: (t) => `merk: ${t}`,
  },
};

const EN: CliText = {
  cost: {
    heading: (title) => `introsim cost — ${title}`,
    period: (from, to, i, draws, seed) => `agreement-year ${from} – ${to} (year ${i}), ${draws} draws, seed ${seed}`,
    netHeading: "Net extra cost to folketrygden per agreement-year",
    deterministic: "deterministic (central values)",
    mean: "mean",
    shareAbove: (ref) => `share of draws above ${ref}`,
    decompositionHeading: "Decomposition (mean over draws)",
    consultations: "consultations",
    grossRefusjon: "+ refusjon to the intro doctor",
    egenandelPaid: "+ egenandel paid by folketrygden",
    substitution: "− substitution (fastleger bill less)",
    net: "= net",
    national: (n, line) => `${n} agreements (budget line ${line})`,
    nationalP50P85: "P50 / P85",
    shareAboveBudgetLine: "share of draws above the budget line",
    otherPublicHeading: "Other public cost (not folketrygden)",
    nasjonalAlis: "Nasjonal ALIS support, expected (state)",
    basistilskudd: "basistilskudd, kept by fastleger (kommune)",
    tornadoHeading: "What drives it (tornado: P10 → P90 of each input, others central)",
    sobolHeading: (n) => `Global sensitivity (Sobol, N = ${n}): first-order / total-effect share of the variance`,
    topDownHeading: (y, national, bottomUp) => `Top-down check (${y}): ${national} per consultation nationally vs ${bottomUp} bottom-up`,
    topDownNet: "top-down net",
    rateEffect: (y) => `difference: takst mix and prices since ${y}`,
    specialistEffect: "difference: specialist add-on on substitution",
    reconciliationHeading: (ok, mix, tol) =>
      `Reconciliation: refusjon per consultation (${ok ? "mix calibrated" : "mix NOT calibrated"}, mix effect ${mix}, tolerance ${tol})`,
    exemptShares: (basis) => `exempt egenandel share, average / marginal (${basis} used)`,
  },
  precision: {
    heading: (draws) => `Precision: Monte Carlo uncertainty with ${draws} draws`,
    headingRounds: (draws, rounds, target, reached) =>
      `Precision: ${draws} draws (rounds: ${rounds}); target for P85 ± ${target} ${reached ? "reached" : "not reached"}`,
    mean: "Mean",
    value: "value",
    halfWidth: "± 95 % (Monte Carlo)",
    standardError: "standard error",
  },
  flows: {
    heading: (title, employment) => `introsim flows — ${title}: ${employment}`,
    period: (from, to, draws, seed) => `agreement-year ${from} – ${to}; central values; Monte Carlo ${draws} draws, seed ${seed}`,
    netHeading: "Net position per party (received − paid), kroner",
    party: "party",
    with: "with",
    without: "without",
    effect: "effect",
    spread: "P10 … P90 of the effect",
    lossProbability: "P(loss)",
    checkOk: (effect, net) => `Check: folketrygden's effect ${effect} = minus the cost model's net cost ${net}`,
    checkFailed: (effect, net) => `CHECK FAILED: folketrygden's effect ${effect} ≠ minus the cost model's net cost ${net} (a bug; please report)`,
    ledgerWith: "Ledger with the agreement",
    ledgerWithout: "Ledger without the agreement",
  },
  run: {
    scenarioLine: (name, p50, p85, from, to) =>
      `introsim run: ${name}: P50 ${p50}, P85 ${p85} per agreement-year${from !== undefined ? `; budget ${from}–${to} by year` : ""}`,
    wrote: (dir, charts, csv) => `introsim run: wrote ${dir}/ (report.html, results.json, results.xlsx, manifest.json, ${charts} charts${csv ? ", csv/" : ""})`,
    wroteDraws: (file) => `introsim run: wrote the draws to ${file}`,
    fixedPricesNoEffect: "--fixed-prices has no effect: no scenario has an allocation section with applications, so there is no budget projection",
  },
  replay: {
    matches: (hash, scenario, draws, seed) => `introsim replay: the results hash matches (${hash}…): ${scenario}, ${draws} draws, seed ${seed}`,
  },
  validate: {
    heading: (file, rows, valid, errors, warnings, cap) =>
      `introsim validate — ${file}: ${rows} rows, ${valid} without errors; ${errors} errors, ${warnings} warnings (cap ${cap})`,
    row: "row",
    severity: (s) => s,
  },
  extraColumns: (cols) => `notice: extra columns ignored: ${cols}`,
  warning: "warning",
  allocate: {
    heading: (file, requested, granted, cap) => `introsim allocate — ${file}: ${requested} requested, ${granted} granted (cap ${cap})`,
    simulationHeading: (n, from) => `slot simulation: ${n} replications from ${from}; agreements in place P10/P50/P90:`,
    utilisation: (u, doctors, lapsed, back, realloc) =>
      `utilisation P50 ${u}; doctors served P50 ${doctors}; slots lapsed / given back / reallocated P50 ${lapsed} / ${back} / ${realloc}`,
    region: (region, slots, doctors, months) =>
      `  ${region.padEnd(11)} slots granted P50 ${slots}, doctors P50 ${doctors}, active agreement-months P50 ${months}`,
    spending: (year, months, p50, p85, line, prices) =>
      `  spending ${year}${months !== null ? ` (${months} months)` : ""}: P50 ${p50}, P85 ${p85} against ${line}${prices === "last-known" ? " (last known takster)" : prices === "extrapolated" ? " (takster regulated forward)" : ""}`,
  },
  indicators: {
    heading: (file, asOf, min) => `introsim indicators — ${file}, as of ${asOf} (cells under ${min} doctors suppressed)`,
    excluded: (n) => `notice: ${n} rows left out (missing or malformed fields the indicators need, or not started by the as-of date; run introsim validate)`,
    suppressedCell: "suppressed",
    suppressedLine: "suppressed (fewer than 5 doctors, or needed to protect a group that has)",
    line: (d, fte, r24, spec, fl, ret, gp) =>
      `${String(d).padStart(4)} doctors  FTE months ${fte.padStart(5)}  24 months ${r24.padStart(7)}  specialist 24/36 months ${spec}  fastlege 12/36 months ${fl}  retention 1/2/3 years ${ret}  other GP work ${gp}`,
    all: "all",
    byHelseregion: "by helseregion",
    byStartYear: "by start year",
    byKommune: "by kommune",
    afterHeading: "after the agreement ended (position recorded in the register; 95 % Wilson intervals)",
    afterSuppressed: (m) => `  ${m} months after the agreement: suppressed (fewer than 5 doctors with a recorded position)`,
    after: (m, d, k, gp, fl, other) =>
      `  ${m} months after the agreement (${d} doctors): in the kommune ${k}, in general practice ${gp}, fastlege ${fl}, sykehjem/legevakt/other kommunal ${other}`,
    comparison: (kind, source, months, intro, without, add) =>
      `comparison (${kind}: ${source}): specialist within ${months} months ${intro} with an agreement, ${without} without; additional specialists ${add}`,
    assumption: (t) => `  assumption: ${t}`,
    costPerOutcome: (spec, add, fl, year) =>
      `cost per specialist ${spec} (gross), per additional specialist ${add}, per new fastlege ${fl} (${year} per agreement-year)`,
    notDefined: "not defined (no more specialists than the comparison)",
    needsComparison: "needs --comparison or --comparison-rate",
    utilisation: (share, years, cap, from, to) => `slot utilisation ${share} (${years} agreement-years of ${cap} slots, ${from} – ${to})`,
  },
  breakeven: {
    heading: (title) => `introsim breakeven — ${title}`,
    target: (target, base, draws, p50) => `target ${target} per agreement-year; all inputs central: ${base}; median over ${draws} draws: ${p50}`,
    isoHeading: (x, y, n, target) => `Iso-cost ${x} × ${y}: ${n} contour points where the cost is ${target}`,
    budgetDecision: (option, budget, overrun, unused) =>
      `Budget-line decision: least expected loss with ${option} (${budget}); loss weights ${overrun} per krone overrun, ${unused} per krone unused`,
    note: (t) => `note: ${t}`,
  },
};

const CLI: Record<Lang, CliText> = { nb: NB, en: EN };

/** The CLI's words in a language. */
export function cliText(lang: Lang): CliText {
  return CLI[lang];
}

/** English words of the cost reconciliation's rows, by the row's key (the Norwegian ones come with the rows, src/cost). */
const RECONCILIATION_EN: Readonly<Record<string, (year: number) => string>> = {
  national: (y) => `Takst refusjon per fastlege consultation, whole country ${y}`,
  specialistAddOn: () => "− specialist add-on (2dd) for fastleger who are specialists",
  nationalWithoutSpecialist: () => "= whole country, without specialist add-on",
  mixEffect: () => "± takst mix: the scenario's mix against the national average",
  scenarioMix: (y) => `= the scenario's fastlege mix, ${y} prices`,
  lisAdjustment: () => "± LIS adjustment (the intro doctor is a doctor in specialisation)",
  scenarioLis: (y) => `= the intro doctor, ${y} prices`,
  priceChange: (y) => `± price change from ${y} to the agreement-year`,
  scenario: () => "= the scenario's refusjon per consultation in the agreement-year",
};

/** A reconciliation row's label in the language. */
export function reconciliationLabel(lang: Lang, row: { key: string; label: string }, year: number): string {
  return lang === "en" ? (RECONCILIATION_EN[row.key]?.(year) ?? row.label) : row.label;
}

/** English names of the flow parties, employment forms and flow kinds (the Norwegian ones live in src/flows). */
const FLOW_WORDS_EN: Readonly<Record<string, string>> = {
  folketrygden: "Folketrygden (Helfo)",
  pasienter: "Patients",
  kommune: "The kommune",
  introduksjonslege: "The intro doctor",
  fastleger: "Handing-over fastleger",
  staten: "The state (Nasjonal ALIS)",
  andre: "Others (rent, staff, equipment)",
  naeringsdrivende: "Self-employed (næringsdrivende) intro doctor",
  fastlonnet: "Salaried (fastlønnet) intro doctor",
  refusjon: "Refusjon",
  egenandel_fritak: "Egenandel paid by folketrygden (exemption, frikort)",
  egenandel_pasient: "Egenandel paid by the patient",
  basistilskudd: "Basistilskudd",
  nasjonal_alis: "Nasjonal ALIS grant",
  driftsutgifter: "Running costs (office, staff, equipment)",
  kostnadsdeling: "Share of the running costs",
  lonn: "Salary",
  veiledning: "Supervision (the kommune pays the veileder)",
  utdanning: "Courses and utdanningsplan",
};

/** A flow party, employment form or flow kind in the language: Norwegian from src/flows, English from FLOW_WORDS_EN. */
export function flowWord(lang: Lang, key: string, norwegian: string): string {
  return lang === "en" ? (FLOW_WORDS_EN[key] ?? norwegian) : norwegian;
}

/** The message for an unknown --lang value. */
export function unknownLangMessage(value: string, langs: ReadonlyArray<string>): string {
  return `"${value}" is not a language introsim speaks; --lang must be one of ${langs.join(", ")} (nb: bokmål, the default; en: English)`;
}
