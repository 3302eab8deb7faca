"""Update i18n/*.ts with pylupdate5, keeping the plugin's fixed translation context.

pylupdate5 files the plugin's free ``tr("...")`` and the core's
``QT_TR_NOOP("...")`` under the context ``@default``; at run time the plugin
translates them under ``snowleopard_plugin.i18n.CONTEXT``. This wrapper hands
pylupdate5 a copy of the .ts with that context named ``@default``, runs it
over the sources, and names the context back, so translations already made
are kept and new strings arrive as unfinished.

Strings that leave the sources stay in the .ts as obsolete, with their
translation; when they come back (a branch, a reverted change) pylupdate5
revives them as unfinished, and this script marks them finished again, since
the source text is identical to the one that was translated.

Usage: python3 scripts/update_ts.py i18n/snowleopard_plugin_ru.ts FILE...
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

CONTEXT = "SnowLeopard"


def rename_context(text: str, old: str, new: str) -> str:
    return re.sub(rf"(<context>\s*<name>){re.escape(old)}(</name>)", rf"\g<1>{new}\g<2>", text)


MESSAGE = re.compile(r"<message>.*?</message>", re.S)


def _source(block: str) -> str:
    found = re.search(r"<source>(.*?)</source>", block, re.S)
    return found.group(1) if found else ""


def revive(text: str, before: str) -> str:
    """Mark finished the revived translations of strings that were obsolete before this run."""
    obsolete = {_source(m) for m in MESSAGE.findall(before) if 'type="obsolete"' in m}

    def fix(match: re.Match) -> str:
        block = match.group(0)
        if _source(block) in obsolete and re.search(r'<translation type="unfinished">[^<]+</translation>', block):
            return block.replace('<translation type="unfinished">', "<translation>")
        return block

    return MESSAGE.sub(fix, text)


def main(argv: list) -> int:
    ts_path, sources = argv[0], argv[1:]
    pylupdate = shutil.which("pylupdate5")
    if pylupdate is None:
        sys.exit("pylupdate5 not found: run 'make deps' (Debian package pyqt5-dev-tools)")
    # the working copy sits beside the .ts, so pylupdate5 writes source locations relative to i18n/
    work = os.path.join(os.path.dirname(os.path.abspath(ts_path)), f".{os.path.basename(ts_path)}.work.ts")
    try:
        before = ""
        if os.path.exists(ts_path):
            with open(ts_path, encoding="utf-8") as handle:
                before = rename_context(handle.read(), CONTEXT, "@default")
            with open(work, "w", encoding="utf-8") as handle:
                handle.write(before)
        subprocess.run([pylupdate, *sources, "-ts", work], check=True)
        with open(work, encoding="utf-8") as handle:
            updated = revive(rename_context(handle.read(), "@default", CONTEXT), before)
    finally:
        if os.path.exists(work):
            os.remove(work)
    old = open(ts_path, encoding="utf-8").read() if os.path.exists(ts_path) else None
    if updated != old:
        with open(ts_path, "w", encoding="utf-8") as handle:
            handle.write(updated)
    unfinished = updated.count('type="unfinished"')
    obsolete = updated.count('type="obsolete"')
    print(f"{ts_path}: {updated.count('<message>') - obsolete} strings, {unfinished} untranslated, "
          f"{obsolete} obsolete kept")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
