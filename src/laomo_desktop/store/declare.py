"""The building blocks of a record kind's declaration (store/schema.py): the field types, a
field, a list of sub-rows and a kind. Kept apart so the kinds can be declared in more than one
module (store/schema_year.py: the union's year)."""

from __future__ import annotations

from dataclasses import dataclass

from laomo_desktop.store import enums as E

TEXT = "text"          # one line
LONGTEXT = "longtext"  # free text, paragraphs
INT = "int"
FLOAT = "float"
MONEY = "money"        # integer fen
DATE = "date"          # ISO yyyy-mm-dd
YEAR = "year"
BOOL = "bool"
CHOICE = "choice"      # one code of a Choice enum
MULTI = "multi"        # several codes of a Choice enum, comma-separated
REF = "ref"            # another record of the same studio, by uid

TEXT_MAX = 200
LONGTEXT_MAX = 20000


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    en: str
    type: str = TEXT
    required: bool = False
    max_len: int | None = None
    min: float | None = None
    max: float | None = None
    choices: type[E.Choice] | None = None
    ref: str | None = None

    @property
    def column(self) -> str:
        return f"{self.name}_id" if self.type == REF else self.name

    @property
    def text_limit(self) -> int:
        if self.max_len is not None:
            return self.max_len
        return LONGTEXT_MAX if self.type == LONGTEXT else TEXT_MAX


@dataclass(frozen=True)
class Child:
    """A list of sub-rows that belongs to one record and is versioned with it."""

    name: str
    label: str
    en: str
    table: str
    fields: tuple[Field, ...]
    max_items: int | None = None
    unique: str | None = None  # a field whose value may appear only once in the list


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    en: str
    table: str
    fields: tuple[Field, ...]
    title: str
    children: tuple[Child, ...] = ()
    indexes: tuple[tuple[str, ...], ...] = ()
    date_field: str | None = None
    per_studio: bool = True

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    def child(self, name: str) -> Child:
        for c in self.children:
            if c.name == name:
                return c
        raise KeyError(name)


F = Field
