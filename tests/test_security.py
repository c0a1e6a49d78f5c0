"""CSRF seeds and tokens (companion.web.security): which seeds are accepted, how a token
is tied to its seed and the app's secret, and how the secret key file is made."""

from __future__ import annotations

import hashlib
import hmac
import stat
from pathlib import Path

import pytest

from companion.web import security
from companion.web.security import (
    SEED_BYTES,
    load_or_create_secret,
    new_seed,
    token_for,
    token_matches,
    valid_seed,
)

SECRET = b"0123456789abcdef0123456789abcdef"
SEED = "seed-for-a-known-vector"
# HMAC-SHA256(SECRET, SEED), computed once: a change of algorithm or encoding shows here.
KNOWN_TOKEN = "53af57ab4ce1ae9ea18fe74aed04f2d00fac8b0a7c53f96aa0749b75aab3fb86"


# ---------------------------------------------------------------------------- seeds


@pytest.mark.parametrize(
    ("seed", "valid"),
    [
        ("a" * 20, True),  # shortest accepted
        ("a" * 64, True),  # longest accepted
        ("Az09_-" * 4, True),  # the URL-safe base64 alphabet
        (None, False),
        ("", False),
        ("a" * 19, False),  # too short to be a real seed
        ("a" * 65, False),  # too long
        ("a" * 19 + "+", False),  # standard base64 characters are not URL-safe
        ("a" * 19 + "/", False),
        ("a" * 19 + "=", False),
        ("a" * 20 + "\n", False),  # a trailing newline must not slip through
        ("a" * 10 + " " + "a" * 10, False),
        ("a" * 10 + ";" + "a" * 10, False),  # cookie syntax
        ("é" * 20, False),  # non-ASCII letters
        ("٣" * 20, False),  # non-ASCII digits
    ],
)
def test_valid_seed(seed, valid):
    assert valid_seed(seed) is valid


def test_new_seed_is_valid_url_safe_and_random():
    seeds = {new_seed() for _ in range(20)}
    assert len(seeds) == 20  # never repeats
    for seed in seeds:
        assert valid_seed(seed)
        assert len(seed) == 4 * SEED_BYTES // 3  # 24 random bytes, base64 without padding


# ---------------------------------------------------------------------------- tokens


def test_token_for_is_hmac_sha256_of_the_seed():
    assert token_for(SECRET, SEED) == KNOWN_TOKEN
    assert token_for(SECRET, SEED) == hmac.new(SECRET, SEED.encode(), hashlib.sha256).hexdigest()


def test_token_depends_on_secret_and_seed():
    other_seed = SEED[:-1] + "X"
    assert token_for(SECRET, other_seed) != KNOWN_TOKEN
    assert token_for(SECRET[::-1], SEED) != KNOWN_TOKEN


def test_token_matches_its_own_seed():
    seed = new_seed()
    assert token_matches(SECRET, seed, token_for(SECRET, seed))


@pytest.mark.parametrize(
    ("secret", "seed", "token"),
    [
        (SECRET[::-1], SEED, KNOWN_TOKEN),  # made with another app's secret
        (SECRET, SEED + "x", KNOWN_TOKEN),  # another browser's seed
        (SECRET, SEED, None),  # no token in the form
        (SECRET, SEED, ""),
        (SECRET, SEED, KNOWN_TOKEN[:-1]),  # truncated
        (SECRET, SEED, KNOWN_TOKEN + "0"),  # too long
        (SECRET, SEED, KNOWN_TOKEN.upper()),  # hex digests are compared exactly
        (SECRET, SEED, "0" * 64),
        (SECRET, None, KNOWN_TOKEN),  # no cookie
        (SECRET, "", KNOWN_TOKEN),
    ],
)
def test_token_matches_rejects(secret, seed, token):
    assert not token_matches(secret, seed, token)


def test_token_matches_rejects_an_invalid_seed_even_with_its_own_token():
    for seed in ("short", "a" * 65, "a" * 19 + "+"):
        assert not token_matches(SECRET, seed, token_for(SECRET, seed))


# ---------------------------------------------------------------------------- secret key


def test_secret_is_created_private_with_its_folder(tmp_path: Path):
    path = tmp_path / "instance" / "nested" / "secret_key"
    key = load_or_create_secret(path)
    assert path.is_file()
    assert len(key) == 64 and all(c in b"0123456789abcdef" for c in key)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["secret_key"]  # no temporary file left


def test_secret_is_reused_not_renewed(tmp_path: Path):
    path = tmp_path / "secret_key"
    first = load_or_create_secret(path)
    assert load_or_create_secret(path) == first


def test_two_new_secret_files_differ(tmp_path: Path):
    assert load_or_create_secret(tmp_path / "a") != load_or_create_secret(tmp_path / "b")


def test_existing_secret_is_read_and_stripped(tmp_path: Path):
    path = tmp_path / "secret_key"
    path.write_bytes(b"  " + b"k" * 40 + b"\n")
    assert load_or_create_secret(path) == b"k" * 40


@pytest.mark.parametrize("content", [b"", b"\n", b"k" * 31, b"k" * 31 + b"\n\n"])
def test_short_secret_is_refused_naming_the_file(tmp_path: Path, content: bytes):
    path = tmp_path / "secret_key"
    path.write_bytes(content)
    with pytest.raises(ValueError, match="too short") as info:
        load_or_create_secret(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == content  # never silently replaced


def test_secret_of_exactly_32_bytes_is_accepted(tmp_path: Path):
    path = tmp_path / "secret_key"
    path.write_bytes(b"k" * 32)
    assert load_or_create_secret(path) == b"k" * 32


def test_a_forged_non_ascii_token_is_refused_not_an_error():
    seed = security.new_seed()
    assert security.token_matches(b"k" * 32, seed, "é" * 64) is False
