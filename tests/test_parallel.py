"""Big sites load and render in worker processes; results must not change."""

from __future__ import annotations

import os

import pytest

from generator import parallel
from generator.pipeline import build
from tests.conftest import FIXTURE_CONTENT


@pytest.fixture
def workers(monkeypatch):
    """Worker processes even for a handful of items, and even though other tests'
    servers run in threads of this process (the tasks here never touch them)."""
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    monkeypatch.setattr(parallel, "_workers", lambda: 2)
    monkeypatch.setattr(parallel, "_other_threads_running", lambda: False)


def square(n: int) -> int:
    return n * n


def test_results_come_back_in_order_with_the_parents_own_work(workers):
    results, other = parallel.map_alongside(square, list(range(101)), lambda: os.getpid())
    assert results == [n * n for n in range(101)]
    assert other == os.getpid(), "the side work runs in this process"


def test_work_really_runs_in_other_processes(workers):
    pids = parallel.map_in_chunks(lambda _: os.getpid(), list(range(10)))
    assert os.getpid() not in pids and len(set(pids)) == 2


def test_an_error_in_a_worker_is_raised_here(workers):
    def fail_on_seven(n: int) -> int:
        if n == 7:
            raise ValueError("item 7 is bad")
        return n

    with pytest.raises(ValueError, match="item 7 is bad"):
        parallel.map_in_chunks(fail_on_seven, list(range(10)))


def test_an_error_that_cannot_travel_is_sent_as_text(workers):
    class Unpicklable(Exception):
        def __reduce__(self):
            raise TypeError("cannot pickle this")

    def fail(n: int) -> int:
        raise Unpicklable(f"broken item {n}")

    with pytest.raises(parallel.WorkerError, match="broken item 0"):
        parallel.map_in_chunks(fail, list(range(4)))


def test_a_worker_that_dies_is_reported(workers):
    parent = os.getpid()

    def die(n: int) -> int:
        if os.getpid() != parent:  # never end the test run itself
            os._exit(3)
        return n

    with pytest.raises(parallel.WorkerError, match="stopped before sending its results"):
        parallel.map_in_chunks(die, list(range(4)))


def test_a_parallel_build_gives_the_same_bytes(workers, tmp_path, monkeypatch):
    parallel_files = build(FIXTURE_CONTENT, tmp_path / "parallel", runtime=False).files
    monkeypatch.setattr(parallel, "MIN_ITEMS", 10**9)
    serial_files = build(FIXTURE_CONTENT, tmp_path / "serial", runtime=False).files
    assert list(parallel_files) != [] and parallel_files == serial_files


def test_a_template_error_in_a_worker_names_the_template(workers, tmp_path, monkeypatch, capsys):
    import shutil

    from generator import pipeline
    from generator.__main__ import main
    from generator.locations import SITE_SRC

    src = tmp_path / "site_src"
    shutil.copytree(SITE_SRC, src, ignore=shutil.ignore_patterns("node_modules"))
    template = src / "templates" / "guidance.html"
    template.write_text(template.read_text(encoding="utf-8").replace("{{ cycle.year }}", "{{ cycle.no_such_field }}", 1),
                        encoding="utf-8")
    monkeypatch.setattr(pipeline, "SITE_SRC", src)
    assert main(["build", "--content", str(FIXTURE_CONTENT), "--out", str(tmp_path / "out"), "--no-runtime"]) == 1
    err = capsys.readouterr().err
    assert "template error" in err and "no_such_field" in err
    assert not (tmp_path / "out").exists()


def test_no_workers_while_other_threads_run(workers, monkeypatch):
    import threading

    monkeypatch.undo()
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    monkeypatch.setattr(parallel, "_workers", lambda: 2)
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        pids = parallel.map_in_chunks(lambda _: os.getpid(), list(range(10)))
    finally:
        release.set()
        other.join()
    assert set(pids) == {os.getpid()}
