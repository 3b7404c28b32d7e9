#!/usr/bin/env python3
"""Write N synthetic city dossiers (dossier format v1) for benchmarking.

    python3 gen_dossiers.py N OUTDIR [--seed S] [--annex NOTICE.txt]

Deterministic for a given (N, seed). Files are spread round-robin over the 45
annex pilots (so N=45 gives each city once). About two thirds are complete
dossiers that no rule of the catalogue should flag at the evaluation date
2020-03-31; a third (--faulty) carry 1-3 realistic faults (omissions, late dates).

Beside OUTDIR it writes OUTDIR.expected.json: for each file, the faults put in
and the rule ids (with severity) they should trigger. Files are named
NNNNN-PP.yaml (running number, annex pilot number).
"""
import argparse, copy, datetime as dt, json, os, random, re, sys
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_ANNEX = os.path.join(HERE, "..", "..", "docs", "notice",
                             "ndrc-2017-66-third-batch-low-carbon-pilots.txt")
AS_OF = dt.date(2020, 3, 31)
D = dt.date.fromisoformat

LEVERS = ["industrial_structure", "energy_structure", "energy_conservation", "carbon_sinks"]
POLICIES = ["industrial", "fiscal", "technology"]
DATA_SYSTEM = ["statistics", "monitoring", "accounting"]


def load_annex(path):
    """Rows of the annex table: province (carried down), number, name, starred, peak text, focuses."""
    rows, prov = [], None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^(\S*)\t(\d+)\t(\S+)\t([^\t]+)\t(.*)$", line.rstrip("\n"))
        if not m:
            continue
        prov = m.group(1) or prov
        focuses = [f.strip() for f in re.split(r"\d\. ", m.group(5)) if f.strip()]
        rows.append({"province": prov, "no": int(m.group(2)), "city": m.group(3).rstrip("*"),
                     "starred": m.group(3).endswith("*"), "peak": m.group(4).strip(),
                     "focuses": focuses})
    if len(rows) != 45:
        sys.exit(f"expected 45 annex rows in {path}, found {len(rows)}")
    return rows


def peak_bound(text, tolerance=1):
    """Latest peak year the annex allows (LCP-PEAK-02)."""
    years = [int(y) for y in re.findall(r"\d{4}", text)]
    return years[-1] + (tolerance if "左右" in text else 0)


def day(rng, lo, hi):
    lo, hi = D(lo), D(hi)
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


def base(row, rng):
    """A complete dossier: every rule of the catalogue is met as of 2020-03-31.
    Follows hidden/make_cases.py base(), with dates, evidence and an emissions
    series varied so that files are ~2-3 KB and not identical."""
    year = int(re.findall(r"\d{4}", row["peak"])[-1])
    if "之前" in row["peak"] or "-" in row["peak"]:
        year = rng.choice([year - 1, year])
    d = {
        "dossier_version": 1, "city": row["city"], "province": row["province"],
        "pilot_no": row["no"], "starred": row["starred"], "as_of": AS_OF,
        "peak_target_year": year,
        "implementation_plan": {"finalized": day(rng, "2017-01-27", "2017-02-28")},
        "pilot_launched": day(rng, "2017-01-20", "2017-02-28"),
        "low_carbon_plan": {"adopted": day(rng, "2017-04-01", "2017-12-31"), "peak_year": year,
                            "in_development_plan": True, "in_government_work": True,
                            "levers": list(LEVERS), "urbanization": True},
        "target_assessment": {"allocated_to_districts": True, "allocated_to_key_enterprises": True,
                              "method_issued": day(rng, "2017-06-01", "2017-12-31"),
                              "tracking_evaluation": True},
        "innovations": [{"focus": i, "status": rng.choice(["achieved", "achieved", "in_progress"]),
                         "evidence": f"{2017 + rng.randint(0, 2)}年{rng.randint(1, 12)}月围绕“{f}”印发实施方案，"
                                     f"在{rng.randint(2, 12)}个区县（园区）开展试点示范，已纳入年度目标责任考核；"
                                     f"截至{2018 + rng.randint(0, 1)}年底完成阶段任务的{rng.randint(40, 100)}%"}
                        for i, f in enumerate(row["focuses"], 1)],
        "policies": list(POLICIES),
        "governance": {"leading_group": True, "coordination_mechanism": True,
                       "principal_leader_in_charge": True},
        "ghg_inventory": [{"year": 2005, "completed": day(rng, "2012-03-01", "2014-12-31")},
                          {"year": 2010, "completed": day(rng, "2013-03-01", "2015-12-31")},
                          {"year": 2015, "completed": day(rng, "2016-06-01", "2017-06-30")},
                          {"year": 2018, "completed": day(rng, "2019-06-01", "2019-12-31")}],
        "data_system": list(DATA_SYSTEM),
        "emissions": [],
        "annual_reports": [{"year": y, "submitted": day(rng, f"{y + 1}-01-10", f"{y + 1}-03-31")}
                           for y in (2017, 2018, 2019)],
        "phase_summary_submitted": day(rng, "2020-01-05", "2020-03-31"),
    }
    if row["starred"]:
        d["implementation_plan"].update({"revision_submitted": day(rng, "2017-01-10", "2017-01-26"),
                                         "expert_review_addressed": True})
    # emissions (Mt CO2e) 2005..2019: rising to the annex peak year, flat-to-falling after it (LCP-PEAK-04)
    peak = min(peak_bound(row["peak"], 0), 2019)
    level = round(rng.uniform(8, 120), 1)
    for y in range(2005, 2020):
        d["emissions"].append({"year": y, "mt_co2e": level})
        level = round(level * (1 + rng.uniform(0.005, 0.04)) if y < peak
                      else level * (1 - rng.uniform(0.0, 0.03)), 1)
    return d


