/**
 * The words of the charts, in bokmål (the default) and English (`lang: "en"`): titles, subtitles, axis and legend
 * titles, tooltips, select lists. One entry per chart, the same shape in both languages, so a chart module never holds
 * a sentence and a test can assert the exact text. Numbers come in already formatted in the language (the chart module
 * formats them with src/format/localeNumbers.ts), so this catalogue needs nothing above it.
 */
import type { Lang } from "./messages";

/** What a cost chart says about where the median lies relative to the reference. */
type Side = "under" | "over";

interface ChartText {
  /** Label of the reference line ("Anslag 500 000 kr"). */
  estimate(reference: string): string;
  /** Axis title of the net cost per agreement-year (short form). */
  netCostAxis: string;
  costDistribution: {
    description: string;
    title(p50: string, side: Side, reference: string): string;
    shareLine(share: string, reference: string, p10: string, p90: string): string;
    runLine(scenario: string, draws: string, seed: number): string;
    xTitle: string;
    yTitle: string;
    tooltip: { from: string; to: string; share: string };
  };
  tornado: {
    description: string;
    title(input: string): string;
    none: string;
    rangeLine(low: string, high: string): string;
    aloneLine: string;
    scenarioLine(scenario: string, base: string): string;
    atP10: string;
    atP90: string;
  };
  sobol: {
    description: string;
    title(input: string, total: string): string;
    methodLine(samples: string): string;
    firstOrder: string;
    total: string;
    xTitle: string;
    tooltip: { input: string; measure: string; share: string };
  };
  comparison: {
    description: string;
    sameMedian(p50: string, tail: string): string;
    medianRange(low: string, high: string, tail: string): string;
    allUnder(reference: string): string;
    someOver(over: number, of: number, reference: string): string;
    sameCost: string;
    extremes(lowest: string, highest: string): string;
    keyLine(reference: string): string;
    tooltipScenario: string;
    /** A tooltip title of a percentile in kroner ("P50 (kr)"). */
    percentileNok(p: string): string;
  };
  flows: {
    /** Party labels by party key (folketrygden, kommune …); a missing key keeps the label of src/flows. */
    parties: Readonly<Record<string, string>>;
    /** Employment forms by key, as the panel headers and in the title ("næringsdrivende"). */
    employment: Readonly<Record<string, string>>;
    employmentShort: Readonly<Record<string, string>>;
    /** Kinds of flow by key (refusjon, basistilskudd …), the waterfall's steps. */
    kinds: Readonly<Record<string, string>>;
    gains(amount: string): string;
    pays(amount: string): string;
    findingTitle(parts: string[]): string;
    findingPart(form: string, gainsOrPays: string): string;
    effectsDescription: string;
    netLine(amount: string, draws: string): string;
    signLine(scenario: string): string;
    effectAxis: string;
    tooltip: { party: string; form: string; effect: string; p10: string; p90: string; lossProbability: string };
    waterfallDescription(party: string): string;
    waterfallSubtitle(party: string): string;
    netStep: string;
    stepTypes: { in: string; out: string; net: string };
    waterfallAxis: string;
    waterfallTooltip: { flow: string; amount: string };
  };
  budgetPath: {
    description: string;
    underInAll(line: string, peak: string, year: number): string;
    overIn(line: string, years: string): string;
    /** Price bases by key (nominal, extrapolated, last-known, fixed); a missing key keeps the budget module's label. */
    prices: Readonly<Record<string, string>>;
    /** Correlation between agreements by key (split, full, independent). */
    correlation: Readonly<Record<string, string>>;
    fixedPrices(date: string): string;
    currentPrices: string;
    lastKnown(years: string): string;
    extrapolated(from: number, to: number, p50: string, p10: string, p90: string): string;
    correlationLine(label: string): string;
    partial(years: string): string;
    partialYear(year: number, months: number): string;
    bandLine(replications: string): string;
    fullUseLine: string;
    xTitle: string;
    yTitle: string;
    tooltip: { year: string; p50: string; p85: string; prices: string };
  };
  allocation: {
    requested: string;
    granted: string;
    regionDescription: string;
    regionTitle(granted: number, requested: number, cap: number): string;
    agreementsAxis: string;
    steady(annualRounds: boolean, held: number, cap: number, active: number, year: string): string;
    perMonth(cap: number): string;
    fit(steady: string, calibrated: boolean, inPlace: number, when: string, observed: number): string;
    timelineDescription: string;
    bandLine(replications: string): string;
    eventsBand(replications: string): string;
    keyLine: string;
    observedPoint(source: string): string;
  };
  shapley: {
    description: string;
    title(input: string, share: string): string;
    correlatedWhy: string;
    independentWhy: string;
    methodLine(permutations: string): string;
  };
  difference: {
    description: string;
    same(b: string, a: string): string;
    higher(b: string, a: string, share: string): string;
    summaryLine(mean: string, p10: string, p90: string): string;
    sdLine(paired: string, unpaired: string): string;
    noDifference: string;
    mean(amount: string): string;
    xTitle: string;
  };
  voi: {
    description: string;
    title(input: string): string;
    none: string;
    group: string;
    single: string;
    lossLine: string;
    evpiLine(perYear: string, horizon: string, years: number): string;
    scenarioLine(scenario: string): string;
    xTitle: string;
  };
  isoCost: {
    description(x: string, y: string, target: string): string;
    title(x: string, y: string, target: string): string;
    contour(target: string): string;
    noContour(target: string): string;
    colourLine(draws: string, target: string): string;
    crossLine(central: string, scenario: string): string;
    legendTitle(target: string): string;
  };
  register: {
    retentionDescription: string;
    retentionTitle(share: string): string;
    retentionNone: string;
    retentionNote: string;
    monthsSinceStart: string;
    inKommuneAxis: string;
    /** Group values of the curves by their Norwegian name ("Alle"); others (regions) stay as they are. */
    groups: Readonly<Record<string, string>>;
    cohortDescription: string;
    specialists: string;
    fastleger: string;
    cohortTitle(specialists: number, fastleger: number, year: number): string;
    cohortNote(costPerSpecialist: string, draws: string): string;
    doctorsAxis: string;
    incidenceDescription: string;
    incidenceTitle(share: string): string;
    incidenceNone: string;
    incidenceNote: string;
    cumulativeAxis: string;
    /** Outcomes by their Norwegian name ("Spesialistgodkjent"). */
    outcomes: Readonly<Record<string, string>>;
    after: { inKommune: string; inGeneralPractice: string; fastlege: string; otherKommunalWork: string };
    afterDescription: string;
    afterTitle(share: string, months: number): string;
    afterNone: string;
    afterNote: string;
    monthsAfter: string;
    shareAxis: string;
  };
  budgetComparison: {
    description: string;
    underInAll(line: string): string;
    overIn(scenario: string, year: string, amount: string): string;
    keyLine: string;
    xTitle: string;
    yTitle: string;
    allScenarios: string;
    showScenario: string;
    tooltip: { scenario: string; year: string; p85: string; p50: string };
  };
}

