"""The pandas baseline for bench/claims-vs-pandas.mjs: the same validation and first aggregation as introsim's
validateClaims (src/claims/validateClaims.ts) on the same extract, written the ordinary pandas way.

    python3 bench/claims_pandas.py CLAIMS.csv DOCTORS.csv TARIFF.json [CHUNK_ROWS]

With CHUNK_ROWS the CSV is read in chunks of that many lines (pandas' chunksize), each chunk checked and aggregated,
and the doctor × practice × month sums of the chunks added up at the end: how a pandas user handles a file larger
than memory (100 million lines as Python strings would need some 50 GB). Without it, the whole file at once.

Reads the claim lines (CSV: this pandas has no Parquet engine), checks each line (missing values, dates, whole øre,
patient_exempt, negative amounts, amounts above 10^10 øre, unknown doctor; a takst not valid on the date is accepted
and counted, as introsim does since issue 14), and sums folketrygd cost (refusjon + egenandel when exempt) by doctor × practice × month for the accepted lines. Prints
one JSON line: seconds for the read and for validation + aggregation, rows read / accepted / rejected, total cost in
øre, groups, and this process's peak RSS.
"""
import json
import resource
import sys
import time

import pandas as pd


DTYPES = {"doctor_id": "string", "practice_id": "string", "kommunenr": "string", "date": "string", "takst": "string",
          "refusjon_ore": "string", "egenandel_ore": "string", "patient_exempt": "string", "patient_id": "string"}


def check_and_aggregate(df, role_of, days):
    """Reasons for one frame of claim lines, and the accepted lines' cost by doctor × practice × month."""
    reason = pd.Series(pd.NA, index=df.index, dtype="object")

    def mark(mask, name):
        nonlocal reason
        reason = reason.mask(reason.isna() & mask, name)

    for col in ["doctor_id", "practice_id", "kommunenr", "date", "takst", "refusjon_ore", "egenandel_ore", "patient_exempt", "patient_id"]:
        mark(df[col].isna(), f"missing_value:{col}")
    date = pd.to_datetime(df["date"], format="%Y-%m-%d", errors="coerce")
    mark(date.isna(), "bad_value:date")
    whole = r"^-?[0-9]+$"
    ok_ref = df["refusjon_ore"].str.match(whole).fillna(False).astype(bool)
    ok_egen = df["egenandel_ore"].str.match(whole).fillna(False).astype(bool)
    mark(~ok_ref, "bad_value:refusjon_ore")
    mark(~ok_egen, "bad_value:egenandel_ore")
    ref = pd.to_numeric(df["refusjon_ore"].where(ok_ref), errors="coerce")
    egen = pd.to_numeric(df["egenandel_ore"].where(ok_egen), errors="coerce")
    mark(~df["patient_exempt"].isin(["ja", "nei"]), "bad_patient_exempt")
    antall = pd.to_numeric(df["antall"], errors="coerce") if "antall" in df.columns else pd.Series(1.0, index=df.index)
    mark((ref < 0) | (egen < 0) | (antall <= 0), "negative_amount")
    mark((ref > 10**10) | (egen > 10**10), "amount_out_of_range")
    role = df["doctor_id"].map(role_of)
    mark(role.isna(), "unknown_doctor")
    valid = pd.DataFrame({"takst": df["takst"], "date": date}).merge(days, on=["takst", "date"], how="left")["valid"].fillna(False).to_numpy()
    ok = reason.isna()
    unknown_takst = int((pd.Series(~valid, index=df.index) & ok).sum())
    acc = df.loc[ok, ["doctor_id", "practice_id"]].copy()
    acc["m"] = date[ok].dt.year * 12 + date[ok].dt.month - 1
    acc["cost"] = ref[ok] + egen[ok].where(df.loc[ok, "patient_exempt"] == "ja", 0)
    groups = acc.groupby(["doctor_id", "practice_id", "m"], sort=False)["cost"].agg(["sum", "size"])
    return reason, ok, unknown_takst, groups


def main():
    claims_csv, doctors_csv, tariff_json = sys.argv[1:4]
    chunk_rows = int(sys.argv[4]) if len(sys.argv) > 4 else None
    t0 = time.perf_counter()
    doctors = pd.read_csv(doctors_csv, dtype="string", keep_default_na=False, na_values=[""])
    role_of = doctors.set_index("doctor_id")["role"]
    periods = pd.DataFrame(json.load(open(tariff_json)))
    days = pd.concat(
        [pd.DataFrame({"takst": p.takst, "date": pd.date_range(p.valid_from, p.valid_to, freq="D")}) for p in periods.itertuples()],
        ignore_index=True,
    )
    days["valid"] = True
    read_seconds = 0.0
    n = accepted = unknown = 0
    reasons = {}
    parts = []
    frames = pd.read_csv(claims_csv, dtype=DTYPES, keep_default_na=False, na_values=[""], chunksize=chunk_rows) if chunk_rows else None
    t_read = time.perf_counter()
    if frames is None:
        frames = [pd.read_csv(claims_csv, dtype=DTYPES, keep_default_na=False, na_values=[""])]
    it = iter(frames)
    while True:
        t_read = time.perf_counter()
        df = next(it, None)
        read_seconds += time.perf_counter() - t_read
        if df is None:
            break
        reason, ok, unk, groups = check_and_aggregate(df, role_of, days)
        n += len(df)
        accepted += int(ok.sum())
        unknown += unk
        for k, v in reason.dropna().value_counts().items():
            reasons[k] = reasons.get(k, 0) + int(v)
        parts.append(groups)
        del df
    groups = pd.concat(parts).groupby(level=[0, 1, 2], sort=False).sum() if len(parts) > 1 else parts[0]
    total = time.perf_counter() - t0

    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({
        "pandas": pd.__version__, "readSeconds": read_seconds, "validateAggregateSeconds": total - read_seconds, "chunkRows": chunk_rows,
        "read": int(n), "accepted": int(accepted), "rejected": int(n - accepted),
        "costOre": int(groups["sum"].sum()), "groups": int(len(groups)), "peakRssBytes": int(peak_kib) * 1024,
        "reasons": reasons, "unknownTakstLines": unknown,
    }))


if __name__ == "__main__":
    main()
