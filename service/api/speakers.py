"""GET /speakers and GET /speakers/{id}: who said things, under which names."""

from __future__ import annotations

from service.api.base import Blueprint, found_or_404, page_body, page_window, problem, services
from service.schemas import SpeakerPageSchema, SpeakerQueryArgsSchema, SpeakerSummarySchema

blp = Blueprint("speakers", __name__, description="People and bodies statements are attributed to.")


@blp.get("/speakers")
@blp.arguments(SpeakerQueryArgsSchema, location="query")
@blp.response(200, SpeakerPageSchema)
def list_speakers(args):
    """Speakers with their roles, the mentions seen for them and their statement counts."""
    offset, limit = page_window(args)
    speakers, total = services().list_speakers(offset, limit, name=args.get("name"))
    return page_body(speakers, total, args)


@blp.get("/speakers/<int:speaker_id>")
@blp.response(200, SpeakerSummarySchema)
@blp.alt_response(404, **problem("No speaker has this id."))
def get_speaker(speaker_id):
    """One speaker."""
    return found_or_404(services().speaker_detail(speaker_id), "speaker", speaker_id)
