#!/usr/bin/env python3
"""Writes a man(7) page for an executable from its swift-argument-parser definitions.

Usage: scripts/manpage.py EXECUTABLE SECTION > page.1

The page is generated, never written by hand: the executable's own `--experimental-dump-help`
JSON (swift-argument-parser's ToolInfo) gives the name, abstract, discussion, every flag with its
value name and help, and the subcommands. Output depends only on that JSON (no date, no host), so
two builds of the same sources give the same page.
"""
import json
import subprocess
import sys


def escape(text):
    """Roff-escapes text for a body line: backslashes, and a leading '.' or "'" (control lines)."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    lines = []
    for line in text.split("\n"):
        if line.startswith(".") or line.startswith("'"):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def flag_names(argument):
    names = []
    for name in argument.get("names") or []:
        prefix = "--" if name["kind"] == "long" else "-"
        names.append(prefix + name["name"])
    return names


def synopsis_item(argument):
    value = argument.get("valueName") or "value"
    if argument["kind"] == "positional":
        text = "<%s>" % value + ("..." if argument.get("isRepeating") else "")
    else:
        preferred = argument.get("preferredName") or (argument.get("names") or [{}])[0]
        prefix = "--" if preferred.get("kind") == "long" else "-"
        text = prefix + preferred.get("name", "")
        if argument["kind"] == "option":
            text += " <%s>" % value
            if argument.get("parsingStrategy") == "allRemainingInput":
                text += "..."
    return "[%s]" % text if argument.get("isOptional", True) else text


def visible(arguments):
    return [a for a in arguments or [] if a.get("shouldDisplay", True)]


def paragraphs(text):
    """Discussion text: blank lines separate paragraphs; indented lines are kept as written."""
    out = []
    for block in text.strip("\n").split("\n\n"):
        lines = block.split("\n")
        if any(line.startswith(" ") for line in lines):
            head = [line for line in lines if not line.startswith(" ")]
            body = [line for line in lines if line.startswith(" ")]
            if head and lines[0] == head[0]:
                out.append(".PP\n" + escape(" ".join(head)))
                out.append(".nf\n" + escape("\n".join(body)) + "\n.fi")
            else:
                out.append(".PP\n.nf\n" + escape(block) + "\n.fi")
        else:
            out.append(".PP\n" + escape(" ".join(lines)))
    return out


def options_section(arguments, heading):
    out = []
    shown = visible(arguments)
    if not shown:
        return out
    out.append(".SH " + heading)
    for argument in shown:
        if argument["kind"] == "positional":
            label = "<%s>" % (argument.get("valueName") or "value")
        else:
            label = ", ".join(flag_names(argument))
            if argument["kind"] == "option":
                label += " <%s>" % (argument.get("valueName") or "value")
        out.append(".TP\n\\fB" + escape(label) + "\\fR")
        help_text = argument.get("abstract") or ""
        if argument.get("defaultValue") and argument["kind"] != "flag":
            help_text += " (default: %s)" % argument["defaultValue"]
        out.append(escape(help_text))
        if argument.get("discussion"):
            out.append(".IP\n" + escape(argument["discussion"]))
    return out


def page(info, section):
    command = info["command"]
    name = command["commandName"]
    # No hyphenation and a ragged right margin: flag names and paths must stay whole.
    out = ['.TH "%s" "%s" "" "lunacm-sim" "User Commands"' % (name.upper(), section), ".nh", ".ad l"]
    out.append(".SH NAME")
    out.append(escape("%s - %s" % (name, command.get("abstract") or "")))
    out.append(".SH SYNOPSIS")
    subcommands = [c for c in command.get("subcommands") or [] if c.get("shouldDisplay", True)
                   and c["commandName"] != "help"]
    if subcommands:
        out.append("\\fB%s\\fR <subcommand> [<options>]" % escape(name))
    items = [synopsis_item(a) for a in visible(command.get("arguments"))
             if not (a["kind"] == "flag" and {n["name"] for n in a.get("names") or []} & {"help", "version"})]
    if items or not subcommands:
        out.append(".br\n" if subcommands else "")
        out.append("\\fB%s\\fR %s" % (escape(name), escape(" ".join(items))))
    out.append(".SH DESCRIPTION")
    if command.get("discussion"):
        out.extend(paragraphs(command["discussion"]))
    else:
        out.append(escape(command.get("abstract") or ""))
    out.extend(options_section(command.get("arguments"), "OPTIONS"))
    if subcommands:
        out.append(".SH SUBCOMMANDS")
        for sub in subcommands:
            args = [synopsis_item(a) for a in visible(sub.get("arguments"))
                    if not (a["kind"] == "flag" and {n["name"] for n in a.get("names") or []} & {"help", "version"})]
            out.append(".TP\n\\fB%s %s\\fR %s" % (escape(name), escape(sub["commandName"]), escape(" ".join(args))))
            out.append(escape(sub.get("abstract") or ""))
            for argument in visible(sub.get("arguments")):
                if argument["kind"] == "flag" and {n["name"] for n in argument.get("names") or []} & {"help", "version"}:
                    continue
                label = ", ".join(flag_names(argument)) or "<%s>" % argument.get("valueName")
                if argument["kind"] == "option":
                    label += " <%s>" % (argument.get("valueName") or "value")
                out.append(".RS\n.TP\n\\fB%s\\fR\n%s\n.RE" % (escape(label), escape(argument.get("abstract") or "")))
    out.append(".SH SEE ALSO")
    out.append("%s \\-\\-help; the README of lunacm\\-sim." % escape(name))
    return "\n".join(line for line in out if line != "") + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: manpage.py EXECUTABLE SECTION")
    dump = subprocess.run([sys.argv[1], "--experimental-dump-help"], check=True,
                          capture_output=True, text=True).stdout
    sys.stdout.write(page(json.loads(dump), sys.argv[2]))


if __name__ == "__main__":
    main()
