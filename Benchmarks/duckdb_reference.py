"""What a data engineer would run instead of `ptce report` for the key sums, as a reference for
the benchmark (issue 22): DuckDB reads the pole's members.csv (French Excel dialect) and computes,
per year, the sums of FTE, turnover and insertion FTE and the turnover per FTE over the members
reporting both. DuckDB refuses Windows-1252, so the file is first converted to UTF-8 (timed apart).
No cell is validated: a value that does not parse is simply null.

usage: duckdb_reference.py POLE_FOLDER WORK_FOLDER
prints: "<convert seconds> <duckdb seconds> <years>" on one line
"""
import sys
import time

import duckdb


def main(folder, work):
    start = time.perf_counter()
    utf8 = f"{work}/members-utf8.csv"
    with open(f"{folder}/members.csv", encoding="cp1252", newline="") as source, open(utf8, "w", encoding="utf-8", newline="") as target:
        while chunk := source.read(1 << 20):
            target.write(chunk)
    converted = time.perf_counter()

    def number(column):
        # "1 234 €", "6,2", "NC", "" → a number or null.
        cleaned = f"replace(replace(replace(replace(\"{column}\", '€', ''), chr(160), ''), ' ', ''), ',', '.')"
        return f"try_cast({cleaned} as double)"

    connection = duckdb.connect()
    rows = connection.execute(f"""
        with members as (
            select "Année" as year, {number('ETP')} as fte, {number("Chiffre d'affaires")} as turnover,
                   {number('ETP insertion')} as insertion_fte
            from read_csv('{utf8}', delim=';', header=true, all_varchar=true, quote='"')
        )
        select year, sum(fte), sum(turnover), sum(insertion_fte),
               sum(turnover) filter (where fte is not null and turnover is not null)
                 / sum(fte) filter (where fte is not null and turnover is not null)
        from members group by year order by year
    """).fetchall()
    done = time.perf_counter()
    print(f"{converted - start:.3f} {done - converted:.3f} {len(rows)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
