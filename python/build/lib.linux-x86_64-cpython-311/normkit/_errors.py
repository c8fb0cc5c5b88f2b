"""The exceptions normkit raises: where a rule file or recipe is broken, and
which scheme ids come nearest to one that does not exist."""


class RuleError(ValueError):
    """A rule file or recipe that cannot be read: `file`, `line` and `column`
    say where (line and column from 1; 0 when unknown)."""

    def __init__(self, message, file="", line=0, column=0):
        super().__init__(message)
        self.file = file
        self.line = line
        self.column = column


class NotFoundError(KeyError):
    """A named scheme, transform, recipe or rule file that does not exist."""

    def __str__(self):  # KeyError would print the message in quotes
        return str(self.args[0]) if self.args else ""


class UnknownSchemeError(NotFoundError):
    """A transliteration scheme id that does not exist; `nearest` lists the
    ids that come closest."""

    def __init__(self, message, scheme="", nearest=()):
        super().__init__(message)
        self.scheme = scheme
        self.nearest = list(nearest)


class RunError(RuntimeError):
    """`normkit run` stopped with an exit status other than 0 (`status`);
    its message went to standard error."""

    def __init__(self, message, status):
        super().__init__(message)
        self.status = status
