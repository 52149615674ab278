#!/usr/bin/env python3
"""Apply French typography to a questionnaire file in place, inside quoted strings only:
a narrow no-break space (U+202F) before ? ! ; and a no-break space (U+00A0) before : and
inside « guillemets ». Idempotent. Usage: scripts/french-typography.py FILE..."""
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
    # Only French values: keys ending in `.fr = "..."` or `fr = "..."`.
    match = re.match(r'^(\s*(?:[\w.]+\.)?fr\s*=\s*)(".*")\s*$', line)
    if not match:
        return line
    return match.group(1) + fix(match.group(2)) + "\n"


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as handle:
        lines = handle.readlines()
    with open(path, "w", encoding="utf-8") as handle:
        handle.writelines(process(line) for line in lines)
