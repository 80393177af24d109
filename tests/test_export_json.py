"""The JSON export's text: the document as written, one session a line."""

import json
from datetime import datetime, timedelta, timezone

from tui.interchange.export_json import export_document, export_text

from .conftest import make_session

AT = datetime(2026, 3, 2, 17, 30, tzinfo=timezone.utc)


def test_the_text_is_the_document_with_one_session_a_line():
    sessions = [make_session("Früh", at=AT), make_session("B", at=AT + timedelta(days=1))]
    document = export_document(sessions, None, AT)
    text = export_text(document)
    assert json.loads(text) == document
    assert list(json.loads(text)) == ["format", "version", "exported_at", "sessions"]
    lines = text.splitlines()
    assert lines[0] == "{" and lines[-1] == "}" and text.endswith("}\n")
    assert [json.loads(line.rstrip(",")) for line in lines[5:7]] == document["sessions"]
    assert "Früh" in text  # not escaped
    assert export_text(document) == text


def test_an_export_without_sessions_is_still_a_document():
    document = export_document([], None, AT)
    assert json.loads(export_text(document)) == document