# --- faults: (name, applies(row), apply(d, row, rng) -> list of [rule, severity]) ---------------
def f_no_plan(d, row, rng):
    del d["low_carbon_plan"]
    return [["LCP-PLAN-01", "violation"], ["LCP-PLAN-02", "violation"], ["LCP-PLAN-03", "violation"],
            ["LCP-PLAN-04", "warning"], ["LCP-PLAN-05", "warning"]]

def f_plan_late(d, row, rng):
    d["low_carbon_plan"]["adopted"] = day(rng, "2018-01-15", "2019-06-30")
    return [["LCP-PLAN-01", "violation"]]

def f_plan_not_integrated(d, row, rng):
    k = rng.choice(["in_development_plan", "in_government_work"])
    if rng.random() < 0.5:
        d["low_carbon_plan"][k] = False
    else:
        del d["low_carbon_plan"][k]
    return [["LCP-PLAN-02" if k == "in_development_plan" else "LCP-PLAN-03", "violation"]]

def f_lever_missing(d, row, rng):
    drop = rng.choice(LEVERS)
    d["low_carbon_plan"]["levers"] = [l for l in LEVERS if l != drop]
    return [["LCP-PLAN-04", "warning"]]

def f_no_urbanization(d, row, rng):
    del d["low_carbon_plan"]["urbanization"]
    return [["LCP-PLAN-05", "warning"]]

def f_no_peak(d, row, rng):
    del d["peak_target_year"]
    del d["low_carbon_plan"]["peak_year"]
    return [["LCP-PEAK-01", "violation"]]

def f_peak_late(d, row, rng):
    y = peak_bound(row["peak"]) + rng.randint(1, 5)
    d["peak_target_year"] = y
    d["low_carbon_plan"]["peak_year"] = y
    return [["LCP-PEAK-02", "violation"]]

def f_tgt_not_allocated(d, row, rng):
    k = rng.choice(["allocated_to_districts", "allocated_to_key_enterprises"])
    d["target_assessment"][k] = False
    return [["LCP-TGT-01" if k == "allocated_to_districts" else "LCP-TGT-02", "violation"]]

def f_tgt_method(d, row, rng):
    if rng.random() < 0.5:
        del d["target_assessment"]["method_issued"]
    else:
        d["target_assessment"]["method_issued"] = day(rng, "2018-01-10", "2018-12-31")
    return [["LCP-TGT-03", "violation"]]

def f_no_tracking(d, row, rng):
    del d["target_assessment"]["tracking_evaluation"]
    return [["LCP-TGT-04", "warning"]]

def f_focus_missing(d, row, rng):
    drop = rng.randrange(len(d["innovations"]))
    del d["innovations"][drop]
    if not d["innovations"]:
        del d["innovations"]
    return [["LCP-INNO-01", "violation"]]

def f_governance(d, row, rng):
    k = rng.choice(["leading_group", "coordination_mechanism"])
    del d["governance"][k]
    return [["LCP-CAP-01", "violation"]]

def f_no_inventory(d, row, rng):
    del d["ghg_inventory"]
    return [["LCP-CAP-02", "violation"]]

def f_inventory_late(d, row, rng):
    d["ghg_inventory"] = [{"year": 2017, "completed": day(rng, "2018-03-01", "2018-12-31")},
                          {"year": 2018, "completed": day(rng, "2019-06-01", "2019-12-31")}]
    return [["LCP-CAP-02", "violation"]]

def f_data_system(d, row, rng):
    drop = rng.choice(DATA_SYSTEM)
    d["data_system"] = [x for x in DATA_SYSTEM if x != drop]
    return [["LCP-CAP-04", "violation"]]

def f_launch_late(d, row, rng):
    d["pilot_launched"] = day(rng, "2017-03-01", "2017-09-30")
    return [["LCP-TIME-01", "violation"]]

def f_finalize_late(d, row, rng):
    d["implementation_plan"]["finalized"] = day(rng, "2017-03-01", "2017-12-31")
    return [["LCP-TIME-02", "violation"]]

def f_star_late(d, row, rng):
    d["implementation_plan"]["revision_submitted"] = day(rng, "2017-01-27", "2017-04-30")
    return [["LCP-STAR-01", "violation"]]

def f_star_missing(d, row, rng):
    del d["implementation_plan"]["revision_submitted"]
    del d["implementation_plan"]["expert_review_addressed"]
    return [["LCP-STAR-01", "violation"], ["LCP-STAR-02", "violation"]]

