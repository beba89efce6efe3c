#!/usr/bin/env python3
"""Generate the country gazetteers from CLDR territory names.

Usage: Scripts/generate-countries.py [--check]

Writes
  Gazetteers/countries.tsv           one COUNTRY entity per ISO 3166-1 alpha-2
                                     code (plus XK, Kosovo), id `country/<code>`;
  Gazetteers/country-adjectives.tsv  one COUNTRY_ADJ entity per country
                                     adjective (`руски`, `руската`, ...), id
                                     `country-adjective/<code>`.

With `--check` nothing is written; the exit status is 1 if either file
differs from what would be generated.

CLDR's data comes from Babel, pinned to one version (BABEL_VERSION) in a
private virtual environment, Scripts/.venv, which the script creates and fills
on first use and then re-executes itself in. The same inputs always give
byte-identical files.

Names, per country (see Gazetteers/README.md for the format):
- `name`: the Bulgarian CLDR name, or the form Bulgarian news uses where CLDR's
  differs (NAME_OVERRIDES), in dictionary form;
- `aliases`: the usable Bulgarian CLDR name (if not the name) and the
  hand-curated aliases of Scripts/data/country-aliases.tsv;
- a second line with the same id holds the English, Russian and Ukrainian CLDR
  names that differ from the Bulgarian ones, as `frozen` (Bulgarian article
  forms of foreign words are noise).
A CLDR name is left out when it is not what news writes: a qualifier in
parentheses or after a comma (`Конго (Киншаса)`, `Хонконг, САР на Китай`), an
article form, a two-letter Latin word, or a name given to two countries.
`wikidata` is set only for ids listed in WIKIDATA, which were checked by hand.
"""
import argparse
import csv
import os
import re
import subprocess
import sys
import unicodedata
import venv

BABEL_VERSION = "2.19.0"

SCRIPTS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(SCRIPTS)
VENV = os.path.join(SCRIPTS, ".venv")
ALIASES = os.path.join(SCRIPTS, "data", "country-aliases.tsv")
COUNTRIES_OUT = os.path.join(ROOT, "Gazetteers", "countries.tsv")
ADJECTIVES_OUT = os.path.join(ROOT, "Gazetteers", "country-adjectives.tsv")

# CLDR territory codes that are not ISO 3166-1 alpha-2 countries or
# territories. Numeric codes (001, 150, ...) are regions and are skipped
# anyway.
NOT_COUNTRIES = {
    "EU": "European Union",
    "EZ": "euro area",
    "UN": "United Nations",
    "QO": "Outlying Oceania (a region)",
    "XA": "pseudo-locale",
    "XB": "pseudo-locale",
    "ZZ": "unknown region",
    # ISO 3166-1 "exceptionally reserved" codes, parts of other countries:
    "AC": "Ascension Island (part of SH)",
    "CP": "Clipperton Island (part of France)",
    "CQ": "Sark (part of GG)",
    "DG": "Diego Garcia (part of IO)",
    "EA": "Ceuta and Melilla (part of Spain)",
    "IC": "Canary Islands (part of Spain)",
    "TA": "Tristan da Cunha (part of SH)",
}
# XK (Kosovo) is a user-assigned code, not part of ISO 3166-1, but CLDR,
# the EU and Bulgaria treat it as a country, and it is in the news.
EXPECTED_COUNT = 249 + 1

# The Bulgarian name where CLDR's is not the form news uses.
NAME_OVERRIDES = {
    "BN": "Бруней",  # CLDR: Бруней Даруссалам (kept as an alias)
    "CC": "Кокосови острови",  # CLDR: Кокосови острови (острови Кийлинг)
    "CD": "Демократична република Конго",  # CLDR: Конго (Киншаса)
    "CG": "Република Конго",  # CLDR: Конго (Бразавил)
    "GB": "Великобритания",  # CLDR: Обединеното кралство (an article form)
    "HK": "Хонконг",  # CLDR: Хонконг, САР на Китай
    "MM": "Мианмар",  # CLDR: Мианмар (Бирма)
    "MO": "Макао",  # CLDR: Макао, САР на Китай
    "PS": "Палестина",  # CLDR: Палестински територии (kept as an alias)
    "SH": "остров Света Елена",  # CLDR: Света Елена, also the saint and many churches
    "US": "Съединени американски щати",  # CLDR: Съединени щати (kept as an alias)
}
# Bulgarian CLDR names that must not be matched at all.
DROPPED_CLDR_NAMES = {
    "GB": "an article form; `Обединено кралство` is an alias",
    "SH": "the saint, churches and villages",
}
# Bulgarian names that are also common words. Each gets a line of its own
# with the flag `common-word`: matched only as written, capitalised, not at the
# start of a sentence and not in an all-caps line.
COMMON_WORDS = {
    "БиХ": "бих, 'I would' (БИХ in a headline)",
    "Бутан": "бутан, the gas",
}
# English CLDR names that are also common first names or other places.
DROPPED_ENGLISH_NAMES = {
    "Chad": "a first name",
    "Georgia": "the US state",
    "Jersey": "New Jersey",
    "Jordan": "a first name and surname",
}

