"""Live preview: edits rebuild quickly, open tabs reload, failures show on the last good site."""

from __future__ import annotations

import http.client
import json
import re
import shutil
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from generator.pipeline import build
from generator.preview.incremental import IncrementalBuilder
from generator.preview.server import Preview, start_in_thread

ROOT = Path(__file__).resolve().parent.parent
SIGNAL_BOUND_S = 3.0  # edit saved -> reload event received (polling + rebuild)


class Events:
    """A Server-Sent Events client reading `event: version` messages."""

    def __init__(self, url: str):
        self.stream = urllib.request.urlopen(url + "__preview/events", timeout=SIGNAL_BOUND_S)

    def next_version(self) -> str:
        event = None
        while True:
            line = self.stream.readline().decode("utf-8").rstrip("\n")
            if line.startswith("event: "):
                event = line[len("event: "):]
            elif line.startswith("data: ") and event == "version":
                return line[len("data: "):]

    def close(self):
        self.stream.close()


def get(url: str) -> tuple[str, str]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8"), response.headers["Content-Type"]


@pytest.fixture
def site_src(tmp_path) -> Path:
    """A private copy of the templates, styles and scripts that a test may break."""
    target = tmp_path / "site_src"
    for folder in ("templates", "css", "js"):
        shutil.copytree(ROOT / "site_src" / folder, target / folder)
    return target


@pytest.fixture
def preview(content_copy, site_src, tmp_path):
    log: list[str] = []
    running = Preview(
        content_copy, tmp_path / "out", src=site_src, interval=0.05, log=log.append, quiet=True, runtime=False
    )
    running.url = running.start()
    running.lines = log
    yield running
    running.stop()


def wait_for_log(preview, text: str) -> str:
    deadline = time.monotonic() + SIGNAL_BOUND_S
    while time.monotonic() < deadline:
        found = [line for line in preview.lines if text in line]
        if found:
            return found[-1]
        time.sleep(0.02)
    raise AssertionError(f"no log line with {text!r} in {preview.lines}")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_edited_cycle_file_is_rebuilt_and_the_tab_told_to_reload(preview, content_copy):
    events = Events(preview.url)
    first = events.next_version()
    page, _ = get(preview.url + "2024/aemt/index.html")
    assert f'<script type="module" src="/__preview/reload.js" data-version="{first}"></script>' in page

    started = time.perf_counter()
    edit(content_copy / "2024/aemt.yaml", "amount: 26", "amount: 27")
    second = events.next_version()
    waited = time.perf_counter() - started
    events.close()

    assert second != first and waited < SIGNAL_BOUND_S
    assert "<strong class=\"money\">$27</strong>" in (preview.out_dir / "2024/aemt/index.html").read_text(encoding="utf-8")
    line = next(l for l in preview.lines if "aemt.yaml changed" in l)
    assert re.search(r"rebuilt 2024/aemt in \d+ ms, \d+ file\(s\) written", line), line


def test_one_cycle_rebuild_renders_only_its_pages_and_site_pages(content_copy, tmp_path):
    builder = IncrementalBuilder(content_copy, tmp_path / "out")
    builder.full()
    source = content_copy / "2024/aemt.yaml"
    for amount in (27, 28):
        edit(source, f"amount: {amount - 1}", f"amount: {amount}")
        result = builder.rebuild({source})
        assert result.what == "2024/aemt"
        assert "2024/aemt/index.html" in result.written
        assert not [f for f in result.written if f.startswith("2018/")], result.written


