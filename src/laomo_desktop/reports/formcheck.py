"""A union's form is checked before it is filled: every placeholder against the vocabulary
(ledger/formfields.py), every loop over a list, nothing that reaches Python's internals.

The template engine is Jinja2's sandbox (what docxtpl renders with); the sandbox alone would
print a refused attribute as nothing, so a form could fail silently. Here each name, field,
loop, filter and test is resolved against the vocabulary's tree first, and a form that names
anything else is refused with the file, the placeholder as written and where it stands.
Function calls, imports, macros and the like are not part of a form: refused too."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger.formfields import LOOP, Fields, Many, Node, Scalar, vocabulary
from laomo_desktop.texts import Text

FORM_PROBLEM = Text("表单“{file}”中的“{tag}”：{problem}{where}",
                    'Form "{file}", at "{tag}": {problem}{where}')
UNKNOWN_FIELD = Text("没有“{name}”这个字段。可用的字段见“表单字段说明”（laomo fill --fields）",
                     'there is no field "{name}". The fields are listed in the help on form '
                     "fields (laomo fill --fields)")
NOT_A_LIST = Text("“{name}”不是列表，不能逐项填写。可以逐项填写的有：{lists}",
                  '"{name}" is not a list, so it cannot be repeated. The lists are: {lists}')
NEEDS_LOOP = Text("“{name}”是列表，它的字段要在循环中填写，如 {{%tr for x in {name} %}}…{{{{ x.{field} }}}}…"
                  "{{%tr endfor %}}",
                  '"{name}" is a list: fill its fields inside a loop, e.g. {{%tr for x in {name} '
                  "%}}…{{{{ x.{field} }}}}…{{%tr endfor %}}")
INTERNALS = Text("试图访问程序内部（{name}），出于安全已拒绝",
                 "tries to reach the program's internals ({name}); refused for safety")
NOT_ALLOWED = Text("表单中不能使用{what}。表单只能填写字段，并可使用 for 循环、if 条件和常用过滤器",
                   "a form cannot use {what}. A form fills in fields and may use for loops, "
                   "if conditions and the common filters")
BROKEN = Text("标记写错了（{why}）。请检查花括号、百分号是否成对，for 和 if 是否各有 endfor、endif",
              "the tag is broken ({why}). Check that braces and percent signs come in pairs and "
              "that each for and if has its endfor or endif")
NO_END = Text("没有与之配对的 {{% end{tag} %}}", "it has no matching {{% end{tag} %}}")
NOT_A_FORM = Text("“{file}”不是可以填写的表单：{why}", '"{file}" is not a form that can be filled: {why}')
FAILED = Text("填写表单“{file}”时出错{where}：{why}", 'Filling the form "{file}" failed{where}: {why}')
PLACE = Text("（位置：{place}）", " (at {place})")

# filters a form may use; anything else (attr, map …) is refused
FILTERS = frozenset({
    "default", "d", "length", "count", "join", "upper", "lower", "trim", "replace", "truncate",
    "first", "last", "sort", "reverse", "unique", "selectattr", "rejectattr", "sum", "round",
    "int", "float", "string", "list", "title", "capitalize", "wordcount", "center", "abs",
    "batch", "slice", "min", "max", "striptags"})
LISTS_OUT = frozenset({"sort", "reverse", "unique", "selectattr", "rejectattr", "list", "batch",
                       "slice"})
ITEM_OUT = frozenset({"first", "last", "min", "max"})
TESTS = frozenset({"defined", "undefined", "none", "number", "string", "equalto", "eq", "ne",
                   "in", "odd", "even", "divisibleby", "lt", "le", "gt", "ge", "true", "false"})
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{\{.*|\{%.*")


class FormError(LaomoError):
    """A form that cannot be filled as it is; the message names the file and the placeholder."""


MAX_TEXT = 100_000  # characters or items one multiplication or padding may make
MAX_LOOPS = 3  # loops inside loops
MAX_SETS = 20  # {% set %} tags in one part of a form
TOO_BIG = Text("结果过大（超过 {n} 个字或项）", "the result is too large (over {n} characters or items)")


def _center(value, width=80):
    """Jinja's center, with the width a form may ask for capped (a huge width is only memory)."""
    return str(value).center(min(int(width), MAX_TEXT))


class _FormEnvironment(SandboxedEnvironment):
    """Compiles each source once: filling one form for many studios renders the same parts
    again and again (docxtpl asks for a template of each part at every fill). Text or a list
    multiplied by a number, and padding, are capped: a form cannot fill the memory."""

    intercepted_binops = frozenset({"*"})

    def __init__(self, **options):
        super().__init__(**options)
        self.filters["center"] = _center

    def call_binop(self, context, operator, left, right):
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) \
                        and len(seq) * times > MAX_TEXT:
                    raise FormError(TOO_BIG(n=f"{MAX_TEXT:,}"))
        return super().call_binop(context, operator, left, right)

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 - Jinja's name
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        key = (source, self.autoescape)
        cache = self.__dict__.setdefault("_compiled", {})
        if key not in cache:
            cache[key] = super().from_string(source)
        return cache[key]