# Wikidata ids, only where certain: sovereign states whose id was confirmed
# against an independent published mapping. Dependent territories, and states
# whose Wikidata item is ambiguous (PS: the state or the territories), have none.
WIKIDATA = {
    "AD": "Q228", "AE": "Q878", "AF": "Q889", "AL": "Q222", "AM": "Q399",
    "AR": "Q414", "AT": "Q40", "AU": "Q408", "AZ": "Q227", "BA": "Q225",
    "BD": "Q902", "BE": "Q31", "BG": "Q219", "BH": "Q398", "BO": "Q750",
    "BR": "Q155", "BY": "Q184", "CA": "Q16", "CH": "Q39", "CL": "Q298",
    "CN": "Q148", "CO": "Q739", "CU": "Q241", "CY": "Q229", "CZ": "Q213",
    "DE": "Q183", "DK": "Q35", "DZ": "Q262", "EC": "Q736", "EE": "Q191",
    "EG": "Q79", "ES": "Q29", "ET": "Q115", "FI": "Q33", "FR": "Q142",
    "GB": "Q145", "GE": "Q230", "GH": "Q117", "GR": "Q41", "HR": "Q224",
    "HU": "Q28", "ID": "Q252", "IE": "Q27", "IL": "Q801", "IN": "Q668",
    "IQ": "Q796", "IR": "Q794", "IS": "Q189", "IT": "Q38", "JO": "Q810",
    "JP": "Q17", "KE": "Q114", "KG": "Q813", "KP": "Q423", "KR": "Q884",
    "KW": "Q817", "KZ": "Q232", "LB": "Q822", "LI": "Q347", "LK": "Q854",
    "LT": "Q37", "LU": "Q32", "LV": "Q211", "LY": "Q1016", "MA": "Q1028",
    "MC": "Q235", "MD": "Q217", "ME": "Q236", "MK": "Q221", "MM": "Q836",
    "MN": "Q711", "MT": "Q233", "MX": "Q96", "MY": "Q833", "NG": "Q1033",
    "NL": "Q55", "NO": "Q20", "NP": "Q837", "NZ": "Q664", "OM": "Q842",
    "PE": "Q419", "PH": "Q928", "PK": "Q843", "PL": "Q36", "PT": "Q45",
    "PY": "Q733", "QA": "Q846", "RO": "Q218", "RS": "Q403", "RU": "Q159",
    "SA": "Q851", "SD": "Q1049", "SE": "Q34", "SG": "Q334", "SI": "Q215",
    "SK": "Q214", "SM": "Q238", "SO": "Q1045", "SS": "Q958", "SY": "Q858",
    "TH": "Q869", "TJ": "Q863", "TM": "Q874", "TN": "Q948", "TR": "Q43",
    "TW": "Q865", "UA": "Q212", "US": "Q30", "UY": "Q77", "UZ": "Q265",
    "VA": "Q237", "VE": "Q717", "VN": "Q881", "XK": "Q1246", "YE": "Q805",
    "ZA": "Q258",
}

