"""Install a built .deb the way an older desk does, in a minimal Debian root, and self-test it.

    .venv/bin/python installer/verify_root.py dist/laomo-desktop_<v>_amd64.deb
        [--suite bullseye] [--root build/roots/bullseye] [--force-depends] [--verbose]

The Linux release has to run on glibc 2.28 desks (UOS 20, Kylin V10). The oldest Debian that
debootstrap reaches from here is 11 "bullseye" (glibc 2.31): Debian 10 lives on
archive.debian.org, which does not resolve here. Runs as root. Steps:
  1. the root: `debootstrap --variant=minbase SUITE ROOT MIRROR` once; a stamp file in it marks
     it complete and lists the packages it started with; later runs reuse it
  2. in the root: `apt-get update`, `apt-get install -y /tmp/…/the.deb` (apt takes the .deb's
     Depends from the mirror, as a desk does); dpkg's and glibc's versions are recorded
  3. `/usr/bin/laomo self-test` offscreen, with HOME and LAOMO_DATA_DIR in a temporary folder
  4. `apt-get purge` and `autoremove --purge`: the root is left with the packages it started with
  5. a summary; exit 0 only when apt installed the .deb and the frozen self-test passed
--force-depends: when apt refuses the .deb (say, it asks for a newer libc6 than the root has),
install its dependencies by name and the .deb with `dpkg --force-depends`, to see what the
program itself does there. A forced install never passes. The command lines, the reading of
apt's and the self-test's output and the summary are in debroot.py (pure, tested).

Each command in the root runs in its own mount namespace (unshare) with /proc, /sys and /dev
mounted: the kernel removes those mounts when the command ends (also on Ctrl-C or kill -9), and
the host never sees them, so `make clean` (rm -rf build) cannot walk into the host's /dev.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from debroot import (  # noqa: E402
    CHROOT_PATH,
    INSTALL_DIR,
    MIRROR,
    PACKAGE,
    STAMP,
    Report,
    VerifyError,
    apt_env,
    chroot_command,
    debootstrap_command,
    dependency_names,
    glibc_version,
    mounts_under,
    parse_self_test,
    root_is_complete,
    self_test_env,
    self_test_problem,
    unmet_dependencies,
)

REPO = Path(__file__).resolve().parents[1]


def say(text: str = "") -> None:
    print(text, flush=True)


class Log:
    """Everything the commands printed, in a file beside the root; echoed with --verbose."""

    def __init__(self, path: Path, echo: bool) -> None:
        self.path, self.echo = path, echo
        path.parent.mkdir(parents=True, exist_ok=True)
        self.file = path.open("w", encoding="utf-8")

    def run(self, cmd: list[str], what: str) -> tuple[int, str]:
        """Run `cmd` (stderr into stdout); its exit status and output. On Ctrl-C (or SIGTERM)
        the command gets SIGINT and is waited for, so that apt or dpkg is not cut off mid-way
        and the clean-up that follows finds the dpkg lock free; then the interrupt goes on."""
        self.file.write(f"\n### {what}\n")
        self.file.flush()
        out: list[str] = []
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                errors="replace", stdin=subprocess.DEVNULL)
        try:
            self._drain(proc, out)
        except KeyboardInterrupt:
            say(f"    interrupted: waiting for {what} to stop (Ctrl-C again to leave it running)")
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
            self._drain(proc, out)
            proc.wait()
            raise
        return proc.wait(), "".join(out)

    def _drain(self, proc: subprocess.Popen, out: list[str]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            out.append(line)
            self.file.write(line)
            if self.echo:
                print("    | " + line, end="", flush=True)
        self.file.flush()


def in_root(log: Log, root: Path, argv: list[str], what: str,
            env: dict[str, str] | None = None) -> tuple[int, str]:
    return log.run(chroot_command(root, argv, env or apt_env()), what)


def query(root: Path, argv: list[str]) -> str:
    """A short read-only command in the root (no mounts needed); its stdout, '' on failure."""
    proc = subprocess.run(["chroot", str(root), *argv], capture_output=True, text=True,
                          env={"PATH": CHROOT_PATH, "LANG": "C.UTF-8"})
    return proc.stdout.strip() if proc.returncode == 0 else ""


def installed_packages(root: Path) -> set[str]:
    out = query(root, ["dpkg-query", "-W", "-f", "${db:Status-Abbrev} ${Package}\\n"])
    return {line.split()[1] for line in out.splitlines()
            if len(line.split()) == 2 and line.split()[0] != "un"}


def du_mb(path: Path) -> float | None:
    proc = subprocess.run(["du", "-sx", "--block-size=1M", str(path)], capture_output=True,
                          text=True)
    return float(proc.stdout.split()[0]) if proc.returncode == 0 and proc.stdout else None


def ensure_root(root: Path, suite: str, mirror: str, log: Log) -> None:
    if root_is_complete(root):
        stamp = json.loads((root / STAMP).read_text("utf-8"))
        say(f"    reusing {root} (debootstrap {stamp.get('seconds', 0):.0f} s on "
            f"{stamp.get('created', '?')}, {len(stamp['packages'])} packages)")
        return
    if root.exists() and any(root.iterdir()):
        mounted = mounts_under(root, Path("/proc/self/mountinfo").read_text())
        if mounted:
            raise VerifyError(f"{root} is incomplete and has file systems mounted in it "
                              f"({', '.join(mounted)}); unmount them, then run this again.")
        if not ((root / "debootstrap").exists() or (root / "etc/debian_version").exists()):
            raise VerifyError(f"{root} exists and does not look like a Debian root; "
                              "choose another --root or remove it yourself.")
        say(f"    {root} has no stamp (an interrupted debootstrap?): removing it")
        shutil.rmtree(root)
    root.parent.mkdir(parents=True, exist_ok=True)
    cmd = debootstrap_command(suite, root, mirror)
    say("    " + shlex.join(cmd) + "   (the first time only; a few minutes)")
    start = time.perf_counter()
    status, out = log.run(cmd, "debootstrap")
    seconds = time.perf_counter() - start
    if status != 0:
        tail = "\n".join(out.strip().splitlines()[-10:])
        raise VerifyError(f"debootstrap failed (exit {status}) after {seconds:.0f} s; the "
                          f"root stays incomplete and is rebuilt next time. Its last lines:\n{tail}")
    packages = sorted(installed_packages(root))
    (root / STAMP).write_text(json.dumps(
        {"suite": suite, "mirror": mirror, "created": time.strftime("%Y-%m-%d %H:%M"),
         "seconds": round(seconds, 1), "packages": packages}, indent=1), "utf-8")
    say(f"    debootstrap took {seconds:.0f} s, {len(packages)} packages, {du_mb(root):.0f} MB")


def purge(root: Path, log: Log, baseline: set[str]) -> str:
    """Remove the package and everything installed for it; what the root looks like after."""
    start = time.perf_counter()
    in_root(log, root, ["dpkg", "--configure", "-a"], "finish an interrupted dpkg run")
    was_there = PACKAGE in installed_packages(root)
    if was_there:
        in_root(log, root, ["apt-get", "purge", "-y", "-q", PACKAGE], "purge")
    in_root(log, root, ["apt-get", "autoremove", "--purge", "-y", "-q"], "autoremove")
    extra = sorted(installed_packages(root) - baseline)
    if extra:
        say(f"    still installed after autoremove, purging: {' '.join(extra)}")
        in_root(log, root, ["apt-get", "purge", "-y", "-q", *extra], "purge the rest")
    left = sorted(installed_packages(root) - baseline)
    problems = []
    if (root / INSTALL_DIR.lstrip("/")).exists():
        problems.append(f"{INSTALL_DIR} is still there")
    if left:
        problems.append(f"packages left over: {' '.join(left)}")
    if problems:
        return "FAILED: " + "; ".join(problems)
    what = f"{PACKAGE} purged" if was_there else f"{PACKAGE} was not installed"
    return (f"ok in {time.perf_counter() - start:.1f} s ({what}, {INSTALL_DIR} absent, "
            f"the {len(baseline)} base packages only)")


def install(root: Path, log: Log, deb_in_root: str, deb: Path, report: Report,
            force_depends: bool) -> None:
    start = time.perf_counter()
    status, out = in_root(log, root, ["apt-get", "install", "-y", "-q", deb_in_root], "install")
    report.install_seconds = time.perf_counter() - start
    if status == 0:
        report.install = "ok"
        say(f"    installed in {report.install_seconds:.1f} s")
        return
    unmet = unmet_dependencies(out)
    reason = "\n".join(unmet) if unmet else "\n".join(out.strip().splitlines()[-10:])
    report.install = "refused"
    report.install_detail = unmet[0] if unmet else f"exit {status}"
    hint = "" if force_depends else "\n(--force-depends installs it anyway, to see what the program does)"
    report.errors.append(f"apt-get could not install {deb.name} in {report.suite} (glibc "
                         f"{report.glibc}, exit {status}). apt says:\n{reason}{hint}")
    say(f"    apt-get refused the .deb (exit {status}):\n      " + reason.replace("\n", "\n      "))
    if not force_depends:
        return
    fields = subprocess.run(["dpkg-deb", "-f", str(deb), "Depends"], capture_output=True,
                            text=True, check=True).stdout
    names = dependency_names(fields.replace("\n", " "))
    say(f"    --force-depends: installing its {len(names)} dependencies by name, then dpkg "
        "--force-depends -i")
    start = time.perf_counter()
    status, out = in_root(log, root, ["apt-get", "install", "-y", "-q", *names], "dependencies")
    if status == 0:
        in_root(log, root, ["apt-mark", "auto", *names], "mark auto")
        status, out = in_root(log, root, ["dpkg", "--force-depends", "-i", deb_in_root], "dpkg -i")
    report.install_seconds += time.perf_counter() - start
    if status != 0:
        report.install = "failed"
        report.install_detail = f"the forced install failed too (exit {status})"
        report.errors.append("the forced install failed too:\n"
                             + "\n".join(out.strip().splitlines()[-10:]))
        return
    report.install = "forced"
    say(f"    installed with dpkg --force-depends ({report.install_seconds:.1f} s in all)")


def run_self_test(root: Path, work: Path, report: Report) -> None:
    inside = "/" + str(work.relative_to(root))
    for sub in ("home", "data"):
        (work / sub).mkdir()
    cmd = chroot_command(root, ["/usr/bin/laomo", "self-test"],
                         self_test_env(f"{inside}/home", f"{inside}/data"))
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace",
                              timeout=300, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        report.self_test_failure = "did not finish within 300 s"
        report.errors.append("the self-test did not finish within 300 s")
        return
    seconds = report.self_test_seconds = time.perf_counter() - start
    try:
        result = parse_self_test(proc.stdout, proc.stderr, proc.returncode, seconds)
    except VerifyError as e:
        report.errors.append(str(e))
        lines = str(e).splitlines()
        report.self_test_failure = lines[-1] if len(lines) > 1 else lines[0]
        say("    " + str(e).replace("\n", "\n    "))
        return
    report.self_test = result
    for line in result.check_lines():
        say(line)
    problem = self_test_problem(result)
    if problem:
        stderr = "\n".join(proc.stderr.strip().splitlines()[-15:])
        report.errors.append(problem + (f"\nstderr:\n{stderr}" if stderr else ""))
    if any((work / "data").iterdir()):
        report.errors.append(f"the self-test wrote into LAOMO_DATA_DIR ({inside}/data)")
    say(f"    self-test {'passed' if problem is None else 'FAILED'} in {seconds:.2f} s")


def verify(deb: Path, root: Path, suite: str, mirror: str, force_depends: bool,
           log: Log) -> Report:
    report = Report(suite=suite, root=str(root), deb=f"{deb.name} ({deb.stat().st_size / 1e6:.1f} MB)")
    say(f"==> 1. the {suite} root")
    ensure_root(root, suite, mirror, log)
    baseline = set(json.loads((root / STAMP).read_text("utf-8"))["packages"])
    report.glibc = glibc_version(query(root, ["ldd", "--version"]))
    report.libc6 = query(root, ["dpkg-query", "-W", "-f", "${Version}", "libc6"]) or "?"
    report.dpkg = query(root, ["dpkg-query", "-W", "-f", "${Version}", "dpkg"]) or "?"
    say(f"    glibc {report.glibc} (libc6 {report.libc6}), dpkg {report.dpkg}")
    shutil.copy2("/etc/resolv.conf", root / "etc" / "resolv.conf")
    if PACKAGE in installed_packages(root) or (installed_packages(root) - baseline):
        say("    left over from an interrupted run: cleaning the root first")
        purge(root, log, baseline)
    for old in (root / "tmp").glob("laomo-verify-*"):
        shutil.rmtree(old, ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix="laomo-verify-", dir=root / "tmp"))
    try:
        work.chmod(0o755)  # apt's _apt user reads the .deb from here
        shutil.copy2(deb, work / deb.name)
        (work / deb.name).chmod(0o644)
        deb_in_root = f"/{work.relative_to(root)}/{deb.name}"
        say("\n==> 2. apt-get update; apt-get install -y " + deb_in_root)
        start = time.perf_counter()
        status, out = in_root(log, root, ["apt-get", "update", "-q"], "update")
        report.update_seconds = time.perf_counter() - start
        if status != 0:
            raise VerifyError(f"apt-get update failed in the root (exit {status}):\n"
                              + "\n".join(out.strip().splitlines()[-8:]))
        install(root, log, deb_in_root, deb, report, force_depends)
        if report.install in ("ok", "forced"):
            say("\n==> 3. /usr/bin/laomo self-test (offscreen)")
            run_self_test(root, work, report)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        say("\n==> 4. apt-get purge, autoremove")
        report.cleanup = purge(root, log, baseline)
        say(f"    {report.cleanup}")
        if report.cleanup.startswith("FAILED"):
            report.errors.append(f"the root is not clean: {report.cleanup}")
    return report


def preflight(deb: Path) -> None:
    if not deb.is_file() or deb.suffix != ".deb":
        raise VerifyError(f"{deb} is not a .deb file; build one with `make dist`.")
    if os.geteuid() != 0:
        raise VerifyError("this needs root (debootstrap, chroot and mount); run it as root.")
    missing = [t for t in ("debootstrap", "unshare", "chroot", "dpkg-deb") if not shutil.which(t)]
    if missing:
        raise VerifyError(f"{', '.join(missing)} not found; apt-get install debootstrap "
                          "(unshare is in util-linux, chroot in coreutils, dpkg-deb in dpkg).")


def _interrupted(*_: object) -> None:
    """SIGTERM unwinds like Ctrl-C, so the clean-up in `finally` runs."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("deb", type=Path)
    parser.add_argument("--suite", default="bullseye")
    parser.add_argument("--root", type=Path, help="default: build/roots/SUITE")
    parser.add_argument("--mirror", default=MIRROR)
    parser.add_argument("--force-depends", action="store_true",
                        help="when apt refuses the .deb, install it with dpkg --force-depends "
                             "and self-test it anyway (never passes)")
    parser.add_argument("--verbose", action="store_true", help="show apt's output")
    args = parser.parse_args(argv)
    root = (args.root or REPO / "build" / "roots" / args.suite).resolve()
    signal.signal(signal.SIGTERM, _interrupted)
    report = None
    try:
        preflight(args.deb)
        log = Log(root.parent / f"{root.name}-last-run.log", args.verbose)
        report = verify(args.deb.resolve(), root, args.suite, args.mirror, args.force_depends,
                        log)
    except VerifyError as e:
        say(f"\nERROR: {e}")
        return 1
    except KeyboardInterrupt:
        say("\ninterrupted; what is left in the root (a half-made root, an install) is "
            "removed by the next run")
        return 130
    report.root_mb = du_mb(root)
    say()
    for error in report.errors:
        say(f"ERROR: {error}\n")
    for line in report.lines():
        say(line)
    say(f"(full output of the commands: {log.path})")
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
