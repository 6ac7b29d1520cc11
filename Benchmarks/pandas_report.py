"""The same job as `ptce report --format xlsx` done the way many analysts would: pandas reads the
French Excel CSV, computes the key figures, and XlsxWriter writes the data sheets and a summary.
Used by the benchmark for comparison only.

usage: pandas_report.py POLE_FOLDER OUT.xlsx
"""
import sys

import pandas as pd


def money(series):
    cleaned = (series.astype(str).str.replace("\u20ac", "", regex=False).str.replace("\u00a0", "", regex=False)
               .str.replace(" ", "", regex=False).str.replace(",", ".", regex=False))
    return pd.to_numeric(cleaned.where(~cleaned.isin(["NC", "nan", ""])), errors="coerce")


def read(folder, name):
    return pd.read_csv(f"{folder}/{name}", sep=";", encoding="cp1252", dtype=str, keep_default_na=False)


def main(folder, out):
    members = read(folder, "members.csv")
    for column in ["ETP", "Effectif", "ETP insertion", "Chiffre d'affaires", "Subventions", "Bénévoles", "Achats", "Achats locaux"]:
        members[column] = money(members[column])
    year = members["Année"].astype(int).max()
    current = members[members["Année"].astype(int) == year]
    cooperations = read(folder, "cooperations.csv")
    cooperations = cooperations[cooperations["Année"].astype(int) == year]
    survey = read(folder, "survey.csv")
    survey = survey[survey["Année"].astype(int) == year]
    both = current.dropna(subset=["ETP", "ETP insertion"])
    summary = pd.DataFrame({
        "indicator": ["members", "fte", "turnover", "insertion_fte", "insertion_share", "links", "respondents"],
        "value": [len(current), current["ETP"].sum(), current["Chiffre d'affaires"].sum(), current["ETP insertion"].sum(),
                  both["ETP insertion"].sum() / both["ETP"].sum(), len(cooperations), survey["Répondant"].nunique()],
    })
    by_type = current.groupby("Type d'acteur")["ETP"].sum().reset_index()
    with pd.ExcelWriter(out, engine="xlsxwriter", engine_kwargs={"options": {"constant_memory": len(current) > 50000}}) as writer:
        summary.to_excel(writer, sheet_name="Synthese", index=False)
        by_type.to_excel(writer, sheet_name="Types", index=False)
        current.to_excel(writer, sheet_name="Membres", index=False)
        cooperations.to_excel(writer, sheet_name="Cooperations", index=False)
        survey.to_excel(writer, sheet_name="Enquete", index=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