def f_star_review(d, row, rng):
    d["implementation_plan"]["expert_review_addressed"] = False
    return [["LCP-STAR-02", "violation"]]

def f_report_missing(d, row, rng):
    y = rng.choice([2017, 2018, 2018, 2019])
    d["annual_reports"] = [r for r in d["annual_reports"] if r["year"] != y]
    # the 2019 report is due 2020-03-31, the evaluation date itself: not yet overdue
    return [["LCP-RPT-01", "pending" if y == 2019 else "violation"]]

def f_report_late(d, row, rng):
    r = rng.choice(d["annual_reports"][:2])
    r["submitted"] = day(rng, f"{r['year'] + 1}-04-01", f"{r['year'] + 1}-07-31")
    return [["LCP-RPT-02", "warning"]]

ALWAYS = lambda row: True
FAULTS = [
    ("no_plan", ALWAYS, f_no_plan, 2), ("plan_late", ALWAYS, f_plan_late, 2),
    ("plan_not_integrated", ALWAYS, f_plan_not_integrated, 1), ("lever_missing", ALWAYS, f_lever_missing, 1),
    ("no_urbanization", ALWAYS, f_no_urbanization, 1), ("no_peak", ALWAYS, f_no_peak, 1),
    ("peak_late", ALWAYS, f_peak_late, 2), ("tgt_not_allocated", ALWAYS, f_tgt_not_allocated, 1),
    ("tgt_method", ALWAYS, f_tgt_method, 1), ("no_tracking", ALWAYS, f_no_tracking, 1),
    ("focus_missing", ALWAYS, f_focus_missing, 2), ("governance", ALWAYS, f_governance, 1),
    ("no_inventory", ALWAYS, f_no_inventory, 2), ("inventory_late", ALWAYS, f_inventory_late, 1),
    ("data_system", ALWAYS, f_data_system, 1), ("launch_late", ALWAYS, f_launch_late, 1),
    ("finalize_late", ALWAYS, f_finalize_late, 1),
    ("star_late", lambda r: r["starred"], f_star_late, 3), ("star_missing", lambda r: r["starred"], f_star_missing, 1),
    ("star_review", lambda r: r["starred"], f_star_review, 1),
    ("report_missing", ALWAYS, f_report_missing, 3), ("report_late", ALWAYS, f_report_late, 1),
]
# faults that touch what another removes: never put both in one dossier
CONFLICTS = {frozenset(p) for p in [("no_plan", "plan_late"), ("no_plan", "plan_not_integrated"),
             ("no_plan", "lever_missing"), ("no_plan", "no_urbanization"), ("no_plan", "no_peak"),
             ("no_plan", "peak_late"), ("no_peak", "peak_late"), ("no_inventory", "inventory_late"),
             ("star_late", "star_missing"), ("star_review", "star_missing"),
             ("report_missing", "report_late")]}


def pick_faults(row, rng):
    pool = [f for f in FAULTS if f[1](row)]
    k = rng.choices([1, 2, 3], weights=[5, 3, 1])[0]
    chosen = []
    while len(chosen) < k:
        f = rng.choices(pool, weights=[w for *_, w in pool])[0]
        if f in chosen or any(frozenset((f[0], c[0])) in CONFLICTS for c in chosen):
            continue
        chosen.append(f)
    return chosen


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=2017)
    ap.add_argument("--annex", default=DEFAULT_ANNEX)
    ap.add_argument("--faulty", type=float, default=1 / 3, help="share of dossiers with faults")
    a = ap.parse_args()
    annex = load_annex(a.annex)
    os.makedirs(a.outdir, exist_ok=True)
    rng = random.Random(a.seed)
    faulty = set(rng.sample(range(a.n), round(a.n * a.faulty)))
    manifest, n_faulty, size = [], 0, 0
    for i in range(a.n):
        row = annex[i % len(annex)]
        d = base(row, rng)
        faults, expect = [], []
        if i in faulty:
            for name, _, fn, _ in pick_faults(row, rng):
                faults.append(name)
                expect += [e for e in fn(d, row, rng) if e not in expect]
            n_faulty += 1
        name = "%05d-%02d.yaml" % (i + 1, row["no"])
        text = yaml.safe_dump(d, allow_unicode=True, sort_keys=False, width=120)
        with open(os.path.join(a.outdir, name), "w", encoding="utf-8") as f:
            f.write(text)
        size += len(text.encode("utf-8"))
        manifest.append({"file": name, "city": row["city"], "faults": faults, "expect": sorted(expect)})
    with open(os.path.normpath(a.outdir) + ".expected.json", "w", encoding="utf-8") as f:
        json.dump({"seed": a.seed, "as_of": AS_OF.isoformat(), "files": manifest}, f, ensure_ascii=False, indent=0)
    print(f"{a.n} dossiers in {a.outdir} ({n_faulty} with faults, mean {size / max(a.n, 1):.0f} bytes)")


if __name__ == "__main__":
    main()
