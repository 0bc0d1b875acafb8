/** The parties of the refusjon flows and the two employment forms the rules allow, with Norwegian labels. */

export const PARTIES = ["folketrygden", "pasienter", "kommune", "introduksjonslege", "fastleger", "staten", "andre"] as const;
export type Party = (typeof PARTIES)[number];

export const PARTY_LABELS: Readonly<Record<Party, string>> = {
  folketrygden: "Folketrygden (Helfo)",
  pasienter: "Pasientene",
  kommune: "Kommunen",
  introduksjonslege: "Introduksjonslegen",
  fastleger: "Avgivende fastleger",
  staten: "Staten (Nasjonal ALIS)",
  andre: "Andre (husleie, personell, utstyr)",
};

/** The parties that can carry the legekontor's extra costs: cost sharing is agreed locally between them. */
export const COST_SHARING_PARTIES = ["introduksjonslege", "kommune", "fastleger"] as const satisfies ReadonlyArray<Party>;

export const EMPLOYMENT_FORMS = ["naeringsdrivende", "fastlonnet"] as const;
export type EmploymentForm = (typeof EMPLOYMENT_FORMS)[number];

export const EMPLOYMENT_LABELS: Readonly<Record<EmploymentForm, string>> = {
  naeringsdrivende: "Næringsdrivende introduksjonslege",
  fastlonnet: "Fastlønnet introduksjonslege",
};
