#!/usr/bin/env python3
"""Generates the malformed-output corpus (malformed.jsonl) from templates and seeded variations.

Each line: {"id", "type", "category", "input", "expect"} for outputs that must parse to the value "expect", with
"repairs" naming repair kinds that must be reported; or {"id", "type", "category", "input", "reject"} for outputs
that must be refused with that reason. Hand-written tricky cases live in tricky.jsonl; this script only writes
malformed.jsonl. Run it from this folder: python3 generate.py (deterministic: seed 20261126).
"""
import json
import random

rng = random.Random(20261126)
WORDS = ["invoice", "refund", "login", "password", "prize", "winner", "meeting", "update", "offer", "account",
         "delivery", "urgent", "free", "discount", "server", "error", "crash", "renewal", "upgrade", "coupon"]
TEAMS = ["ops", "billing", "security", "legal"]
CATEGORIES = ["BILLING", "TECH_SUPPORT", "NOT_SPAM", "SPAM"]
PER_CATEGORY = 14


def words(n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def spam_verdict():
    return {"spam": rng.random() < 0.5, "confidence": round(rng.random(), 2),
            "category": rng.choice(CATEGORIES), "reasons": [words(rng.randint(1, 3)) for _ in range(rng.randint(1, 3))]}


def reply(with_newline=False):
    r = {"subject": words(3).capitalize(), "body": words(5) + ("\n" + words(3) if with_newline else "")}
    if rng.random() < 0.5:
        r["cc"] = rng.choice(WORDS) + "@example.com"
    r["priority"] = rng.randint(1, 5)
    return r


def ticket(with_newline=False):
    return {"id": "T-%04d" % rng.randint(0, 9999), "category": rng.choice(CATEGORIES),
            "tags": [rng.choice(WORDS) for _ in range(rng.randint(1, 3))],
            "scores": {rng.choice(WORDS): rng.randint(0, 100) for _ in range(rng.randint(1, 3))},
            "reply": reply(with_newline)}


def plan():
    actions = []
    for _ in range(rng.randint(1, 3)):
        k = rng.choice(["Reply", "Escalate", "Ignore"])
        if k == "Reply":
            actions.append({"type": "Reply", "text": words(4)})
        elif k == "Escalate":
            actions.append({"type": "Escalate", "team": rng.choice(TEAMS), "severity": rng.randint(1, 4)})
        else:
            actions.append({"type": "Ignore"})
    p = {"actions": actions}
    if rng.random() < 0.5:
        p["note"] = words(3)
    return p


MAKERS = {"SpamVerdict": spam_verdict, "Ticket": ticket, "Plan": plan}


def pick():
    t = rng.choice(list(MAKERS))
    return t, MAKERS[t]()


def dumps(v):
    return json.dumps(v, indent=rng.choice([None, 2]))


cases = []


def add(category, t, text, expect, repairs):
    cases.append({"id": "%s-%03d" % (category, sum(1 for c in cases if c["category"] == category) + 1),
                  "type": t, "category": category, "input": text, "expect": expect, "repairs": repairs})


def closers(text):
    """Positions of '}' and ']' that close a non-empty container."""
    out = []
    for i, c in enumerate(text):
        if c in "}]":
            j = i - 1
            while j >= 0 and text[j] in " \n":
                j -= 1
            if text[j] not in "{[":
                out.append(i)
    return out


for _ in range(PER_CATEGORY):
    t, v = pick()
    s = dumps(v)
    i = rng.choice(closers(s))
    add("trailing_comma", t, s[:i] + "," + s[i:], v, ["TRAILING_COMMA"])

    t, v = pick()
    add("single_quotes", t, dumps(v).replace('"', "'"), v, ["SINGLE_QUOTES"])

    t, v = pick()
    s = dumps(v)
    import re
    add("unquoted_keys", t, re.sub(r'"(\w+)":', r"\1:", s), v, ["UNQUOTED_KEY"])

    t, v = pick()
    s = json.dumps(v, indent=2)
    lines = s.split("\n")
    at = rng.randint(1, len(lines) - 1)
    style = rng.choice(["// the model's note", "# python style", "/* block\n comment */"])
    lines.insert(at, "  " + style)
    add("comments", t, "\n".join(lines), v, ["COMMENT"])

    t, v = "Ticket", ticket(with_newline=True)
    add("unescaped_newline", t, dumps(v).replace("\\n", "\n"), v, ["UNESCAPED_CONTROL"])

    v = spam_verdict()
    quoted = words(1) + ' said "' + words(1) + '" twice'
    v["reasons"][0] = quoted
    add("unescaped_quote", "SpamVerdict", dumps(v).replace('\\"', '"'), v, ["UNESCAPED_QUOTE"])

    v = spam_verdict()
    s = dumps(v).replace("true", "True").replace("false", "False")
    add("python_literals", "SpamVerdict", s, v, ["PYTHON_LITERAL"])

    v = plan()
    v.pop("note", None)
    s = dumps(dict(v, note=None))
    lit = rng.choice(["None", "undefined"])
    add("null_literals", "Plan", s.replace("null", lit), v,
        ["PYTHON_LITERAL" if lit == "None" else "JS_LITERAL"])

    t, v = pick()
    s = dumps(v).rstrip()
    cut = len(s)
    while cut > 0 and s[cut - 1] in "}] \n":
        cut -= 1
    add("truncated", t, s[:cut], v, ["TRUNCATED"])

    t, v = pick()
    intro = rng.choice(["Sure! Here is the JSON you asked for:\n", "Here's my answer: ", "Based on the e-mail, "])
    outro = rng.choice(["\nLet me know if you need anything else.", "", "\n\nI hope this helps!"])
    add("prose", t, intro + dumps(v) + outro, v, ["EXTRACTED_FROM_PROSE"])

    t, v = pick()
    lang = rng.choice(["json", "JSON", "", "javascript"])
    text = rng.choice(["", "Here you go:\n"]) + "```" + lang + "\n" + json.dumps(v, indent=2) + "\n```" + rng.choice(["", "\nDone."])
    add("fence", t, text, v, ["EXTRACTED_FROM_FENCE"])

    v = spam_verdict()
    w = dict(v, confidence=str(v["confidence"]))
    add("string_to_number", "SpamVerdict", dumps(w), v, ["STRING_TO_NUMBER"])

    v = spam_verdict()
    spelled = rng.choice([str.lower, str.title, lambda x: x.replace("_", " ").lower(), lambda x: x.replace("_", "-")])(v["category"])
    if spelled == v["category"]:
        spelled = spelled.lower() + "."
    add("enum_spelling", "SpamVerdict", dumps(dict(v, category=spelled)), v, ["ENUM_MATCH"])

    v = spam_verdict()
    v["reasons"] = [words(2)]
    add("single_to_list", "SpamVerdict", dumps(dict(v, reasons=v["reasons"][0])), v, ["SINGLE_TO_LIST"])

    t, v = pick()
    wrapper = rng.choice(["result", "data", "output", "response", "answer"])
    add("wrapped", t, dumps({wrapper: v}), v, ["UNWRAPPED"])

    v = spam_verdict()
    cased = {k.capitalize() if rng.random() < 0.7 else k.upper(): x for k, x in v.items()}
    add("key_spelling", "SpamVerdict", dumps(cased), v, ["KEY_MATCH"])

    t, v = pick()
    example = rng.choice(['{"example": true}', '[1, 2, 3]', '{"foo": "bar"}'])
    add("several_candidates", t, "For example " + example + " is not it. The answer:\n" + dumps(v), v,
        ["CHOSE_CANDIDATE"])

    t, v = pick()
    s = json.dumps(v, indent=2)
    # drop one comma that ends a line between two members
    idx = [m.start() for m in re.finditer(r",\n", s)]
    i = rng.choice(idx)
    add("missing_comma", t, s[:i] + s[i + 1:], v, ["MISSING_COMMA"])

    v = spam_verdict()
    add("string_to_boolean", "SpamVerdict",
        dumps(dict(v, spam=rng.choice(["yes", "Yes", "true"]) if v["spam"] else rng.choice(["no", "No", "false"]))), v,
        ["STRING_TO_BOOLEAN"])

    v = ticket()
    add("string_json", "Ticket", dumps(dict(v, reply=json.dumps(v["reply"]))), v, ["STRING_TO_JSON"])

    v = ticket()
    v["id"] = str(rng.randint(100, 99999))
    add("number_to_string", "Ticket", dumps(dict(v, id=int(v["id"]))), v, ["NUMBER_TO_STRING"])

    cat = rng.choice(CATEGORIES)
    phrase = cat.replace("_", " ").lower()
    sentence = rng.choice(["I would classify this as %s.", "Category: %s", "This one is clearly %s!", "%s"]) % phrase
    add("enum_from_prose", "Category", sentence, cat,
        ["ENUM_MATCH"] if sentence.lower().strip(".!") == phrase else ["ENUM_FROM_PROSE"])

    # several faults at once: a fenced, single-quoted, trailing-comma, python-literal answer in prose
    v = spam_verdict()
    s = dumps(dict(v, confidence=str(v["confidence"]))).replace('"', "'").replace("true", "True").replace("false", "False")
    i = rng.choice(closers(s))
    s = s[:i] + "," + s[i:]
    add("combined", "SpamVerdict", "Sure.\n```json\n" + s + "\n```", v,
        ["EXTRACTED_FROM_FENCE", "SINGLE_QUOTES", "TRAILING_COMMA", "PYTHON_LITERAL", "STRING_TO_NUMBER"])


def reject(category, t, text, reason):
    cases.append({"id": "%s-%03d" % (category, sum(1 for c in cases if c["category"] == category) + 1),
                  "type": t, "category": category, "input": text, "reject": reason})


for _ in range(3):
    reject("reject_no_value", "SpamVerdict", rng.choice(["I'm sorry, I can't help with that.", "", "   \n  ",
                                                           "The message looks fine to me."]), "NO_VALUE")
    v = spam_verdict()
    v.pop(rng.choice(list(v)))
    reject("reject_missing_field", "SpamVerdict", dumps(v), "INVALID")
    v = spam_verdict()
    reject("reject_bad_enum", "SpamVerdict", dumps(dict(v, category=rng.choice(["urgent", "phishing", "maybe"]))),
           "INVALID")
    v = spam_verdict()
    reject("reject_percent", "SpamVerdict", dumps(dict(v, confidence="%d%%" % rng.randint(1, 99))), "INVALID")
    a, b = spam_verdict(), spam_verdict()
    b["confidence"] = round(1 - a["confidence"], 2) if a["confidence"] != 0.5 else 0.1
    reject("reject_two_answers", "SpamVerdict", "First try: " + dumps(a) + "\nOr maybe: " + dumps(b), "AMBIGUOUS")
    c1, c2 = rng.sample(["billing", "spam", "tech support"], 2)
    reject("reject_enum_prose", "Category", "It could be %s or %s." % (c1, c2), "AMBIGUOUS")
    reject("reject_too_deep", "Plan", "[" * 500, "TOO_LARGE")
    v = plan()
    v["actions"] = [{"type": "Dance", "steps": 3}]
    reject("reject_unknown_variant", "Plan", dumps(v), "INVALID")

with open("malformed.jsonl", "w") as f:
    for c in cases:
        f.write(json.dumps(c) + "\n")
print(len(cases), "cases")