def environment() -> SandboxedEnvironment:
    """The engine every form runs in: sandboxed, strict about undefined names."""
    return _FormEnvironment(undefined=StrictUndefined, autoescape=False)


class _Refused(Exception):
    def __init__(self, said, name: str):
        super().__init__(name)
        self.said, self.name = said, name


def path_of(node: nodes.Node) -> str:
    """A name as the form wrote it: 工作室.名称, x.成果名称, 创新成果[0]."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{path_of(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return f"{path_of(node.node)}[{node.arg.value!r}]"
    if isinstance(node, nodes.Const):
        return repr(node.value)
    return type(node).__name__


def _lists(scope: dict[str, Node]) -> str:
    return "、".join(n for n, v in scope.items() if isinstance(v, Many) and n != "loop")


class Checker:
    """Resolves a parsed form against the vocabulary; raises _Refused at the first problem."""

    def __init__(self, env: SandboxedEnvironment):
        self.env = env
        self.lineno = 0
        self.top = vocabulary().fields
        self.used: set[str] = set()  # the vocabulary's top-level names the form reads
        self.depth = 0  # loops inside loops here
        self.sets = 0

    def template(self, tree: nodes.Template) -> None:
        self.body(tree.body, dict(vocabulary().fields))

    def body(self, items: list[nodes.Node], scope: dict[str, Node]) -> None:
        for n in items:
            self.lineno = getattr(n, "lineno", self.lineno)
            self.statement(n, scope)

    def statement(self, n: nodes.Node, scope: dict[str, Node]) -> None:
        if isinstance(n, nodes.Output):
            for x in n.nodes:
                if not isinstance(x, nodes.TemplateData):
                    self.lineno = x.lineno
                    self.expr(x, scope)
        elif isinstance(n, nodes.For):
            self.loop(n, scope)
        elif isinstance(n, nodes.If):
            self.expr(n.test, scope)
            self.body(n.body, dict(scope))
            for e in n.elif_:
                self.statement(e, scope)
            self.body(n.else_, dict(scope))
        elif isinstance(n, nodes.Assign) and isinstance(n.target, nodes.Name):
            self.sets += 1
            if self.sets > MAX_SETS or any(x.name == n.target.name
                                           for x in n.node.find_all(nodes.Name)):
                raise _Refused(NOT_ALLOWED(what=f"超过 {MAX_SETS} 个 set 或用变量自身给它赋值"),
                               n.target.name)
            scope[n.target.name] = self.expr(n.node, scope)
        else:
            raise _Refused(NOT_ALLOWED(what=f"“{type(n).__name__}”标记"), type(n).__name__)

    def loop(self, n: nodes.For, scope: dict[str, Node]) -> None:
        if not isinstance(n.target, nodes.Name) or n.recursive:
            raise _Refused(NOT_ALLOWED(what="多个循环变量或递归循环"), path_of(n.target))
        over = self.expr(n.iter, scope)
        if not isinstance(over, Many):
            name = path_of(n.iter)
            raise _Refused(NOT_A_LIST(name=name, lists=_lists(scope)), name)
        inner = {**scope, n.target.name: over.item, "loop": LOOP}
        if n.test is not None:
            self.expr(n.test, inner)
        self.depth += 1
        if self.depth > MAX_LOOPS:
            raise _Refused(NOT_ALLOWED(what=f"超过 {MAX_LOOPS} 层的循环嵌套"), path_of(n.iter))
        self.body(n.body, inner)
        self.depth -= 1
        self.body(n.else_, dict(scope))

    def field(self, base: Node, name: str, whole: str) -> Node:
        if name.startswith("_"):
            raise _Refused(INTERNALS(name=name), whole)
        if isinstance(base, Fields) and name in base.fields:
            return base.fields[name]
        if isinstance(base, Many) and name in base.item.fields:
            list_name = whole.rsplit(".", 1)[0]
            raise _Refused(NEEDS_LOOP(name=list_name, field=name), whole)
        raise _Refused(UNKNOWN_FIELD(name=whole), whole)

    def expr(self, n: nodes.Node, scope: dict[str, Node]) -> Node:  # noqa: PLR0911, PLR0912
        if isinstance(n, nodes.Name):
            if n.name.startswith("_"):
                raise _Refused(INTERNALS(name=n.name), n.name)
            if n.name not in scope:
                raise _Refused(UNKNOWN_FIELD(name=n.name), n.name)
            if scope[n.name] is self.top.get(n.name):
                self.used.add(n.name)
            return scope[n.name]
        if isinstance(n, nodes.Getattr):
            if isinstance(n.node, nodes.Const) or n.attr.startswith("_"):
                if n.attr.startswith("_"):
                    raise _Refused(INTERNALS(name=n.attr), path_of(n))
                raise _Refused(NOT_ALLOWED(what="文字的方法"), path_of(n))
            return self.field(self.expr(n.node, scope), n.attr, path_of(n))
        if isinstance(n, nodes.Getitem):
            base = self.expr(n.node, scope)
            if isinstance(n.arg, nodes.Const) and isinstance(n.arg.value, str):
                return self.field(base, n.arg.value, path_of(n))
            if isinstance(base, Many) and isinstance(n.arg, nodes.Const) \
                    and isinstance(n.arg.value, int):
                return base.item
            if isinstance(base, Many) and isinstance(n.arg, nodes.Slice):
                return base
            raise _Refused(NOT_ALLOWED(what="这种取值方式"), path_of(n))
        if isinstance(n, nodes.Const):
            return Scalar("")
        if isinstance(n, nodes.Filter):
            return self.filter(n, scope)
        if isinstance(n, nodes.Test):
            if n.name not in TESTS:
                raise _Refused(NOT_ALLOWED(what=f"测试“{n.name}”"), n.name)
            self.expr(n.node, scope)
            self.args(n, scope)
            return Scalar("")
        if isinstance(n, nodes.Pow) or (isinstance(n, nodes.Mul) and any(
                isinstance(x, nodes.Const) and isinstance(x.value, str) for x in (n.left, n.right))):
            raise _Refused(NOT_ALLOWED(what="乘方或文字相乘"), type(n).__name__)
        if isinstance(n, (nodes.BinExpr, nodes.UnaryExpr, nodes.Compare, nodes.Concat,
                          nodes.CondExpr, nodes.List, nodes.Tuple, nodes.Operand)):
            for child in n.iter_child_nodes():
                self.expr(child, scope)
            if isinstance(n, (nodes.And, nodes.Or)):
                return self.expr(n.left, scope)
            return Many("", Fields("")) if isinstance(n, nodes.List) else Scalar("")
        if isinstance(n, nodes.Call):
            raise _Refused(NOT_ALLOWED(what="函数调用"), path_of(n.node))
        raise _Refused(NOT_ALLOWED(what=f"“{type(n).__name__}”"), type(n).__name__)

    def args(self, n: nodes.Filter | nodes.Test, scope: dict[str, Node]) -> None:
        if n.dyn_args is not None or n.dyn_kwargs is not None:
            raise _Refused(NOT_ALLOWED(what="* 或 ** 参数"), n.name)
        for a in (*n.args, *(k.value for k in n.kwargs)):
            self.expr(a, scope)

    def filter(self, n: nodes.Filter, scope: dict[str, Node]) -> Node:
        if n.name not in FILTERS:
            raise _Refused(NOT_ALLOWED(what=f"过滤器“{n.name}”"), n.name)
        base = self.expr(n.node, scope) if n.node is not None else Scalar("")
        self.args(n, scope)
        named = [k.value for k in n.kwargs if k.key == "attribute"]
        if n.name in ("selectattr", "rejectattr") and n.args:
            named.append(n.args[0])
        for a in named:  # an attribute named as a string must be a field of the items
            if isinstance(base, Many) and isinstance(a, nodes.Const) and isinstance(a.value, str) \
                    and a.value not in base.item.fields:
                raise _Refused(UNKNOWN_FIELD(name=a.value), a.value)
        if n.name in LISTS_OUT and isinstance(base, Many):
            return base
        if n.name in ITEM_OUT and isinstance(base, Many):
            return base.item
        return Scalar("")


def _tag_in(line: str, name: str) -> str:
    tags = TAG.findall(line)
    for t in tags:
        if name and name.split(".")[0].split("[")[0] in t:
            return t.strip()
    return tags[0].strip() if tags else name


def _syntax_why(exc: TemplateSyntaxError) -> str:
    text = exc.message or ""
    for tag in ("for", "if"):
        if f"'end{tag}'" in text and "end of template" in text.lower():
            return NO_END(tag=tag).render()
    unknown = re.search(r"unknown tag '([^']+)'", text)
    if unknown:
        return NOT_ALLOWED(what=f"“{unknown.group(1)}”标记").render()
    return text


def check(env: SandboxedEnvironment, source: str, file: str,
          place_of: Callable[[int], tuple[str, str]]) -> set[str]:
    """Parse and check a form's source. `place_of(lineno)` → (the line's text, where it stands
    in words); every problem is a FormError naming `file`, the tag and the place. Returns the
    vocabulary's top-level names the form reads (so only those lists are gathered)."""
    try:
        tree = env.parse(source)
    except TemplateSyntaxError as exc:
        line, where = place_of(exc.lineno or 1)
        if "end of template" in (exc.message or "").lower():
            opening = [t for ln in source.splitlines() for t in TAG.findall(_text(ln))
                       if re.match(r"\{%-?\s*(tr|tc|p|r)?\s*(for|if)\b", t)]
            tag = opening[-1] if opening else "{%"
            where = ""
        else:
            tag = _tag_in(line, "") or line[:40]
        raise FormError(FORM_PROBLEM(file=file, tag=tag, problem=BROKEN(why=_syntax_why(exc)),
                                     where=PLACE(place=where) if where else "")) from None
    checker = Checker(env)
    try:
        checker.template(tree)
    except _Refused as r:
        line, where = place_of(checker.lineno)
        raise FormError(FORM_PROBLEM(file=file, tag=_tag_in(line, r.name), problem=r.said,
                                     where=PLACE(place=where) if where else "")) from None
    return checker.used


def _text(xml_line: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", xml_line))
