"""What the bundle keeps. PyInstaller's PySide6 hooks collect every plugin of QtGui and every
translation, then every library those plugins link (GTK for the gtk3 theme, EGLFS, Kerberos...):
a naive build is ~190 MB where ~110 MB is needed.

The app loads QtCore, QtGui and QtWidgets (plus Qt's SVG plugins for its icon); no QML, Quick,
PDF, network, SQL, printing or virtual keyboard. Plugins are kept by allow-list (so a new Qt
release adding plugins does not grow the bundle unnoticed), Qt libraries only the dropped
plugins need are removed by name, and of Qt's translations only qtbase's for the app's own
languages stay.
On Linux, prune_unlinked() then drops every shared library that no longer kept extension
module or plugin links (ldd gives the closure). Plain functions over PyInstaller TOC tuples
(dest_name, src_name, typecode), used by the spec.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable

Toc = list[tuple[str, str, str]]

# plugin folder -> plugin base names kept (no "lib" prefix, no suffix); "*" keeps the folder.
KEEP_PLUGINS: dict[str, set[str]] = {
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qwindows", "qcocoa", "qdirect2d"},
    "platformthemes": {"qxdgdesktopportal"},  # not qgtk3: it would drag GTK into the bundle
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    "imageformats": {"qjpeg", "qwebp", "qgif", "qico", "qsvg"},
    "iconengines": {"qsvgicon"},
    "styles": {"*"},
    "xcbglintegrations": {"*"},
    "wayland-decoration-client": {"*"},
    "wayland-shell-integration": {"*"},
    "wayland-graphics-integration-client": {"qt-plugin-wayland-egl"},  # not the *-server ones
}

# Qt libraries (any platform's spelling) only reachable through what is dropped above.
DROP_QT_LIBS = re.compile(
    r"Qt6?(Quick|Qml|Pdf|VirtualKeyboard|Network|Designer|Help|Sql|Test|UiTools|Concurrent|"
    r"PrintSupport|OpenGLWidgets|Svg?Widgets|ShaderTools|LabsQmlModels|Multimedia|WebSockets|"
    r"Positioning|SerialPort|StateMachine|3D|Charts|DataVisualization|Graphs|Location)",
)

# Linux: libraries of the desktop itself (X11/xcb, xkbcommon, fontconfig/freetype, D-Bus and what
# they link). Every desktop has them (the README's system packages for Qt) and copies from the
# build machine tend to clash with the user's newer fontconfig or D-Bus; ~7 MB.
LINUX_SYSTEM_LIBS = re.compile(
    r"^lib(X11|X11-xcb|Xau|Xdmcp|Xext|Xrender|xcb(-[a-z-]+)?|xkbcommon(-x11)?|fontconfig|"
    r"freetype|expat|png16|brotli(common|dec)|bz2|uuid|dbus-1|systemd|gcrypt|gpg-error|lz4|cap|"
    r"bsd|md)\.so[.\d]*$",
)


def drop_linux_system_libs(toc: Iterable[tuple[str, str, str]]) -> Toc:
    """The TOC without top-level copies of the desktop's own libraries (vendored, renamed
    copies such as pillow.libs/libxcb-<hash>.so stay: their users link them by that name)."""
    return [e for e in toc if "/" in e[0].replace("\\", "/") or not LINUX_SYSTEM_LIBS.match(e[0])]


def _plugin_key(dest: str) -> tuple[str, str] | None:
    """('imageformats', 'qjpeg') for .../plugins/imageformats/libqjpeg.so, else None."""
    parts = dest.replace("\\", "/").split("/")
    if "plugins" not in parts[:-2]:
        return None
    folder, name = parts[-2], parts[-1]
    stem = name.split(".", 1)[0]
    if stem.startswith("lib"):
        stem = stem[3:]
    return folder, stem


def keep(dest: str, languages: Iterable[str] = ()) -> bool:
    """Whether one bundled file (its path inside the bundle) stays. Of Qt's translations only
    qtbase for the app's own languages stays (desktop/app/i18n.py loads qtbase_<lang>)."""
    path = dest.replace("\\", "/")
    name = path.rsplit("/", 1)[-1]
    if not path.startswith("PySide6"):
        return not (name.startswith(("libQt6", "Qt6")) and DROP_QT_LIBS.search(name))
    if "/translations/" in path:
        return name in {f"qtbase_{language}.qm" for language in languages}
    plugin = _plugin_key(path)
    if plugin is not None:
        folder, stem = plugin
        kept = KEEP_PLUGINS.get(folder, set())
        return "*" in kept or stem in kept
    return not DROP_QT_LIBS.search(name)


def trim(toc: Iterable[tuple[str, str, str]], languages: Iterable[str] = ()) -> Toc:
    """The TOC without the Qt parts the app never loads."""
    languages = tuple(languages)
    return [entry for entry in toc if keep(entry[0], languages)]


def _is_root(dest: str, typecode: str) -> bool:
    """What is loaded by itself rather than linked: Python extensions, plugins, libpython."""
    path = dest.replace("\\", "/")
    return (
        typecode == "EXTENSION"
        or "/plugins/" in path
        or path.rsplit("/", 1)[-1].startswith("libpython")
    )


def prune_unlinked(toc: Toc, imports: Callable[[str], Iterable[tuple[str, str | None]]]) -> Toc:
    """Drop shared libraries nothing kept links any more, and symlinks left pointing nowhere.

    `imports(path)` lists (name, resolved path) a binary links: PyInstaller's
    bindepend.get_imports. Iterates to a fixed point, so it does not rely on ldd's closure."""
    binaries = [e for e in toc if e[2] != "SYMLINK"]
    base = {e: os.path.basename(e[0]) for e in binaries}
    needed: set[str] = set()
    todo = [e for e in binaries if _is_root(e[0], e[2])]
    seen: set[str] = set()
    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for entry in binaries:
        by_name.setdefault(base[entry], []).append(entry)
        by_name.setdefault(os.path.basename(os.path.realpath(entry[1])), []).append(entry)
    while todo:
        entry = todo.pop()
        if entry[1] in seen:
            continue
        seen.add(entry[1])
        needed.add(base[entry])
        for name, path in imports(entry[1]):
            for candidate in {os.path.basename(name), os.path.basename(path or "")}:
                if candidate and candidate not in needed:
                    needed.add(candidate)
                    todo.extend(by_name.get(candidate, []))
    kept = [
        e
        for e in binaries
        if _is_root(e[0], e[2])
        or base[e] in needed
        or os.path.basename(os.path.realpath(e[1])) in needed
    ]
    kept_dests = {e[0].replace("\\", "/") for e in kept}
    for dest, target, typecode in toc:
        if typecode == "SYMLINK":  # target: from the bundle root or from the link's folder
            targets = {target, os.path.normpath(os.path.join(os.path.dirname(dest), target))}
            if any(t.replace("\\", "/") in kept_dests for t in targets):
                kept.append((dest, target, typecode))
    return kept