# Country adjectives, masculine singular (dictionary) form; every other form
# is derived (see adjective_forms). Only adjectives that name that country
# and nothing else in news. Left out on purpose:
# - `полски` (Poland): also "of the field" (`полските работи`, `полски
#   култури`), frequent in farming news;
# - `македонски`: the region, history and `Александър Македонски`; the
#   country is `северномакедонски`;
# - `корейски`, `конгоански`, `гвинейски`: two or more countries;
# - `английски`, `шотландски`: parts of the UK, and a language;
# - `арабски`, `персийски`, `емирски`: no single country.
ADJECTIVES = {
    "AF": ["афганистански", "афгански"],
    "AL": ["албански"],
    "AM": ["арменски"],
    "AR": ["аржентински"],
    "AT": ["австрийски"],
    "AU": ["австралийски"],
    "AZ": ["азербайджански"],
    "BA": ["босненски"],
    "BE": ["белгийски"],
    "BG": ["български"],
    "BR": ["бразилски"],
    "BY": ["беларуски", "белоруски"],
    "CA": ["канадски"],
    "CH": ["швейцарски"],
    "CL": ["чилийски"],
    "CN": ["китайски"],
    "CO": ["колумбийски"],
    "CU": ["кубински"],
    "CY": ["кипърски"],
    "CZ": ["чешки"],
    "DE": ["германски", "немски"],
    "DK": ["датски"],
    "DZ": ["алжирски"],
    "EE": ["естонски"],
    "EG": ["египетски"],
    "ES": ["испански"],
    "ET": ["етиопски"],
    "FI": ["финландски", "фински"],
    "FR": ["френски"],
    "GB": ["британски"],
    "GE": ["грузински"],
    "GR": ["гръцки"],
    "HR": ["хърватски"],
    "HU": ["унгарски"],
    "ID": ["индонезийски"],
    "IE": ["ирландски"],
    "IL": ["израелски"],
    "IN": ["индийски"],
    "IQ": ["иракски"],
    "IR": ["ирански"],
    "IS": ["исландски"],
    "IT": ["италиански"],
    "JO": ["йордански"],
    "JP": ["японски"],
    "KP": ["севернокорейски"],
    "KR": ["южнокорейски"],
    "KW": ["кувейтски"],
    "KZ": ["казахстански"],
    "LB": ["ливански"],
    "LT": ["литовски"],
    "LU": ["люксембургски"],
    "LV": ["латвийски"],
    "LY": ["либийски"],
    "MA": ["марокански"],
    "MD": ["молдовски"],
    "ME": ["черногорски"],
    "MK": ["северномакедонски"],
    "MT": ["малтийски"],
    "MX": ["мексикански"],
    "NG": ["нигерийски"],
    "NL": ["нидерландски", "холандски"],
    "NO": ["норвежки"],
    "NZ": ["новозеландски"],
    "PK": ["пакистански"],
    "PS": ["палестински"],
    "PT": ["португалски"],
    "QA": ["катарски"],
    "RO": ["румънски"],
    "RS": ["сръбски"],
    "RU": ["руски"],
    "SA": ["саудитски"],
    "SD": ["судански"],
    "SE": ["шведски"],
    "SI": ["словенски"],
    "SK": ["словашки"],
    "SY": ["сирийски"],
    "TN": ["тунизийски"],
    "TR": ["турски"],
    "TW": ["тайвански"],
    "UA": ["украински"],
    "US": ["американски"],
    "VE": ["венецуелски"],
    "VN": ["виетнамски"],
    "XK": ["косовски"],
    "YE": ["йеменски"],
    "ZA": ["южноафрикански"],
}


