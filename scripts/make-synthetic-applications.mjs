#!/usr/bin/env node
// Writes data/allocation/synthetic-applications-2022.csv: a SYNTHETIC applications register with the shape of the
// 2022 round (34 kommuner applied for 91 agreements; Hdir årsrapport 2021). Kommuner, counts and attributes are
// invented; seeded so the file is the same on every run: node scripts/make-synthetic-applications.mjs
import { createRequire } from "node:module";
import * as fs from "node:fs";
const require = createRequire(import.meta.url);
const { Mt19937 } = require("../dist/distributions/mt19937.js");
const rng = new Mt19937(2022);
const u = () => (rng.nextUint32() + 0.5) / 2 ** 32;
const int = (a, b) => a + Math.floor(u() * (b - a + 1));

// [kommunenr, name, helseregion, sentralitet] — real kommunenummer used as labels only.
const K = [
  ["0301", "Oslo", "Sør-Øst", 1],
  ["3201", "Bærum", "Sør-Øst", 1],
  ["3301", "Drammen", "Sør-Øst", 2],
  ["3105", "Sarpsborg", "Sør-Øst", 3],
  ["3403", "Hamar", "Sør-Øst", 3],
  ["3411", "Ringsaker", "Sør-Øst", 4],
  ["3901", "Horten", "Sør-Øst", 3],
  ["4204", "Kristiansand", "Sør-Øst", 2],
  ["4020", "Midt-Telemark", "Sør-Øst", 5],
  ["3436", "Nord-Fron", "Sør-Øst", 5],
  ["4601", "Bergen", "Vest", 1],
  ["1103", "Stavanger", "Vest", 2],
  ["4602", "Kinn", "Vest", 4],
  ["4621", "Voss", "Vest", 4],
  ["4614", "Stord", "Vest", 3],
  ["1108", "Sandnes", "Vest", 2],
  ["4640", "Sogndal", "Vest", 5],
  ["5001", "Trondheim", "Midt-Norge", 1],
  ["1505", "Kristiansund", "Midt-Norge", 3],
  ["1508", "Ålesund", "Midt-Norge", 3],
  ["5028", "Melhus", "Midt-Norge", 3],
  ["5035", "Stjørdal", "Midt-Norge", 3],
  ["5007", "Namsos", "Midt-Norge", 5],
  ["1577", "Volda", "Midt-Norge", 5],
  ["5401", "Tromsø", "Nord", 3],
  ["1804", "Bodø", "Nord", 3],
  ["1806", "Narvik", "Nord", 4],
  ["1820", "Alstahaug", "Nord", 5],
  ["1860", "Vestvågøy", "Nord", 5],
  ["5501", "Tromsø", "Nord", 3],
  ["5601", "Alta", "Nord", 4],
  ["5603", "Hammerfest", "Nord", 5],
  ["1833", "Rana", "Nord", 4],
  ["1866", "Hadsel", "Nord", 6],
];
// Requested counts: 1–5, adjusted so the round asks for 91 in all, as in 2022.
let requested = K.map(() => int(1, 4));
let k = 0;
while (requested.reduce((a, b) => a + b, 0) < 91) {
  requested[k % K.length] = Math.min(5, requested[k % K.length] + 1);
  k += 7;
}
while (requested.reduce((a, b) => a + b, 0) > 91) {
  const i = requested.findIndex((x) => x > 1);
  requested[i]--;
}
const header = "kommunenr,kommune,helseregion,sentralitet,round,requested,main_purpose,doctors_needing_specialisation,has_candidate";
const rows = K.map(([nr, name, region, sent], i) => {
  const main = u() < 0.7;
  return [
    nr === "5501" ? "5502" : nr,
    nr === "5501" ? "Senja" : name,
    region,
    sent,
    2022,
    requested[i],
    main ? "ja" : "nei",
    main ? int(1, 8) : int(0, 3),
    u() < 0.5 ? "ja" : "nei",
  ].join(",");
});
fs.writeFileSync(new URL("../data/allocation/synthetic-applications-2022.csv", import.meta.url), `${header}\n${rows.join("\n")}\n`);
console.log(`wrote data/allocation/synthetic-applications-2022.csv: ${rows.length} kommuner, ${requested.reduce((a, b) => a + b, 0)} agreements requested`);
