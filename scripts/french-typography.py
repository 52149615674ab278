#!/usr/bin/env python3
"""Apply French typography in place: a narrow no-break space (U+202F) before ? ! ; and a
no-break space (U+00A0) before : and inside « guillemets ». In a TOML questionnaire or case,
only French values change: one-line ones (`xxx.fr = "..."`) and multi-line literal ones
(`fr = '''` up to the closing `'''`, the text of a case); in a JSON catalogue (fr.json), every
string value. Idempotent. Usage: scripts/french-typography.py FILE..."""
import json
import re
import sys

NNBSP, NBSP = "\u202f", "\u00a0"


def fix(text: str) -> str:
    text = re.sub(r"[ \u00a0\u202f]*([?!;])", lambda m: NNBSP + m.group(1), text)
    text = re.sub(r"(?<=\S)[ \u00a0\u202f]*:(?=\s)", NBSP + ":", text)
    text = re.sub(r"«[ \u00a0\u202f]*", "«" + NBSP, text)
    text = re.sub(r"[ \u00a0\u202f]*»", NBSP + "»", text)
    return text


def process(line: str) -> str:
    # Only French values: keys ending in `.fr = "..."` or `fr = "..."`, and `source` (the
    # sources are cited in French).
    match = re.match(r'^(\s*(?:(?:[\w.]+\.)?fr|source)\s*=\s*)(".*")\s*$', line)
    if not match:
        return line
    return match.group(1) + fix(match.group(2)) + "\n"


def fix_json(value):
    if isinstance(value, dict):
        return {key: fix_json(item) for key, item in value.items()}
    if isinstance(value, str):
        # ICU placeholders such as {count, plural, ...} keep their ASCII syntax.
        return fix(value)
    return value


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as handle:
        if path.endswith(".json"):
            data = fix_json(json.load(handle))
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        else:
            lines, in_french_block = [], False
            for line in handle.readlines():
                if in_french_block:
                    in_french_block = line.strip() != "'''"
                    lines.append(fix(line) if in_french_block else line)
                else:
                    in_french_block = re.match(r"^\s*(?:[\w.]+\.)?fr\s*=\s*'''\s*$", line) is not None
                    lines.append(process(line))
            text = "".join(lines)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
