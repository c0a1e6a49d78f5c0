"""Settings, read and checked in one place.

Every setting follows one precedence rule: an explicit value (the app factory's
``config``, a command-line option) wins over the environment, which wins over the
default. ``load_settings`` validates them all at start, so a bad value stops the app with
one line instead of failing on every request.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from companion.common.errors import SettingsError

PROJECT_ROOT = Path(__file__).resolve().parents[2]
INSTANCE_DIR = PROJECT_ROOT / "instance"  # made on first start: secret key, SQLite database
SHARED_GLOSSARY = "glossary.md"
PAPERS = {"letter": "letter", "a4": "A4"}  # option value -> CSS @page size


@dataclass(frozen=True)
class Setting:
    config_key: str  # the key in the app factory's config
    env: str  # the environment variable
    default: str


SETTINGS = {
    "content_dir": Setting("CONTENT_DIR", "COMPANION_CONTENT", "content"),
    "wordnet_dir": Setting("WORDNET_DIR", "COMPANION_WORDNET", "/usr/share/wordnet"),
    "paper": Setting("WORKSHEET_PAPER", "COMPANION_PAPER", "letter"),
    "secret_key": Setting("SECRET_KEY", "COMPANION_SECRET_KEY", ""),
    "behind_proxy": Setting("BEHIND_PROXY", "COMPANION_BEHIND_PROXY", "0"),
    "database_url": Setting(
        "DATABASE_URL", "COMPANION_DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'companion.db'}"
    ),
    # seconds the index page waits for the lesson index's first build (docs/deploy.md)
    "index_wait": Setting("INDEX_BUILD_WAIT", "COMPANION_INDEX_WAIT", "1.5"),
}
DATABASE_SCHEMES = ("sqlite:///", "postgresql://", "postgresql+psycopg://", "postgres://")


@dataclass(frozen=True)
class Settings:
    content_dir: Path
    wordnet_dir: Path
    paper: str
    secret_key: str  # "" means: make one in instance/secret_key on first start
    behind_proxy: bool = False  # trust one proxy's X-Forwarded-Proto / -For (docs/deploy.md)
    database_url: str = SETTINGS["database_url"].default  # teachers (docs/teachers.md)
    index_wait: float = 1.5  # seconds the index page waits for the index's first build


def setting(
    name: str, explicit: Mapping | None = None, environ: Mapping[str, str] | None = None
) -> str:
    """One setting's raw value: explicit config, else the environment, else the default."""
    spec = SETTINGS[name]
    environ = os.environ if environ is None else environ
    if explicit and explicit.get(spec.config_key) not in (None, ""):
        return str(explicit[spec.config_key])
    value = environ.get(spec.env, "")
    return value if value.strip() else spec.default


def check_paper(value: str, source: str = "COMPANION_PAPER") -> str:
    paper = value.strip().lower()
    if paper not in PAPERS:
        raise SettingsError(f"{source} must be 'letter' or 'a4' (it is '{value}')")
    return paper


def load_settings(
    explicit: Mapping | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """All settings, validated; raises SettingsError naming the bad one."""

    def get(name: str) -> str:
        return setting(name, explicit, environ)

    return Settings(
        content_dir=Path(get("content_dir")),
        wordnet_dir=Path(get("wordnet_dir")),
        paper=check_paper(get("paper")),
        secret_key=get("secret_key"),
        behind_proxy=check_flag(get("behind_proxy"), "COMPANION_BEHIND_PROXY"),
        database_url=check_database_url(get("database_url")),
        index_wait=check_seconds(get("index_wait"), "COMPANION_INDEX_WAIT"),
    )


def check_seconds(value: str, source: str) -> float:
    try:
        seconds = float(value.strip())
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 600:
        raise SettingsError(f"{source} must be a number of seconds from 0 to 600 (it is '{value}')")
    return seconds


def check_database_url(value: str, source: str = "COMPANION_DATABASE_URL") -> str:
    """A SQLite file or a PostgreSQL server (companion.accounts.database reads the rest)."""
    url = value.strip()
    if not url.lower().startswith(DATABASE_SCHEMES):
        raise SettingsError(
            f"{source} must start with sqlite:/// or postgresql:// "
            f"(it starts with '{url.split('//', 1)[0][:20]}')"
        )
    return url


def check_flag(value: str, source: str) -> bool:
    flag = value.strip().lower()
    if flag in ("1", "true", "yes", "on"):
        return True
    if flag in ("0", "false", "no", "off", ""):
        return False
    raise SettingsError(f"{source} must be 1 or 0 (it is '{value}')")


def content_dir() -> Path:
    """Where lesson files live: $COMPANION_CONTENT, default ./content."""
    return Path(setting("content_dir"))


def wordnet_dir() -> Path:
    """WordNet 3.0 database files: $COMPANION_WORDNET, default Debian's wordnet-base."""
    return Path(setting("wordnet_dir"))


def database_url() -> str:
    """The teachers' database: $COMPANION_DATABASE_URL, default instance/companion.db."""
    return check_database_url(setting("database_url"))


def default_paper() -> str:
    """The paper size used when none is asked for: $COMPANION_PAPER, default letter."""
    return check_paper(setting("paper"))
