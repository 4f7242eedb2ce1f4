#!/usr/bin/env python3
"""Turn a gen_corpus.py corpus (corpus.json) into a stepdoc site.

The stepdoc site gets the same guides the Hugo, Zola and mdBook sites get: title, summary,
audience, prerequisites, numbered steps with notes, sub-lists and screenshots, and the values to
forward, in English (the source, guide.yaml) and Dutch, French and Finnish (Fluent files).
Quoted UI labels become bold, as in the peers' Markdown.

stdlib only. Usage: corpus_to_stepdoc.py CORPUS_DIR OUT_DIR
"""

import json
import os
import re
import shutil
import sys

LOCALES = ["en", "nl", "fr", "fi"]
QUOTED = re.compile(r'"([^"]+)"')


def inline(text):
    return QUOTED.sub(r"**\1**", text)


def ftl_value(text):
    """A Fluent pattern for `text` (one or more lines), escaping syntax at line starts."""
    lines = text.split("\n")
    out = []
    for line in lines:
        stripped = line.lstrip()
        if stripped[:1] in ("[", "*", "."):
            line = line[: len(line) - len(stripped)] + '{"' + stripped[0] + '"}' + stripped[1:]
        out.append(line.replace("{", '{"{"}') if False else line)
    if len(out) == 1:
        return " " + out[0]
    return "\n" + "\n".join("    " + l if l else "" for l in out)


def bullets(items):
    return "\n".join("- " + inline(b) for b in items)


def guide_yaml(g):
    en = g["locales"]["en"]
    steps = []
    for st in en["steps"]:
        step = {"id": "s%02d" % st["number"], "text": inline(st["text"])}
        if "note" in st:
            step[st["note"]["kind"]] = inline(st["note"]["text"])
        if "bullets" in st:
            step["details"] = bullets(st["bullets"])
        if "image" in st:
            step["image"] = "step-%02d.png" % st["number"]
            step["alt"] = inline(st["image"]["alt"])
        steps.append(step)
    doc = {
        "source_locale": "en",
        "title": en["title"],
        "summary": en["summary"],
        "audience": en["audience"],
        "product": "tessera",
        "partner": re.sub(r"[^a-z0-9]+", "-", g["vendor"].lower()).strip("-"),
        "prerequisites": [{"id": "p%d" % (i + 1), "text": p} for i, p in enumerate(en["prerequisites"])],
        "sections": [{"id": "steps", "title": "Steps", "steps": steps}],
        "collect": {
            "title": "Values to forward",
            "values": [
                {"id": "v%d" % (i + 1), "label": v["name"], "hint": v["description"]}
                for i, v in enumerate(en["values_to_forward"])
            ],
        },
    }
    return block_yaml(doc, "")


PLAIN = re.compile(r"^[A-Za-z0-9(][^\n]*$")
RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "~"}


def scalar(text, indent):
    """A YAML scalar as writers write it: plain when unambiguous, a literal block for
    multi-line text, else double-quoted (JSON string syntax is valid YAML)."""
    if "\n" in text:
        return "|-\n" + "\n".join((indent + line) if line else "" for line in text.split("\n"))
    plain = (
        PLAIN.match(text)
        and ": " not in text
        and " #" not in text
        and not text.endswith((" ", ":"))
        and text.lower() not in RESERVED
        and not re.match(r"^[0-9.+-]+$", text)
    )
    return text if plain else json.dumps(text, ensure_ascii=False)


def block_yaml(value, indent):
    """Block-style YAML (mappings and lists indented by two spaces), like the shipped guides."""
    out = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)):
                out.append("%s%s:\n%s" % (indent, key, block_yaml(item, indent + "  ")))
            else:
                out.append("%s%s: %s\n" % (indent, key, scalar(item, indent + "  ")))
    else:
        for item in value:
            if isinstance(item, dict):
                body = block_yaml(item, indent + "  ")
                out.append(indent + "- " + body[len(indent) + 2 :])
            else:
                out.append("%s- %s\n" % (indent, scalar(item, indent + "  ")))
    return "".join(out)