def test_incremental_rebuild_writes_what_a_full_build_writes(content_copy, tmp_path):
    content = content_copy
    builder = IncrementalBuilder(content, tmp_path / "preview", runtime=False)
    builder.full()
    # 2022's fee appears on its own page, in 2024's "What changed" and on the compare page
    edit(content / "2022/paramedic.yaml", "amount: 25\n", "amount: 27\n")
    result = builder.rebuild({content / "2022/paramedic.yaml"})
    assert result.what == "2022/paramedic"
    assert {"2022/paramedic/index.html", "2024/paramedic/index.html", "compare/index.html"} <= set(result.written)
    build(content, tmp_path / "full", runtime=False)

    def tree(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    preview, full = tree(tmp_path / "preview"), tree(tmp_path / "full")
    # The build adds .br/.gz copies for the host (and lists them in the writer's
    # manifest); the preview server needs none.
    def without_copies(names):
        return [name for name in names if not name.endswith((".br", ".gz"))]

    manifest = ".generator-manifest.json"
    assert json.loads(preview.pop(manifest)) == without_copies(json.loads(full.pop(manifest)))
    full = {name: full[name] for name in without_copies(full)}
    assert preview.keys() == full.keys()
    assert [name for name in full if preview[name] != full[name]] == []


def test_broken_file_shows_its_error_over_the_last_good_site(preview, content_copy):
    events = Events(preview.url)
    events.next_version()
    cycle_file = content_copy / "2024/aemt.yaml"
    edit(cycle_file, "total_hours: 50", "total_hours: fifty")
    events.next_version()

    page, content_type = get(preview.url + "2024/aemt/")
    assert content_type == "text/html; charset=utf-8"
    assert '<aside class="preview-error" role="alert"' in page
    line = next(n for n, text in enumerate(cycle_file.read_text().splitlines(), 1) if "total_hours: fifty" in text)
    assert re.search(rf"content/2024/aemt\.yaml:{line}:\d+: error: ce\.total_hours: expected a number of hours", page)
    assert "Continuing education hours: 50 in total" in page  # the last good page is still there
    assert "build FAILED; still serving the last good site" in "\n".join(preview.lines)
    other, _ = get(preview.url + "2018/paramedic/index.html")
    assert "preview-error" in other  # every page shows the problem

    edit(cycle_file, "total_hours: fifty", "total_hours: 50")
    events.next_version()
    events.close()
    assert "preview-error" not in get(preview.url + "2024/aemt/")[0]


def test_broken_file_stays_reported_when_another_file_is_edited(preview, content_copy):
    events = Events(preview.url)
    events.next_version()
    edit(content_copy / "2024/aemt.yaml", "total_hours: 50", "total_hours: fifty")
    events.next_version()
    edit(content_copy / "2018/paramedic.yaml", "amount: 125", "amount: 126")
    wait_for_log(preview, "paramedic.yaml changed")
    events.close()
    page, _ = get(preview.url + "2018/paramedic/index.html")
    assert "aemt.yaml" in page and "preview-error" in page


def test_template_error_names_the_template_line(preview, site_src):
    events = Events(preview.url)
    events.next_version()
    edit(site_src / "templates/home.html", "{% block main %}", "{% block main %}{% if %}")
    events.next_version()
    events.close()
    page, _ = get(preview.url)
    assert re.search(r"home\.html:\d+: template error", page), page[:2000]


def test_built_files_never_contain_the_preview_script(preview, content_copy):
    events = Events(preview.url)
    events.next_version()
    edit(content_copy / "2024/aemt.yaml", "amount: 26", "amount: 27")
    events.next_version()
    events.close()
    for path in preview.out_dir.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".js", ".css"):
            assert b"__preview" not in path.read_bytes(), path


MIME = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".ics": "text/calendar; charset=utf-8",
}


def test_mime_types_of_the_preview_and_the_plain_server(preview):
    for suffix in MIME:
        (preview.out_dir / f"mime-check{suffix}").write_bytes(b"\x00asm" if suffix == ".wasm" else b"x")
    server, plain_url = start_in_thread(preview.out_dir)
    try:
        for base in (preview.url, plain_url):
            for suffix, expected in MIME.items():
                with urllib.request.urlopen(f"{base}mime-check{suffix}", timeout=5) as response:
                    assert response.headers["Content-Type"] == expected, (base, suffix)
        _, js_type = get(preview.url + "__preview/reload.js")
        assert js_type == MIME[".js"]
    finally:
        server.shutdown()
        server.server_close()