const NB: ChartText = {
  estimate: (reference) => `Anslag ${reference}`,
  netCostAxis: "Netto merutgift per avtaleår (kr)",
  costDistribution: {
    description: "Fordeling av folketrygdens netto merutgift per introduksjonsavtale per avtaleår (Monte Carlo).",
    title: (p50, side, reference) => `Median ${p50} per avtaleår – ${side} anslaget på ${reference}`,
    shareLine: (share, reference, p10, p90) => `${share} av trekkene ligger over ${reference}. P10–P90: ${p10} – ${p90}.`,
    runLine: (scenario, draws, seed) => `Scenario «${scenario}», ${draws} trekk, frø ${seed}.`,
    xTitle: "Netto merutgift for folketrygden per avtaleår (kr)",
    yTitle: "Andel av trekkene (%)",
    tooltip: { from: "fra (kr)", to: "til (kr)", share: "andel (%)" },
  },
  tornado: {
    description: "Tornadodiagram: endring i netto merutgift per avtaleår når hver forutsetning går fra P10 til P90.",
    title: (input) => `${input} betyr mest for kostnaden per avtale`,
    none: "Ingen usikre forutsetninger",
    rangeLine: (low, high) => `Fra P10 til P90 flytter den resultatet mellom ${low} og ${high}.`,
    aloneLine: "Hver forutsetning flyttes alene; de andre står på sentralverdien.",
    scenarioLine: (scenario, base) => `Scenario «${scenario}». Sentralt resultat ${base}.`,
    atP10: "Inndata på P10",
    atP90: "Inndata på P90",
  },
  sobol: {
    description: "Sobol-indekser: andel av variansen i netto merutgift per avtaleår som hver forutsetning forklarer.",
    title: (input, total) => `${input} forklarer ${total} av usikkerheten med samspill`,
    methodLine: (samples) => `Sobol-indekser (Saltelli 2010 / Jansen 1999), N = ${samples}. Forskjellen mellom total og førsteordens er samspill.`,
    firstOrder: "Alene (førsteordens)",
    total: "Med samspill (total)",
    xTitle: "Andel av variansen (%)",
    tooltip: { input: "Forutsetning", measure: "Mål", share: "Andel (%)" },
  },
  comparison: {
    description: "Netto merutgift for folketrygden per avtaleår i hvert scenario: P10–P90, P50 og P85.",
    sameMedian: (p50, tail) => `Samme median i alle scenarioene: ${p50} per avtaleår; ${tail}`,
    medianRange: (low, high, tail) => `Median fra ${low} til ${high} per avtaleår; ${tail}`,
    allUnder: (reference) => `alle under ${reference}`,
    someOver: (over, of, reference) => `${over} av ${of} over ${reference}`,
    sameCost: "Kostnaden per avtaleår er den samme; scenarioene skiller seg i antall avtaler eller over tid.",
    extremes: (lowest, highest) => `Lavest: «${lowest}». Høyest: «${highest}».`,
    keyLine: (reference) => `Linje: P10–P90. Punkt: P50. Strek: P85. Rød linje: anslaget ${reference}.`,
    tooltipScenario: "Scenario",
    percentileNok: (p) => `${p} (kr)`,
  },
  flows: {
    parties: {},
    employment: {},
    employmentShort: { naeringsdrivende: "næringsdrivende", fastlonnet: "fastlønnet" },
    kinds: {},
    gains: (amount) => `tjener ${amount}`,
    pays: (amount) => `taper ${amount}`,
    findingTitle: (parts) => `Kommunen per avtaleår – ${parts.join("; ")}`,
    findingPart: (form, gainsOrPays) => `${form} lege: ${gainsOrPays}`,
    effectsDescription: "Hver parts økonomiske virkning av en introduksjonsavtale i ett avtaleår (med minus uten avtale), etter ansettelsesform.",
    netLine: (amount, draws) => `Folketrygden betaler ${amount} netto. Søyler: sentralverdier; streker: P10–P90 i ${draws} trekk.`,
    signLine: (scenario) => `Scenario «${scenario}». Positivt tall = parten får mer enn uten avtale.`,
    effectAxis: "Virkning per avtaleår (kr)",
    tooltip: { party: "Part", form: "Ansettelsesform", effect: "Virkning (kr)", p10: "P10 (kr)", p90: "P90 (kr)", lossProbability: "Sannsynlighet for tap" },
    waterfallDescription: (party) => `Fossefall: ${party} sin virkning av avtalen etter type strøm, per ansettelsesform.`,
    waterfallSubtitle: (party) => `Hva avtalen endrer for ${party.toLowerCase()} i ett avtaleår, strøm for strøm (med avtale minus uten). Sentralverdier.`,
    netStep: "Netto virkning",
    stepTypes: { in: "Inn", out: "Ut", net: "Netto" },
    waterfallAxis: "Kroner per avtaleår",
    waterfallTooltip: { flow: "Strøm", amount: "Beløp (kr)" },
  },
  budgetPath: {
    description: "Folketrygdens utgifter til introduksjonsavtaler per budsjettår (P50 og P50–P85) mot bevilgningen på kap. 2755 post 70.",
    underInAll: (line, peak, year) => `P85 under bevilgningen på ${line} i alle år; høyest ${peak} i ${year}`,
    overIn: (line, years) => `P85 over bevilgningen på ${line} i ${years}`,
    prices: {},
    correlation: {},
    fixedPrices: (date) => `Faste priser: takstene per ${date}.`,
    currentPrices: "Løpende priser: takstene som gjaldt hver dag.",
    lastKnown: (years) => `${years}: siste kjente takster (åpne punkter).`,
    extrapolated: (from, to, p50, p10, p90) => `${from}–${to}: takstene fremskrevet med ${p50} i året (P10–P90 ${p10}–${p90}; åpne punkter).`,
    correlationLine: (label) => `Usikkerhet mellom avtaler: ${label}. Opptrapping bare i hver nye leges første måneder.`,
    partial: (years) => `Delvis simulerte år: ${years}.`,
    partialYear: (year, months) => `${year} (${months} mnd.)`,
    bandLine: (replications) => `Bånd: P50–P85 i ${replications} replikasjoner. Rød strek: bevilgningen.`,
    fullUseLine: "Grå stiplet: alle finansierte avtaler i bruk hver måned (P50).",
    xTitle: "Budsjettår",
    yTitle: "Mill. kr",
    tooltip: { year: "År", p50: "P50 (mill. kr)", p85: "P85 (mill. kr)", prices: "Priser" },
  },
  allocation: {
    requested: "Søkt",
    granted: "Tildelt",
    regionDescription: "Søkte og tildelte introduksjonsavtaler etter helseregion.",
    regionTitle: (granted, requested, cap) => `${granted} av ${requested} søkte avtaler tildelt innenfor taket på ${cap}`,
    agreementsAxis: "Avtaler",
    steady: (annualRounds, held, cap, active, year) =>
      `${annualRounds ? "Med årlige runder" : "Bare første runde"}: om lag ${held} av ${cap} avtaler tildelt og ${active} i aktiv bruk ved utgangen av ${year}`,
    perMonth: (cap) => `Avtaler i bruk per måned mot taket på ${cap}`,
    fit: (steady, calibrated, inPlace, when, observed) =>
      `${steady}; ${calibrated ? "tilpasset" : "simulert"} ${inPlace} i bruk i ${when} (observert ${observed})`,
    timelineDescription: "Introduksjonsavtaler i bruk per måned (simulert, P10–P90) mot taket.",
    bandLine: (replications) => `Lyst bånd: P10–P90 i ${replications} replikasjoner (usikre parametre og hver avtales egne hendelser).`,
    eventsBand: (replications) => ` Mørkt bånd: bare hendelsene (parametrene på medianen, ${replications} replikasjoner).`,
    keyLine: "Blå linje: i bruk (P50); grå stiplet: tildelt (P50). Rød strek: taket.",
    observedPoint: (source) => ` Punkt: observert (${source}).`,
  },
  shapley: {
    description: "Shapley-effekter: hver forutsetnings andel av variansen i netto merutgift per avtaleår (summerer til 100 %).",
    title: (input, share) => `${input} står for ${share} av usikkerheten`,
    correlatedWhy: "Forutsetningene er korrelerte, så Shapley-effekter vises i stedet for Sobol-indekser (som forutsetter uavhengighet).",
    independentWhy: "Uavhengige forutsetninger: Shapley-effekten ligger mellom førsteordens og total Sobol-indeks.",
    methodLine: (permutations) => `Shapley-effekter (Song, Nelson og Staum 2016), ${permutations} tilfeldige rekkefølger; strek: ± 2 standardfeil.`,
  },
  difference: {
    description: "Parvis forskjell i netto merutgift per avtaleår mellom to scenarioer, trekk for trekk (felles tilfeldige tall).",
    same: (b, a) => `«${b}» koster det samme som «${a}» i hvert trekk`,
    higher: (b, a, share) => `«${b}» koster mer enn «${a}» i ${share} av trekkene`,
    summaryLine: (mean, p10, p90) => `Forskjell B − A: gjennomsnitt ${mean}, P10–P90 ${p10} – ${p90}.`,
    sdLine: (paired, unpaired) => `Parvis standardavvik ${paired} mot ${unpaired} om scenarioene var trukket uavhengig.`,
    noDifference: "Ingen forskjell",
    mean: (amount) => `Gjennomsnitt ${amount}`,
    xTitle: "Forskjell i netto merutgift per avtaleår, B − A (kr)",
  },
  voi: {
    description: "Verdi av informasjon (EVPPI) per forutsetning og gruppe, kroner per år, mot verdien av perfekt informasjon (EVPI).",
    title: (input) => `Å vite ${input.toLowerCase()} er verdt mest`,
    none: "Ingen forutsetning endrer valget av budsjettpost",
    group: "Gruppe av forutsetninger",
    single: "Én forutsetning",
    lossLine: "Forventet tap unngått ved valg av budsjettpost (dagens post, P50 eller P85) hvis verdien var kjent, kroner per år.",
    evpiLine: (perYear, horizon, years) => `Perfekt informasjon om alt (EVPI): ${perYear} per år, ${horizon} over ${years} år.`,
    scenarioLine: (scenario) => `Scenario «${scenario}».`,
    xTitle: "Kroner per år",
  },
  isoCost: {
    description: (x, y, target) => `Iso-kostnad: ${x} mot ${y}, skyggelagt etter sannsynligheten for å overstige ${target}.`,
    title: (x, y, target) => `Hva må ${x.toLowerCase()} og ${y.toLowerCase()} være for ${target}?`,
    contour: (target) => `Linjen: kombinasjonene der kostnaden er ${target} med de øvrige forutsetningene på sentralverdien.`,
    noContour: (target) => `Kostnaden når ikke ${target} noe sted i planet med de øvrige forutsetningene på sentralverdien.`,
    colourLine: (draws, target) => `Fargen: andel av ${draws} trekk av de øvrige forutsetningene der kostnaden overstiger ${target}.`,
    crossLine: (central, scenario) => `Krysset: scenarioets sentralverdi (${central}). Scenario «${scenario}».`,
    legendTitle: (target) => `P(over ${target})`,
  },
  register: {
    retentionDescription: "Andel introduksjonsleger som fortsatt er i kommunen, etter måneder siden start (Kaplan–Meier).",
    retentionTitle: (share) => `${share} er fortsatt i kommunen ett år etter start`,
    retentionNone: "Andel som blir i kommunen",
    retentionNote: "Kaplan–Meier; kurvene stopper der færre enn 5 leger fortsatt er observert.",
    monthsSinceStart: "Måneder siden start",
    inKommuneAxis: "Andel i kommunen (%)",
    groups: {},
    cohortDescription: "Framskriving av spesialister og nye fastleger fra introduksjonsavtalene, P50 med P10–P90.",
    specialists: "Spesialister (kumulativt)",
    fastleger: "Nye fastleger (kumulativt)",
    cohortTitle: (specialists, fastleger, year) => `Om lag ${specialists} spesialister og ${fastleger} nye fastleger innen ${year} (P50)`,
    cohortNote: (cost, draws) => `Kostnad per spesialist P50 ${cost}; båndet viser P10–P90 i ${draws} trekk.`,
    doctorsAxis: "Antall leger",
    incidenceDescription: "Kumulativ andel introduksjonsleger som er spesialistgodkjent eller ble fastlege, etter måneder siden start (Aalen–Johansen).",
    incidenceTitle: (share) => `${share} er spesialister tre år etter start`,
    incidenceNone: "Andel som blir spesialister og fastleger",
    incidenceNote: "Aalen–Johansen: å forlate kommunen er et konkurrerende utfall; kurvene stopper der færre enn 5 leger er under observasjon.",
    cumulativeAxis: "Kumulativ andel (%)",
    outcomes: {},
    after: {
      inKommune: "I kommunen",
      inGeneralPractice: "I allmennmedisin",
      fastlege: "Fastlege i kommunen",
      otherKommunalWork: "Sykehjem, legevakt, annet kommunalt",
    },
    afterDescription: "Hvor introduksjonslegene arbeider 12 og 24 måneder etter at avtalen sluttet, med 95 % konfidensintervall (Wilson).",
    afterTitle: (share, months) => `${share} er fortsatt i kommunen ${months} måneder etter at avtalen sluttet`,
    afterNone: "Hvor legene er etter avtalen (prikket: for få leger)",
    afterNote: "Båndet viser 95 % konfidensintervall (Wilson); tidspunkt med færre enn 5 leger er utelatt.",
    monthsAfter: "Måneder etter at avtalen sluttet",
    shareAxis: "Andel av legene (%)",
  },
  budgetComparison: {
    description: "Folketrygdens utgifter per budsjettår (P85) i hvert scenario mot bevilgningen.",
    underInAll: (line) => `P85 under bevilgningen på ${line} i alle scenarioer og år`,
    overIn: (scenario, year, amount) => `P85 over bevilgningen i «${scenario}» (${year}: ${amount})`,
    keyLine: "Linjer: P85 per scenario (heltrukket) og P50 (stiplet). Rød strek: bevilgningen.",
    xTitle: "Budsjettår",
    yTitle: "Mill. kr",
    allScenarios: "Alle scenarioer",
    showScenario: "Vis scenario: ",
    tooltip: { scenario: "Scenario", year: "År", p85: "P85 (mill. kr)", p50: "P50 (mill. kr)" },
  },
};