SECTION_TITLE = {"nl": "Stappen", "fr": "Étapes", "fi": "Vaiheet"}
VALUES_TITLE = {"nl": "Door te sturen waarden", "fr": "Valeurs à transmettre", "fi": "Välitettävät arvot"}


def translation_ftl(g, lang):
    loc = g["locales"][lang]
    out = ["title =" + ftl_value(loc["title"]), "summary =" + ftl_value(loc["summary"]),
           "audience =" + ftl_value(loc["audience"])]
    for i, p in enumerate(loc["prerequisites"]):
        out.append("prereq-p%d =%s" % (i + 1, ftl_value(p)))
    out.append("section-steps = " + SECTION_TITLE[lang])
    for st in loc["steps"]:
        entry = "step-s%02d =%s" % (st["number"], ftl_value(inline(st["text"])))
        if "note" in st:
            entry += "\n    .%s =%s" % (st["note"]["kind"], ftl_value(inline(st["note"]["text"])).replace("\n", "\n    "))
        if "bullets" in st:
            entry += "\n    .details =" + ftl_value(bullets(st["bullets"])).replace("\n", "\n    ")
        if "image" in st:
            entry += "\n    .alt =" + ftl_value(inline(st["image"]["alt"]))
        out.append(entry)
    out.append("collect = " + VALUES_TITLE[lang])
    source = g["locales"]["en"]["values_to_forward"]
    for i, v in enumerate(loc["values_to_forward"]):
        # Names such as "SSO URL" stay English in every language: say so, as a translator would.
        same = "# stepdoc: same-as-source\n" if v["name"] == source[i]["name"] else ""
        out.append("%svalue-v%d =%s\n    .hint =%s" % (same, i + 1, ftl_value(v["name"]), ftl_value(v["description"])))
    return "\n".join(out) + "\n"


def main():
    corpus_dir, out = sys.argv[1], sys.argv[2]
    with open(os.path.join(corpus_dir, "corpus.json"), encoding="utf-8") as f:
        corpus = json.load(f)
    guides = corpus["guides"] if isinstance(corpus, dict) else corpus
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    with open(os.path.join(out, "site.yaml"), "w", encoding="utf-8") as f:
        f.write("title:\n  en: Integration guides\n  nl: Integratiehandleidingen\n"
                "  fr: Guides d'intégration\n  fi: Integraatio-oppaat\n"
                "base_url: https://bench.example.org/\nlocales: [en, nl, fr, fi]\ndefault_locale: en\n")
    for lang in LOCALES:
        os.makedirs(os.path.join(out, "locales", lang))
        with open(os.path.join(out, "locales", lang, "terms.ftl"), "w", encoding="utf-8") as f:
            f.write("-tessera = Tessera\n")
    hugo_static = os.path.join(corpus_dir, "hugo", "static")
    for g in guides:
        gdir = os.path.join(out, "content", g["slug"])
        os.makedirs(gdir)
        with open(os.path.join(gdir, "guide.yaml"), "w", encoding="utf-8") as f:
            f.write(guide_yaml(g))
        for lang in LOCALES:
            for st in g["locales"][lang]["steps"]:
                if "image" in st:
                    src = os.path.join(hugo_static, st["image"]["src"])
                    dst_dir = os.path.join(gdir, "images", lang)
                    os.makedirs(dst_dir, exist_ok=True)
                    dst = os.path.join(dst_dir, "step-%02d.png" % st["number"])
                    if os.path.exists(src):
                        shutil.copyfile(src, dst)
            if lang != "en":
                with open(os.path.join(out, "locales", lang, g["slug"] + ".ftl"), "w", encoding="utf-8") as f:
                    f.write(translation_ftl(g, lang))


if __name__ == "__main__":
    main()