def test_first_build_failing_shows_the_errors_until_fixed(content_copy, site_src, tmp_path):
    cycle_file = content_copy / "2024/aemt.yaml"
    edit(cycle_file, "total_hours: 50", "total_hours: fifty")
    log: list[str] = []
    running = Preview(
        content_copy, tmp_path / "out", src=site_src, interval=0.05, log=log.append, quiet=True, runtime=False
    )
    url = running.start()
    try:
        with pytest.raises(urllib.error.HTTPError) as failed:
            get(url)
        assert failed.value.code == 503
        page = failed.value.read().decode("utf-8")
        assert "Nothing built yet" in page and "content/2024/aemt.yaml:" in page
        events = Events(url)
        events.next_version()
        edit(cycle_file, "total_hours: fifty", "total_hours: 50")
        events.next_version()
        events.close()
        page, _ = get(url)
        assert "preview-error" not in page and "<h1>" in page
    finally:
        running.stop()


def test_preview_retires_the_sites_service_worker(preview):
    """A service worker left by a deployed copy or `serve --no-build` would hide
    edits; the preview answers its update check with one that removes itself."""
    request = urllib.request.Request(preview.url + "sw.js", headers={"Service-Worker": "script"})
    with urllib.request.urlopen(request, timeout=5) as response:
        body = response.read().decode("utf-8")
        assert response.headers["Content-Type"].startswith("text/javascript")
    assert "registration.unregister()" in body and "caches.delete" in body


def raw_status(url: str, path: str) -> int:
    """The status line of a request sent exactly as written (urllib would quote the path)."""
    host, port = urllib.parse.urlsplit(url).netloc.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    try:
        connection.putrequest("GET", path, skip_accept_encoding=True)
        connection.endheaders()
        return connection.getresponse().status
    finally:
        connection.close()


@pytest.mark.parametrize("path", ["/%00.html", "/2024/%00/", "/assets/site.css%00", "/index.html%00x"])
def test_a_request_the_server_cannot_handle_gets_an_http_error(preview, path):
    server, plain_url = start_in_thread(preview.out_dir)
    try:
        for base in (preview.url, plain_url):
            assert raw_status(base, path) in (400, 404), (base, path)
        assert raw_status(preview.url, "/") == 200  # and the server keeps serving
    finally:
        server.shutdown()
        server.server_close()


def test_an_unexpected_failure_is_shown_and_the_preview_keeps_watching(preview, content_copy, monkeypatch):
    from generator.preview import incremental

    real_model = incremental.build_model
    broken = {"on": True}

    def model_or_crash(*args, **kwargs):
        if broken["on"]:
            raise RuntimeError("the model could not be made")
        return real_model(*args, **kwargs)

    monkeypatch.setattr(incremental, "build_model", model_or_crash)
    events = Events(preview.url)
    events.next_version()
    edit(content_copy / "2024/aemt.yaml", "amount: 26", "amount: 27")
    events.next_version()
    page, _ = get(preview.url + "2024/aemt/")
    assert "preview-error" in page and "RuntimeError: the model could not be made" in page

    broken["on"] = False
    edit(content_copy / "2024/aemt.yaml", "amount: 27", "amount: 28")
    events.next_version()
    events.close()
    page, _ = get(preview.url + "2024/aemt/")
    assert "preview-error" not in page and '<strong class="money">$28</strong>' in page


def test_a_failed_write_is_shown_and_retried_on_the_next_edit(preview, content_copy, monkeypatch):
    from generator.preview import incremental

    def disk_full(path, data):
        raise OSError(28, "No space left on device")

    real_write = incremental.atomic_write
    monkeypatch.setattr(incremental, "atomic_write", disk_full)
    events = Events(preview.url)
    events.next_version()
    edit(content_copy / "2024/aemt.yaml", "amount: 26", "amount: 27")
    events.next_version()
    page, _ = get(preview.url + "2024/aemt/")
    assert "cannot write the site: [Errno 28] No space left on device" in page

    monkeypatch.setattr(incremental, "atomic_write", real_write)
    edit(content_copy / "2018/paramedic.yaml", "amount: 125", "amount: 126")
    events.next_version()
    events.close()
    page, _ = get(preview.url + "2024/aemt/")
    assert "preview-error" not in page and '<strong class="money">$27</strong>' in page
