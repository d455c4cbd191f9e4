#!/usr/bin/env python3
"""Builds the time-news gold set from articles.py and checks it.

    python3 gold/time-news/build.py          # write NN-slug.txt, NN-slug.tml, README counts
    python3 gold/time-news/build.py --check  # verify the files on disk, write nothing
    python3 gold/time-news/build.py --list   # print every expression with its value

Computed values ("=..." in articles.py) use datetime only; every value, computed or
written by hand, is then checked again against its extent (weekdays, explicit
dates, clock times, date words, "vor/in N ...", holidays, durations, mods).
"""
import re
import sys
import html
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE))
from articles import ARTICLES  # noqa: E402

TYPES = {"D": "DATE", "T": "TIME", "DU": "DURATION", "S": "SET"}
WD = {"Mo": 0, "Di": 1, "Mi": 2, "Do": 3, "Fr": 4, "Sa": 5, "So": 6}
WD_NAMES = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
WD_SHORT_DE = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember"]
NUM = {"ein": 1, "eine": 1, "einer": 1, "einem": 1, "einen": 1, "zwei": 2, "drei": 3,
       "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
       "elf": 11, "zwölf": 12, "vierzehn": 14, "achtzehn": 18, "zwanzig": 20}


def easter(y):
    """Easter Sunday, anonymous Gregorian algorithm."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(y, month, day)


def iso_week(d):
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def helpers(dct):
    d0 = date.fromisoformat(dct)
    D = date.fromisoformat

    def R(n): return (d0 + timedelta(n)).isoformat()
    def P(w): return (d0 - timedelta((d0.weekday() - WD[w]) % 7 or 7)).isoformat()
    def F(w): return (d0 + timedelta((WD[w] - d0.weekday()) % 7 or 7)).isoformat()
    def A(s, n): return (D(s) + timedelta(n)).isoformat()
    def WOF(s): return iso_week(D(s))
    def W(n): return iso_week(d0 + timedelta(7 * n))
    def WE(direction): return WOF(P("Sa") if direction < 0 else F("Sa")) + "-WE"
    def NP(w): return A(P(w), -1) + "TNI"
    def NF(w): return A(F(w), -1) + "TNI"
    def NT(): return R(-1) + "TNI"

    def MA(s, n):
        d = D(s)
        k = d.year * 12 + d.month - 1 + n
        return f"{k // 12:04d}-{k % 12 + 1:02d}"

    def M(n): return MA(dct, n)
    def Y(n): return f"{d0.year + n:04d}"
    def E(y): return easter(y).isoformat()
    def PF(y): return (easter(y) + timedelta(49)).isoformat()
    return dict(R=R, P=P, F=F, A=A, WOF=WOF, W=W, WE=WE, NP=NP, NF=NF, NT=NT, MA=MA,
                M=M, Y=Y, E=E, PF=PF)


MARK = re.compile(r"\[\[(.+?)\]\]")


def parse_line(line, env, timexes):
    """Returns (plain text, xml text) of one line; appends its timexes."""
    plain, xml, pos = [], [], 0
    for m in MARK.finditer(line):
        before = line[pos:m.start()]
        plain.append(before)
        xml.append(html.escape(before, quote=False))
        parts = m.group(1).split("|")
        assert len(parts) in (3, 4), m.group(0)
        extent, typ, value = parts[:3]
        mod = parts[3] if len(parts) == 4 else None
        if value.startswith("="):
            value = eval(value[1:], {}, env)  # noqa: S307 - our own source file
        t = dict(tid=f"t{len(timexes) + 1}", text=extent, type=TYPES[typ], value=value, mod=mod,
                 before=line[:m.start()].replace("[[", "").replace("]]", ""))
        timexes.append(t)
        attrs = f'tid="{t["tid"]}" type="{t["type"]}" value="{value}"'
        if mod:
            attrs += f' mod="{mod}"'
        plain.append(extent)
        xml.append(f"<TIMEX3 {attrs}>{html.escape(extent, quote=False)}</TIMEX3>")
        pos = m.end()
    plain.append(line[pos:])
    xml.append(html.escape(line[pos:], quote=False))
    return "".join(plain), "".join(xml)


# --- the reader's rules, mirrored from crates/core/src/article/heading.rs ---
def split_kicker(line):
    for k, c in enumerate(line):
        if c != ":" or k == 0 or k + 1 >= len(line):
            continue
        before, after = line[k - 1], line[k + 1]
        if after.isspace() or before.isspace() or (before.isdigit() and after.isdigit()) or after == "/":
            continue
        kicker, title = line[:k].strip(), line[k + 1:].strip()
        if kicker and title:
            return kicker, title
    return None, line.strip()


def looks_like_heading(line):
    words = len(line.split())
    if words == 0 or words > 16 or len(line) > 120:
        return False
    core = line.rstrip("\"'“”‘’»«›‹)]}")
    if not core or core[-1] in ".!?…:;,":
        return False
    stripped = line.lstrip("\"'„“‚‘»«›‹([")
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())


def build_article(a):
    env = helpers(a["dct"])
    timexes = []
    lines = []
    for kind, src in [("kicker", a["kicker"]), ("title", a["title"]), ("lead", a["lead"])] + \
            [("block", b) for b in a["blocks"]]:
        sub = kind == "block" and src.startswith("## ")
        if sub:
            src = src[3:]
        first = len(timexes)
        plain, xml = parse_line(src, env, timexes)
        for t in timexes[first:]:
            t["line"] = len(lines)
        lines.append(dict(kind="subheading" if sub else kind, plain=plain, xml=xml))
    text = "\n".join(l["plain"] for l in lines)
    txt = f' date {a["dct"]} {lines[0]["plain"]}:{lines[1]["plain"]}\n' + \
        "\n".join(l["plain"] for l in lines[2:]) + "\n"
    tml = ('<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n'
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{a["dct"]}" functionInDocument="CREATION_TIME">'
           f'{a["dct"]}</TIMEX3></DCT>\n<TEXT>\n' + "\n".join(l["xml"] for l in lines) +
           "\n</TEXT>\n</TimeML>\n")
    return dict(lines=lines, text=text, txt=txt, tml=tml, timexes=timexes)


# ------------------------------ checks ------------------------------------
def num(word):
    return int(word) if word.isdigit() else NUM[word.lower()]


def check_value(a, t, problems):
    """Checks one expression's value against its extent, independently of the formulas."""
    d0 = date.fromisoformat(a["dct"])
    x, v, ty, mod = t["text"], t["value"], t["type"], t["mod"]
    low = x.lower()
    err = lambda msg: problems.append(f'{a["n"]:02d} {t["tid"]} "{x}" = {v}: {msg}')
    day = None
    if ty in ("DATE", "TIME") and re.match(r"^\d{4}-\d\d-\d\d", v):
        day = date.fromisoformat(v[:10])
    # syntax of values
    ok = {
        "DATE": r"^(\d{4}-\d\d-\d\d|\d{4}-\d\d|\d{4}|\d{2,3}|\d{4}-W\d\d(-WE)?|\d{4}-(Q[1-4]|H[12]|SP|SU|FA|WI)|PAST_REF|PRESENT_REF|FUTURE_REF)$",
        "TIME": r"^\d{4}-\d\d-\d\d(T\d\d:\d\d|T(MO|AF|EV|NI))$",
        "DURATION": r"^P(\d+[YMWD]|T\d+[HM])$",
        "SET": r"^(P1[DWMY]|PT\d+M|XXXX-WXX-[1-7]|XXXX-(SP|SU|FA|WI))$",
    }[ty]
    if not re.match(ok, v):
        err("malformed value")
    if mod and mod not in ("START", "MID", "END"):
        err("unknown mod")
    # weekday names
    for i, name in enumerate(WD_NAMES):
        if name.lower() in low and ty != "SET":
            if day is None:
                err("weekday without a day value")
            elif "nacht zu" in low:
                if (day + timedelta(1)).weekday() != i:
                    err("night is not the eve of that weekday")
            elif day.weekday() != i:
                err(f"value is a {WD_NAMES[day.weekday()]}")
            if "vergangenen" in low or "letzten" in low:
                if not day < d0:
                    err("past weekday not before DCT")
            if "kommenden" in low or "nächsten" in low:
                if not day > d0:
                    err("future weekday not after DCT")
            if name == WD_NAMES[d0.weekday()] and not re.search(r"nacht zu|letzten|vergangenen|nächsten|kommenden", low):
                err("weekday equals DCT weekday (ambiguous)")
    # explicit dates
    m = re.search(r"(\d{1,2})\. (" + "|".join(MONTHS) + r")(?: (\d{4}))?", x)
    if m:
        want = (MONTHS.index(m.group(2)) + 1, int(m.group(1)))
        if day is None or (day.month, day.day) != want or (m.group(3) and day.year != int(m.group(3))):
            err("explicit date mismatch")
    m = re.search(r"(\d{1,2})\.(\d{1,2})\.(\d{4})?", x)
    if m:
        if day is None or (day.month, day.day) != (int(m.group(2)), int(m.group(1))) or \
                (m.group(3) and day.year != int(m.group(3))):
            err("numeric date mismatch")
    m = re.fullmatch(r"(\d{1,2})\.", x)
    if m and (day is None or day.day != int(m.group(1))):
        err("range start day mismatch")
    for mon in MONTHS:
        if re.search(r"\b" + mon + r"\b", x) and ty == "DATE" and not re.match(r"^\d{4}-\d\d", v):
            err("month without month value")
        if re.search(r"\b" + mon + r"\b", x) and re.match(r"^\d{4}-\d\d", v) and int(v[5:7]) != MONTHS.index(mon) + 1:
            err("month mismatch")
    m = re.search(r"\b(1[89]\d\d|20\d\d)\b(?!er)", x)
    if m and ty in ("DATE", "TIME") and not v.startswith(m.group(1)):
        err("year mismatch")
    m = re.search(r"(1[89]\d)0er", x)
    if m and v != m.group(1):
        err("decade mismatch")
    if "neunziger" in low and v != "199":
        err("decade word mismatch")
    m = re.search(r"(\d+)\. jahrhundert", low)
    if m and v != str(int(m.group(1)) - 1):
        err("century mismatch")
    # date words
    words = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}
    first = low.split()[0]
    if first in words and not low.startswith("am "):
        if day != d0 + timedelta(words[first]):
            err("date word mismatch")
    # relative offsets
    m = re.fullmatch(r"(vor|in) (\w+) (tagen|wochen|monaten|jahren|jahr|woche|monat)", low)
    if m and (m.group(2).isdigit() or m.group(2) in NUM):
        n = num(m.group(2)) * (-1 if m.group(1) == "vor" else 1)
        unit = m.group(3)
        if unit == "tagen":
            exp = (d0 + timedelta(n)).isoformat()
        elif unit.startswith("woche"):
            exp = iso_week(d0 + timedelta(7 * n))
        elif unit.startswith("monat"):
            k = d0.year * 12 + d0.month - 1 + n
            exp = f"{k // 12:04d}-{k % 12 + 1:02d}"
        else:
            exp = str(d0.year + n)
        if v != exp:
            err(f"relative offset, expected {exp}")
    if re.search(r"(vergangenen|diese[rn]?|kommenden) woche$", low):
        k = {"vergangenen": -1, "kommenden": 1}.get(low.split()[-2], 0)
        if v != iso_week(d0 + timedelta(7 * k)):
            err("week mismatch")
    if low.endswith("wochenende"):
        sat = d0 + timedelta((5 - d0.weekday()) % 7 or 7)
        if v not in (iso_week(sat) + "-WE", iso_week(sat - timedelta(7)) + "-WE"):
            err("weekend not adjacent to DCT")
    if low.endswith("ende des monats") and (v != d0.strftime("%Y-%m") or mod != "END"):
        err("end of month")
    if low.endswith("ende des jahres") and (v != str(d0.year) or mod != "END"):
        err("end of year")
    if "kommende" in low and re.search(r"\bjahr\b", low) and v != str(d0.year + 1):
        err("coming year")
    if ("laufende jahr" in low or "diesem jahr" in low) and v != str(d0.year):
        err("this year")
    # parts of day
    pod = {"abend": "TEV", "nachmittag": "TAF", "vormittag": "TMO", "nacht": "TNI", "morgen": "TMO"}
    for w, code in pod.items():
        if re.search(r"(?<!mitter)(?<!heilig)" + w + r"(?!\w)", low) and not low.startswith(("morgen", "übermorgen")) or \
                (w == "morgen" and low in ("morgen früh", "heute morgen")):
            if w == "morgen" and low.startswith("morgen") and low != "morgen früh":
                continue
            if not v.endswith(code) and "silvesternacht" not in low:
                err(f"part of day should be {code}")
    if "silvesternacht" in low and v[5:] != "12-31TNI":
        err("Silvesternacht")
    if low == "am mittag" and not v.endswith("T12:00"):
        err("Mittag is 12:00")
    if "mitternacht" in low and not v.endswith("T24:00"):
        err("Mitternacht is T24:00")
    # clock times
    m = re.fullmatch(r"(\d{1,2})(?:\.(\d\d))? uhr", low)
    if m and not v.endswith(f"T{int(m.group(1)):02d}:{m.group(2) or '00'}"):
        err("clock time mismatch")
    m = re.fullmatch(r"halb (\w+)", low)
    if m:
        hours = {"eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
                 "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12}
        h = hours[m.group(1)] - 1
        if v[-6:] not in (f"T{h:02d}:30", f"T{h + 12:02d}:30"):
            err("half hour mismatch")
    if ty == "TIME" and day is not None and abs((day - d0).days) > 7 and not re.search(r"\d", x) \
            and "silvester" not in low and "mitternacht" not in low:
        err("time far from DCT without explicit date")
    # holidays
    y = day.year if day else None
    hol = {"weihnachten": (12, 25), "heiligabend": (12, 24), "silvester": (12, 31), "neujahr": (1, 1),
           "deutschen einheit": (10, 3), "zweiten weihnachtsfeiertag": (12, 26)}
    for w, (mm, dd) in hol.items():
        if w in low and "nacht" not in low and (day is None or (day.month, day.day) != (mm, dd)):
            err("holiday date")
    if y:
        e = easter(y)
        if low.endswith("ostern") and day != e:
            err("Easter")
        if "ostermontag" in low and day != e + timedelta(1):
            err("Easter Monday")
        if "karfreitag" in low and day != e - timedelta(2):
            err("Good Friday")
        if "pfingsten" in low and day != e + timedelta(49):
            err("Whit Sunday")
    for w in ("ostern", "pfingsten", "weihnachten", "silvester", "neujahr"):
        if low.endswith(w) and day is not None and abs((day - d0).days) > 200 and not re.search(r"\d", a["blocks"][0] + t["before"]):
            err("holiday far from DCT")
    # seasons, quarters, halves
    seasons = {"frühjahr": "SP", "frühling": "SP", "sommer": "SU", "herbst": "FA", "winter": "WI"}
    for w, code in seasons.items():
        if w in low and not v.endswith(code):
            err("season")
    quarters = {"ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4}
    m = re.search(r"(ersten|zweiten|dritten|vierten) (quartal|halbjahr)", low)
    if m:
        code = ("Q" if m.group(2) == "quartal" else "H") + str(quarters[m.group(1)])
        if not v.endswith(code):
            err("quarter/half")
    # mods
    for w, want in (("anfang", "START"), ("mitte", "MID"), ("ende", "END")):
        if low.startswith(w + " ") and mod != want:
            err(f"mod should be {want}")
    if mod and not re.match(r"^(anfang|mitte|ende) ", low):
        err("mod without part word")
    # references
    refs = {"zuletzt": "PAST_REF", "früher": "PAST_REF", "derzeit": "PRESENT_REF", "künftig": "FUTURE_REF"}
    if low in refs and v != refs[low]:
        err("reference word")
    # durations
    if ty == "DURATION":
        m = re.fullmatch(r"(\w+) (halben )?(jahre?n?|monate?n?|wochen?|tage?n?|stunden?|minuten?)", low)
        if not m:
            err("unparsed duration")
        else:
            n = num(m.group(1))
            unit = m.group(3)
            if m.group(2):
                exp = "P6M" if unit.startswith("jahr") else "PT30M"
            elif unit.startswith("stunde"):
                exp = f"PT{n}H"
            elif unit.startswith("minute"):
                exp = f"PT{n}M"
            else:
                exp = f"P{n}{ {'j': 'Y', 'm': 'M', 'w': 'W', 't': 'D'}[unit[0]] }"
            if v != exp:
                err(f"duration, expected {exp}")
    if ty == "SET":
        sets = {"täglich": "P1D", "wöchentlich": "P1W", "jährlich": "P1Y", "jedes jahr": "P1Y",
                "jeden montag": "XXXX-WXX-1", "jeden samstag": "XXXX-WXX-6", "jeden sommer": "XXXX-SU",
                "alle 15 minuten": "PT15M"}
        if sets.get(low) != v:
            err("set value")
    # extents: included and excluded prepositions
    if re.match(r"(seit|bis|vom|von|zwischen|gegen|um|an|ab|zum|zur|über|für|nach|zu) ", low):
        err("extent starts with an excluded preposition")
    prev = re.findall(r"(\S+) $", t["before"])
    if prev and prev[0].lower() in ("am", "im", "in", "vor"):
        err(f'"{prev[0]}" left outside the extent')


CUES = re.compile(
    r"\b(heute|gestern|vorgestern|morgen|übermorgen|jetzt|bald|kürzlich|gegenwärtig|heutzutage|damals|"
    r"demnächst|neulich|derzeit|zurzeit|zuletzt|früher|künftig|zukünftig|täglich|wöchentlich|monatlich|jährlich|"
    r"nachts|abends|morgens|mittags|Uhr|Nacht|Abend|Morgen|Mittag|Nachmittag|Vormittag|Woche|Wochen|Wochenende|"
    r"Monat|Monate|Monaten|Jahr|Jahre|Jahren|Jahres|Tag|Tage|Tagen|Stunde|Stunden|Minute|Minuten|Sekunden|"
    r"Quartal|Halbjahr|Jahrhundert|Frühjahr|Frühling|Sommer|Herbst|Winter|Ostern|Pfingsten|Weihnachten|"
    r"Silvester|Neujahr|Heiligabend|Karfreitag|Ostermontag|"
    r"Sommers|Winters|Herbstes|Herbsts|Frühjahrs|Frühlings|Tages|Monats|Wochen|Jahrzehnt\w*|Jahrtausend\w*|"
    r"Nächte|Nächten|Abende|Abenden|Morgens|Vormittags|Nachmittags|Feiertag\w*|Wochentag\w*|Werktag\w*|"
    r"anschließend|danach|damals|vorher|zuvor|seitdem|inzwischen|sofort|gleichzeitig|"
    + "|".join(WD_NAMES) + "|" + "|".join(n + "s" for n in WD_NAMES) + "|" + "|".join(MONTHS)
    + r"|1[89]\d\d|20\d\d|\d{1,2}\.\d{1,2}\.)\b")


def untagged_cues(a, built):
    out = []
    for l in built["lines"]:
        stripped = re.sub(r"<TIMEX3[^>]*>.*?</TIMEX3>", " ", l["xml"])
        for m in CUES.finditer(html.unescape(stripped)):
            out.append(f'{a["n"]:02d} untagged cue "{m.group(0)}" in: {l["plain"][:70]}…')
    return out


def check_article(a, built, problems):
    n = a["n"]
    # the .txt as depesche reads it
    header, *body = built["txt"].rstrip("\n").split("\n")
    m = re.match(r"^ date (\d{4}-\d\d-\d\d) (.*)$", header)
    kicker, title = split_kicker(m.group(2).strip())
    if m.group(1) != a["dct"] or kicker != built["lines"][0]["plain"] or title != built["lines"][1]["plain"]:
        problems.append(f"{n:02d} header does not split into kicker/title")
    if "\n".join([kicker, title] + body) != built["text"]:
        problems.append(f"{n:02d} text differs from the reader's text")
    for l in built["lines"][3:]:
        if looks_like_heading(l["plain"]) != (l["kind"] == "subheading"):
            problems.append(f'{n:02d} block kind by form differs: {l["plain"][:50]}')
    for l in built["lines"]:
        if l["plain"] != l["plain"].strip() or "  " in l["plain"] or not l["plain"]:
            problems.append(f"{n:02d} spacing")
    nblocks = len(built["lines"]) - 3
    if not 4 <= nblocks <= 7 or nblocks + 1 > 8:
        problems.append(f"{n:02d} {nblocks} blocks after the lead")
    k = len(built["timexes"])
    if not 6 <= k <= 15:
        problems.append(f"{n:02d} {k} time expressions")
    # the .tml: well-formed, strips back to the text
    root = ET.fromstring(built["tml"].encode("utf-8"))
    text_el = root.find("TEXT")
    inner = "".join(text_el.itertext())
    if inner != "\n" + built["text"] + "\n":
        problems.append(f"{n:02d} stripped TEXT differs from the article text")
    raw = built["tml"].split("<TEXT>\n", 1)[1].split("\n</TEXT>", 1)[0]
    if html.unescape(re.sub(r"</?TIMEX3[^>]*>", "", raw)) != built["text"]:
        problems.append(f"{n:02d} tag-stripping by regex differs")
    tids = [e.get("tid") for e in text_el.iter("TIMEX3")]
    if tids != [f"t{i}" for i in range(1, len(tids) + 1)]:
        problems.append(f"{n:02d} tids not consecutive")
    dct = root.find("DCT/TIMEX3")
    if dct.get("value") != a["dct"] or dct.get("functionInDocument") != "CREATION_TIME":
        problems.append(f"{n:02d} DCT")
    for t in built["timexes"]:
        check_value(a, t, problems)


COUNTS_START, COUNTS_END = "<!-- counts:start -->", "<!-- counts:end -->"


def counts_block(built):
    """The generated part of README.md: articles per weekday and expressions per type."""
    parts = {"dev (01-24)": [a for a in ARTICLES if a["n"] <= 24],
             "held-out (25-36)": [a for a in ARTICLES if a["n"] > 24]}
    out = [COUNTS_START, "",
           "| weekday | dev (01-24) | held-out (25-36) | all |", "|---|---:|---:|---:|"]
    for i, name in enumerate(WD_NAMES):
        row = [sum(date.fromisoformat(a["dct"]).weekday() == i for a in arts) for arts in parts.values()]
        out.append(f"| {name} | {row[0]} | {row[1]} | {sum(row)} |")
    out.append(f"| **articles** | {len(parts['dev (01-24)'])} | {len(parts['held-out (25-36)'])} | {len(ARTICLES)} |")
    out += ["", "| TIMEX3 type | dev (01-24) | held-out (25-36) | all |", "|---|---:|---:|---:|"]
    keys = [("DATE", None), ("TIME", None), ("DURATION", None), ("SET", None)]
    for ty, _ in keys:
        row = [sum(t["type"] == ty for a in arts for t in built[a["n"]]["timexes"]) for arts in parts.values()]
        out.append(f"| {ty} | {row[0]} | {row[1]} | {sum(row)} |")
    row = [sum(len(built[a["n"]]["timexes"]) for a in arts) for arts in parts.values()]
    out.append(f"| **all** | {row[0]} | {row[1]} | {sum(row)} |")
    out += ["", "| of which | dev (01-24) | held-out (25-36) | all |", "|---|---:|---:|---:|"]
    for label, pred in [("mod START", lambda t: t["mod"] == "START"), ("mod MID", lambda t: t["mod"] == "MID"),
                        ("mod END", lambda t: t["mod"] == "END"),
                        ("PAST_REF / PRESENT_REF / FUTURE_REF", lambda t: t["value"].endswith("_REF")),
                        ("in kicker or title", lambda t: t.get("line", 9) < 2)]:
        row = [sum(bool(pred(t)) for a in arts for t in built[a["n"]]["timexes"]) for arts in parts.values()]
        out.append(f"| {label} | {row[0]} | {row[1]} | {sum(row)} |")
    out += ["", "| NN | file | published | weekday | topic | lead + blocks | TIMEX3 |", "|---|---|---|---|---|---:|---:|"]
    for a in ARTICLES:
        b = built[a["n"]]
        wd = WD_NAMES[date.fromisoformat(a["dct"]).weekday()]
        out.append(f'| {a["n"]:02d} | `{stem(a)}` | {a["dct"]} | {wd} | {a["topic"]} | {len(b["lines"]) - 2} | {len(b["timexes"])} |')
    out += ["", COUNTS_END]
    return "\n".join(out)


def stem(a):
    return f'{a["n"]:02d}-{a["slug"]}'


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "--write"
    problems, cues = [], []
    nums = [a["n"] for a in ARTICLES]
    if nums != list(range(1, 37)):
        problems.append("articles not numbered 01..36")
    built = {a["n"]: build_article(a) for a in ARTICLES}
    for a in ARTICLES:
        check_article(a, built[a["n"]], problems)
        cues += untagged_cues(a, built[a["n"]])
    if mode == "--list":
        for a in ARTICLES:
            d0 = date.fromisoformat(a["dct"])
            print(f'== {stem(a)} {a["dct"]} {WD_SHORT_DE[d0.weekday()]} {iso_week(d0)}')
            for t in built[a["n"]]["timexes"]:
                v = t["value"]
                note = ""
                if re.match(r"^\d{4}-\d\d-\d\d", v):
                    d = date.fromisoformat(v[:10])
                    note = f'{WD_SHORT_DE[d.weekday()]} {(d - d0).days:+d}d'
                print(f'  {t["tid"]:>4} {t["type"]:<8} {v:<18} {t["mod"] or "":<5} {note:<10} {t["text"]}')
    for a in ARTICLES:
        for ext in ("txt", "tml"):
            path = HERE / f"{stem(a)}.{ext}"
            content = built[a["n"]][ext]
            if mode == "--write":
                path.write_text(content, encoding="utf-8")
            elif mode == "--check" and (not path.exists() or path.read_text(encoding="utf-8") != content):
                problems.append(f"{path.name} differs from articles.py (run build.py)")
    readme = HERE / "README.md"
    if readme.exists():
        text = readme.read_text(encoding="utf-8")
        i, j = text.find(COUNTS_START), text.find(COUNTS_END)
        if i < 0 or j < 0:
            problems.append("README.md lacks the counts markers")
        else:
            new = text[:i] + counts_block(built) + text[j + len(COUNTS_END):]
            if mode == "--write":
                readme.write_text(new, encoding="utf-8")
            elif mode == "--check" and new != text:
                problems.append("README.md counts differ (run build.py)")
    for c in cues:
        print("note:", c)
    for p in problems:
        print("PROBLEM:", p)
    total = sum(len(b["timexes"]) for b in built.values())
    print(f"{len(ARTICLES)} articles, {total} time expressions, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
