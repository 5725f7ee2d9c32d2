"""The calculator benchmark times a first visit only once the browser it has just
launched is idle (scripts/chromium_idle.py). These tests run it on a made-up
/proc folder: a browser, its children, and a process that is not Chromium's."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "chromium_idle.py"
spec = importlib.util.spec_from_file_location("chromium_idle", SCRIPT)
idle = importlib.util.module_from_spec(spec)
spec.loader.exec_module(idle)

PROFILE = Path("/tmp/bench-profile-abc")


def stat_line(pid: int, name: str, parent: int, utime: int, stime: int) -> str:
    # Fields 3 to 15 of proc(5); the ones the script must not read are zeros.
    return f"{pid} ({name}) S {parent} " + "0 " * 9 + f"{utime} {stime} 0 0 20 0 12 0\n"


def process(proc: Path, pid: int, name: str, parent: int, ticks: int, args: list[str]) -> None:
    folder = proc / str(pid)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "stat").write_text(stat_line(pid, name, parent, ticks, 0))
    (folder / "cmdline").write_bytes(b"\0".join(a.encode() for a in args) + b"\0")


@pytest.fixture
def proc(tmp_path):
    root = tmp_path / "proc"
    process(root, 1, "init", 0, 500, ["/sbin/init"])
    process(root, 100, "chromium", 1, 40, ["/usr/bin/chromium", f"--user-data-dir={PROFILE}", "--headless"])
    process(root, 101, "chromium", 100, 5, ["/usr/bin/chromium", "--type=zygote"])
    process(root, 102, "chromium", 101, 30, ["/usr/bin/chromium", "--type=renderer", f"--user-data-dir={PROFILE}"])
    process(root, 200, "python3", 1, 900, ["python3", "busy.py"])
    (root / "self").mkdir()  # not a process number: skipped
    return root


def test_a_command_name_with_spaces_and_parentheses_is_read_whole():
    assert idle.parse_stat(stat_line(7, "Web Content (x))", 3, 11, 4)) == (7, 3, 15)


def test_the_browser_is_found_by_its_profile_and_not_mistaken_for_its_renderer(proc):
    assert idle.browser_pid(PROFILE, proc) == 100
    assert idle.browser_pid(Path("/tmp/another-profile"), proc) is None


def test_the_browser_counts_its_children_and_grandchildren_only(proc):
    assert idle.tree_ticks(100, proc) == 40 + 5 + 30  # not init's, not python3's


class FakeTime:
    """A clock that moves only when slept on; each sleep lets the renderer
    use `busy[n]` more clock ticks."""

    def __init__(self, proc: Path, busy: list[int]):
        self.proc, self.busy, self.now, self.ticks = proc, list(busy), 0.0, 30

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        if self.busy:
            self.ticks += self.busy.pop(0)
        (self.proc / "102" / "stat").write_text(stat_line(102, "chromium", 101, self.ticks, 0))


def test_waits_while_the_browser_works_and_stops_at_its_first_quiet_window(proc, monkeypatch):
    monkeypatch.setattr(idle.os, "sysconf", lambda name: 100)  # 10 ms a tick
    fake = FakeTime(proc, [20, 25, 12, 1, 20])  # busy, busy, busy, quiet (1 tick = 10 ms < 25 ms)
    waited = idle.wait_until_idle(PROFILE, proc, sleep=fake.sleep, clock=fake.clock)
    assert waited == pytest.approx(4 * idle.WINDOW_S)


def test_gives_up_on_a_browser_that_never_rests(proc, monkeypatch):
    monkeypatch.setattr(idle.os, "sysconf", lambda name: 100)
    fake = FakeTime(proc, [25] * 1000)
    waited = idle.wait_until_idle(PROFILE, proc, sleep=fake.sleep, clock=fake.clock)
    assert idle.LIMIT_S <= waited < idle.LIMIT_S + idle.WINDOW_S


def test_without_proc_it_waits_a_fixed_time(tmp_path):
    fake = FakeTime(tmp_path, [])
    (tmp_path / "102").mkdir()
    waited = idle.wait_until_idle(PROFILE, tmp_path / "no-proc", sleep=fake.sleep, clock=fake.clock)
    assert waited == idle.FALLBACK_S
