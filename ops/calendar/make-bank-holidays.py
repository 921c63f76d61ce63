#!/usr/bin/env python3
"""Writes the bank-holiday data shipped with Triangulate, in GOV.UK's bank-holidays.json format.

It is made from the regular rules (written here independently of the Swift ones, with Easter
from a table) plus the one-off days GOV.UK announced, for 2018-2027. A newer GOV.UK file
(https://www.gov.uk/bank-holidays.json) replaces it at run time: `triangulate calendar import FILE`.
usage: make-bank-holidays.py > FILE (Sources/TriangulateModel/Calendar/BankHolidayData+Shipped.swift embeds its output)
"""
import datetime as dt
import json
import sys

EASTER = {2018: (4, 1), 2019: (4, 21), 2020: (4, 12), 2021: (4, 4), 2022: (4, 17), 2023: (4, 9),
          2024: (3, 31), 2025: (4, 20), 2026: (4, 5), 2027: (3, 28)}
# One-off changes: (nation or None for all, date removed or None, date added or None, title).
ONE_OFFS = [
    (None, dt.date(2020, 5, 4), dt.date(2020, 5, 8), "Early May bank holiday (VE day)"),
    (None, dt.date(2022, 5, 30), dt.date(2022, 6, 2), "Spring bank holiday"),
    (None, None, dt.date(2022, 6, 3), "Platinum Jubilee bank holiday"),
    (None, None, dt.date(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
    (None, None, dt.date(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
]

def monday_on_or_after(d):
    return d + dt.timedelta(days=(7 - d.weekday()) % 7)

def last_monday(year, month):
    d = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))
    return d - dt.timedelta(days=d.weekday())

def regular(year, nation):
    easter = dt.date(year, *EASTER[year])
    movable = [(easter - dt.timedelta(days=2), "Good Friday"),
               (monday_on_or_after(dt.date(year, 5, 1)), "Early May bank holiday"),
               (last_monday(year, 5), "Spring bank holiday")]
    fixed = [(dt.date(year, 1, 1), "New Year’s Day")]
    if nation == "scotland":
        fixed.append((dt.date(year, 1, 2), "2nd January"))
        movable.append((monday_on_or_after(dt.date(year, 8, 1)), "Summer bank holiday"))
        fixed.append((dt.date(year, 11, 30), "St Andrew’s Day"))
    else:
        movable.append((easter + dt.timedelta(days=1), "Easter Monday"))
        movable.append((last_monday(year, 8), "Summer bank holiday"))
    if nation == "northern-ireland":
        fixed.append((dt.date(year, 3, 17), "St Patrick’s Day"))
        fixed.append((dt.date(year, 7, 12), "Battle of the Boyne (Orangemen’s Day)"))
    fixed += [(dt.date(year, 12, 25), "Christmas Day"), (dt.date(year, 12, 26), "Boxing Day")]
    days = movable + [f for f in fixed if f[0].weekday() < 5]
    taken = {d for d, _ in days}
    for d, title in sorted(f for f in fixed if f[0].weekday() >= 5):
        kept = d
        while kept.weekday() >= 5 or kept in taken:
            kept += dt.timedelta(days=1)
        taken.add(kept)
        days.append((kept, title + " (substitute day)"))
    return days

result = {}
for nation in ["england-and-wales", "scotland", "northern-ireland"]:
    days = []
    for year in range(2018, 2028):
        days += regular(year, nation)
    for only, removed, added, title in ONE_OFFS:
        if only not in (None, nation):
            continue
        if removed:
            days = [d for d in days if d[0] != removed]
        if added:
            days = [d for d in days if d[0] != added] + [(added, title)]
    events = [{"title": t, "date": d.isoformat(), "notes": "", "bunting": True} for d, t in sorted(days)]
    result[nation] = {"division": nation, "events": events}
json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
sys.stdout.write("\n")
