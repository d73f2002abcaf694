"""The Windows setup program's sources, checked without Windows: our Chinese messages file for
Inno Setup (every message of Inno Setup 6.5+, placeholders and access keys kept), the script's
references to it, and the CI workflow that builds the setup program on a Windows host.

Nothing here runs Inno Setup or PyInstaller (installer/README.md says what was and was not run).
"""

from __future__ import annotations

import fnmatch
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = ROOT / "installer" / "windows"
ISS = WINDOWS / "laomo.iss"
ISL = WINDOWS / "ChineseSimplified.isl"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"
NAMES = Path(__file__).parent / "fixtures" / "inno_setup_messages.txt"
CJK = re.compile(r"[\u4e00-\u9fff]")


def read_ini(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Sections of an Inno Setup .isl/.iss file as (name, value) pairs in file order; comment
    lines (;) and preprocessor lines (#) skipped. Duplicates are kept, to be found."""
    sections: dict[str, list[tuple[str, str]]] = {}
    current = None
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith((";", "#")):
            continue
        m = re.fullmatch(r"\[(\w+)\]\s*", line)
        if m:
            current = sections.setdefault(m.group(1), [])
        elif current is not None:
            current.append(tuple(line.split("=", 1)) if "=" in line else (line, ""))
    return sections


def expected_messages() -> dict[str, dict[str, list[str]]]:
    """{section: {name: tokens}} from the list of Inno Setup 6.5+'s message names."""
    out: dict[str, dict[str, list[str]]] = {}
    section = None
    for line in NAMES.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            section = out.setdefault(line.strip("[]"), {})
        else:
            name, *tokens = line.split()
            section[name] = tokens
    return out


def tokens_of(text: str) -> list[str]:
    """What a message must keep from the English one: placeholders, line breaks, access keys."""
    return (sorted(re.findall(r"%\d", text)) + ["%n"] * text.count("%n")
            + sorted(re.findall(r"\[[a-z/]+\]", text))
            + ["&" + c.upper() for c in re.findall(r"&([^&])", text)])


# ------------------------------------------------------------------ the Chinese messages file


def test_the_messages_file_has_every_message_of_inno_setup_in_chinese():
    expected = expected_messages()
    assert len(expected["Messages"]) == 281 and len(expected["CustomMessages"]) == 12
    isl = read_ini(ISL)
    for section, names in expected.items():
        pairs = isl.get(section, [])
        got = dict(pairs)
        assert len(got) == len(pairs), f"[{section}]: a message is given twice"
        assert set(got) - set(names) == set(), f"[{section}]: names Inno Setup does not have"
        assert set(names) - set(got) == set(), f"[{section}]: missing (would show English)"
        for name, tokens in names.items():
            text = got[name]
            if tokens == ["empty"]:
                assert text == "", name
                continue
            assert tokens_of(text) == tokens, (name, text)


def test_every_message_with_words_is_in_chinese():
    isl = read_ini(ISL)
    not_chinese = {name for section in ("Messages", "CustomMessages")
                   for name, text in isl[section] if text and not CJK.search(text)}
    # only numbers with units and the "%1 (%2)" marks have no words to translate
    assert not_chinese == {"ComponentSize1", "ComponentSize2", "UninstallDisplayNameMark",
                           "UninstallDisplayNameMarks"}


def test_the_language_is_simplified_chinese_for_windows_language_detection():
    options = dict(read_ini(ISL)["LangOptions"])
    assert options["LanguageName"] == "简体中文"
    assert options["LanguageID"] == "$0804"  # zh-CN: picked on a Simplified Chinese Windows
    assert options["LanguageCodePage"] == "936"


def test_the_messages_file_is_utf8_without_a_bom():
    data = ISL.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    data.decode("utf-8")


# ------------------------------------------------------------------------------- the script


def test_the_script_takes_the_chinese_messages_from_the_repository():
    languages = [line for line in ISS.read_text("utf-8").splitlines()
                 if line.startswith("Name:") and "MessagesFile:" in line]
    files = dict(re.fullmatch(r'Name: "(\w+)"; MessagesFile: "([^"]+)"', line).groups()
                 for line in languages)
    assert list(files) == ["chinesesimplified", "english"]
    assert files["english"] == "compiler:Default.isl"
    chinese = files["chinesesimplified"]
    assert not chinese.startswith("compiler:") and "{" not in chinese
    assert (ISS.parent / chinese).resolve() == ISL.resolve()
    assert "installer/windows/ChineseSimplified.isl" not in (ROOT / ".gitignore").read_text()


def test_the_files_the_script_names_in_the_repository_exist():
    """SetupIconFile (and any other {#SourcePath}-relative path) points at a file that is there:
    the compiler stops on a missing one, which only a Windows build would otherwise show."""
    paths = re.findall(r"^\w+=\{#AddBackslash\(SourcePath\)\}(.+)$", ISS.read_text("utf-8"), re.M)
    files = [p for p in paths if "." in p.rsplit("\\", 1)[-1]]
    assert files, paths
    for path in files:
        assert (ISS.parent / path.replace("\\", "/")).resolve().is_file(), path


def test_every_custom_message_the_script_uses_exists_in_chinese():
    iss = ISS.read_text("utf-8")
    used = set(re.findall(r"\{cm:(\w+)", iss))
    assert {"CreateDesktopIcon", "AdditionalIcons", "LaunchProgram", "AppComment"} <= used
    ours = {name for name, _ in read_ini(ISL)["CustomMessages"]}
    in_script = {name.split(".", 1)[1] for name, _ in read_ini(ISS)["CustomMessages"]
                 if name.startswith("chinesesimplified.")}
    assert used - ours - in_script == set()


# ----------------------------------------------------------------------------- the workflow


def parse_yaml(text: str):
    """The block-style YAML a workflow is written in: mappings, "- " lists, plain and quoted
    scalars, "|" literal blocks, comments; a key alone is null. Raises ValueError on anything
    else (tabs, a line indented where nothing opens, a duplicate key, flow mappings)."""
    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        if "\t" in raw:
            raise ValueError(f"line {number}: tab")
        if raw.strip() and not raw.lstrip().startswith("#"):
            lines.append((number, len(raw) - len(raw.lstrip(" ")), raw.strip()))
    pos = 0

    def scalar(value: str, number: int):
        value = re.sub(r"\s+#.*$", "", value) if value[:1] not in "'\"" else value
        if value[:1] in "'\"":
            if len(value) < 2 or value[-1] != value[0]:
                raise ValueError(f"line {number}: unclosed quote")
            return value[1:-1].replace("''", "'") if value[0] == "'" else value[1:-1]
        if value.startswith("{"):
            raise ValueError(f"line {number}: flow mapping")
        if value.startswith("["):
            if not value.endswith("]"):
                raise ValueError(f"line {number}: unclosed [")
            return [scalar(v.strip(), number) for v in value[1:-1].split(",") if v.strip()]
        return value

    def literal(indent: int) -> str:
        nonlocal pos
        body = []
        while pos < len(lines) and lines[pos][1] > indent:
            body.append(text.splitlines()[lines[pos][0] - 1][lines[pos][1]:])
            pos += 1
        return "\n".join(body) + "\n"

    def value_after(rest: str, indent: int, number: int):
        nonlocal pos
        if rest == "|":
            return literal(indent)
        if rest:
            return scalar(rest, number)
        if pos < len(lines) and (lines[pos][1] > indent or lines[pos][2].startswith("- ")):
            return block(lines[pos][1])
        return None  # "pull_request:" alone

    def block(indent: int):
        nonlocal pos
        is_list = lines[pos][2].startswith("- ")
        result: list | dict = [] if is_list else {}
        while pos < len(lines) and lines[pos][1] == indent:
            number, _, content = lines[pos]
            if content.startswith("- ") != is_list:
                raise ValueError(f"line {number}: list and mapping mixed")
            pos += 1
            if is_list:
                item = content[2:]
                if re.match(r"[\w.-]+:(\s|$)", item):  # "- key: value" opens a mapping
                    pos -= 1
                    lines[pos] = (number, indent + 2, item)
                    result.append(block(indent + 2))
                else:
                    result.append(scalar(item, number))
                continue
            m = re.fullmatch(r"([\w.-]+|\"[^\"]+\"):(?:\s+(.*))?", content)
            if not m:
                raise ValueError(f"line {number}: not a key: {content!r}")
            key = m.group(1).strip('"')
            if key in result:
                raise ValueError(f"line {number}: duplicate key {key}")
            result[key] = value_after(m.group(2) or "", indent, number)
        if pos < len(lines) and lines[pos][1] > indent:
            raise ValueError(f"line {lines[pos][0]}: unexpected indentation")
        return result

    document = block(0)
    if pos != len(lines):
        raise ValueError(f"line {lines[pos][0]}: unexpected indentation")
    return document


def test_the_yaml_check_rejects_what_is_not_yaml():
    assert parse_yaml("a:\n  b: 'x'\n  c:\n    - d: 1\n      e: [f, g]\n") == {
        "a": {"b": "x", "c": [{"d": "1", "e": ["f", "g"]}]}}
    assert parse_yaml("on:\n  push:\n  pull_request:\n") == {"on": {"push": None,
                                                                 "pull_request": None}}
    for bad in ("a:\n\tb: 1\n", "a: 1\n   b: 2\n", "a: 1\na: 2\n", "a: 'x\n", "- a\nb: 1\n",
                "a: {b: 1}\n", "a: [b\n", "a b\n"):
        try:
            parse_yaml(bad)
        except ValueError:
            continue
        raise AssertionError(f"accepted {bad!r}")


def workflow_steps() -> tuple[dict, list[dict]]:
    doc = parse_yaml(WORKFLOW.read_text("utf-8"))
    (job,) = doc["jobs"].values()
    return job, job["steps"]


def step_index(steps: list[dict], predicate) -> int:
    found = [i for i, s in enumerate(steps) if predicate(s)]
    assert len(found) == 1, [s.get("name") for s in steps]
    return found[0]


def test_the_windows_workflow_builds_tests_and_keeps_the_setup_program():
    job, steps = workflow_steps()
    assert job["runs-on"] == "windows-latest"
    run = [s.get("run", "") for s in steps]
    order = [
        step_index(steps, lambda s: s.get("uses", "").startswith("actions/checkout@")),
        step_index(steps, lambda s: s.get("uses", "").startswith("actions/setup-python@")
                   and s["with"]["python-version"] == "3.11"),
        step_index(steps, lambda s: 'pip install -c constraints.txt -e ".[test,dev,dist]"'
                   in s.get("run", "")),
        step_index(steps, lambda s: "pytest" in s.get("run", "")),
        step_index(steps, lambda s: "installer/build.py" in s.get("run", "")),
        step_index(steps, lambda s: re.search(r"dist\\laomo-desktop\\laomo\.exe\"? self-test",
                                              s.get("run", ""))),
        step_index(steps, lambda s: "choco install innosetup" in s.get("run", "")),
        step_index(steps, lambda s: "ISCC.exe" in s.get("run", "")),
        step_index(steps, lambda s: s.get("uses", "").startswith("actions/upload-artifact@")),
    ]
    assert order == sorted(order), "steps out of order"
    tests, self_test = steps[order[3]], steps[order[5]]
    assert tests["env"]["QT_QPA_PLATFORM"] == "offscreen"
    assert self_test["env"]["QT_QPA_PLATFORM"] == "offscreen"
    assert "installer\\windows\\laomo.iss" in run[order[7]]
    assert "/DAppVersion=" in run[order[7]]


def test_the_artifact_is_the_file_the_script_writes():
    _, steps = workflow_steps()
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["if-no-files-found"] == "error"
    iss = ISS.read_text("utf-8")
    base = re.search(r"^OutputBaseFilename=(.+)$", iss, re.M).group(1)
    out_dir = re.search(r"^OutputDir=(.+)$", iss, re.M).group(1)
    assert out_dir == r"{#AddBackslash(SourcePath)}..\..\dist"  # dist\ of the repository
    written = "dist/" + base.replace("{#AppVersion}", "0.1.0") + ".exe"
    assert fnmatch.fnmatch(written, upload["with"]["path"])


def test_the_workflow_calls_what_build_py_has():
    _, steps = workflow_steps()
    spec = importlib.util.spec_from_file_location("laomo_build", ROOT / "installer" / "build.py")
    build = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / "installer"))  # build.py imports elfdeps from its folder
    try:
        spec.loader.exec_module(build)
    finally:
        sys.path.remove(str(ROOT / "installer"))
    usage = subprocess.run([sys.executable, str(ROOT / "installer" / "build.py"), "--help"],
                           capture_output=True, text=True, check=True).stdout
    calls = options = 0
    for s in steps:
        for name in re.findall(r"\bbuild\.(\w+)\(", s.get("run", "")):
            assert callable(getattr(build, name, None)), f"build.py has no {name}()"
            calls += 1
        for option in re.findall(r"installer/build\.py\s+(--[\w-]+)", s.get("run", "")):
            assert option in usage, f"build.py does not take {option}"
            options += 1
    assert calls and options


def test_the_workflow_installs_from_the_constraints_file():
    _, steps = workflow_steps()
    install = next(s["run"] for s in steps if "pip install -c" in s.get("run", ""))
    name = re.search(r"pip install -c (\S+)", install).group(1)
    assert (ROOT / name).is_file(), f"{name} is missing at the repository root"
