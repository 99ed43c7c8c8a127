"""mkdocs hooks: pages whose content is rendered from the data package.

Active only during ``python -m builder build`` (builder.site sets CURRENT);
their markdown is a placeholder, so there is nothing for markdown to parse.
"""

from __future__ import annotations

from mkdocs.structure.files import File

from builder import site

_GENERATED = "@@GENERATED@@"
# Data pages need no sidebar or table of contents: the tabs lead everywhere, and pages stay light.
_SHELL = ('---\ntitle: "@@TITLE@@"\ndescription: "@@DESCRIPTION@@"\nextrahead: "@@HEAD@@"\n'
          "hide: [navigation, toc]\n---\n\n@@CONTENT@@\n")
_contents: dict[str, str] = {}


def on_config(config):
    """What the footer says (data date, keeper, where to report errors), from the data package."""
    if site.CURRENT is not None:
        config.extra["about"] = site.CURRENT.data.about()
    return config


def on_files(files, config):
    pages = site.CURRENT
    if pages is None:
        return files
    _contents.clear()
    for src, (title, html) in pages.mkdocs_pages().items():
        _contents[src] = html
        files.append(File.generated(config, src, content=f'---\ntitle: "{title}"\n---\n\n{_GENERATED}\n'))
    for src in site.SHELLS.values():
        files.append(File.generated(config, src, content=_SHELL))
    return files


def on_page_markdown(markdown, page, config, files):
    return _GENERATED if page.file.src_uri in _contents else markdown


def on_page_content(html, page, config, files):
    return _contents.get(page.file.src_uri, html)
