"""The Content-Security-Policy, rule by rule, without a build.

The built site's tests (test_policy.py) check that pages carry a policy; these
check what the policy says, so that a weakened directive or a script counted
wrongly fails here in milliseconds. Hashes are typed out (sha256 in base64,
worked out with hashlib and base64, as a browser does).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from learning_platform.policy import (
    InlineScripts, content_security_policy, inline_scripts, mark_toc_languages, script_hash, write_headers,
)

ALERT = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"       # alert(1)
VAR = "'sha256-+dZ6udsWxNVoGfScAq7t5IIF5UJb4F6RhjbN6oe1p4w='"         # var a = 1;
POLICY = ("default-src 'self'; script-src 'self'; img-src 'self' data:; style-src 'self'; font-src 'self'; "
          "connect-src 'self'; manifest-src 'self'; worker-src 'self'; frame-src 'none'; object-src 'none'; "
          "base-uri 'self'; form-action 'self'")


def test_a_script_is_named_by_the_sha256_of_its_code_in_base64():
    assert script_hash("alert(1)") == ALERT
    assert script_hash("var a = 1;") == VAR
    assert script_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"


def test_the_hash_is_of_the_code_as_utf8():
    assert script_hash("ж") == "'sha256-3VkShNgn4X8PFXBuTkMFSMYrT5PShH4PzHlytK7YNVE='"


def test_inline_scripts_that_run_are_found_and_others_are_not():
    page = ('<head><script>alert(1)</script><script src="x.js"></script>'
            '<script type="application/json">{"a": 1}</script>'
            '<script type="application/ld+json">{}</script></head>'
            '<body><script type="text/javascript">var a = 1;</script>'
            '<script type="module">import "./m.js";</script>'
            '<script id="data" src="y.js">ignored()</script></body>')
    assert inline_scripts(page) == ["alert(1)", "var a = 1;", 'import "./m.js";']


def test_an_inline_script_over_several_lines_is_one_script():
    assert inline_scripts("<script>\nvar a = 1;\nalert(1)\n</script>") == ["\nvar a = 1;\nalert(1)\n"]


def test_a_page_without_scripts_has_none():
    assert inline_scripts("<p>No script here.</p>") == []


def test_the_policy_allows_the_sites_own_files_and_no_inline_code_but_the_named_scripts():
    assert content_security_policy([]) == POLICY
    assert content_security_policy([ALERT, VAR]) == POLICY.replace(
        "script-src 'self'", f"script-src 'self' {ALERT} {VAR}")


def test_the_headers_policy_also_forbids_framing_which_a_meta_tag_cannot():
    assert content_security_policy([ALERT], for_headers=True) == (
        POLICY.replace("script-src 'self'", f"script-src 'self' {ALERT}") + "; frame-ancestors 'none'")


def test_a_page_carries_its_policy_and_referrer_rule_right_after_its_charset():
    scripts = InlineScripts()
    page = '<html><head><meta charset="utf-8"><title>T</title><script>alert(1)</script></head></html>'
    policy = POLICY.replace("script-src 'self'", f"script-src 'self' {ALERT}")
    assert scripts.protect(page) == (
        f'<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="referrer" content="no-referrer"><title>T</title><script>alert(1)</script></head></html>')


def test_a_page_without_a_charset_carries_its_policy_first_in_its_head():
    protected = InlineScripts().protect("<html><head><title>T</title></head></html>")
    assert protected == (f'<html><head><meta http-equiv="Content-Security-Policy" content="{POLICY}">'
                         '<meta name="referrer" content="no-referrer"><title>T</title></head></html>')


def test_a_page_names_each_of_its_scripts_once_in_order_of_hash():
    page = '<head><meta charset="utf-8"></head><script>var a = 1;</script><script>alert(1)</script><script>alert(1)</script>'
    protected = InlineScripts().protect(page)
    assert f"script-src 'self' {VAR} {ALERT};" in protected
    assert protected.count("Content-Security-Policy") == 1


HEADERS = (
    "/*\n"
    "  Content-Security-Policy: {policy}\n"
    "  X-Content-Type-Options: nosniff\n"
    "  Referrer-Policy: no-referrer\n"
    "  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()\n"
    "  X-Frame-Options: DENY\n"
    "  Cross-Origin-Opener-Policy: same-origin\n"
)


def test_the_headers_file_names_every_script_the_build_saw_on_any_page(tmp_path: Path):
    scripts = InlineScripts()
    scripts.protect("<head><script>alert(1)</script></head>")
    scripts.protect("<head><script>var a = 1;</script><script>alert(1)</script></head>")
    write_headers(tmp_path, scripts)
    policy = POLICY.replace("script-src 'self'", f"script-src 'self' {VAR} {ALERT}") + "; frame-ancestors 'none'"
    assert (tmp_path / "_headers").read_text(encoding="utf-8") == HEADERS.format(policy=policy)


def test_a_table_of_contents_entry_carries_the_language_of_its_heading():
    page = ('<h2 id="zakon" lang="sr">Закон</h2><h2 id="law">Law</h2>'
            '<a href="#zakon" class="md-nav__link">\n  <span class="md-ellipsis">Закон</span></a>'
            '<a href="#law" class="md-nav__link"><span class="md-ellipsis">Law</span></a>')
    assert mark_toc_languages(page) == (
        '<h2 id="zakon" lang="sr">Закон</h2><h2 id="law">Law</h2>'
        '<a href="#zakon" class="md-nav__link">\n  <span class="md-ellipsis" lang="sr">Закон</span></a>'
        '<a href="#law" class="md-nav__link"><span class="md-ellipsis">Law</span></a>')


def test_a_page_whose_headings_are_all_in_its_language_is_unchanged():
    page = '<h2 id="law">Law</h2><a href="#law" class="md-nav__link"><span class="md-ellipsis">Law</span></a>'
    assert mark_toc_languages(page) == page


@pytest.mark.parametrize("level", [1, 3, 6])
def test_headings_of_every_level_lend_their_language(level):
    page = (f'<h{level} id="a" lang="mk">А</h{level}>'
            '<a href="#a" class="md-nav__link"><span class="md-ellipsis">А</span></a>')
    assert '<span class="md-ellipsis" lang="mk">А</span>' in mark_toc_languages(page)


def test_an_unfinished_script_tag_at_the_end_of_a_page_is_not_a_script():
    assert inline_scripts("<p>See the code.</p><script") == []
    assert inline_scripts("<script>alert(1)</script><p>x</p><script") == ["alert(1)"]


def test_the_policy_is_written_once_however_often_the_page_shows_the_tag_it_follows():
    page = ('<head><meta charset="utf-8"></head><body>'
            '<textarea><head><meta charset="utf-8"></textarea></body>')
    protected = InlineScripts().protect(page)
    assert protected.count('http-equiv="Content-Security-Policy"') == 1
    assert protected.startswith('<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')
    without_charset = InlineScripts().protect("<head></head><body><textarea><head></textarea></body>")
    assert without_charset.count('http-equiv="Content-Security-Policy"') == 1
