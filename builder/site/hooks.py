"""mkdocs hooks: pages whose content is rendered from the data package.

Active only during ``python -m builder build`` (builder.site.build sets CURRENT);
their markdown is a placeholder, so there is nothing for markdown to parse.
"""

from __future__ import annotations

from mkdocs.structure.files import File

from builder.site import build, pages

_GENERATED = "@@GENERATED@@"
# Data pages need no sidebar or table of contents: the tabs lead everywhere, and pages stay light.
_SHELL = ('---\ntitle: "@@TITLE@@"\ndescription: "@@DESCRIPTION@@"\nextrahead: "@@HEAD@@"\n'
          "hide: [navigation, toc]\n---\n\n@@CONTENT@@\n")
_contents: dict[str, str] = {}
# Theme files the site never loads: the theme's search (off: builder/site/search.py replaces it) and source maps
# (for the theme's developers). Left out of the output, they would weigh 2.4 MB of the Pages artifact.
_UNUSED_THEME_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


def _unused(file: File) -> bool:
    return file.src_uri.startswith(_UNUSED_THEME_FILES) or file.src_uri.endswith(".map")


def on_config(config):
    """What the footer says (data date, keeper, where to report errors), from the data package."""
    if build.CURRENT is not None:
        config.extra["about"] = build.CURRENT.data.about()
    return config


def on_env(env, config, files):
    """The theme's templates compiled once, not on every build (``pages.compiled_templates``)."""
    env.bytecode_cache = env.bytecode_cache or pages.compiled_templates()
    return env


def on_files(files, config):
    current = build.CURRENT
    if current is None:
        return files
    for file in [f for f in files if _unused(f)]:
        files.remove(file)
    _contents.clear()
    for src, (title, html) in current.mkdocs_pages().items():
        _contents[src] = html
        files.append(File.generated(config, src, content=f'---\ntitle: "{title}"\n---\n\n{_GENERATED}\n'))
    for src in pages.SHELLS.values():
        files.append(File.generated(config, src, content=_SHELL))
    return files


def on_page_markdown(markdown, page, config, files):
    return _GENERATED if page.file.src_uri in _contents else markdown


def on_page_content(html, page, config, files):
    return _contents.get(page.file.src_uri, html)