const EN: ChartText = {
  estimate: (reference) => `Estimate ${reference}`,
  netCostAxis: "Net extra cost per agreement-year (NOK)",
  costDistribution: {
    description: "Distribution of the National Insurance's net extra cost per introduction agreement per agreement-year (Monte Carlo).",
    title: (p50, side, reference) => `Median ${p50} per agreement-year – ${side === "under" ? "below" : "above"} the estimate of ${reference}`,
    shareLine: (share, reference, p10, p90) => `${share} of the draws lie above ${reference}. P10–P90: ${p10} – ${p90}.`,
    runLine: (scenario, draws, seed) => `Scenario “${scenario}”, ${draws} draws, seed ${seed}.`,
    xTitle: "Net extra cost to the National Insurance per agreement-year (NOK)",
    yTitle: "Share of draws (%)",
    tooltip: { from: "from (NOK)", to: "to (NOK)", share: "share (%)" },
  },
  tornado: {
    description: "Tornado diagram: change in the net cost per agreement-year when each input goes from its P10 to its P90.",
    title: (input) => `${input} matters most for the cost per agreement`,
    none: "No uncertain inputs",
    rangeLine: (low, high) => `From P10 to P90 it moves the result between ${low} and ${high}.`,
    aloneLine: "Each input is moved alone; the others stay at their central values.",
    scenarioLine: (scenario, base) => `Scenario “${scenario}”. Central result ${base}.`,
    atP10: "Input at P10",
    atP90: "Input at P90",
  },
  sobol: {
    description: "Sobol indices: the share of the variance of the net cost per agreement-year that each input explains.",
    title: (input, total) => `${input} explains ${total} of the uncertainty with interactions`,
    methodLine: (samples) => `Sobol indices (Saltelli 2010 / Jansen 1999), N = ${samples}. The difference between total and first order is interaction.`,
    firstOrder: "Alone (first order)",
    total: "With interactions (total)",
    xTitle: "Share of variance (%)",
    tooltip: { input: "Input", measure: "Measure", share: "Share (%)" },
  },
  comparison: {
    description: "Net extra cost to the National Insurance per agreement-year in each scenario: P10–P90, P50 and P85.",
    sameMedian: (p50, tail) => `Same median in every scenario: ${p50} per agreement-year; ${tail}`,
    medianRange: (low, high, tail) => `Median from ${low} to ${high} per agreement-year; ${tail}`,
    allUnder: (reference) => `all below ${reference}`,
    someOver: (over, of, reference) => `${over} of ${of} above ${reference}`,
    sameCost: "The cost per agreement-year is the same; the scenarios differ in the number of agreements or over time.",
    extremes: (lowest, highest) => `Lowest: “${lowest}”. Highest: “${highest}”.`,
    keyLine: (reference) => `Line: P10–P90. Dot: P50. Tick: P85. Red line: the estimate of ${reference}.`,
    tooltipScenario: "Scenario",
    percentileNok: (p) => `${p} (NOK)`,
  },
  flows: {
    parties: {
      folketrygden: "National Insurance (Helfo)",
      pasienter: "Patients",
      kommune: "The municipality",
      introduksjonslege: "The introduction doctor",
      fastleger: "Handing-over GPs",
      staten: "The state (Nasjonal ALIS)",
      andre: "Others (rent, staff, equipment)",
    },
    employment: { naeringsdrivende: "Self-employed introduction doctor", fastlonnet: "Salaried introduction doctor" },
    employmentShort: { naeringsdrivende: "self-employed", fastlonnet: "salaried" },
    kinds: {
      refusjon: "Refusjon",
      egenandel_fritak: "Co-pay (exempt)",
      egenandel_pasient: "Co-pay (patient)",
      basistilskudd: "Capitation",
      nasjonal_alis: "Nasjonal ALIS",
      driftsutgifter: "Practice costs",
      kostnadsdeling: "Cost sharing",
      lonn: "Salary",
      veiledning: "Supervision",
      utdanning: "Courses",
    },
    gains: (amount) => `gains ${amount}`,
    pays: (amount) => `loses ${amount}`,
    findingTitle: (parts) => `The municipality per agreement-year – ${parts.join("; ")}`,
    findingPart: (form, gainsOrPays) => `${form} doctor: ${gainsOrPays}`,
    effectsDescription: "Each party's economic effect of an introduction agreement in one agreement-year (with minus without), by employment form.",
    netLine: (amount, draws) => `The National Insurance pays ${amount} net. Bars: central values; rules: P10–P90 in ${draws} draws.`,
    signLine: (scenario) => `Scenario “${scenario}”. Positive = the party gets more than without an agreement.`,
    effectAxis: "NOK per agreement-year",
    tooltip: { party: "Party", form: "Employment", effect: "Effect (NOK)", p10: "P10 (NOK)", p90: "P90 (NOK)", lossProbability: "Probability of a loss" },
    waterfallDescription: (party) => `Waterfall: the effect of the agreement on ${party} by kind of flow, per employment form.`,
    waterfallSubtitle: (party) =>
      `What the agreement changes for ${party.toLowerCase()} in one agreement-year, flow by flow (with minus without). Central values.`,
    netStep: "Net effect",
    stepTypes: { in: "In", out: "Out", net: "Net" },
    waterfallAxis: "NOK per agreement-year",
    waterfallTooltip: { flow: "Flow", amount: "Amount (NOK)" },
  },
  budgetPath: {
    description: "National Insurance spending on introduction agreements per budget year (P50 and P50–P85) against the appropriation on chapter 2755 item 70.",
    underInAll: (line, peak, year) => `P85 below the appropriation of ${line} in every year; highest ${peak} in ${year}`,
    overIn: (line, years) => `P85 above the appropriation of ${line} in ${years}`,
    prices: { nominal: "current prices", extrapolated: "projected takster", "last-known": "last known takster", fixed: "fixed prices" },
    correlation: {
      split: "shared and individual uncertainty",
      full: "full correlation (upper bound)",
      independent: "independent agreements (lower bound)",
    },
    fixedPrices: (date) => `Fixed prices: the takster of ${date}.`,
    currentPrices: "Current prices: the takster valid on each day.",
    lastKnown: (years) => `${years}: last known takster (open points).`,
    extrapolated: (from, to, p50, p10, p90) => `${from}–${to}: takster projected at ${p50} a year (P10–P90 ${p10}–${p90}; open points).`,
    correlationLine: (label) => `Uncertainty between agreements: ${label}. Ramp-up only in each new doctor's first months.`,
    partial: (years) => `Partly simulated years: ${years}.`,
    partialYear: (year, months) => `${year} (${months} months)`,
    bandLine: (replications) => `Band: P50–P85 in ${replications} replications. Red rule: the appropriation.`,
    fullUseLine: "Grey dashed: every funded agreement in use every month (P50).",
    xTitle: "Budget year",
    yTitle: "NOK million",
    tooltip: { year: "Year", p50: "P50 (NOK million)", p85: "P85 (NOK million)", prices: "Prices" },
  },
  allocation: {
    requested: "Requested",
    granted: "Granted",
    regionDescription: "Requested and granted introduction agreements by health region.",
    regionTitle: (granted, requested, cap) => `${granted} of ${requested} requested agreements granted within the cap of ${cap}`,
    agreementsAxis: "Agreements",
    steady: (annualRounds, held, cap, active, year) =>
      `${annualRounds ? "With annual rounds" : "First round only"}: about ${held} of ${cap} agreements granted and ${active} in active use at the end of ${year}`,
    perMonth: (cap) => `Agreements in use per month against the cap of ${cap}`,
    fit: (steady, calibrated, inPlace, when, observed) =>
      `${steady}; ${calibrated ? "fitted" : "simulated"} ${inPlace} in use in ${when} (observed ${observed})`,
    timelineDescription: "Introduction agreements in use per month (simulated, P10–P90) against the cap.",
    bandLine: (replications) => `Light band: P10–P90 in ${replications} replications (uncertain parameters and each agreement's own events).`,
    eventsBand: (replications) => ` Dark band: the events alone (parameters at their medians, ${replications} replications).`,
    keyLine: "Blue line: in use (P50); grey dashed: granted (P50). Red rule: the cap.",
    observedPoint: (source) => ` Dot: observed (${source}).`,
  },
  shapley: {
    description: "Shapley effects: each input's share of the variance of the net cost per agreement-year (summing to 100%).",
    title: (input, share) => `${input} accounts for ${share} of the uncertainty`,
    correlatedWhy: "The inputs are correlated, so Shapley effects are shown instead of Sobol indices (which assume independence).",
    independentWhy: "Independent inputs: the Shapley effect lies between the first-order and the total Sobol index.",
    methodLine: (permutations) => `Shapley effects (Song, Nelson and Staum 2016), ${permutations} random orderings; rule: ± 2 standard errors.`,
  },
  difference: {
    description: "Paired difference of the net cost per agreement-year between two scenarios, draw by draw (common random numbers).",
    same: (b, a) => `“${b}” costs the same as “${a}” in every draw`,
    higher: (b, a, share) => `“${b}” costs more than “${a}” in ${share} of the draws`,
    summaryLine: (mean, p10, p90) => `Difference B − A: mean ${mean}, P10–P90 ${p10} – ${p90}.`,
    sdLine: (paired, unpaired) => `Paired standard deviation ${paired} against ${unpaired} had the scenarios been drawn independently.`,
    noDifference: "No difference",
    mean: (amount) => `Mean ${amount}`,
    xTitle: "Difference in net cost per agreement-year, B − A (NOK)",
  },
  voi: {
    description: "Value of information (EVPPI) per input and group, NOK per year, against the value of perfect information (EVPI).",
    title: (input) => `Knowing ${input.toLowerCase()} is worth most`,
    none: "No input changes the choice of budget line",
    group: "Group of inputs",
    single: "One input",
    lossLine: "Expected loss avoided in choosing the budget line (today's line, P50 or P85) if the value were known, NOK per year.",
    evpiLine: (perYear, horizon, years) => `Perfect information about everything (EVPI): ${perYear} per year, ${horizon} over ${years} years.`,
    scenarioLine: (scenario) => `Scenario “${scenario}”.`,
    xTitle: "NOK per year",
  },
  isoCost: {
    description: (x, y, target) => `Iso-cost: ${x} against ${y}, shaded by the probability of exceeding ${target}.`,
    title: (x, y, target) => `What must ${x.toLowerCase()} and ${y.toLowerCase()} be for ${target}?`,
    contour: (target) => `The line: the combinations where the cost is ${target} with the other inputs at their central values.`,
    noContour: (target) => `The cost does not reach ${target} anywhere in the plane with the other inputs at their central values.`,
    colourLine: (draws, target) => `Colour: share of ${draws} draws of the other inputs where the cost exceeds ${target}.`,
    crossLine: (central, scenario) => `Cross: the scenario's central value (${central}). Scenario “${scenario}”.`,
    legendTitle: (target) => `P(above ${target})`,
  },
  register: {
    retentionDescription: "Share of introduction doctors still in the municipality, by months since start (Kaplan–Meier).",
    retentionTitle: (share) => `${share} are still in the municipality one year after starting`,
    retentionNone: "Share who stay in the municipality",
    retentionNote: "Kaplan–Meier; the curves stop where fewer than 5 doctors are still observed.",
    monthsSinceStart: "Months since start",
    inKommuneAxis: "Share in the municipality (%)",
    groups: { Alle: "All" },
    cohortDescription: "Projection of specialists and new fastleger from the introduction agreements, P50 with P10–P90.",
    specialists: "Specialists (cumulative)",
    fastleger: "New fastleger (cumulative)",
    cohortTitle: (specialists, fastleger, year) => `About ${specialists} specialists and ${fastleger} new fastleger by ${year} (P50)`,
    cohortNote: (cost, draws) => `Cost per specialist P50 ${cost}; the band shows P10–P90 in ${draws} draws.`,
    doctorsAxis: "Doctors",
    incidenceDescription: "Cumulative share of introduction doctors approved as specialists or become fastlege, by months since start (Aalen–Johansen).",
    incidenceTitle: (share) => `${share} are specialists three years after starting`,
    incidenceNone: "Share who become specialists and fastleger",
    incidenceNote: "Aalen–Johansen: leaving the municipality is a competing outcome; the curves stop where fewer than 5 doctors are under observation.",
    cumulativeAxis: "Cumulative share (%)",
    outcomes: { Spesialistgodkjent: "Approved specialist", "Ble fastlege": "Became fastlege", "Forlot kommunen først": "Left the municipality first" },
    after: {
      inKommune: "In the municipality",
      inGeneralPractice: "In general practice",
      fastlege: "Fastlege in the municipality",
      otherKommunalWork: "Nursing home, out-of-hours, other municipal",
    },
    afterDescription: "Where the introduction doctors work 12 and 24 months after the agreement ended, with 95% confidence intervals (Wilson).",
    afterTitle: (share, months) => `${share} are still in the municipality ${months} months after the agreement ended`,
    afterNone: "Where the doctors are after the agreement (suppressed: too few doctors)",
    afterNote: "The band shows the 95% confidence interval (Wilson); times with fewer than 5 doctors are left out.",
    monthsAfter: "Months after the agreement ended",
    shareAxis: "Share of doctors (%)",
  },
  budgetComparison: {
    description: "National Insurance spending per budget year (P85) in each scenario against the appropriation.",
    underInAll: (line) => `P85 below the appropriation of ${line} in every scenario and year`,
    overIn: (scenario, year, amount) => `P85 above the appropriation in “${scenario}” (${year}: ${amount})`,
    keyLine: "Lines: P85 per scenario (solid) and P50 (dashed). Red rule: the appropriation.",
    xTitle: "Budget year",
    yTitle: "NOK million",
    allScenarios: "All scenarios",
    showScenario: "Show scenario: ",
    tooltip: { scenario: "Scenario", year: "Year", p85: "P85 (NOK million)", p50: "P50 (NOK million)" },
  },
};

const TEXT: Record<Lang, ChartText> = { nb: NB, en: EN };

/** The chart words of a language: chartText("en").tornado.atP10 === "Input at P10". */
export function chartText(lang: Lang): ChartText {
  return TEXT[lang];
}