def ensure_venv():
    """Re-executes this script in Scripts/.venv with the pinned Babel."""
    python = os.path.join(VENV, "bin", "python")
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if not os.path.exists(python):
        print(f"creating {os.path.relpath(VENV, ROOT)}", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    probe = subprocess.run(
        [python, "-c", "import babel; print(babel.__version__)"],
        capture_output=True, text=True)
    if probe.returncode != 0 or probe.stdout.strip() != BABEL_VERSION:
        subprocess.run(
            [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             f"babel=={BABEL_VERSION}"],
            check=True)
    os.execv(python, [python, os.path.abspath(__file__), *sys.argv[1:]])


def key(name):
    """The token sequence the matcher sees: lowercased runs of letters or digits."""
    text = unicodedata.normalize("NFC", name).lower()
    return tuple(re.findall(r"[^\W\d_]+|\d+", text))


def clean_foreign(name, language):
    """A usable form of a non-Bulgarian CLDR name, or None."""
    if language == "ru":
        name = re.sub(r"\bо-ва\b", "острова", name)
        name = re.sub(r"\bо-в\b", "остров", name)
        name = re.sub(r"\bСв\. ", "Святой ", name)
    if language == "en":
        name = name.replace(" & ", " and ").replace("St. ", "Saint ")
        name = name.removesuffix(" SAR China")  # `Hong Kong SAR China`
        if name in DROPPED_ENGLISH_NAMES:
            return None
    return name if usable(name) else None


def usable(name):
    if any(mark in name for mark in "(),"):
        return False
    if re.search(r"\s[-–]\s", name):  # `Конго - Киншаса`
        return False
    letters = [c for c in name if c.isalpha()]
    if len(letters) <= 2 and all(c.isascii() for c in letters):
        return False
    return True


def read_aliases():
    aliases = {}
    with open(ALIASES, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    if rows[0] != ["iso", "aliases"]:
        sys.exit(f"{ALIASES}: expected the header 'iso<TAB>aliases', found {rows[0]}")
    for row in rows[1:]:
        if len(row) != 2:
            sys.exit(f"{ALIASES}: expected 2 fields, found {row}")
        code = row[0].strip().upper()
        if code in aliases:
            sys.exit(f"{ALIASES}: {code} is listed twice")
        aliases[code] = [alias.strip() for alias in row[1].split("|") if alias.strip()]
        for alias in aliases[code]:
            if not usable(alias):
                sys.exit(f"{ALIASES}: {code}: alias '{alias}' is not usable")
    return aliases


def country_codes(bulgarian):
    codes = sorted(
        code for code in bulgarian
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES)
    if len(codes) != EXPECTED_COUNT:
        sys.exit(f"expected {EXPECTED_COUNT} countries in CLDR, found {len(codes)}; review NOT_COUNTRIES")
    return codes


def build_countries(locales, curated):
    """Returns {code: (name, [Bulgarian aliases], [foreign names])}."""
    bulgarian = locales["bg"]
    codes = country_codes(bulgarian)
    for table in (NAME_OVERRIDES, DROPPED_CLDR_NAMES, WIKIDATA, ADJECTIVES, curated):
        for code in table:
            if code not in codes:
                sys.exit(f"{code} is not a country code in CLDR {locales['version']}")
    countries = {}
    for code in codes:
        cldr = bulgarian[code]
        name = NAME_OVERRIDES.get(code, cldr)
        native = []
        if code not in DROPPED_CLDR_NAMES and usable(cldr):
            native.append(cldr)
        elif code not in NAME_OVERRIDES:
            sys.exit(f"{code}: the CLDR name '{cldr}' is unusable and has no override")
        native += curated.get(code, [])
        foreign = []
        for language in ("en", "ru", "uk"):
            cleaned = clean_foreign(locales[language].get(code, ""), language)
            if cleaned:
                foreign.append(cleaned)
        countries[code] = (name, native, foreign)

    # A name of two countries is dropped from both if it is foreign; a
    # Bulgarian one is an error in the curated data.
    owners = {}
    for code, (name, native, foreign) in countries.items():
        for text in {key(n) for n in [name, *native, *foreign]}:
            owners.setdefault(text, set()).add(code)
    shared = {text: sorted(codes) for text, codes in owners.items() if len(codes) > 1}
    result = {}
    for code, (name, native, foreign) in countries.items():
        for text in [name, *native]:
            if key(text) in shared:
                sys.exit(f"{code}: '{text}' is also a name of {', '.join(shared[key(text)])}")
        seen = {key(name)}
        kept_native, kept_foreign = [], []
        for text in native:
            if key(text) not in seen:
                seen.add(key(text))
                kept_native.append(text)
        for text in foreign:
            if key(text) in shared:
                print(f"note: dropping '{text}', a name of {', '.join(shared[key(text)])}",
                      file=sys.stderr)
            elif key(text) not in seen:
                seen.add(key(text))
                kept_foreign.append(text)
        result[code] = (name, kept_native, kept_foreign)
    return result


def adjective_forms(masculine):
    """All forms of a regular adjective in -и: `руски` -> руска, руско, руския, ..."""
    if not masculine.endswith("и"):
        sys.exit(f"adjective '{masculine}' does not end in -и")
    stem = masculine[:-1]
    return [masculine] + [stem + ending for ending in ("а", "о", "ия", "ият", "ата", "ото", "ите")]


def header(what, source):
    return [
        f"# {what} Format: Gazetteers/README.md.",
        f"# GENERATED by Scripts/generate-countries.py {source}.",
        "# Do not edit by hand: change the script or its data and run it again.",
    ]


def render_countries(locales, countries):
    lines = header(
        "Countries and territories: every ISO 3166-1 alpha-2 code, plus XK (Kosovo).",
        f"from CLDR {locales['version']} territory names (Babel {BABEL_VERSION})"
        " and Scripts/data/country-aliases.tsv")
    lines += [
        "# Lines of one id merge: names flagged common-word get a line of their own, and the",
        "# last (frozen) line holds the English, Russian and Ukrainian CLDR names.",
        "\t".join(["id", "label", "name", "aliases", "kind", "flags", "iso", "wikidata"]),
    ]
    for code in sorted(countries, key=lambda c: f"country/{c.lower()}"):
        name, native, foreign = countries[code]
        entity = f"country/{code.lower()}"
        plain = [text for text in [name, *native] if text not in COMMON_WORDS]
        common = [text for text in [name, *native] if text in COMMON_WORDS]
        # The first line carries the attributes, and the canonical name first.
        first = [name, *[text for text in plain if text != name]] if name in plain else plain
        if name in common:
            lines.append("\t".join(
                [entity, "COUNTRY", name, "", "", "common-word", code, WIKIDATA.get(code, "")]))
            common.remove(name)
            if first:
                lines.append("\t".join(
                    [entity, "COUNTRY", first[0], "|".join(first[1:]), "", "", "", ""]))
        else:
            lines.append("\t".join(
                [entity, "COUNTRY", first[0], "|".join(first[1:]), "", "", code,
                 WIKIDATA.get(code, "")]))
        for text in common:
            lines.append("\t".join([entity, "COUNTRY", text, "", "", "common-word", "", ""]))
        if foreign:
            lines.append("\t".join(
                [entity, "COUNTRY", foreign[0], "|".join(foreign[1:]), "frozen", "", "", ""]))
    return "\n".join(lines) + "\n"


def render_adjectives():
    lines = header(
        "Adjectives of countries (`руската`, `американските`), label COUNTRY_ADJ;"
        " `country` is the country's id.",
        "from its ADJECTIVES list (every gender, number and article form)")
    lines.append("\t".join(["id", "label", "name", "aliases", "kind", "flags", "country"]))
    seen = {}
    for code in sorted(ADJECTIVES, key=lambda c: f"country-adjective/{c.lower()}"):
        forms = []
        for masculine in ADJECTIVES[code]:
            forms += adjective_forms(masculine)
        for form in forms:
            if form in seen:
                sys.exit(f"adjective form '{form}' of {code} is also one of {seen[form]}")
            seen[form] = code
        lines.append("\t".join([
            f"country-adjective/{code.lower()}", "COUNTRY_ADJ", forms[0], "|".join(forms[1:]),
            "frozen", "", f"country/{code.lower()}"]))
    return "\n".join(lines) + "\n"


def load_locales():
    import babel
    from babel import Locale
    from babel.core import get_global

    if babel.__version__ != BABEL_VERSION:
        sys.exit(f"Babel {babel.__version__} is installed, expected {BABEL_VERSION}")
    locales = {language: dict(Locale(language).territories) for language in ("bg", "en", "ru", "uk")}
    locales["version"] = get_global("cldr")["version"]
    return locales


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true",
                        help="write nothing; fail if the files are not up to date")
    args = parser.parse_args()
    ensure_venv()

    locales = load_locales()
    countries = build_countries(locales, read_aliases())
    outputs = {
        COUNTRIES_OUT: render_countries(locales, countries),
        ADJECTIVES_OUT: render_adjectives(),
    }
    stale = []
    for path, text in outputs.items():
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                current = handle.read()
        except FileNotFoundError:
            current = None
        if current == text:
            continue
        if args.check:
            stale.append(os.path.relpath(path, ROOT))
        else:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            print(f"wrote {os.path.relpath(path, ROOT)}", file=sys.stderr)
    if stale:
        print(f"out of date: {', '.join(stale)}; run Scripts/generate-countries.py",
              file=sys.stderr)
        return 1
    print(f"{len(countries)} countries, {len(ADJECTIVES)} country adjectives", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
